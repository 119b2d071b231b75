import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contributionsFixture, entryLines, expectTrialBalanceZero, type ContributionsFixture } from '../contributions/testing';
import { reverseDocumentEntry } from '../contributions/receipts';
import { checkIntegrity } from '../integrity/check';
import { testContext } from '../testing/temp-db';
import { addSupplier, owedToSupplier, paymentCounts, refusal } from './testing';

// Paying suppliers for purchases recorded on credit: allocation, overpayment, advances, voids.

let fixture: ContributionsFixture;
let supplier: number;
beforeEach(() => {
  fixture = contributionsFixture();
  supplier = addSupplier(fixture.db, fixture.associationId, 'Agroveterinaria El Ganadero SAC', { ruc: '20100047218' });
});
afterEach(() => fixture.env.cleanup());

function purchaseOnCredit(
  date: string, dueDate: string, amount: number, documentNumber: string,
  options: { partyId?: number; documentKind?: 'factura' | 'recibo_honorarios' } = {},
): number {
  return fixture.api.recordPurchase({
    associationId: fixture.associationId, date, partyId: options.partyId ?? supplier, documentKind: options.documentKind ?? 'factura',
    documentNumber, lines: [{ description: 'Alimento balanceado', amount, category: 'supplies_consumed' }],
    payment: 'credit', dueDate,
  }).id;
}

const pay = (amount: number, extra: Record<string, unknown> = {}) => fixture.api.paySupplier({
  associationId: fixture.associationId, partyId: supplier, date: '2026-03-20', amount, ...extra,
});

const openOf = (purchaseId: number) => fixture.api.openPurchases({ associationId: fixture.associationId, partyId: supplier })
  .find((p) => p.purchaseId === purchaseId)?.open ?? 0;

describe('paying a supplier', () => {
  it('pays the oldest due first, partly, and names each purchase by its document on the voucher', () => {
    const later = purchaseOnCredit('2026-03-01', '2026-04-30', 30000, 'F001-200');
    const sooner = purchaseOnCredit('2026-03-05', '2026-03-15', 20000, 'F001-210');
    const voucher = pay(35000);
    expect(voucher.lines.map((l) => [l.purchaseId, l.documentNumber, l.amount])).toEqual([
      [sooner, 'F001-210', 20000], [later, 'F001-200', 15000],
    ]);
    expect(voucher).toMatchObject({
      formattedNumber: '001-000001', advance: 0, concept: 'Pago de Factura F001-210, Factura F001-200', amount: 35000,
      amountInWords: 'SON: TRESCIENTOS CINCUENTA CON 00/100 SOLES',
    });
    expect(openOf(sooner)).toBe(0);
    expect(openOf(later)).toBe(15000);
    expect(entryLines(fixture.db, voucher.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['payable_suppliers', 20000], ['payable_suppliers', 15000], ['cash', -35000],
    ]);
    expect(owedToSupplier(fixture.db, supplier)).toBe(15000);
    expectTrialBalanceZero(fixture);
    expect(checkIntegrity(fixture.db, { associationId: fixture.associationId }).findings).toEqual([]);
  });

  it('pays the ticked purchases first, in the order given, then the rest oldest due first', () => {
    const first = purchaseOnCredit('2026-03-01', '2026-03-10', 10000, 'F001-1');
    const second = purchaseOnCredit('2026-03-02', '2026-03-11', 10000, 'F001-2');
    const third = purchaseOnCredit('2026-03-03', '2026-03-12', 10000, 'F001-3');
    const voucher = pay(25000, { purchaseIds: [third] });
    expect(voucher.lines.map((l) => [l.purchaseId, l.amount])).toEqual([[third, 10000], [first, 10000], [second, 5000]]);
  });

  it('debits Honorarios por pagar (424) for a recibo por honorarios', () => {
    purchaseOnCredit('2026-03-01', '2026-03-31', 8000, 'E001-5', { documentKind: 'recibo_honorarios' });
    const voucher = pay(8000);
    expect(entryLines(fixture.db, voucher.entryId).map((l) => [l.role, l.amount])).toEqual([['fees_payable', 8000], ['cash', -8000]]);
    expect(owedToSupplier(fixture.db, supplier)).toBe(0);
  });

  it('still pays an archived supplier what is owed to it', () => {
    const purchase = purchaseOnCredit('2026-03-01', '2026-03-31', 6000, 'F001-40');
    fixture.api.archiveParty({ partyId: supplier, archived: true });
    expect(pay(6000).lines).toEqual([expect.objectContaining({ purchaseId: purchase, amount: 6000 })]);
  });

  it('leaves out purchases dated after the payment', () => {
    purchaseOnCredit('2026-03-25', '2026-03-31', 5000, 'F001-9');
    const error = refusal(() => pay(5000));
    expect(error).toMatchObject({ code: 'payment.exceedsOpen', params: { open: 'S/ 0.00' } });
  });

  it.each([
    ['a purchase ticked twice', (p: number) => [p, p], 'payment.purchaseRepeated', 'purchaseIds.1'],
    ['a purchase that does not exist', () => [9999], 'payment.purchaseNotFound', 'purchaseIds.0'],
  ])('refuses %s naming the list position', (_, ids, code, field) => {
    const purchase = purchaseOnCredit('2026-03-01', '2026-03-31', 5000, 'F001-7');
    expect(refusal(() => pay(1000, { purchaseIds: ids(purchase) }))).toMatchObject({ code, field });
  });

  it('refuses a ticked purchase of another supplier, a settled one, one dated after the payment', () => {
    const other = addSupplier(fixture.db, fixture.associationId, 'Molino San Juan', { ruc: '20503644968' });
    const theirs = purchaseOnCredit('2026-03-01', '2026-03-31', 5000, 'F002-1', { partyId: other });
    expect(refusal(() => pay(1000, { purchaseIds: [theirs] }))).toMatchObject({ code: 'payment.purchaseOtherSupplier', field: 'purchaseIds.0' });
    const paid = purchaseOnCredit('2026-03-01', '2026-03-31', 5000, 'F001-8');
    pay(5000);
    expect(refusal(() => pay(1000, { purchaseIds: [paid], confirmOverpayment: true })))
      .toMatchObject({ code: 'payment.purchaseSettled', field: 'purchaseIds.0' });
    const future = purchaseOnCredit('2026-03-28', '2026-03-31', 5000, 'F001-10');
    expect(refusal(() => pay(1000, { purchaseIds: [future] }))).toMatchObject({ code: 'payment.purchaseAfterDate', field: 'purchaseIds.0' });
  });
});

describe('paying more than is owed', () => {
  it('is refused naming the amount and the open balance, and writes nothing', () => {
    purchaseOnCredit('2026-03-01', '2026-03-31', 20000, 'F001-11');
    const before = paymentCounts(fixture.db);
    const error = refusal(() => pay(25000));
    expect(error).toMatchObject({
      code: 'payment.exceedsOpen', field: 'amount',
      params: { amount: 'S/ 250.00', open: 'S/ 200.00', supplier: 'Agroveterinaria El Ganadero SAC' },
    });
    expect(error.message).toMatch(/S\/ 200\.00/);
    expect(paymentCounts(fixture.db)).toEqual(before);
  });

  it('with confirmation keeps the excess as an advance, which the next payment applies to the next purchase', () => {
    const first = purchaseOnCredit('2026-03-01', '2026-03-31', 20000, 'F001-12');
    const voucher = pay(25000, { confirmOverpayment: true });
    expect(voucher).toMatchObject({ advance: 5000, concept: 'Pago de Factura F001-12 y adelanto al proveedor' });
    expect(entryLines(fixture.db, voucher.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['payable_suppliers', 20000], ['payable_suppliers', 5000], ['cash', -25000],
    ]);
    expect(openOf(first)).toBe(0);
    expect(owedToSupplier(fixture.db, supplier)).toBe(-5000);

    // A new purchase of S/ 120: the advance of S/ 50 is applied first, the new money pays the rest.
    const next = fixture.api.recordPurchase({
      associationId: fixture.associationId, date: '2026-03-22', partyId: supplier, documentKind: 'factura', documentNumber: 'F001-13',
      lines: [{ description: 'Sales minerales', amount: 12000, category: 'supplies_consumed' }], payment: 'credit', dueDate: '2026-04-22',
    }).id;
    expect(refusal(() => fixture.api.paySupplier({
      associationId: fixture.associationId, partyId: supplier, date: '2026-03-25', amount: 12000,
    }))).toMatchObject({ code: 'payment.exceedsOpen', params: { open: 'S/ 70.00' } });
    const second = fixture.api.paySupplier({ associationId: fixture.associationId, partyId: supplier, date: '2026-03-25', amount: 7000 });
    expect(second.lines).toEqual([expect.objectContaining({ purchaseId: next, amount: 7000 })]);
    expect(openOf(next)).toBe(0);
    expect(fixture.api.getPaymentVoucher({ voucherId: voucher.id })).toMatchObject({
      advance: 0, lines: [expect.objectContaining({ purchaseId: first }), expect.objectContaining({ purchaseId: next, amount: 5000, appliedOn: '2026-03-25' })],
    });
    expect(owedToSupplier(fixture.db, supplier)).toBe(0);
    expectTrialBalanceZero(fixture);
    expect(checkIntegrity(fixture.db, { associationId: fixture.associationId }).findings).toEqual([]);
  });
});

describe('voiding', () => {
  it('a supplier payment reopens the purchases it paid; a purchase is not voided while a live voucher pays it', () => {
    const purchase = purchaseOnCredit('2026-03-01', '2026-03-31', 20000, 'F001-14');
    const voucher = pay(8000);
    const refused = refusal(() => fixture.api.voidPurchase({ purchaseId: purchase, date: '2026-03-21', reason: 'Error' }));
    expect(refused.code).toBe('purchase.paidByVoucher');
    expect(refused.message).toContain('Recibo de egreso 001-000001');
    // Whoever writes: SQLite refuses the purchase's void, even with its proper reversal, while the voucher lives.
    const { entry_id: entryId } = fixture.db.prepare('SELECT entry_id FROM purchases WHERE id = ?').get(purchase) as { entry_id: number };
    expect(() => fixture.db.transaction(() => {
      const reversal = reverseDocumentEntry(fixture.db, testContext, entryId, '2026-03-21', {
        description: 'Anulación a mano', sourceType: 'purchase_void', sourceId: purchase,
      });
      fixture.db.prepare(`UPDATE purchases SET voided_on = '2026-03-21', voided_at = 'x', void_reason = 'a mano', void_entry_id = ?
                           WHERE id = ?`).run(reversal.id, purchase);
    })()).toThrow('purchase.hasPayments');
    const voided = fixture.api.voidPaymentVoucher({ voucherId: voucher.id, date: '2026-03-21', reason: 'Pagado dos veces' });
    expect(voided.status).toBe('voided');
    expect(entryLines(fixture.db, voided.voided!.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['payable_suppliers', -8000], ['cash', 8000],
    ]);
    expect(openOf(purchase)).toBe(20000);
    expect(owedToSupplier(fixture.db, supplier)).toBe(20000);
    fixture.api.voidPurchase({ purchaseId: purchase, date: '2026-03-22', reason: 'Factura anulada por el proveedor' });
    expect(owedToSupplier(fixture.db, supplier)).toBe(0);
    // The next voucher continues the series: the voided one keeps 001-000001.
    expect(fixture.api.payLabour({
      associationId: fixture.associationId, date: '2026-03-23', workerName: 'Juan Mamani', amount: 5000, concept: 'Jornal',
    }).formattedNumber).toBe('001-000002');
    expectTrialBalanceZero(fixture);
    expect(checkIntegrity(fixture.db, { associationId: fixture.associationId }).findings).toEqual([]);
  });

  it('a purchase paid now issues its voucher in the same write, and SQLite refuses settling it twice', () => {
    const paidNow = fixture.api.recordPurchase({
      associationId: fixture.associationId, date: '2026-03-05', partyId: supplier, documentKind: 'boleta', documentNumber: 'B001-77',
      lines: [{ description: 'Vacunas', amount: 4500, category: 'supplies_consumed' }], payment: 'cash', accountId: fixture.roleId('cash'),
    });
    const vouchers = fixture.api.listPaymentVouchers({ associationId: fixture.associationId, partyId: supplier });
    expect(vouchers).toEqual([expect.objectContaining({ formattedNumber: '001-000001', amount: 4500, kind: 'supplier', status: 'valid' })]);
    const voucher = fixture.api.getPaymentVoucher({ voucherId: vouchers[0]!.id });
    expect(voucher.lines).toEqual([expect.objectContaining({ purchaseId: paidNow.id, documentKind: 'boleta', documentNumber: 'B001-77' })]);
    expect(owedToSupplier(fixture.db, supplier)).toBe(0);
    expect(() => fixture.db.prepare(`INSERT INTO voucher_allocations (voucher_id, purchase_id, date, amount) VALUES (?, ?, '2026-03-05', 1)`)
      .run(voucher.id, paidNow.id)).toThrow('paymentVoucher.allocationsExceedAmount');
    expect(() => fixture.db.prepare('UPDATE voucher_allocations SET amount = 1 WHERE voucher_id = ?').run(voucher.id))
      .toThrow('paymentVoucher.immutable');
    expect(() => fixture.db.prepare('DELETE FROM voucher_allocations WHERE voucher_id = ?').run(voucher.id))
      .toThrow('paymentVoucher.immutable');
  });
});
