import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { reportsFixture, type ReportsFixture } from './testing';

// Cash and bank movements by hand (céntimos):
// 2025: cash +150.00 (dues) −80.50 (supplies) → 69.50; bank +2,000.00 −1,200.00 +3,000.00 +400.00 → 4,200.00
// 2026: 15/01 bank +500.00 · 05/02 cash +150.00 · 10/02 cash −35.75 · 01/03 cash −999.00 · 02/03 cash +999.00
//       (reversal) · 20/03 bank −25.50 · 25/03 bank +100.00 / cash −100.00 · 05/04 cash +123.45 ·
//       10/04 cash +35.75 (reversal of the transport, after the lock date 31/03)
function seed(f: ReportsFixture): { transport: number } {
  f.post('2025-02-01', 'Aportes de capital de los socios', [['bank', 200000], ['member_capital_contributions', -200000]]);
  f.post('2025-03-05', 'Cuotas de marzo', [['cash', 15000], ['dues_income', -15000]]);
  f.post('2025-04-10', 'Compra de cera y frascos', [['purchases_supplies', 8050], ['cash', -8050]]);
  f.post('2025-09-01', 'Centrífuga de miel', [['equipment', 120000], ['bank', -120000]]);
  f.post('2025-10-01', 'Préstamo de la CAC Los Andes', [['bank', 300000], ['loans_payable', -300000]]);
  f.post('2025-12-15', 'Subvención de Sierra Sur por devengar', [['bank', 40000], ['deferred_grants', -40000]]);
  f.post('2026-01-15', 'Cobro de la venta de miel', [['bank', 50000], ['sales_products', -50000]]);
  f.post('2026-02-05', 'Cuotas de febrero', [['cash', 15000], ['dues_income', -15000]]);
  const transport = f.post('2026-02-10', 'Flete a la feria', [['transport_expense', 3575], ['cash', -3575]]);
  const wrong = f.post('2026-03-01', 'Compra de frascos (monto errado)', [['purchases_supplies', 99900], ['cash', -99900]]);
  f.api.reverseEntry({ entryId: wrong, date: '2026-03-02', reason: 'Monto mal digitado' });
  f.post('2026-03-20', 'Intereses del préstamo', [['financial_expense', 2550], ['bank', -2550]]);
  f.post('2026-03-25', 'Depósito de caja en el banco', [['bank', 10000], ['cash', -10000]]);
  f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-03-31' });
  f.post('2026-04-05', 'Venta de miel al contado', [['cash', 12345], ['sales_products', -12345]]);
  f.api.reverseEntry({ entryId: transport, date: '2026-04-10', reason: 'Lo pagó la municipalidad' });
  return { transport };
}

const balanceOf = (f: ReportsFixture, accountId: number, date: string) =>
  f.api.accountBalances({ associationId: f.associationId, date }).find((b) => b.accountId === accountId)!.balance;

let fixture: ReportsFixture | undefined;
afterEach(() => fixture?.env.cleanup());

describe('cashBook', () => {
  it('all of element 10: opening, every line with its running balance, closing at the accounts\' balance', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    const book = f.api.cashBook({ associationId: f.associationId, from: '2026-01-01', to: '2026-04-30' });
    expect(book).toMatchObject({ accountId: null, code: '10', opening: 426950, openingFrom: null });
    expect(book.accountIds).toEqual([f.role('cash'), f.role('bank'), f.role('bank_detraction'), f.role('savings')]);
    expect(book.movements.map((m) => [m.date, m.code, m.debit, m.credit, m.balance])).toEqual([
      ['2026-01-15', '1041', 50000, 0, 476950],
      ['2026-02-05', '101', 15000, 0, 491950],
      ['2026-02-10', '101', 0, 3575, 488375],
      ['2026-03-01', '101', 0, 99900, 388475],
      ['2026-03-02', '101', 99900, 0, 488375],
      ['2026-03-20', '1041', 0, 2550, 485825],
      ['2026-03-25', '1041', 10000, 0, 495825],
      ['2026-03-25', '101', 0, 10000, 485825],
      ['2026-04-05', '101', 12345, 0, 498170],
      ['2026-04-10', '101', 3575, 0, 501745],
    ]);
    expect(book.totals).toEqual({ debits: 190820, credits: 116025 });
    expect(book.closing).toBe(501745);
    expect(book.closing).toBe(balanceOf(f, f.code('10'), '2026-04-30'));
    // Traceable: entry numbers of 2026 and the counter-accounts of each line.
    const reversal = book.movements[4]!;
    expect(reversal).toMatchObject({ fiscalYear: 2026, number: 5, description: expect.stringMatching(/^Reversión del asiento 4/) });
    expect(reversal.counterAccounts).toEqual([{ accountId: f.role('purchases_supplies'), code: '603', name: expect.any(String) }]);
    expect(f.api.getEntry({ entryId: reversal.entryId }).reversesEntryId).toBe(book.movements[3]!.entryId);
    expect(book.movements[6]!.counterAccounts.map((c) => c.code)).toEqual(['101']);
  });

  it('one account: opening from every earlier year, closing equal to accountBalances', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    const book = f.api.cashBook({ associationId: f.associationId, accountId: f.role('cash'), from: '2026-02-01', to: '2026-03-31' });
    expect(book).toMatchObject({ accountId: f.role('cash'), code: '101', opening: 6950 });
    expect(book.movements.map((m) => m.balance)).toEqual([21950, 18375, -81525, 18375, 8375]);
    expect(book.closing).toBe(8375);
    expect(book.closing).toBe(balanceOf(f, f.role('cash'), '2026-03-31'));
    for (const to of ['2025-12-31', '2026-02-10', '2026-04-10', '2026-12-31']) {
      const b = f.api.cashBook({ associationId: f.associationId, accountId: f.role('bank'), from: '2025-01-01', to });
      expect(b.closing).toBe(balanceOf(f, f.role('bank'), to));
      expect(b.movements.at(-1)?.balance ?? b.opening).toBe(b.closing);
    }
    // A period with no movement still shows the balance carried.
    const quiet = f.api.cashBook({ associationId: f.associationId, accountId: f.role('cash'), from: '2026-05-01', to: '2026-05-31' });
    expect(quiet).toMatchObject({ opening: 24295, movements: [], closing: 24295, totals: { debits: 0, credits: 0 } });
  });

  it('refuses an account outside element 10', () => {
    const f = (fixture = reportsFixture());
    expect(dispatch(f.api, 'cashBook', { associationId: f.associationId, accountId: f.role('purchases'), from: '2026-01-01', to: '2026-01-31' }))
      .toMatchObject({ ok: false, error: { code: 'report.notCashAccount', field: 'accountId' } });
    expect(dispatch(f.api, 'cashBook', { associationId: f.associationId, accountId: 999999, from: '2026-01-01', to: '2026-01-31' }))
      .toMatchObject({ ok: false, error: { code: 'account.notFound' } });
  });
});

describe('generalLedger', () => {
  it('a balance account keeps its history; a heading takes its sub-accounts', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    const loans = f.api.generalLedger({ associationId: f.associationId, accountId: f.code('45'), from: '2026-01-01', to: '2026-12-31' });
    expect(loans).toMatchObject({ opening: -300000, movements: [], closing: -300000, openingFrom: null });
    const heading = f.api.generalLedger({ associationId: f.associationId, accountId: f.code('10'), from: '2026-01-01', to: '2026-04-30' });
    const cash = f.api.cashBook({ associationId: f.associationId, from: '2026-01-01', to: '2026-04-30' });
    expect(heading.movements).toEqual(cash.movements);
    expect(heading.closing).toBe(cash.closing);
  });

  it('an income or expense account opens at its fiscal year, reversals included', () => {
    const f = (fixture = reportsFixture());
    seed(f);
    const purchases = f.api.generalLedger({ associationId: f.associationId, accountId: f.role('purchases_supplies'), from: '2026-02-01', to: '2026-12-31' });
    // 2025's S/ 80.50 belongs to the closed-off year: the 2026 book opens at 0.
    expect(purchases).toMatchObject({ opening: 0, openingFrom: '2026-01-01', totals: { debits: 99900, credits: 99900 }, closing: 0 });
    expect(purchases.movements.map((m) => [m.debit, m.credit, m.balance])).toEqual([[99900, 0, 99900], [0, 99900, 0]]);
    const dues = f.api.generalLedger({ associationId: f.associationId, accountId: f.role('dues_income'), from: '2026-03-01', to: '2026-03-31' });
    expect(dues).toMatchObject({ opening: -15000, movements: [], closing: -15000 });
  });
});
