#!/usr/bin/env node
// The first step of `npm test`: the Debian packages the tests need beside node_modules.
// Each present tool gets one line; missing ones are installed with apt-get when this process
// may (root, or sudo without a password), otherwise it stops and prints the exact command.
// Plain Node, no dependencies, never reads standard input (CI). The decision itself is the
// pure function planSystemTools, tested in test/system-tools.test.ts.
//
// For trying it out: KHIPU_SYSTEM_TOOLS_MISSING=hledger,ledger pretends those tools are missing,
// and KHIPU_SYSTEM_TOOLS_DRY_RUN=1 prints the apt-get commands instead of running them.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What the tests use, the Debian package that provides it, and how to see that it is there.
 * `check`: `file` (that path exists), `commands` (each on PATH), `dpkg` (package installed, as `dpkg -s` says),
 * `runs` (the command exits with 0).
 */
export const SYSTEM_TOOLS = [
  { tool: 'chromium', package: 'chromium', use: 'e2e: Chromium de Debian / Debian Chromium', check: { file: '/usr/bin/chromium' } },
  { tool: 'fonts-liberation', package: 'fonts-liberation', use: 'e2e: PDF y capturas / PDFs and screenshots', check: { dpkg: 'fonts-liberation' } },
  { tool: 'pdftotext', package: 'poppler-utils', use: 'e2e: leer los PDF / read printed PDFs', check: { commands: ['pdftotext', 'pdfinfo'] } },
  { tool: 'hledger', package: 'hledger', use: 'verificar la exportación / check the export', check: { commands: ['hledger'] } },
  { tool: 'ledger', package: 'ledger', use: 'verificar la exportación / check the export', check: { commands: ['ledger'] } },
  { tool: 'sqlite3', package: 'sqlite3', use: 'abrir el archivo con SQLite 3.40 / open the file with SQLite 3.40', check: { commands: ['sqlite3'] } },
  { tool: 'python3', package: 'python3', use: 'leer el archivo con Python / read the file from Python', check: { runs: ['python3', '-c', 'import sqlite3'] } },
];

const APT_ENV = 'DEBIAN_FRONTEND=noninteractive';

/**
 * What to do, from facts only (no I/O): nothing, install with apt-get (as root, or through
 * `sudo -n`), or stop and tell the person the command to run.
 * @param {{ missing: string[], isRoot: boolean, passwordlessSudo: boolean, aptGet: boolean }} facts
 *   missing: Debian packages not installed, in SYSTEM_TOOLS order.
 */
export function planSystemTools({ missing, isRoot, passwordlessSudo, aptGet }) {
  if (missing.length === 0) return { action: 'nothing' };
  const packages = [...new Set(missing)];
  const manual = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (!aptGet) return { action: 'stop', reason: 'no-apt', packages, command: manual };
  if (!isRoot && !passwordlessSudo) return { action: 'stop', reason: 'no-rights', packages, command: manual };
  const prefix = isRoot ? ['env', APT_ENV] : ['sudo', '-n', 'env', APT_ENV];
  return {
    action: 'install',
    packages,
    steps: [
      [...prefix, 'apt-get', 'update', '-qq'],
      [...prefix, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
    ],
  };
}

/** The message when the tools cannot be installed from here: Spanish first, then English. */
export function stopMessage(plan) {
  const list = plan.packages.join(', ');
  const why = {
    'no-apt': ['Esta máquina no tiene apt-get (Khipu se prueba en Debian 12).', 'This machine has no apt-get (Khipu is tested on Debian 12).'],
    'no-rights': ['No puedo instalarlas: no corro como root ni tengo sudo sin contraseña.', 'I cannot install them: not running as root, and no sudo without a password.'],
    'apt-failed': ['apt-get falló (arriba dice por qué).', 'apt-get failed (see above for why).'],
  }[plan.reason];
  return [
    `Faltan herramientas del sistema que las pruebas necesitan: ${list}. ${why[0]}`,
    'Instálelas con (o como root, sin «sudo»):',
    `Missing system tools the tests need: ${list}. ${why[1]}`,
    'Install them with (or as root, without "sudo"):',
    '',
    `    ${plan.command}`,
    '',
    'y vuelva a correr / then run again: npm test',
  ].join('\n');
}

function onPath(command) {
  for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(folder, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

const quiet = { stdio: ['ignore', 'ignore', 'ignore'] };

/** Where the tool was found (for the line printed), or null when it is missing. */
function locate({ check }) {
  if (check.file) return existsSync(check.file) ? check.file : null;
  if (check.commands) {
    const found = check.commands.map(onPath);
    return found.every(Boolean) ? found.join(', ') : null;
  }
  if (check.dpkg) {
    if (!onPath('dpkg-query')) return null;
    const status = spawnSync('dpkg-query', ['-s', check.dpkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return status.status === 0 && /^Status: install ok installed$/m.test(status.stdout) ? `dpkg ${check.dpkg}` : null;
  }
  const [command, ...args] = check.runs;
  const path = onPath(command);
  return path && spawnSync(path, args, quiet).status === 0 ? path : null;
}

function survey(pretendMissing) {
  return SYSTEM_TOOLS.map((entry) => ({ ...entry, where: pretendMissing.has(entry.tool) ? null : locate(entry) }));
}

function main() {
  const pretendMissing = new Set((process.env.KHIPU_SYSTEM_TOOLS_MISSING ?? '').split(',').map((t) => t.trim()).filter(Boolean));
  const dryRun = Boolean(process.env.KHIPU_SYSTEM_TOOLS_DRY_RUN);
  const width = Math.max(...SYSTEM_TOOLS.map((t) => t.tool.length));
  const report = (found) => {
    const lines = found.map((t) => [t, t.where ?? `falta / missing (apt: ${t.package})`]);
    const column = Math.max(...lines.map(([, where]) => where.length));
    for (const [t, where] of lines) console.log(`${t.where ? '✓' : '✗'} ${t.tool.padEnd(width)}  ${where.padEnd(column)}  ${t.use}`);
  };

  const found = survey(pretendMissing);
  const missing = found.filter((t) => !t.where).map((t) => t.package);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const plan = planSystemTools({
    missing,
    isRoot,
    // Asked only when it matters: `sudo -n` never prompts, it fails when a password is needed.
    passwordlessSudo: missing.length > 0 && !isRoot && onPath('sudo') !== null && spawnSync('sudo', ['-n', 'true'], quiet).status === 0,
    aptGet: onPath('apt-get') !== null,
  });
  if (plan.action === 'nothing') return report(found);
  report(found);
  if (plan.action === 'stop') {
    console.error(`\n${stopMessage(plan)}`);
    process.exit(1);
  }
  console.log(`Instalando / installing: ${plan.packages.join(' ')}`);
  for (const step of plan.steps) {
    console.log(`$ ${step.join(' ')}`);
    if (dryRun) continue;
    const [command, ...args] = step;
    const run = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) {
      console.error(`\n$ ${step.join(' ')}: ${run.error?.message ?? run.status ?? run.signal}\n\n${stopMessage({ ...plan, reason: 'apt-failed' })}`);
      process.exit(1);
    }
  }
  if (dryRun) return console.log('(KHIPU_SYSTEM_TOOLS_DRY_RUN: no se ejecutó nada / nothing was run)');
  const after = survey(pretendMissing);
  const still = after.filter((t) => !t.where);
  report(after);
  if (still.length > 0) {
    console.error(`\nSiguen faltando tras apt-get / still missing after apt-get: ${still.map((t) => t.tool).join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
