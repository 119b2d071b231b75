import { afterEach, expect, it } from 'vitest';
import { reportsFixture, type ReportsFixture } from '../reports/testing';

// The reports around a closing: the statements read the same before and after it, the trial balance
// of a later year opens income and expenses at zero with earlier results in 59, and the diario and
// mayor show the closing entry.

let f: ReportsFixture;
afterEach(() => f.env.cleanup());

function books(): ReportsFixture {
  f = reportsFixture();
  f.post('2025-01-10', 'Capital inicial', [['cash', 100_000], ['member_capital_contributions', -100_000]]);
  f.post('2025-05-10', 'Venta de miel', [['cash', 50_000], ['sales_products', -50_000]]);
  f.post('2025-06-10', 'Flete', [['transport_expense', 20_000], ['cash', -20_000]]);
  f.post('2026-02-10', 'Cuotas', [['cash', 10_000], ['dues_income', -10_000]]);
  return f;
}

const reports = () => ({
  yearStatement: f.api.incomeStatement({ associationId: f.associationId, from: '2025-01-01', to: '2025-12-31' }),
  yearEndSheet: f.api.balanceSheet({ associationId: f.associationId, date: '2025-12-31' }),
  nextSheet: f.api.balanceSheet({ associationId: f.associationId, date: '2026-02-28' }),
  nextStatement: f.api.incomeStatement({ associationId: f.associationId, from: '2026-01-01', to: '2026-02-28' }),
  yearEndTrial: f.api.trialBalance({ associationId: f.associationId, from: '2025-01-01', to: '2025-12-31' }),
});

it('the statements and the year-end trial balance are the same before and after closing', () => {
  books();
  const before = reports();
  f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2025 });
  const after = reports();
  expect(after.yearStatement).toEqual(before.yearStatement);
  expect(after.nextStatement).toEqual(before.nextStatement);
  expect(after.yearEndSheet).toEqual(before.yearEndSheet);
  expect(after.yearEndTrial).toEqual(before.yearEndTrial);
  // In the next year the result has moved from "not closed" to 591, the equity total unchanged.
  expect(after.nextSheet.totals).toEqual(before.nextSheet.totals);
  expect(after.nextSheet.equity.total).toBe(before.nextSheet.equity.total);
  expect(before.nextSheet.equity.groups.find((g) => g.key === 'priorResults')?.amount).toBe(30_000);
  expect(after.nextSheet.equity.groups.find((g) => g.key === 'priorResults')).toBeUndefined();
  expect(after.nextSheet.equity.groups.find((g) => g.code === '59')?.accounts).toEqual([
    expect.objectContaining({ code: '591', amount: 30_000 }),
  ]);
});

it('a later year\'s trial balance opens income and expenses at zero and earlier results in 591, closed or not', () => {
  books();
  const trial = () => f.api.trialBalance({ associationId: f.associationId, from: '2026-01-01', to: '2026-02-28' });
  const row = (t: ReturnType<typeof trial>, role: string) => t.rows.find((r) => r.accountId === f.role(role));
  const open = trial();
  expect(row(open, 'sales_products')).toBeUndefined(); // 2025's sales open at zero in 2026
  expect(row(open, 'accumulated_results')).toMatchObject({ opening: -30_000, closing: -30_000 });
  expect(row(open, 'dues_income')).toMatchObject({ opening: 0, credits: 10_000 });
  f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2025 });
  expect(trial()).toEqual(open);
});

it('the diario and the mayor show the closing entry as the year\'s last movement', () => {
  books();
  const { closing } = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2025 });
  const ledger = f.api.generalLedger({ associationId: f.associationId, accountId: f.role('sales_products'), from: '2025-01-01', to: '2025-12-31' });
  expect(ledger.movements.at(-1)).toMatchObject({ entryId: closing!.entryId, debit: 50_000 });
  expect(ledger.closing).toBe(0);
  const results = f.api.generalLedger({ associationId: f.associationId, accountId: f.role('accumulated_results'), from: '2026-01-01', to: '2026-02-28' });
  expect(results.opening).toBe(-30_000);
  const journal = f.api.listJournal({ associationId: f.associationId, from: '2025-12-31', to: '2025-12-31' });
  expect(journal.entries.map((e) => e.id)).toEqual([closing!.entryId]);
});

it('the dashboard\'s months count no closing entry as income or expense', () => {
  books();
  const before = f.api.dashboard({ associationId: f.associationId, today: '2026-02-28' }).months;
  f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2025 });
  const after = f.api.dashboard({ associationId: f.associationId, today: '2026-02-28' }).months;
  expect(after).toEqual(before);
  expect(after.find((m) => m.month === '2025-05')?.income).toBe(50_000);
});

it('the ODEL summary counts no closing entry as income or expense', () => {
  books();
  const summary = () => f.api.odelSummary({ from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' }).total;
  const before = summary();
  f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2025 });
  expect(summary()).toEqual(before);
  expect(before).toMatchObject({ income: 50_000, sales: 50_000, expenses: 20_000, result: 30_000 });
});
