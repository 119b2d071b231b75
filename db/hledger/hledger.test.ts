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
import { parseCsv, runTool, threeWay, toolVersion } from './cross-check';

// The independent check: Khipu's books exported as a journal (Debian's hledger and ledger; the
// first step of `npm test` installs them) must give the same balance sheet and income statement,
// to the céntimo. hledger's compound reports here; both tools side by side in ledger-cli.test.ts.

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
      `Conjunto generado: ${books.entries} asientos (${books.reversals} reversiones), ${books.firstDate} a ${books.lastDate}`,
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
