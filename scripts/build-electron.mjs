// `npm run build:electron`: bundles the desktop shell with esbuild.
//   electron/main.ts    → dist/electron/main.cjs     (Node, CommonJS; electron and the native
//                                                      better-sqlite3 stay external)
//   electron/preload.ts → dist/electron/preload.cjs  (sandboxed preload: may require only 'electron')
// Fails on any esbuild warning, and if the preload bundle would require anything but electron.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'electron');

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  // Source maps are written beside the bundles ("linked") so stack traces can be mapped
  // while developing; electron-builder.yml excludes *.map, so installers stay small.
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // .cjs outputs under a "type": "module" package: Node and Electron load them as CommonJS.
  outExtension: { '.js': '.cjs' },
};

await rm(outdir, { recursive: true, force: true });

const main = await build({
  ...common,
  entryPoints: { main: 'electron/main.ts' },
  outdir,
  platform: 'node',
  target: 'node20',
  external: ['electron', 'better-sqlite3'],
  // No module in db/ or shared/ reads import.meta (checked). esbuild would leave it empty in
  // CommonJS output and warn; warnings fail this build, so a future use is caught here rather
  // than shimmed: a shimmed import.meta.url would point at main.cjs, not at the source module,
  // and any path resolved from it would be silently wrong.
});

const preload = await build({
  ...common,
  entryPoints: { preload: 'electron/preload.ts' },
  outdir,
  // 'browser': a Node built-in pulled in by mistake fails the build instead of failing at runtime.
  platform: 'browser',
  target: 'chrome140',
  external: ['electron'],
});

const problems = [];
for (const result of [main, preload]) {
  if (result.warnings.length > 0) problems.push(`${result.warnings.length} aviso(s) de esbuild`);
}
for (const [file, output] of Object.entries(preload.metafile.outputs)) {
  if (file.endsWith('.map')) continue;
  const foreign = output.imports.filter((entry) => entry.path !== 'electron');
  if (foreign.length > 0) {
    problems.push(`${file} importa ${foreign.map((entry) => entry.path).join(', ')}; un preload aislado solo puede usar electron`);
  }
}
if (problems.length > 0) {
  console.error(`build-electron: ${problems.join('; ')}`);
  process.exit(1);
}

for (const result of [main, preload]) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.map')) console.log(`${relative(root, join(root, file))}  ${(output.bytes / 1024).toFixed(1)} KiB`);
  }
}
