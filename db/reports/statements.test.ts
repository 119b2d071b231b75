import { afterEach, describe, expect, it } from 'vitest';
import { createLedgerApi, dispatch } from '../api';
import { tempDatabase } from '../testing/temp-db';
import type { BalanceSheet, StatementSection } from '../../shared/operations/reports';
import { reportsFixture, type ReportsFixture } from './testing';
import { yearEarlier } from './common';

// A small beekeepers' association, every figure computed by hand (céntimos):
//
// 2025 (prior year, calendar fiscal year)
//   01/02 capital from members, to the bank          S/ 2,000.00   Dr 1041 / Cr 5221
//   05/03 dues in cash                               S/   150.00   Dr 101  / Cr 75991
//   10/04 purchase of supplies in cash               S/    80.50   Dr 603  / Cr 101
//   20/06 honey sold on credit                       S/   500.00   Dr 121  / Cr 702
//   01/09 honey extractor paid by bank               S/ 1,200.00   Dr 333  / Cr 1041
//   01/10 CAC loan to the bank                       S/ 3,000.00   Dr 1041 / Cr 451
//   15/12 grant received, to be earned               S/   400.00   Dr 1041 / Cr 495
//   → result 2025: 150.00 + 500.00 − 80.50 = S/ 569.50, never closed into 59
// 2026
//   15/01 the buyer pays the honey                   S/   500.00   Dr 1041 / Cr 121
//   05/02 dues in cash                               S/   150.00   Dr 101  / Cr 75991
//   10/02 transport to the fair                      S/    35.75   Dr 631  / Cr 101
//   01/03 purchase typed wrong (S/ 999.00) …         S/   999.00   Dr 603  / Cr 101
//   02/03 … and reversed                            −S/   999.00
//   10/03 depreciation                               S/   100.00   Dr 684  / Cr 3952
//   20/03 loan interest                              S/    25.50   Dr 673  / Cr 1041
//   25/03 cash deposited in the bank                 S/   100.00   Dr 1041 / Cr 101
//   lock date 31/03/2026
//   05/04 honey sold in cash                         S/   123.45   Dr 101  / Cr 702
//   10/04 the transport of 10/02 reversed (after the lock)
function seed(f: ReportsFixture): void {
  f.post('2025-02-01', 'Aportes de capital de los socios', [['bank', 200000], ['member_capital_contributions', -200000]]);
  f.post('2025-03-05', 'Cuotas de marzo', [['cash', 15000], ['dues_income', -15000]]);
  f.post('2025-04-10', 'Compra de cera y frascos', [['purchases_supplies', 8050], ['cash', -8050]]);
  f.post('2025-06-20', 'Venta de miel a crédito', [['receivable_customers', 50000], ['sales_products', -50000]]);
  f.post('2025-09-01', 'Centrífuga de miel', [['equipment', 120000], ['bank', -120000]]);
  f.post('2025-10-01', 'Préstamo de la CAC Los Andes', [['bank', 300000], ['loans_payable', -300000]]);
  f.post('2025-12-15', 'Subvención de Sierra Sur por devengar', [['bank', 40000], ['deferred_grants', -40000]]);
  f.post('2026-01-15', 'Cobro de la venta de miel', [['bank', 50000], ['receivable_customers', -50000]]);
  f.post('2026-02-05', 'Cuotas de febrero', [['cash', 15000], ['dues_income', -15000]]);
  const transport = f.post('2026-02-10', 'Flete a la feria', [['transport_expense', 3575], ['cash', -3575]]);
  const wrong = f.post('2026-03-01', 'Compra de frascos (monto errado)', [['purchases_supplies', 99900], ['cash', -99900]]);
  f.api.reverseEntry({ entryId: wrong, date: '2026-03-02', reason: 'Monto mal digitado' });
  f.post('2026-03-10', 'Depreciación del trimestre', [['depreciation_expense', 10000], ['accumulated_depreciation', -10000]]);
  f.post('2026-03-20', 'Intereses del préstamo', [['financial_expense', 2550], ['bank', -2550]]);
  f.post('2026-03-25', 'Depósito de caja en el banco', [['bank', 10000], ['cash', -10000]]);
  f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-03-31', reason: 'Cierre del trimestre' });
  f.post('2026-04-05', 'Venta de miel al contado', [['cash', 12345], ['sales_products', -12345]]);
  f.api.reverseEntry({ entryId: transport, date: '2026-04-10', reason: 'El flete lo pagó la municipalidad' });
}

const group = (s: StatementSection, code: string) => s.groups.find((g) => g.code === code && g.kind === 'accounts');
const keyed = (s: StatementSection, key: string) => s.groups.find((g) => g.key === key);

function expectBalanced(sheet: BalanceSheet): void {
  expect(sheet.totals.assets).toBe(sheet.totals.liabilitiesAndEquity);
  expect(sheet.totals.priorAssets).toBe(sheet.totals.priorLiabilitiesAndEquity);
  expect(sheet.assets.total).toBe(sheet.assets.current.total + sheet.assets.nonCurrent.total);
  for (const s of [sheet.assets.current, sheet.assets.nonCurrent, sheet.liabilities.current, sheet.liabilities.nonCurrent, sheet.equity]) {
    expect(s.total).toBe(s.groups.reduce((t, g) => t + g.amount, 0));
    for (const g of s.groups.filter((x) => x.kind === 'accounts')) {
      expect(g.amount).toBe(g.accounts.reduce((t, a) => t + a.amount, 0));
      expect(g.accountIds).toEqual(g.accounts.map((a) => a.accountId));
    }
  }
}

let fixture: ReportsFixture | undefined;
afterEach(() => fixture?.env.cleanup());

describe('balanceSheet', () => {
  it('classifies by PCGE element, carries results, and balances to the céntimo with the prior year beside it', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    const sheet = f.api.balanceSheet({ associationId: f.associationId, date: '2026-03-31' });
    expect(sheet.priorDate).toBe('2025-03-31');
    expect(sheet.fiscalYearStart).toBe('2026-01-01');
    expectBalanced(sheet);

    // Cash 150.00 − 80.50 + 150.00 − 35.75 − 999.00 + 999.00 − 100.00 = 83.75; bank
    // 2,000 − 1,200 + 3,000 + 400 + 500 − 25.50 + 100 = 4,774.50. The receivable is back to 0: no row.
    const cash = group(sheet.assets.current, '10')!;
    expect(cash.name).toBe('Efectivo y equivalentes de efectivo');
    expect(cash.accounts.map((a) => [a.code, a.amount, a.prior])).toEqual([['101', 8375, 15000], ['1041', 477450, 200000]]);
    expect(cash).toMatchObject({ amount: 485825, prior: 215000, accountId: f.code('10') });
    expect(group(sheet.assets.current, '12')).toBeUndefined();
    expect(sheet.assets.current).toMatchObject({ total: 485825, prior: 215000 });
    // Non-current: the extractor 1,200.00 less depreciation 100.00 (39 shows as a negative).
    expect(group(sheet.assets.nonCurrent, '33')).toMatchObject({ amount: 120000, prior: 0 });
    expect(group(sheet.assets.nonCurrent, '39')).toMatchObject({ amount: -10000, prior: 0 });
    expect(sheet.assets).toMatchObject({ total: 595825, prior: 215000 });

    // The CAC loan (45) is current; the grant to be earned (49) non-current.
    expect(group(sheet.liabilities.current, '45')).toMatchObject({ amount: 300000, prior: 0 });
    expect(group(sheet.liabilities.nonCurrent, '49')).toMatchObject({ amount: 40000, prior: 0 });
    expect(sheet.liabilities).toMatchObject({ total: 340000, prior: 0 });

    // Equity: capital 2,000.00; 2025's 569.50 not closed → resultados acumulados; 2026 to date:
    // 150.00 − (35.75 + 0 + 100.00 + 25.50) = −11.25. In the prior column 2025 to 31/03: +150.00.
    expect(group(sheet.equity, '52')).toMatchObject({ amount: 200000, prior: 200000 });
    expect(keyed(sheet.equity, 'priorResults')).toMatchObject({
      code: '59', amount: 56950, prior: 0, range: { from: null, to: '2025-12-31' }, priorRange: { from: null, to: '2024-12-31' },
    });
    expect(keyed(sheet.equity, 'periodResult')).toMatchObject({
      amount: -1125, prior: 15000, range: { from: '2026-01-01', to: '2026-03-31' }, priorRange: { from: '2025-01-01', to: '2025-03-31' },
    });
    expect(sheet.equity).toMatchObject({ total: 255825, prior: 215000 });
    expect(sheet.totals).toEqual({ assets: 595825, liabilitiesAndEquity: 595825, priorAssets: 215000, priorLiabilitiesAndEquity: 215000 });
  });

  it('after the lock date: a sale and a reversal of a locked-period entry move only the later balance sheet', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    const refused = dispatch(f.api, 'postEntry', {
      associationId: f.associationId, date: '2026-03-15', description: 'Tarde',
      lines: [{ accountId: f.role('cash'), amount: 100 }, { accountId: f.role('dues_income'), amount: -100 }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'entry.locked' } });
    // The locked quarter reads exactly as before.
    expect(f.api.balanceSheet({ associationId: f.associationId, date: '2026-03-31' }).totals.assets).toBe(595825);

    const april = f.api.balanceSheet({ associationId: f.associationId, date: '2026-04-30' });
    expectBalanced(april);
    // Cash 83.75 + 123.45 + 35.75 = 242.95; result 150.00 + 123.45 − (35.75 − 35.75 + 100.00 + 25.50) = 147.95.
    expect(group(april.assets.current, '10')!.accounts[0]).toMatchObject({ code: '101', amount: 24295 });
    expect(april.assets.total).toBe(611745);
    expect(keyed(april.equity, 'periodResult')!.amount).toBe(14795);
    expect(april.equity.total).toBe(271745);
    expect(april.totals.liabilitiesAndEquity).toBe(611745);
  });

  it('without the comparative column, the prior figures are null', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    const sheet = f.api.balanceSheet({ associationId: f.associationId, date: '2025-12-31', comparative: false });
    expect(sheet.priorDate).toBeNull();
    expect(sheet.totals.priorAssets).toBeNull();
    expect(group(sheet.assets.current, '10')!.prior).toBeNull();
    // End of 2025: cash 69.50, bank 4,200.00, receivable 500.00, extractor 1,200.00 = 5,969.50.
    expect(sheet.totals.assets).toBe(596950);
    expect(keyed(sheet.equity, 'priorResults')).toBeUndefined();
    expect(keyed(sheet.equity, 'periodResult')!.amount).toBe(56950);
    expect(sheet.totals.liabilitiesAndEquity).toBe(596950);
  });

  it('balances every week of the seeded years', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    for (let day = new Date(Date.UTC(2025, 0, 1)); day <= new Date(Date.UTC(2026, 11, 31)); day.setUTCDate(day.getUTCDate() + 7)) {
      expectBalanced(f.api.balanceSheet({ associationId: f.associationId, date: day.toISOString().slice(0, 10) }));
    }
  });

  it('with a fiscal year from April: the year\'s result restarts on 1 April and the year before is carried', () => {
    const f = (fixture = reportsFixture({ fiscalYearStartMonth: 4 }));
    f.post('2025-05-10', 'Aportes de capital', [['cash', 100000], ['member_capital_contributions', -100000]]);
    f.post('2025-06-01', 'Cuotas', [['cash', 15000], ['dues_income', -15000]]);
    f.post('2026-02-01', 'Compra de suministros', [['purchases_supplies', 8050], ['cash', -8050]]);
    f.post('2026-04-15', 'Cuotas', [['cash', 20000], ['dues_income', -20000]]);
    f.post('2026-05-01', 'Multas', [['cash', 5000], ['fines_income', -5000]]);

    const march = f.api.balanceSheet({ associationId: f.associationId, date: '2026-03-31' });
    expectBalanced(march);
    expect(march.fiscalYearStart).toBe('2025-04-01');
    expect(keyed(march.equity, 'priorResults')).toBeUndefined();
    expect(keyed(march.equity, 'periodResult')).toMatchObject({ amount: 6950, prior: 0 });
    expect(march.totals.assets).toBe(106950);

    const may = f.api.balanceSheet({ associationId: f.associationId, date: '2026-05-31' });
    expectBalanced(may);
    expect(may.fiscalYearStart).toBe('2026-04-01');
    expect(may.priorFiscalYearStart).toBe('2025-04-01');
    // FY 2025-26: 150.00 − 80.50 = 69.50 carried; FY 2026-27 to date: 200.00 + 50.00.
    expect(keyed(may.equity, 'priorResults')).toMatchObject({ amount: 6950, prior: 0, range: { from: null, to: '2026-03-31' } });
    expect(keyed(may.equity, 'periodResult')).toMatchObject({ amount: 25000, prior: 0 });
    expect(may.totals).toEqual({ assets: 131950, liabilitiesAndEquity: 131950, priorAssets: 100000, priorLiabilitiesAndEquity: 100000 });

    // The period's result is the income statement of the fiscal year to date.
    const statement = f.api.incomeStatement({ associationId: f.associationId, from: '2026-04-01', to: '2026-05-31' });
    expect(statement.result).toBe(25000);
    expect(statement.income.groups.map((g) => [g.code, g.amount, g.prior])).toEqual([['75', 25000, 0]]);
    expect(statement.income.groups[0]!.accounts.map((a) => [a.code, a.amount])).toEqual([['75991', 20000], ['75993', 5000]]);
    expect(statement.priorResult).toBe(0);
  });

  it('a year closed into 591 by an entry shows in 59, with nothing left to carry', () => {
    const f = (fixture = reportsFixture());
    f.post('2025-03-05', 'Cuotas', [['cash', 15000], ['dues_income', -15000]]);
    f.post('2025-04-10', 'Compra de suministros', [['purchases_supplies', 8050], ['cash', -8050]]);
    f.post('2025-12-31', 'Cierre del ejercicio 2025', [['dues_income', 15000], ['purchases_supplies', -8050], ['accumulated_results', -6950]]);
    const sheet = f.api.balanceSheet({ associationId: f.associationId, date: '2026-01-31' });
    expectBalanced(sheet);
    expect(group(sheet.equity, '59')).toMatchObject({ name: 'Resultados acumulados', amount: 6950, prior: 0 });
    expect(keyed(sheet.equity, 'priorResults')).toBeUndefined();
    expect(keyed(sheet.equity, 'periodResult')!.amount).toBe(0);
    expect(sheet.totals.assets).toBe(6950);
  });

  it('balances for the example association at several dates', () => {
    const env = tempDatabase();
    try {
      const api = createLedgerApi(env.db, { actor: 'prueba', now: () => new Date('2026-07-15T12:00:00Z') });
      const { id } = api.openExampleAssociation({});
      for (const date of ['2025-06-30', '2025-07-01', '2025-12-31', '2026-01-01', '2026-03-15', '2026-06-30', '2027-12-31']) {
        const sheet = api.balanceSheet({ associationId: id, date });
        expectBalanced(sheet);
        const balances = api.accountBalances({ associationId: id, date });
        expect(sheet.assets.total).toBe(balances.filter((b) => ['1', '2', '3'].includes(b.code)).reduce((t, b) => t + b.balance, 0));
        const statement = api.incomeStatement({ associationId: id, from: sheet.fiscalYearStart, to: date, comparative: false });
        expect(statement.result).toBe(sheet.equity.groups.find((g) => g.key === 'periodResult')!.amount);
      }
      expect(api.balanceSheet({ associationId: id, date: '2026-06-30' }).totals.assets).toBeGreaterThan(0);
    } finally {
      env.cleanup();
    }
  });
});

describe('incomeStatement', () => {
  it('groups income and expenses by PCGE account with the same period of the prior year', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    const q1 = f.api.incomeStatement({ associationId: f.associationId, from: '2026-01-01', to: '2026-03-31' });
    expect([q1.priorFrom, q1.priorTo]).toEqual(['2025-01-01', '2025-03-31']);
    expect(q1.income.groups.map((g) => [g.code, g.name, g.amount, g.prior])).toEqual([['75', 'Otros ingresos de gestión', 15000, 15000]]);
    // The wrong purchase and its reversal cancel: no row for 60.
    expect(q1.expenses.groups.map((g) => [g.code, g.amount, g.prior])).toEqual([['63', 3575, 0], ['67', 2550, 0], ['68', 10000, 0]]);
    expect(q1.expenses).toMatchObject({ total: 16125, prior: 0 });
    expect([q1.result, q1.priorResult]).toEqual([-1125, 15000]);

    const year = f.api.incomeStatement({ associationId: f.associationId, from: '2026-01-01', to: '2026-12-31' });
    // 2026: dues 150.00 + honey 123.45; expenses 100.00 + 25.50 (the transport reversed). 2025: 150 + 500 − 80.50.
    expect(year.income.groups.map((g) => [g.code, g.amount, g.prior])).toEqual([['70', 12345, 50000], ['75', 15000, 15000]]);
    expect(year.expenses.groups.map((g) => [g.code, g.amount, g.prior])).toEqual([['60', 0, 8050], ['67', 2550, 0], ['68', 10000, 0]]);
    expect([year.income.total, year.expenses.total, year.result]).toEqual([27345, 12550, 14795]);
    expect([year.income.prior, year.expenses.prior, year.priorResult]).toEqual([65000, 8050, 56950]);
    expect(year.expenses.groups[0]!.accounts).toEqual([{ accountId: f.role('purchases_supplies'), code: '603', name: expect.any(String), amount: 0, prior: 8050 }]);
  });

  it('refuses a period that ends before it starts', () => {
    const f = (fixture = reportsFixture());
    expect(dispatch(f.api, 'incomeStatement', { associationId: f.associationId, from: '2026-02-01', to: '2026-01-01' }))
      .toMatchObject({ ok: false, error: { code: 'period.invalid', field: 'from' } });
  });
});

describe('yearEarlier', () => {
  it('keeps the day, and 29 February becomes 28 February', () => {
    expect(yearEarlier('2026-03-31')).toBe('2025-03-31');
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
    expect(yearEarlier('2025-02-28')).toBe('2024-02-28');
  });
});
