import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import { accountActivity } from '../reports/balances';
import { parseSoles } from '../../shared/money';
import type { AccountType } from '../../shared/results';
import { generateBooks, type GeneratedBooks } from './dataset';
import { journalAmount, journalComment, journalText } from './export';
import { describesParty, hledgerWeeksByDescription, khipuPartyHistory, parseCsv, runTool, threeWay, toolVersion } from './cross-check';

// The independent check: Khipu's books exported as a journal (Debian's hledger and ledger; the
// first step of `npm test` installs them) must give the same balance sheet and income statement,
// to the céntimo. hledger's compound reports here, on two years of raw entries and trade documents
// (purchases, payments, sales, stock, their voids), with the trial balance and each party's balance;
// both tools side by side in ledger-cli.test.ts.

const timings: { command: string; ms: number }[] = [];

function hledger(file: string, args: string[]): string {
  const started = performance.now();
  const output = runTool('hledger', file, args);
  timings.push({ command: args.join(' '), ms: Math.round(performance.now() - started) });
  return output;
}

interface HledgerReport {
  /** Section totals: Assets, Liabilities, Equity or Revenues, Expenses; and Net. */
  totals: Map<string, number>;
  /** Non-zero amount per account row, keyed by the PCGE code of the row's last component. */
  accounts: Map<string, number>;
}

const SECTIONS = new Set(['Assets', 'Liabilities', 'Equity', 'Revenues', 'Expenses']);

/**
 * Reads a compound report (bse / is) in CSV, one report per amount column (keyed by the column's
 * header: a date for bse, a period such as 2024Q3 for is). Amounts go through parseSoles: no float.
 */
function readReports(csv: string): Map<string, HledgerReport> {
  const [, header = [], ...rows] = parseCsv(csv);
  const columns = header.slice(1).map((title) => ({ title, report: { totals: new Map<string, number>(), accounts: new Map<string, number>() } }));
  const amount = (value: string | undefined) => (value === undefined || value === '' ? 0 : parseSoles(value));
  let section = '';
  for (const [name = '', ...values] of rows) {
    if (SECTIONS.has(name)) {
      section = name;
      continue;
    }
    const code = name === 'total' || name === 'Net:' ? null : /(\d+) [^:]*$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`fila de hledger sin código PCGE: ${name}`);
    columns.forEach(({ report }, index) => {
      const value = amount(values[index]);
      if (name === 'total') report.totals.set(section, value);
      else if (name === 'Net:') report.totals.set('Net', value);
      else if (code !== null && value !== 0) report.accounts.set(code, value);
    });
  }
  return new Map(columns.map(({ title, report }) => [title, report]));
}

/** The one report of a single-column run. */
function readReport(csv: string): HledgerReport {
  const reports = [...readReports(csv).values()];
  if (reports.length !== 1) throw new Error(`se esperaba una columna, hay ${reports.length}`);
  return reports[0]!;
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** hledger shows liabilities, equity and revenues as positive numbers ("normally positive"). */
const SIGN: Record<AccountType, number> = { asset: 1, expense: 1, liability: -1, equity: -1, income: -1 };

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
let books: GeneratedBooks;
let fullFile: string;
let periodFile: string;

/** Khipu's own figures from accountActivity: per-type totals and per-account amounts. */
function khipuBalanceSheet(asOf: string, depthCodeLength: number | null): HledgerReport {
  const rows = accountActivity(env.db, { associationId: books.associationId, to: asOf });
  const totals = new Map<string, number>([['Assets', 0], ['Liabilities', 0], ['Equity', 0]]);
  const accounts = new Map<string, number>();
  const sectionOf: Partial<Record<AccountType, string>> = { asset: 'Assets', liability: 'Liabilities', equity: 'Equity' };
  let netIncome = 0;
  for (const row of rows) {
    const section = sectionOf[row.type];
    if (row.postable) {
      if (section) totals.set(section, totals.get(section)! + SIGN[row.type] * row.closing);
      else netIncome -= row.closing;
    }
    const shown = depthCodeLength === null ? row.postable : row.code.length === depthCodeLength;
    if (section && shown && row.closing !== 0) accounts.set(row.code, SIGN[row.type] * row.closing);
  }
  totals.set('Net', netIncome);
  return { totals, accounts };
}

function khipuIncomeStatement(from: string, to: string, depthCodeLength: number | null): HledgerReport {
  const rows = accountActivity(env.db, { associationId: books.associationId, from, to });
  const totals = new Map<string, number>([['Revenues', 0], ['Expenses', 0]]);
  const accounts = new Map<string, number>();
  for (const row of rows) {
    if (row.type !== 'income' && row.type !== 'expense') continue;
    const movement = SIGN[row.type] * (row.debits - row.credits);
    const section = row.type === 'income' ? 'Revenues' : 'Expenses';
    if (row.postable) totals.set(section, totals.get(section)! + movement);
    const shown = depthCodeLength === null ? row.postable : row.code.length === depthCodeLength;
    if (shown && movement !== 0) accounts.set(row.code, movement);
  }
  totals.set('Net', totals.get('Revenues')! - totals.get('Expenses')!);
  return { totals, accounts };
}

const sideBySide: string[] = [];

function compare(label: string, khipu: HledgerReport, theirs: HledgerReport | undefined, log = true): void {
  if (!theirs) throw new Error(`${label}: hledger no dio esa columna`);
  for (const [key, value] of log ? khipu.totals : []) {
    sideBySide.push(`${label.padEnd(34)} ${key.padEnd(12)} Khipu ${journalAmount(value).padStart(18)}   hledger ${journalAmount(theirs.totals.get(key) ?? 0).padStart(18)}`);
  }
  expect(Object.fromEntries(theirs.totals), `${label}: totals`).toEqual(Object.fromEntries(khipu.totals));
  expect(Object.fromEntries(theirs.accounts), `${label}: accounts`).toEqual(Object.fromEntries(khipu.accounts));
}

beforeAll(() => {
  toolVersion('hledger'); // fails the whole file, saying how to install it, when hledger is missing
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  books = generateBooks(env.db, api, { name: "Asociación Agropecuaria Señor de Exaltación; Q'ollana" });
  fullFile = join(env.folder, 'completo.journal');
  writeFileSync(fullFile, api.exportHledgerJournal({ associationId: books.associationId }).content);
  periodFile = join(env.folder, 'periodo.journal');
  writeFileSync(
    periodFile, api.exportHledgerJournal({ associationId: books.associationId, from: '2025-01-01', to: '2025-12-31' }).content,
  );
}, 60_000);

afterAll(() => {
  env?.cleanup();
  if (sideBySide.length > 0) {
    console.log([
      `Conjunto generado: ${books.entries} asientos (${books.rawEntries} a mano, ${books.reversals} de ellos reversiones), ${books.firstDate} a ${books.lastDate}`,
      ...sideBySide,
      ...timings.map((t) => `hledger ${t.command}: ${t.ms} ms`),
    ].join('\n'));
  }
});

describe('hledger reads the export and agrees with Khipu to the céntimo', () => {
  it('is installed', () => {
    expect(toolVersion('hledger')).toMatch(/^hledger \d+\.\d+/);
  });

  it('exported a few thousand entries, reversals included', () => {
    expect(books.entries).toBeGreaterThan(2500);
    expect(books.reversals).toBeGreaterThan(50);
    const printed = parseCsv(hledger(fullFile, ['print', '-O', 'csv']));
    const header = printed[0]!;
    const rows = printed.slice(1);
    const txn = header.indexOf('txnidx');
    const code = header.indexOf('code');
    const description = header.indexOf('description');
    expect(new Set(rows.map((r) => r[txn])).size).toBe(books.entries);
    // The correlative number survives as the code; a `;` in a description does not cut it short, and spaces collapse.
    expect(rows[0]![code]).toBe('2024-1');
    expect(rows.map((r) => r[description])).toContain('Aportes de capital de los socios fundadores, depositados en la CAC');
    expect(rows.map((r) => r[description])).toContain('Préstamo de la Cooperativa de Ahorro y Crédito Los Andes (planta de quesos)');
  });

  const QUARTERS = [
    ['2024Q1', '2024-01-01', '2024-03-31'], ['2024Q2', '2024-04-01', '2024-06-30'], ['2024Q3', '2024-07-01', '2024-09-30'],
    ['2024Q4', '2024-10-01', '2024-12-31'], ['2025Q1', '2025-01-01', '2025-03-31'], ['2025Q2', '2025-04-01', '2025-06-30'],
    ['2025Q3', '2025-07-01', '2025-09-30'], ['2025Q4', '2025-10-01', '2025-12-31'],
  ] as const;

  it('balance sheet at the end of each quarter: totals, 2-digit accounts and every account', () => {
    const leaves = readReports(hledger(fullFile, ['bse', '-O', 'csv', '-Q', '-b', '2024-01-01', '-e', '2026-01-01']));
    const accounts = readReports(hledger(fullFile, ['bse', '-O', 'csv', '-Q', '-b', '2024-01-01', '-e', '2026-01-01', '--depth', '3']));
    expect([...leaves.keys()]).toEqual(QUARTERS.map(([, , end]) => end));
    for (const [, , end] of QUARTERS) {
      compare(`balancesheetequity ${end}`, khipuBalanceSheet(end, null), leaves.get(end));
      compare(`balancesheetequity ${end} (cuentas)`, khipuBalanceSheet(end, 2), accounts.get(end), false);
    }
  });

  it('balance sheet on any day (15/09/2025)', () => {
    compare('balancesheetequity 2025-09-15', khipuBalanceSheet('2025-09-15', null), readReport(hledger(fullFile, ['bse', '-O', 'csv', '-e', '2025-09-16'])));
  });

  it('income statement of each quarter and each year: revenues, expenses, net income and every account', () => {
    const leaves = readReports(hledger(fullFile, ['is', '-O', 'csv', '-Q', '-b', '2024-01-01', '-e', '2026-01-01']));
    const accounts = readReports(hledger(fullFile, ['is', '-O', 'csv', '-Q', '-b', '2024-01-01', '-e', '2026-01-01', '--depth', '3']));
    expect([...leaves.keys()]).toEqual(QUARTERS.map(([title]) => title));
    for (const [title, from, to] of QUARTERS) {
      compare(`incomestatement ${title}`, khipuIncomeStatement(from, to, null), leaves.get(title), false);
      compare(`incomestatement ${title} (cuentas)`, khipuIncomeStatement(from, to, 2), accounts.get(title), false);
    }
    const years = readReports(hledger(fullFile, ['is', '-O', 'csv', '-Y', '-b', '2024-01-01', '-e', '2026-01-01']));
    compare('incomestatement 2024', khipuIncomeStatement('2024-01-01', '2024-12-31', null), years.get('2024'));
    compare('incomestatement 2025', khipuIncomeStatement('2025-01-01', '2025-12-31', null), years.get('2025'));
  });

  for (const [from, to] of [['2024-04-01', '2025-03-31'], ['2025-02-11', '2025-07-20']] as const) {
    it(`income statement ${from}..${to}`, () => {
      compare(`incomestatement ${from}..${to}`, khipuIncomeStatement(from, to, null),
        readReport(hledger(fullFile, ['is', '-O', 'csv', '-b', from, '-e', nextDay(to)])));
    });
  }

  it('a period export opens with the balances before it, so its figures agree too', () => {
    compare('período 2025: bse 2025-06-30', khipuBalanceSheet('2025-06-30', null), readReport(hledger(periodFile, ['bse', '-O', 'csv', '-e', '2025-07-01'])));
    compare('período 2025: is 2025-03..2025-08', khipuIncomeStatement('2025-03-01', '2025-08-31', null),
      readReport(hledger(periodFile, ['is', '-O', 'csv', '-b', '2025-03-01', '-e', '2025-09-01'])));
    // Nothing after the period: the closing balance sheet is the one at the period's end.
    compare('período 2025: bse final', khipuBalanceSheet('2025-12-31', 2), readReport(hledger(periodFile, ['bse', '-O', 'csv', '--depth', '3'])));
  });

  it('ledger-cli reads the same file unmodified and agrees too: every account, and the totals of each statement', () => {
    toolVersion('ledger');
    const agree = (query: Parameters<typeof threeWay>[3], atLeast: number) => {
      const { khipu, hledger: fromHledger, ledger } = threeWay(env.db, books.associationId, fullFile, query);
      expect(Object.keys(khipu).length, JSON.stringify(query)).toBeGreaterThanOrEqual(atLeast);
      expect(ledger, `ledger ${JSON.stringify(query)}`).toEqual(khipu);
      expect(fromHledger, `hledger ${JSON.stringify(query)}`).toEqual(khipu);
    };
    for (const to of ['2024-06-30', '2024-12-31', '2025-09-15', '2025-12-31']) {
      agree({ to, level: 'accounts' }, 10);
      agree({ to, level: 'roots', roots: ['activo', 'pasivo', 'patrimonio'] }, 3);
    }
    for (const [from, to] of [['2024-01-01', '2024-12-31'], ['2025-01-01', '2025-12-31'], ['2025-02-11', '2025-07-20']] as const) {
      agree({ from, to, level: 'accounts', roots: ['ingresos', 'gastos'] }, 5);
      agree({ from, to, level: 'roots', roots: ['ingresos', 'gastos'] }, 2);
    }
  });
});

/** Entry sources of the trade documents: the dataset must hold some of each, or the check no longer covers them. */
const TRADE_SOURCES = [
  'purchase', 'purchase_void', 'payment_voucher', 'payment_voucher_void', 'sale', 'sale_void', 'sale_collection',
  'sale_collection_void', 'stock_adjustment', 'stock_adjustment_void', 'charge', 'charge_void', 'receipt', 'credit_refund',
] as const;

/**
 * Accounts the trade documents post to (IGV, suppliers and fees, customers, members' charges and credit,
 * joint purchases, the four inventories, equipment, purchases of supplies, wages, freight, services,
 * other expenses and income from stock counts, cost of sales, sales): each must show in the trial balance.
 */
const TRADE_CODES = [
  '4011', '421', '424', '121', '1429', '169', '4418', '201', '211', '241', '252', '333',
  '603', '621', '631', '6399', '6599', '75999', '691', '692', '701', '702',
];

/** Each variant of a document the issue names, as a count over the documents' own tables. */
const DOCUMENT_VARIANTS: Record<string, string> = {
  'factura on credit with IGV': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND document_kind = 'factura' AND payment = 'credit' AND igv > 0",
  'boleta': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND document_kind = 'boleta'",
  'recibo por honorarios': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND document_kind = 'recibo_honorarios'",
  'purchase without document': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND document_kind = 'none'",
  'purchase paid now from the caja': `SELECT COUNT(*) FROM purchases p JOIN voucher_allocations va ON va.purchase_id = p.id
      JOIN payment_vouchers v ON v.id = va.voucher_id JOIN accounts a ON a.id = v.account_id
     WHERE p.association_id = ? AND p.payment = 'cash' AND a.role = 'cash'`,
  'purchase paid now from the bank': `SELECT COUNT(*) FROM purchases p JOIN voucher_allocations va ON va.purchase_id = p.id
      JOIN payment_vouchers v ON v.id = va.voucher_id JOIN accounts a ON a.id = v.account_id
     WHERE p.association_id = ? AND p.payment = 'cash' AND a.role = 'bank'`,
  'stocked line': "SELECT COUNT(*) FROM purchase_lines l JOIN purchases p ON p.id = l.purchase_id WHERE p.association_id = ? AND l.category = 'stock'",
  'expense line': `SELECT COUNT(*) FROM purchase_lines l JOIN purchases p ON p.id = l.purchase_id
     WHERE p.association_id = ? AND l.category IN ('supplies_consumed', 'services', 'transport')`,
  'equipment line': "SELECT COUNT(*) FROM purchase_lines l JOIN purchases p ON p.id = l.purchase_id WHERE p.association_id = ? AND l.category = 'equipment'",
  'joint purchase shared by quantity': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND joint = 1 AND shares_by = 'quantity' AND voided_on IS NULL",
  'joint purchase shared by amount': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND joint = 1 AND shares_by = 'amount'",
  'joint purchase voided': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND joint = 1 AND voided_on IS NOT NULL",
  'share paid with a receipt': `SELECT COUNT(*) FROM allocations a JOIN joint_purchase_shares s ON s.charge_id = a.charge_id
      JOIN purchases p ON p.id = s.purchase_id WHERE p.association_id = ? AND a.source = 'receipt' AND a.voided_on IS NULL`,
  'purchase on credit voided': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND payment = 'credit' AND joint = 0 AND voided_on IS NOT NULL",
  'purchase paid now voided with its voucher': "SELECT COUNT(*) FROM purchases WHERE association_id = ? AND payment = 'cash' AND voided_on IS NOT NULL",
  'partial supplier payment': `SELECT COUNT(*) FROM payment_vouchers v JOIN voucher_allocations va ON va.voucher_id = v.id
      JOIN purchases p ON p.id = va.purchase_id WHERE v.association_id = ? AND p.payment = 'credit' AND va.amount < p.total`,
  'full supplier payment': `SELECT COUNT(*) FROM payment_vouchers v JOIN voucher_allocations va ON va.voucher_id = v.id
      JOIN purchases p ON p.id = va.purchase_id WHERE v.association_id = ? AND p.payment = 'credit' AND va.amount = p.total`,
  'overpayment applied later as an advance': `SELECT COUNT(*) FROM payment_vouchers v JOIN voucher_allocations va ON va.voucher_id = v.id
     WHERE v.association_id = ? AND va.date > v.date`,
  'supplier voucher voided': "SELECT COUNT(*) FROM payment_vouchers WHERE association_id = ? AND kind = 'supplier' AND voided_on IS NOT NULL",
  'day labour': "SELECT COUNT(*) FROM payment_vouchers WHERE association_id = ? AND kind = 'labour'",
  'member credit refunded': "SELECT COUNT(*) FROM payment_vouchers WHERE association_id = ? AND kind = 'member_refund'",
  'fair sale to the público': "SELECT COUNT(*) FROM sales WHERE association_id = ? AND party_id IS NULL AND payment = 'cash'",
  'nota de venta': "SELECT COUNT(*) FROM sales WHERE association_id = ? AND nota_number IS NOT NULL",
  'credit sale with factura and IGV': "SELECT COUNT(*) FROM sales WHERE association_id = ? AND payment = 'credit' AND document_kind = 'factura' AND igv > 0",
  'cash sale voided': "SELECT COUNT(*) FROM sales WHERE association_id = ? AND payment = 'cash' AND voided_on IS NOT NULL",
  'credit sale voided': "SELECT COUNT(*) FROM sales WHERE association_id = ? AND payment = 'credit' AND voided_on IS NOT NULL",
  'partial collection': "SELECT COUNT(*) FROM sale_collections WHERE association_id = ? AND owed_after > 0 AND voided_on IS NULL",
  'collection voided': "SELECT COUNT(*) FROM sale_collections WHERE association_id = ? AND voided_on IS NOT NULL",
  ...Object.fromEntries(['loss', 'sample', 'own_use', 'count'].map((reason) => [
    `stock adjustment (${reason})`, `SELECT COUNT(*) FROM stock_adjustments WHERE association_id = ? AND reason = '${reason}'`,
  ])),
  'stock adjustment voided': "SELECT COUNT(*) FROM stock_adjustments WHERE association_id = ? AND voided_on IS NOT NULL",
};

describe('the trade documents are in the cross-check', () => {
  it('the books hold entries of every trade document type, and hledger prints every one of them', () => {
    const entries = env.db.prepare(`SELECT COALESCE(source_type, 'manual') AS source, fiscal_year || '-' || number AS code
        FROM journal_entries WHERE association_id = ? AND posted = 1`).all(books.associationId) as { source: string; code: string }[];
    const printed = parseCsv(hledger(fullFile, ['print', '-O', 'csv']));
    const column = printed[0]!.indexOf('code');
    const codes = new Set(printed.slice(1).map((row) => row[column]!));
    expect(codes.size).toBe(entries.length);
    for (const source of [...TRADE_SOURCES, 'manual', 'reversal']) {
      const ofSource = entries.filter((e) => e.source === source).map((e) => e.code);
      expect(ofSource.length, source).toBeGreaterThan(0);
      expect(ofSource.filter((code) => !codes.has(code)), `${source}: not printed by hledger`).toEqual([]);
    }
    const counts = Object.fromEntries(Object.entries(DOCUMENT_VARIANTS).map(([variant, sql]) =>
      [variant, env.db.prepare(sql).pluck().get(books.associationId) as number]));
    expect(Object.entries(counts).filter(([, n]) => n === 0).map(([variant]) => variant), JSON.stringify(counts)).toEqual([]);
  });

  it('trial balance: the debits and the credits of every account agree in Khipu, hledger and ledger-cli, trade accounts included', () => {
    for (const period of [{ to: books.lastDate }, { from: '2025-01-01', to: '2025-12-31' }]) {
      const [debits, credits] = (['debits', 'credits'] as const).map((side) => {
        const { khipu, hledger: fromHledger, ledger } = threeWay(env.db, books.associationId, fullFile, { ...period, level: 'accounts', side });
        expect(fromHledger, `hledger ${side} ${JSON.stringify(period)}`).toEqual(khipu);
        expect(ledger, `ledger ${side} ${JSON.stringify(period)}`).toEqual(khipu);
        return khipu;
      }) as [Record<string, number>, Record<string, number>];
      const total = (column: Record<string, number>) => Object.values(column).reduce((sum, amount) => sum + amount, 0);
      expect(total(debits)).toBeGreaterThan(0);
      expect(total(debits) + total(credits), JSON.stringify(period)).toBe(0);
      const codes = new Set([...Object.keys(debits), ...Object.keys(credits)].map((name) => /(\d+) [^:]*$/.exec(name)![1]));
      expect(TRADE_CODES.filter((code) => !codes.has(code)), JSON.stringify(period)).toEqual([]);
    }
  });

  it("every supplier's and buyer's balance, week by week: hledger (by the name its entries carry) = the party's journal lines = its statement", () => {
    const codes = ['421', '424', '121'];
    // 104 whole weeks, Monday 2024-01-01 to Sunday 2025-12-28.
    const weekEnds = Array.from({ length: 104 }, (_, week) => new Date(Date.UTC(2024, 0, 7 + 7 * week)).toISOString().slice(0, 10));
    const { ends, rows } = hledgerWeeksByDescription(fullFile, { codes, from: '2024-01-01', to: weekEnds.at(-1)! });
    expect(ends).toEqual(weekEnds);
    const weekly = (descriptions: string[]) => weekEnds.map((_, week) => descriptions.reduce((sum, d) => sum + rows.get(d)![week]!, 0));
    const parties = [
      ...books.trade.suppliers.map((id) => ({ id, side: 'payable' as const })), ...books.trade.buyers.map((id) => ({ id, side: 'receivable' as const })),
    ];
    const claimed = new Set<string>();
    let openWeeks = 0;
    for (const { id, side } of parties) {
      const { name } = api.getParty({ partyId: id });
      const own = [...rows.keys()].filter((description) => describesParty(description, name));
      expect(own.filter((description) => claimed.has(description)), `${name}: descriptions of another party`).toEqual([]);
      own.forEach((description) => claimed.add(description));
      expect(own.length, name).toBeGreaterThan(1);
      const journal = khipuPartyHistory(env.db, books.associationId, id, codes, weekEnds);
      expect(weekly(own), name).toEqual(weekEnds.map((end) => journal.get(end)));
      openWeeks += weekEnds.filter((end) => journal.get(end) !== 0).length;
      for (const end of weekEnds.filter((_, week) => week % 13 === 12)) {
        const { closing } = api.partyStatement({ associationId: books.associationId, partyId: id, side, to: end });
        expect(closing, `${name} ${end}: statement`).toBe(side === 'payable' ? 0 - journal.get(end)! : journal.get(end));
      }
    }
    expect(openWeeks).toBeGreaterThan(200); // balances that are not zero, so the comparison means something
    // What ends with no party's name is the raw entries': on these accounts, exactly the lines carrying no party.
    const rest = [...rows.keys()].filter((description) => !claimed.has(description));
    const partyless = khipuPartyHistory(env.db, books.associationId, null, codes, weekEnds);
    expect(weekly(rest)).toEqual(weekEnds.map((end) => partyless.get(end)));
  });
});

describe('journal text and amounts', () => {
  it('writes céntimos with two decimals, the symbol quoted, and no float', () => {
    expect(journalAmount(0)).toBe('"S/" 0.00');
    expect(journalAmount(7)).toBe('"S/" 0.07');
    expect(journalAmount(-7)).toBe('"S/" -0.07');
    expect(journalAmount(123_456)).toBe('"S/" 1234.56');
    expect(journalAmount(-19_116_276)).toBe('"S/" -191162.76');
    expect(journalAmount(Number.MAX_SAFE_INTEGER)).toBe('"S/" 90071992547409.91');
    expect(() => journalAmount(1.5)).toThrow();
  });

  it('keeps descriptions on one line without comment marks or control characters', () => {
    expect(journalText('Cuota; marzo\r\n\tRosa  Quispe\u0000\u2028Q\'oy')).toBe("Cuota, marzo Rosa Quispe Q'oy");
    expect(journalText('Cafe\u0301 [2020-01-01]: ok')).toBe('Café [2020-01-01]: ok');
  });

  it('writes memos so that no tool reads a tag or a date in them', () => {
    expect(journalComment('Operación: 0042; voucher')).toBe('Operación꞉ 0042, voucher');
    expect(journalComment('date: 2020-01-01 :faena: [2020-01-01] [=2021-01-01]')).toBe('date꞉ 2020-01-01 ꞉faena꞉ (2020-01-01) (=2021-01-01)');
    expect(journalComment("Q'ollana @ 3 = 4 (a) * ! ñ")).toBe("Q'ollana @ 3 = 4 (a) * ! ñ");
  });
});

describe('exportHledgerJournal on a small association', () => {
  it('names the file, declares every account with its type and survives awkward names and memos', () => {
    const small = tempDatabase();
    try {
      const smallApi = createLedgerApi(small.db, { actor: testContext.actor, now: testContext.now });
      const { id } = smallApi.createAssociation({ name: "Asociación Señor de Exaltación: Q'oy", legalForm: 'asociacion', ubigeo: '030601' });
      const accounts = smallApi.listAccounts({ associationId: id });
      const role = (name: string) => accounts.find((a) => a.role === name)!.id;
      const odd = smallApi.addAccount({ associationId: id, parentCode: '104', code: '1043', name: 'Banco: cuenta; feria  dominical' });
      smallApi.postEntry({ associationId: id, date: '2025-01-02', description: 'Depósito; feria   del domingo', lines: [
        { accountId: odd.id, amount: 123_456, memo: 'Operación: 0042;  voucher' }, { accountId: role('dues_income'), amount: -123_456 },
      ] });
      smallApi.postEntry({ associationId: id, date: '2025-02-01', description: 'Compra', lines: [
        { accountId: role('purchases_supplies'), amount: 7 }, { accountId: odd.id, amount: -7 },
      ] });
      const all = smallApi.exportHledgerJournal({ associationId: id });
      expect(all.fileName).toBe('khipu-asociacion-senor-de-exaltacion-qoy.journal');
      expect(all.transactions).toBe(2);
      expect(all.content).toContain('\ncommodity "S/"\n    format "S/" 1,000.00\n');
      expect(all.content).toContain('\naccount activo\n    ; type: Asset\n');
      expect(all.content).toContain('\naccount ingresos:7 Ingresos:75 Otros ingresos de gestión:759 Otros ingresos de gestión:7599 Ingresos de los socios y otros:75991 Cuotas de socios\n    ; type: Revenue\n');
      expect(all.content).toContain('2025-01-02 (2025-1) Depósito, feria del domingo\n');
      expect(all.content).toMatch(/ {4}activo:1 Activo disponible y exigible:10 Caja y bancos:104 Bancos – cuentas corrientes:1043 Banco꞉ cuenta, feria dominical +"S\/" 1234\.56 {2}; Operación꞉ 0042, voucher\n/);
      const file = join(small.folder, all.fileName);
      writeFileSync(file, all.content);
      expect(hledger(file, ['print'])).toContain('S/ -0.07');
      expect(runTool('ledger', file, ['print'])).toContain('"S/" 0.07'); // ledger prints the symbol quoted, hledger bare
      const { khipu, hledger: fromHledger, ledger } = threeWay(small.db, id, file, { to: '2025-12-31', level: 'accounts' });
      expect([fromHledger, ledger]).toEqual([khipu, khipu]);
      const balances = readReport(hledger(file, ['bse', '-O', 'csv']));
      expect(balances.totals.get('Assets')).toBe(123_449);
      expect(balances.accounts.get('1043')).toBe(123_449);

      const later = smallApi.exportHledgerJournal({ associationId: id, from: '2025-02-01', to: '2025-02-28' });
      expect(later.fileName).toBe('khipu-asociacion-senor-de-exaltacion-qoy-desde-2025-02-01-hasta-2025-02-28.journal');
      expect(later.transactions).toBe(2); // the opening entry and February's
      expect(later.content).toContain('2025-01-31 (apertura) Saldos al 31/01/2025: asientos anteriores al periodo');
      expect(() => smallApi.exportHledgerJournal({ associationId: id, from: '2025-03-01', to: '2025-02-01' })).toThrow(/posterior/);
    } finally {
      small.cleanup();
    }
  });
});
