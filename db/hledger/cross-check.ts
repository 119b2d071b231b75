import { execFileSync } from 'node:child_process';
import { addDays } from '../../shared/dates';
import { accountActivity } from '../reports/balances';
import type { LedgerDatabase } from '../storage/open';
import { journalAccountNames, journalText } from './export';

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
  /** Only the debit (positive) or credit (negative) postings: the two columns of a trial balance. */
  side?: 'debits' | 'credits';
}

const dayAfter = (isoDate: string) => addDays(isoDate, 1);

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
    const side = query.side === undefined ? [] : ['--limit', query.side === 'debits' ? 'amount > 0' : 'amount < 0'];
    for (const [name, amount] of ledgerBalances(file, [...level, ...side, ...period, ...patterns])) balances.set(name, amount);
  } else {
    const level = query.level === 'roots' ? ['--depth', '1'] : [];
    const side = query.side === undefined ? [] : [query.side === 'debits' ? 'amt:>0' : 'amt:<0'];
    for (const [name, amount] of hledgerBalances(file, [...level, ...side, ...period, ...patterns])) balances.set(name, amount);
  }
  return withoutZeros(balances);
}

function ledgerBalances(file: string, args: readonly string[]): [string, number][] {
  const format = '%(account)\t%(quantity(scrub(display_total)))\n';
  return runTool('ledger', file, ['bal', '--no-total', '--format', format, ...args]).split('\n').filter((r) => r !== '')
    .map((row) => {
      const [name = '', amount = ''] = row.split('\t');
      return [name, toolAmount(amount)];
    });
}

function hledgerBalances(file: string, args: readonly string[]): [string, number][] {
  const [, ...rows] = parseCsv(runTool('hledger', file, ['bal', '--flat', '--no-total', '-O', 'csv', ...args]));
  return rows.map(([name = '', amount = '']) => [name, toolAmount(amount)]);
}

/** A regular expression matching the text literally (POSIX and ledger's regex alike). */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * One party's postings as a tool sees them. The journal carries no party dimension, so the party is
 * found by name: every trade document's entry, and every void's, ends its description with the
 * party's name (`Factura F001-000012 — Molino…`, `…: cheque sin fondos de Bodega…`). Counted only on
 * the accounts whose PCGE codes are given (the payables and receivables that carry parties).
 */
export interface PartyQuery {
  name: string;
  codes: readonly string[];
  from?: string;
  to: string;
  side?: 'debits' | 'credits';
}

const accountPattern = (codes: readonly string[]) => `:(${codes.map(literal).join('|')}) `;
const namePattern = (name: string) => `${literal(journalText(name))}$`;

/** ledger's `bal` for one party, as name → céntimos (zeros left out); hledger's is hledgerPartyWeeks. */
export function ledgerPartyBalances(file: string, query: PartyQuery): Map<string, number> {
  const period = [...(query.from === undefined ? [] : ['-b', query.from]), '-e', dayAfter(query.to)];
  const limit = [
    `account =~ /${accountPattern(query.codes)}/`, `payee =~ /${namePattern(query.name)}/`,
    ...(query.side === undefined ? [] : [query.side === 'debits' ? 'amount > 0' : 'amount < 0']),
  ].join(' and ');
  return withoutZeros(new Map(ledgerBalances(file, ['--flat', ...period, '--limit', limit])));
}

/**
 * hledger's running balance at the end of every week (`from` a Monday) of the given accounts, per
 * entry description (`--pivot description`), in ONE run: description → one amount per week, and the
 * weeks' Sundays. A party's balance is the sum of the rows whose description ends with its name.
 */
export function hledgerWeeksByDescription(
  file: string, query: { codes: readonly string[]; from: string; to: string },
): { ends: string[]; rows: Map<string, number[]> } {
  const [header = [], ...rows] = parseCsv(runTool('hledger', file, [
    'bal', '--flat', '--no-total', '-O', 'csv', '-W', '--historical', '-b', query.from, '-e', dayAfter(query.to),
    '--pivot', 'description', `acct:${accountPattern(query.codes)}`,
  ]));
  const ends = header.slice(1).map((title) => addDays(title.slice(0, 10), 6)); // titles: 2024-01-01W01
  return { ends, rows: new Map(rows.map(([description = '', ...amounts]) => [description, amounts.map(toolAmount)])) };
}

/** Whether a journal description is a party's: it ends with the party's name (as the export writes it). */
export function describesParty(description: string, name: string): boolean {
  return description.endsWith(journalText(name));
}

/**
 * Khipu's journal lines on the given accounts carrying the party (or, for null, carrying none),
 * summed up to each of the days: day → céntimos.
 */
export function khipuPartyHistory(
  db: LedgerDatabase, associationId: number, partyId: number | null, codes: readonly string[], days: readonly string[],
): Map<string, number> {
  const lines = db.prepare(
    `SELECT l.date, l.amount FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id AND e.posted = 1
       JOIN accounts a ON a.id = l.account_id
      WHERE a.association_id = ? AND l.party_id IS ? AND a.code IN (SELECT value FROM json_each(?)) ORDER BY l.date`,
  ).all(associationId, partyId, JSON.stringify(codes)) as { date: string; amount: number }[];
  const history = new Map<string, number>();
  let running = 0;
  let next = 0;
  for (const day of [...days].sort()) {
    for (; next < lines.length && lines[next]!.date <= day; next += 1) running += lines[next]!.amount;
    history.set(day, running);
  }
  return history;
}

/** Khipu's word for the same: the posted journal lines carrying the party (its dimension), by account. */
export function khipuPartyBalances(db: LedgerDatabase, partyId: number, query: Omit<PartyQuery, 'name'>): Map<string, number> {
  const rows = db.prepare(
    `SELECT l.account_id, a.association_id, SUM(l.amount) AS amount
       FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id AND e.posted = 1 JOIN accounts a ON a.id = l.account_id
      WHERE l.party_id = @partyId AND l.date <= @to AND (@from IS NULL OR l.date >= @from)
        AND (@side IS NULL OR (@side = 'debits' AND l.amount > 0) OR (@side = 'credits' AND l.amount < 0))
        AND a.code IN (SELECT value FROM json_each(@codes))
      GROUP BY l.account_id`,
  ).all({ partyId, to: query.to, from: query.from ?? null, side: query.side ?? null, codes: JSON.stringify(query.codes) }) as
    { account_id: number; association_id: number; amount: number }[];
  const names = rows.length === 0 ? new Map<number, { name: string }>() : journalAccountNames(db, rows[0]!.association_id);
  return withoutZeros(new Map(rows.map((row) => [names.get(row.account_id)!.name, row.amount])));
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
    const amount = query.side === 'debits' ? row.debits : query.side === 'credits' ? -row.credits : row.closing - row.opening;
    balances.set(key, (balances.get(key) ?? 0) + amount);
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
