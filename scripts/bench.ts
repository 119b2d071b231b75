// `npm run bench [-- --sizes 10k,100k,1m]`: builds district-sized files under bench/ and measures
// generation, common writes, reports, file size and memory; at the largest size run, compares
// the balance sheet with hledger's. Prints a table and writes bench/results.json (sizes run now
// replace their earlier figures; the others are kept with their own date).
// Targets (issue 6) are reported against, never asserted: speed is not a test's business.
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORTS, runSize, SIZES, type SizeResult } from './bench/run-size';
import { renderTable } from './bench/table';

const here = dirname(fileURLToPath(import.meta.url));
const benchFolder = resolve(here, '..', 'bench');
const resultsPath = join(benchFolder, 'results.json');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface Results {
  machine: { cpu: string; cores: number; memoryGB: number; os: string; node: string };
  date: string;
  targets: Record<string, string>;
  sizes: SizeResult[];
}

const TARGETS = {
  reports: 'every report under 50 ms at 1M lines',
  recordPayment: 'payment with its receipt under 2 ms p50',
  generation: 'over 100,000 lines/s',
  hledger: 'balance sheet at least 50 times faster than hledger',
  acopio: 'a day of acopio for 40 members under 5 ms, a fortnight settled for 40 members under 50 ms, a contract sheet under 20 ms (issue 13)',
};

const child = option('child');
if (child !== undefined) {
  // One size in this process; the result goes to the file the parent named.
  const spec = SIZES.find((s) => s.name === child);
  if (!spec) throw new Error(`unknown size ${child}`);
  const result = runSize(spec, benchFolder, process.argv.includes('--hledger'));
  writeFileSync(option('out')!, JSON.stringify(result));
} else {
  const wanted = (option('sizes') ?? SIZES.map((s) => s.name).join(',')).toLowerCase().split(',').map((s) => s.trim());
  const unknown = wanted.filter((name) => !SIZES.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`unknown sizes: ${unknown.join(', ')} (known: ${SIZES.map((s) => s.name).join(', ')})`);
  const specs = SIZES.filter((s) => wanted.includes(s.name));
  mkdirSync(benchFolder, { recursive: true });
  const fresh: SizeResult[] = [];
  for (const [index, spec] of specs.entries()) {
    const out = join(tmpdir(), `khipu-bench-${process.pid}-${spec.name}.json`);
    const args = [...process.execArgv, fileURLToPath(import.meta.url), '--child', spec.name, '--out', out];
    if (index === specs.length - 1) args.push('--hledger');
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0 || !existsSync(out)) throw new Error(`bench ${spec.name} failed (exit ${run.status})`);
    fresh.push(JSON.parse(readFileSync(out, 'utf8')) as SizeResult);
    rmSync(out);
  }
  const previous = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Results).sizes : [];
  const order = SIZES.map((s) => s.name);
  const sizes = [...previous.filter((p) => !wanted.includes(p.size)), ...fresh]
    .sort((a, b) => order.indexOf(a.size) - order.indexOf(b.size));
  const results: Results = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30),
      os: `${process.platform} ${process.arch}`, node: process.version,
    },
    date: new Date().toISOString(),
    targets: TARGETS,
    sizes,
  };
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGB} GB, Node ${results.machine.node}\n`);
  console.log(renderTable(sizes, REPORTS));
  console.log(`\nWritten to ${resultsPath}`);
}
