import { execFileSync } from 'node:child_process';
import { accountActivity } from '../reports/balances';
import type { LedgerDatabase } from '../storage/open';
import { journalAccountNames } from './export';

// The independent check of an exported journal, for the tests: the same balances asked of
// hledger, of ledger-cli and of Khipu's own reports, each as "full account name → céntimos".
// Both tools are Debian packages; `npm test` installs them first (scripts/system-tools.mjs).

export type JournalTool = 'hledger' | 'ledger';

const INSTALL_COMMAND = 'sudo apt-get install -y --no-install-recommends hledger ledger';

/** The tool's version line, or an error saying how to install it: a missing tool fails the test. */
export function toolVersion(tool: JournalTool): string {
  try {
    return execFileSync(tool, ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    throw new Error(
      `${tool} no está instalado (no está en el PATH) y esta prueba lo necesita: \`${INSTALL_COMMAND}\` ` +
        `(\`npm test\` lo instala cuando puede). / ${tool} is not installed (not on PATH) and this test needs it: ` +
        `\`${INSTALL_COMMAND}\` (\`npm test\` installs it when it may).`,
    );
  }
}

/**
 * Runs the tool on a journal, as strict as it can be: every account and commodity must be
 * declared (hledger --strict), and for ledger also every metadata tag (--pedantic), so a memo
 * read as a tag fails the run instead of passing unnoticed.
 */
export function runTool(tool: JournalTool, file: string, args: readonly string[]): string {
  const strict = tool === 'hledger' ? '--strict' : '--pedantic';
  return execFileSync(tool, ['-f', file, strict, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** CSV as hledger writes it: every field quoted, quotes doubled. */
export function parseCsv(text: string): string[][] {
  return text
    .split('\n')
    .filter((row) => row.trim() !== '')
    .map((row) => {
      const fields: string[] = [];
      const pattern = /"((?:[^"]|"")*)"(?:,|$)/g;
      for (let match = pattern.exec(row); match; match = pattern.exec(row)) fields.push(match[1]!.replaceAll('""', '"'));
      return fields;
    });
}

/**
 * A tool's amount in céntimos, by string only: `S/ -1,234.5`, `"S/" 1234.56`, `61039.4`, `0`.
 * Anything else (another commodity, three decimals, two amounts) is an error, never a guess.
 */
export function toolAmount(text: string): number {
  const match = /^(?:"?S\/"? ?)?(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new Error(`monto que no se entiende: «${text}»`);
  const [, minus, units = '', decimals = ''] = match;
  const centimos = BigInt(units.replaceAll(',', '')) * 100n + BigInt(decimals.padEnd(2, '0'));
  const value = Number(minus ? -centimos : centimos);
  if (!Number.isSafeInteger(value)) throw new Error(`monto fuera de rango: «${text}»`);
  return value;
}

/** One balance report: leaf accounts, or the type roots (activo, pasivo, …), optionally only some roots. */
export interface BalanceQuery {
  /** First day counted; from the beginning when left out. */
  from?: string;
  /** Last day counted (included). */
  to: string;
  level: 'accounts' | 'roots';
  roots?: readonly string[];
}

function dayAfter(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function withoutZeros(balances: Map<string, number>): Map<string, number> {
  return new Map([...balances].filter(([, amount]) => amount !== 0));
}

/** `ledger bal` or `hledger bal` for the query, as name → céntimos (debit positive, zeros left out). */
export function toolBalances(tool: JournalTool, file: string, query: BalanceQuery): Map<string, number> {
  const period = [...(query.from === undefined ? [] : ['-b', query.from]), '-e', dayAfter(query.to)];
  const patterns = (query.roots ?? []).map((root) => `^${root}`); // no root name begins another one
  const balances = new Map<string, number>();
  if (tool === 'ledger') {
    // Tree mode with --depth 1 shows the roots; --flat shows every account that has postings.
    const level = query.level === 'roots' ? ['--depth', '1'] : ['--flat'];
    const format = '%(account)\t%(quantity(scrub(display_total)))\n';
    const output = runTool('ledger', file, ['bal', '--no-total', '--format', format, ...level, ...period, ...patterns]);
    for (const row of output.split('\n').filter((r) => r !== '')) {
      const [name = '', amount = ''] = row.split('\t');
      balances.set(name, toolAmount(amount));
    }
  } else {
    const level = query.level === 'roots' ? ['--depth', '1'] : [];
    const [, ...rows] = parseCsv(runTool('hledger', file, ['bal', '--flat', '--no-total', '-O', 'csv', ...level, ...period, ...patterns]));
    for (const [name = '', amount = ''] of rows) balances.set(name, toolAmount(amount));
  }
  return withoutZeros(balances);
}

/** The same query answered from Khipu's own reports (accountActivity, on the balance snapshots). */
export function khipuBalances(db: LedgerDatabase, associationId: number, query: BalanceQuery): Map<string, number> {
  const names = journalAccountNames(db, associationId);
  const balances = new Map<string, number>();
  for (const row of accountActivity(db, { associationId, from: query.from ?? null, to: query.to })) {
    if (!row.postable) continue; // headings hold no lines; roots are summed from the leaves
    const name = names.get(row.accountId)!.name;
    const root = name.split(':')[0]!;
    if (query.roots !== undefined && !query.roots.includes(root)) continue;
    const key = query.level === 'roots' ? root : name;
    balances.set(key, (balances.get(key) ?? 0) + row.closing - row.opening);
  }
  return withoutZeros(balances);
}

/** The query asked of Khipu and of both tools, as plain objects ready for toEqual. */
export function threeWay(db: LedgerDatabase, associationId: number, file: string, query: BalanceQuery) {
  return {
    khipu: Object.fromEntries(khipuBalances(db, associationId, query)),
    hledger: Object.fromEntries(toolBalances('hledger', file, query)),
    ledger: Object.fromEntries(toolBalances('ledger', file, query)),
  };
}
