// `npm start`: open the desktop app when the Electron runtime is installed;
// otherwise say so in one line and explain how to proceed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = join(electronDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log(
    'Khipu: el entorno de Electron no está instalado en esta máquina (npx install-electron --no lo descarga); ' +
      'el motor contable se usa desde Node (ver docs/engine.md).',
  );
  process.exit(0);
}
const { spawn } = await import('node:child_process');
const child = spawn(binary, [join(root, 'dist', 'electron', 'main.cjs')], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
