// `npm start`: open the desktop app when the Electron runtime is installed;
// otherwise say so in one line and open Khipu in browser mode (`npm run serve`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const isWindows = process.platform === 'win32';
const npm = isWindows ? 'npm.cmd' : 'npm';

function electronBinary() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = join(electronDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Windows needs a shell to run npm.cmd, and the shell joins arguments unquoted. */
function shellArgument(argument) {
  return isWindows && /[\s"&|<>^]/.test(argument) ? `"${argument.replace(/"/g, '""')}"` : argument;
}

/**
 * Runs the child in this terminal, passes Ctrl+C and kill on to it, and exits as it exits.
 * On POSIX the child gets a process group of its own and the signal goes to the whole group:
 * `npm run` starts the script under `sh -c`, which would not pass a signal on to the server.
 */
function runAttached(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root, detached: !isWindows, ...options });
  const forward = (signal) => (isWindows ? child.kill(signal) : process.kill(-child.pid, signal));
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}

const binary = electronBinary();
if (binary) {
  // package.json "main" is dist/electron/main.cjs, which `npm run build` produces.
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', cwd: root, shell: isWindows });
  if (build.status !== 0) process.exit(build.status ?? 1);
  runAttached(binary, [root]);
} else {
  console.log('Khipu: el entorno de Electron no está instalado en esta máquina; Khipu se abre en modo navegador.');
  const extra = process.argv.slice(2).map(shellArgument);
  runAttached(npm, ['run', 'serve', ...(extra.length > 0 ? ['--', ...extra] : [])], { shell: isWindows });
}
