import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLedgerApi, dispatchAsync, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import { reportsFixture, type ReportsFixture } from '../reports/testing';
import { decodeText, parseCsv } from '../members/csv';
import type { AccountBook, BalanceSheet, IncomeStatement, StatementSection } from '../../shared/operations/reports';
import type { TrialBalance } from '../../shared/results';
import type { ReportExport } from '../../shared/operations/exports';
import { EXPORT_REPORTS } from '../../shared/operations/exports';
import { operationSchemas } from '../../shared/api';

// exportReport on real SQLite files: every exported figure is read back from the file
// (XLSX through ExcelJS, CSV as text) and compared to the report operation's own answer.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table read back from a file, the same shape for both formats: money as céntimos, dates as yyyy-mm-dd. */
type Value = string | number | { date: string } | null;
interface Table { header: string[]; columns: string[]; rows: Value[][] }

async function readXlsx(file: ReportExport): Promise<Table & { frozen: number; bold: boolean }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(file.contentBase64, 'base64')).buffer);
  const sheet = workbook.worksheets[0]!;
  const frozen = (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0;
  const width = sheet.columnCount;
  const cellValue = (cell: ExcelJS.Cell): Value => {
    const v = cell.value;
    if (v === null || v === undefined) return null;
    if (typeof v === 'number') {
      expect(cell.numFmt).toBe('#,##0.00');
      const centimos = Math.round(v * 100);
      expect(Math.abs(v * 100 - centimos)).toBeLessThan(1e-6); // the nearest double to an amount with two decimals
      return centimos;
    }
    if (v instanceof Date) {
      expect(cell.numFmt).toBe('dd/mm/yyyy');
      return { date: v.toISOString().slice(0, 10) };
    }
    if (typeof v === 'string') return v;
    throw new Error(`unexpected cell ${JSON.stringify(v)}`);
  };
  const row = (n: number) => Array.from({ length: width }, (_, c) => cellValue(sheet.getCell(n, c + 1)));
  const header: string[] = [];
  for (let n = 1; n < frozen - 1; n++) header.push(String(sheet.getCell(n, 1).value));
  const columns = row(frozen).filter((v): v is string => typeof v === 'string');
  const rows: Value[][] = [];
  for (let n = frozen + 1; n <= sheet.rowCount; n++) rows.push(row(n));
  const bold = columns.every((_, c) => sheet.getCell(frozen, c + 1).font?.bold === true);
  return { header, columns, rows, frozen, bold };
}

const EXACT_AMOUNT = /^(-?)(\d+)\.(\d{2})$/;

function readCsv(file: ReportExport): Table & { raw: string[][] } {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const raw = parseCsv(decodeText(bytes), ';');
  const blank = raw.findIndex((r) => r.length === 1 && r[0] === '');
  const value = (text: string): Value => {
    if (text === '') return null;
    const amount = EXACT_AMOUNT.exec(text);
    // Back to céntimos by integer arithmetic on the digits: no float.
    if (amount) return (amount[1] === '-' ? -1 : 1) * (Number(amount[2]) * 100 + Number(amount[3]));
    const day = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
    if (day) return { date: `${day[3]}-${day[2]}-${day[1]}` };
    return text;
  };
  return {
    raw,
    header: raw.slice(0, blank).map((r) => r[0]!),
    columns: raw[blank + 1]!,
    rows: raw.slice(blank + 2).map((r) => r.map(value)),
  };
}

/** Exact text an amount must have in the CSV, built here independently from the integer. */
function exactText(centimos: number): string {
  const abs = Math.abs(centimos);
  return `${centimos < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const trim = (row: Value[]) => {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
};

function rowOf(table: Table, a: Value, b: Value, which: 'first' | 'last' = 'first'): Value[] {
  const matches = table.rows.filter((r) => (r[0] ?? null) === a && (r[1] ?? null) === b);
  const found = which === 'first' ? matches[0] : matches[matches.length - 1];
  if (!found) throw new Error(`no row ${String(a)} / ${String(b)}`);
  return trim(found);
}

// ------------------------------------------------------------------ checks

function checkBalanceSheet(table: Table, sheet: BalanceSheet): void {
  const comparative = sheet.priorDate !== null;
  const figures = (amount: number, prior: number | null) => (comparative ? [amount, prior] : [amount]);
  const sections: StatementSection[] = [
    sheet.assets.current, sheet.assets.nonCurrent, sheet.liabilities.current, sheet.liabilities.nonCurrent, sheet.equity,
  ];
  const label = { priorResults: 'Resultados de ejercicios anteriores no cerrados', periodResult: 'Resultado del ejercicio' };
  let detail = 0;
  for (const section of sections) {
    for (const g of section.groups) {
      const name = g.kind === 'accounts' ? g.name : label[g.kind];
      expect(rowOf(table, g.code || null, name)).toEqual([g.code || null, name, ...figures(g.amount, g.prior)]);
      for (const a of g.accounts) {
        expect(rowOf(table, a.code, a.name, 'last')).toEqual([a.code, a.name, ...figures(a.amount, a.prior)]);
        detail += 1;
      }
    }
  }
  expect(detail).toBeGreaterThan(0);
  const total = (name: string) => rowOf(table, null, name).slice(2);
  expect(total('Total activo corriente')).toEqual(figures(sheet.assets.current.total, sheet.assets.current.prior));
  expect(total('Total activo no corriente')).toEqual(figures(sheet.assets.nonCurrent.total, sheet.assets.nonCurrent.prior));
  expect(total('TOTAL ACTIVO')).toEqual(figures(sheet.totals.assets, sheet.totals.priorAssets));
  expect(total('TOTAL PASIVO')).toEqual(figures(sheet.liabilities.total, sheet.liabilities.prior));
  expect(total('TOTAL PATRIMONIO')).toEqual(figures(sheet.equity.total, sheet.equity.prior));
  expect(total('TOTAL PASIVO Y PATRIMONIO')).toEqual(figures(sheet.totals.liabilitiesAndEquity, sheet.totals.priorLiabilitiesAndEquity));
}

function checkIncomeStatement(table: Table, statement: IncomeStatement): void {
  const figures = (amount: number, prior: number | null) => (statement.priorFrom !== null ? [amount, prior] : [amount]);
  for (const section of [statement.income, statement.expenses]) {
    for (const g of section.groups) {
      expect(rowOf(table, g.code, g.name)).toEqual([g.code, g.name, ...figures(g.amount, g.prior)]);
      for (const a of g.accounts) expect(rowOf(table, a.code, a.name, 'last')).toEqual([a.code, a.name, ...figures(a.amount, a.prior)]);
    }
  }
  expect(rowOf(table, null, 'TOTAL INGRESOS').slice(2)).toEqual(figures(statement.income.total, statement.income.prior));
  expect(rowOf(table, null, 'TOTAL GASTOS').slice(2)).toEqual(figures(statement.expenses.total, statement.expenses.prior));
  expect(rowOf(table, null, 'RESULTADO DEL PERIODO').slice(2)).toEqual(figures(statement.result, statement.priorResult));
}

function checkBook(table: Table, book: AccountBook): void {
  expect(table.columns).toEqual(['Fecha', 'Asiento', 'Cuenta', 'Glosa', 'Contrapartida', 'Debe', 'Haber', 'Saldo']);
  expect(table.rows).toHaveLength(book.movements.length + 2);
  expect(trim(table.rows[0]!)).toEqual([{ date: book.from }, null, null, 'Saldo inicial', null, null, null, book.opening]);
  book.movements.forEach((m, i) => {
    expect(trim(table.rows[i + 1]!)).toEqual([
      { date: m.date }, `${m.fiscalYear}-${String(m.number).padStart(4, '0')}`, m.code, m.description,
      m.counterAccounts.map((c) => c.code).join(', ') || null, m.debit, m.credit, m.balance,
    ]);
  });
  expect(trim(table.rows[book.movements.length + 1]!)).toEqual([
    { date: book.to }, null, null, 'Totales', null, book.totals.debits, book.totals.credits, book.closing,
  ]);
}

function checkTrialBalance(table: Table, balance: TrialBalance, withOpening: boolean): void {
  const side = (signed: number) => [signed > 0 ? signed : 0, signed < 0 ? -signed : 0];
  expect(table.rows).toHaveLength(balance.rows.length + 1);
  balance.rows.forEach((r, i) => {
    expect(trim(table.rows[i]!)).toEqual([
      r.code, r.name, ...(withOpening ? side(r.opening) : []), r.debits, r.credits, ...side(r.closing),
    ]);
  });
  const totals = trim(table.rows[balance.rows.length]!);
  expect(totals.slice(0, 2)).toEqual([null, 'Totales']);
  const [closingDebit, closingCredit] = totals.slice(-2);
  expect([closingDebit, closingCredit]).toEqual([balance.totals.debitBalances, balance.totals.creditBalances]);
  // Opening debit + movements debit is the engine's debit total (and the same for credits).
  const nums = totals.slice(2) as number[];
  const debits = withOpening ? nums[0]! + nums[2]! : nums[0]!;
  const credits = withOpening ? nums[1]! + nums[3]! : nums[1]!;
  expect([debits, credits]).toEqual([balance.totals.debits, balance.totals.credits]);
  expect(balance.totals.debits).toBe(balance.totals.credits);
}

/** Every amount of the CSV is exact text 1234.56 (no grouping, '.' decimal) and equals the XLSX figure. */
function checkSameFigures(xlsx: Table, csv: Table & { raw: string[][] }): void {
  expect(csv.columns).toEqual(xlsx.columns);
  expect(csv.rows.map(trim)).toEqual(xlsx.rows.map(trim));
  for (const row of csv.rows) {
    for (const v of row) if (typeof v === 'number') expect(csv.raw.flat()).toContain(exactText(v));
  }
}

// ---------------------------------------------------------------- fixtures

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A small hand-made association with awkward amounts: a few céntimos, millions, credit balances, a reversal. */
function handMade(): ReportsFixture {
  const f = reportsFixture({ name: 'Asociación de Productores de Cuy “Ñuñuq” Q\'ori' });
  cleanup = f.env.cleanup;
  f.post('2025-02-01', 'Aportes de capital de los socios', [['bank', 1_234_567_891], ['member_capital_contributions', -1_234_567_891]]);
  f.post('2025-03-05', 'Cuotas de marzo; "extraordinarias"', [['cash', 15_005], ['dues_income', -15_005]]);
  f.post('2025-04-10', 'Compra de alfalfa', [['purchases_supplies', 8_050], ['cash', -8_050]]);
  f.post('2025-09-01', 'Jaulas para cuyes', [['equipment', 120_000], ['bank', -120_000]]);
  f.post('2026-02-05', 'Cuotas de febrero', [['cash', 5], ['dues_income', -5]]);
  const wrong = f.post('2026-02-10', 'Flete (monto errado)', [['transport_expense', 99_999], ['cash', -99_999]]);
  f.api.reverseEntry({ entryId: wrong, date: '2026-02-11', reason: 'Monto mal digitado' });
  f.post('2026-03-10', 'Depreciación', [['depreciation_expense', 1_001], ['accumulated_depreciation', -1_001]]);
  return f;
}

function example(): { api: LedgerApi; associationId: number } {
  const env = tempDatabase();
  cleanup = env.cleanup;
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now }); // today = 15/03/2026
  return { api, associationId: api.openExampleAssociation({}).id };
}

async function both(api: LedgerApi, input: Record<string, unknown>) {
  const xlsxFile = await api.exportReport({ ...input, format: 'xlsx' } as Parameters<LedgerApi['exportReport']>[0]);
  const csvFile = await api.exportReport({ ...input, format: 'csv' } as Parameters<LedgerApi['exportReport']>[0]);
  expect(xlsxFile.mimeType).toBe(XLSX);
  expect(csvFile.mimeType).toBe('text/csv;charset=utf-8');
  const xlsx = await readXlsx(xlsxFile);
  const csv = readCsv(csvFile);
  // Header block: association, title, period, printing date; frozen bold column titles right below it.
  expect(xlsx.bold).toBe(true);
  expect(xlsx.frozen).toBe(xlsx.header.length + 2);
  expect(xlsx.header).toContain('Impreso el 15/03/2026');
  expect(csv.header).toEqual(xlsx.header);
  checkSameFigures(xlsx, csv);
  return { xlsx, csv, xlsxFile, csvFile };
}

// ------------------------------------------------------------------- tests

describe('exportReport, a hand-made association', () => {
  it('exports the balance sheet with the same figures and totals, both formats', async () => {
    const f = handMade();
    const params = { associationId: f.associationId, date: '2026-03-31' };
    const { xlsx, csv, xlsxFile, csvFile } = await both(f.api, { report: 'balanceSheet', params });
    const sheet = f.api.balanceSheet(params);
    checkBalanceSheet(xlsx, sheet);
    checkBalanceSheet(csv, sheet);
    expect(xlsxFile.fileName).toBe('balance-general-asociacion-de-productores-de-cuy-nunuq-qori-2026-03-31.xlsx');
    expect(csvFile.fileName).toBe('balance-general-asociacion-de-productores-de-cuy-nunuq-qori-2026-03-31.csv');
    expect(xlsx.header.slice(0, 4)).toEqual([
      'Asociación de Productores de Cuy “Ñuñuq” Q\'ori', 'Distrito de Chincheros, provincia de Chincheros, Apurímac',
      'Estado de situación financiera', 'Al 31/03/2026',
    ]);
    expect(xlsx.columns).toEqual(['Cuenta', 'Denominación', 'Al 31/03/2026', 'Al 31/03/2025']);
    // Millions, a few céntimos and a negative (accumulated depreciation) as exact text.
    expect(csv.raw.flat()).toEqual(expect.arrayContaining(['12345678.91', '-10.01']));
    expect(sheet.totals.assets).toBe(1_234_567_891 + 15_005 - 8_050 + 5 - 1_001);
    expect(rowOf(csv, null, 'TOTAL ACTIVO')[2]).toBe(sheet.totals.assets);
  });

  it('exports the balance sheet without the comparative column', async () => {
    const f = handMade();
    const params = { associationId: f.associationId, date: '2026-03-31', comparative: false };
    const { xlsx } = await both(f.api, { report: 'balanceSheet', params });
    expect(xlsx.columns).toEqual(['Cuenta', 'Denominación', 'Al 31/03/2026']);
    checkBalanceSheet(xlsx, f.api.balanceSheet(params));
  });

  it('exports the income statement, the cash book and the trial balance', async () => {
    const f = handMade();
    const period = { associationId: f.associationId, from: '2026-01-01', to: '2026-03-31' };
    const income = await both(f.api, { report: 'incomeStatement', params: period });
    const statement = f.api.incomeStatement(period);
    checkIncomeStatement(income.xlsx, statement);
    checkIncomeStatement(income.csv, statement);
    expect(statement.result).toBe(5 - 1_001);
    expect(income.csv.raw.flat()).toContain('-9.96');

    const cash = await both(f.api, { report: 'cashBook', params: { ...period, from: '2025-01-01' } });
    const book = f.api.cashBook({ ...period, from: '2025-01-01' });
    checkBook(cash.xlsx, book);
    checkBook(cash.csv, book);
    expect(book.movements.map((m) => m.description)).toContain('Cuotas de marzo; "extraordinarias"');
    expect(cash.xlsxFile.fileName).toMatch(/^libro-caja-asociacion-de-productores-de-cuy-nunuq-qori-2026-03-31\.xlsx$/);

    const since = await both(f.api, { report: 'trialBalance', params: { associationId: f.associationId, to: '2026-03-31' } });
    const all = f.api.trialBalance({ associationId: f.associationId, to: '2026-03-31' });
    checkTrialBalance(since.xlsx, all, false);
    checkTrialBalance(since.csv, all, false);
    const withOpening = await both(f.api, { report: 'trialBalance', params: period });
    checkTrialBalance(withOpening.xlsx, f.api.trialBalance(period), true);
    checkTrialBalance(withOpening.csv, f.api.trialBalance(period), true);
  });

  it('takes the association from the export when params leave it out; titles in English on request', async () => {
    const f = handMade();
    const file = await f.api.exportReport({
      associationId: f.associationId, report: 'trialBalance', params: { to: '2026-03-31' }, format: 'xlsx', locale: 'en',
    });
    expect(file.fileName).toBe('trial-balance-asociacion-de-productores-de-cuy-nunuq-qori-2026-03-31.xlsx');
    const table = await readXlsx(file);
    expect(table.columns).toEqual(['Account', 'Name', 'Debit', 'Credit', 'Closing debit', 'Closing credit']);
    expect(table.header).toContain('Trial balance');
    expect(table.header).toContain('Printed on 15/03/2026');
    expect(trim(table.rows[table.rows.length - 1]!).slice(0, 2)).toEqual([null, 'Totals']);
  });
});

describe('exportReport, the example association', () => {
  it('exports the four statements with the figures of the reports', async () => {
    const { api, associationId } = example();
    const asOf = { associationId, date: '2026-03-15' };
    const sheet = await both(api, { report: 'balanceSheet', params: asOf });
    checkBalanceSheet(sheet.xlsx, api.balanceSheet(asOf));
    checkBalanceSheet(sheet.csv, api.balanceSheet(asOf));
    expect(sheet.xlsxFile.fileName).toMatch(/^balance-general-[a-z0-9-]+-2026-03-15\.xlsx$/);

    const period = { associationId, from: '2025-03-01', to: '2026-03-15' };
    const income = await both(api, { report: 'incomeStatement', params: period });
    checkIncomeStatement(income.xlsx, api.incomeStatement(period));
    checkIncomeStatement(income.csv, api.incomeStatement(period));

    const cash = await both(api, { report: 'cashBook', params: period });
    const book = api.cashBook(period);
    expect(book.movements.length).toBeGreaterThan(100);
    checkBook(cash.xlsx, book);
    checkBook(cash.csv, book);

    const trial = await both(api, { report: 'trialBalance', params: period });
    checkTrialBalance(trial.xlsx, api.trialBalance(period), true);
    checkTrialBalance(trial.csv, api.trialBalance(period), true);
  });

  it('exports every other report too, in both formats', async () => {
    const { api, associationId } = example();
    const cash = api.listAccounts({ associationId }).find((a) => a.role === 'cash')!;
    const period = { associationId, from: '2025-03-01', to: '2026-03-15' };
    const inputs = {
      generalLedger: { ...period, accountId: cash.id },
      contributionsByMember: period,
      membersBySex: { associationId, asOf: '2026-03-15' },
      odelSummary: { from: '2025-03-01', to: '2026-03-15' },
    };
    const names = new Set<string>();
    for (const [report, params] of Object.entries(inputs)) {
      for (const format of ['xlsx', 'csv'] as const) {
        const file = await api.exportReport({ report, params, format } as Parameters<LedgerApi['exportReport']>[0]);
        expect(file.contentBase64.length).toBeGreaterThan(100);
        names.add(file.fileName);
      }
    }
    expect([...names].sort()).toEqual(expect.arrayContaining([
      expect.stringMatching(/^libro-mayor-.+-2026-03-15\.xlsx$/),
      expect.stringMatching(/^aportes-por-socio-.+-2026-03-15\.csv$/),
      'resumen-odel-todas-2026-03-15.xlsx',
    ]));

    const ledger = await both(api, { report: 'generalLedger', params: inputs.generalLedger });
    checkBook(ledger.xlsx, api.generalLedger(inputs.generalLedger));

    const contributions = readCsv(await api.exportReport({ report: 'contributionsByMember', params: period, format: 'csv' }));
    const report = api.contributionsByMember(period);
    expect(contributions.rows).toHaveLength(report.rows.length + 3 + report.byType.length);
    expect(trim(contributions.rows[report.rows.length]!)).toEqual([
      'Totales', null, null, report.totals.charged, report.totals.paid, report.totals.inKind, report.totals.open,
    ]);

    const sexes = readCsv(await api.exportReport({ report: 'membersBySex', params: inputs.membersBySex, format: 'csv' }));
    const counts = api.membersBySex(inputs.membersBySex);
    expect(sexes.raw.find((r) => r[0] === 'Mujeres')).toEqual([
      'Mujeres', String(counts.active.women), exactText(counts.active.womenBasisPoints),
      String(counts.registered.women), exactText(counts.registered.womenBasisPoints),
    ]);

    const odel = readCsv(await api.exportReport({ report: 'odelSummary', params: inputs.odelSummary, format: 'csv' }));
    const summary = api.odelSummary(inputs.odelSummary);
    const total = odel.raw[odel.raw.length - 1]!;
    expect(total.slice(0, 5)).toEqual(['Total', '', String(summary.total.women), String(summary.total.men), String(summary.total.members)]);
    expect(total.slice(5)).toEqual(
      [summary.total.income, summary.total.sales, summary.total.contractSales, summary.total.expenses, summary.total.result,
        summary.total.cash, summary.total.receivables, summary.total.debts, summary.total.financialDebts].map(exactText),
    );
  });
});

describe('exportReport refusals', () => {
  it('answers a catalogued Spanish error naming the field', async () => {
    const f = handMade();
    const associationId = f.associationId;
    const refusal = async (input: unknown) => {
      const answer = await dispatchAsync(f.api, 'exportReport', input);
      if (answer.ok) throw new Error('expected a refusal');
      return answer.error;
    };
    expect(await refusal({ report: 'balanceGeneral', params: { associationId, date: '2026-03-31' }, format: 'xlsx' }))
      .toEqual({ code: 'input.invalid', field: 'report', message: 'El campo «report» no es válido.' });
    expect(await refusal({ report: 'balanceSheet', params: { associationId, date: '31/03/2026' }, format: 'xlsx' })).toEqual({
      code: 'input.date', field: 'params.date',
      message: 'La fecha del campo «params.date» no es válida. Use el formato aaaa-mm-dd (por ejemplo 2026-03-15).',
    });
    expect(await refusal({ report: 'balanceSheet', format: 'csv' }))
      .toEqual({ code: 'input.required', field: 'params', message: 'Falta el campo «params».' });
    expect(await refusal({ report: 'cashBook', params: { associationId, from: '2026-01-01' }, format: 'csv' }))
      .toEqual({ code: 'input.required', field: 'params.to', message: 'Falta el campo «params.to».' });
    expect(await refusal({ report: 'balanceSheet', params: { associationId, date: '2026-03-31' }, format: 'pdf' }))
      .toMatchObject({ code: 'input.invalid', field: 'format' });
    expect(await refusal({ report: 'trialBalance', params: { to: '2026-03-31' }, format: 'csv' }))
      .toEqual({ code: 'input.required', field: 'params.associationId', message: 'Falta el campo «params.associationId».' });
    expect(await refusal({ associationId: associationId + 1, report: 'trialBalance', params: { associationId, to: '2026-03-31' }, format: 'csv' }))
      .toMatchObject({ code: 'export.associationMismatch', field: 'params.associationId' });
    expect(await refusal({ report: 'trialBalance', params: { associationId: 999, to: '2026-03-31' }, format: 'csv' }))
      .toEqual({ code: 'association.notFound', field: 'params.associationId', message: 'No existe la asociación 999.' });
    // The report's own refusals name the field under params.
    expect(await refusal({ report: 'incomeStatement', params: { associationId, from: '2026-03-31', to: '2026-01-01' }, format: 'xlsx' }))
      .toMatchObject({ code: 'period.invalid', field: 'params.from' });
    const bank = f.role('bank');
    expect(await refusal({ report: 'cashBook', params: { associationId, from: '2026-01-01', to: '2026-03-31', accountId: f.role('dues_income') }, format: 'xlsx' }))
      .toMatchObject({ code: 'report.notCashAccount', field: 'params.accountId' });
    expect((await dispatchAsync(f.api, 'exportReport', { report: 'cashBook', params: { associationId, from: '2026-01-01', to: '2026-03-31', accountId: bank }, format: 'xlsx' })).ok)
      .toBe(true);
  });

  it('publishes its input as JSON Schema (GET /api/operations), one variant per report', () => {
    const schema = operationSchemas().exportReport as { oneOf: { properties: { report: { const: string } } }[] };
    expect(schema.oneOf.map((v) => v.properties.report.const).sort()).toEqual([...EXPORT_REPORTS].sort());
  });
});
