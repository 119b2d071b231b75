import { describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { recordMilkContract } from '../demo/contracts';
import { checkIntegrity } from '../integrity/check';
import { onHand, roleBalance } from '../testing/fixture';
import { counts, freshAcopioFixture, payableTo, type AcopioFixture } from './testing';

// Acopio on a real file: the day's sheet and its ONE entry, grades, corrections, settlements with
// levy and deductions, payment by voucher, where a sale's product came from, and every refusal
// naming its field with nothing written.

let f: AcopioFixture;
freshAcopioFixture((fixture) => { f = fixture; });

const L = 1000;
const refused = (operation: string, input: unknown) => {
  const before = counts(f.db);
  const answer = dispatch(f.api, operation, input);
  expect(answer.ok).toBe(false);
  expect(counts(f.db)).toEqual(before);
  return (answer as { ok: false; error: { code: string; field?: string; message: string } }).error;
};
const day = (date: string, rows: { memberId: number; quantity: number; grade?: string }[]) =>
  f.api.recordAcopioDay({ associationId: f.associationId, productId: f.milk, date, rows });

describe('a day of acopio', () => {
  it('posts ONE entry (Dr 241 / Cr 4419 per member) and ONE stock movement in at its value', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    const ana = f.member('Ana Mamani Condori');
    const sheet = day('2026-03-02', [{ memberId: rosa, quantity: 12_500 }, { memberId: ana, quantity: 8 * L }]);
    expect(sheet).toMatchObject({ total: 1_500 + 960, totalQuantity: 20_500, memberCount: 2, status: 'valid' });
    expect(sheet.rows.map((r) => [r.memberName, r.unitPrice, r.amount])).toEqual([
      ['Rosa Quispe Huamán', 120, 1_500], ['Ana Mamani Condori', 120, 960],
    ]);
    const lines = f.db.prepare(`SELECT a.code, l.amount, l.member_id AS memberId FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE l.entry_id = ? ORDER BY l.line_no`).all(sheet.entryId);
    expect(lines).toEqual([
      { code: '241', amount: 2_460, memberId: null }, { code: '4419', amount: -1_500, memberId: rosa },
      { code: '4419', amount: -960, memberId: ana },
    ]);
    expect(onHand(f.db, f.milk)).toEqual({ quantity: 20_500, value: 2_460 });
    expect(payableTo(f.db, rosa)).toBe(1_500);
    const grid = f.api.acopioDay({ associationId: f.associationId, productId: f.milk, date: '2026-03-03' });
    expect(grid).toMatchObject({ day: null, previousDate: '2026-03-02', hasGrades: false, levyPerUnit: 5, locked: false });
    expect(grid.previousMembers.map((m) => [m.memberId, m.lastQuantity])).toEqual([[rosa, 12_500], [ana, 8 * L]]);
    expect(f.api.acopioDay({ associationId: f.associationId, productId: f.milk, date: '2026-03-02' }).day?.id).toBe(sheet.id);
    expect(f.api.listAcopioDays({ associationId: f.associationId })).toHaveLength(1);
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });

  it('prices graded products by grade and refuses a row without one', () => {
    const cuy = f.api.createProduct({ associationId: f.associationId, name: 'Cuy en pie', unit: 'head', category: 'raw_material' }).id;
    f.api.setAcopioPrice({ associationId: f.associationId, productId: cuy, grade: 'A', validFrom: '2026-01-01', price: 2_500 });
    f.api.setAcopioPrice({ associationId: f.associationId, productId: cuy, grade: 'B', validFrom: '2026-01-01', price: 1_800 });
    const rosa = f.member('Rosa Quispe Huamán');
    const ana = f.member('Ana Mamani Condori');
    const sheet = f.api.recordAcopioDay({ associationId: f.associationId, productId: cuy, date: '2026-03-02', rows: [
      { memberId: rosa, grade: 'A', quantity: 3 * L }, { memberId: ana, grade: 'B', quantity: 2 * L },
    ] });
    expect(sheet.total).toBe(7_500 + 3_600);
    const error = refused('recordAcopioDay', { associationId: f.associationId, productId: cuy, date: '2026-03-03', rows: [
      { memberId: rosa, grade: 'A', quantity: L }, { memberId: ana, quantity: L },
    ] });
    expect(error).toMatchObject({ code: 'acopio.gradeRequired', field: 'rows.1.grade' });
    expect(refused('recordAcopioDay', { associationId: f.associationId, productId: cuy, date: '2026-03-03', rows: [
      { memberId: rosa, grade: 'C', quantity: L },
    ] })).toMatchObject({ code: 'acopio.noPriceForGrade', field: 'rows.0.grade' });
  });

  it('refuses a member who has left, a member twice, a product without a price, a repeated day and the lock date', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    const gone = f.member('Juana Ccori Llamoca', '2024-01-01', '2026-02-01');
    const base = { associationId: f.associationId, productId: f.milk, date: '2026-03-02' };
    const left = refused('recordAcopioDay', { ...base, rows: [{ memberId: rosa, quantity: L }, { memberId: gone, quantity: L }] });
    expect(left).toMatchObject({ code: 'acopio.memberNotActive', field: 'rows.1.memberId' });
    expect(left.message).toContain('Juana Ccori Llamoca');
    expect(refused('recordAcopioDay', { ...base, rows: [{ memberId: rosa, quantity: L }, { memberId: rosa, quantity: L }] }))
      .toMatchObject({ code: 'acopio.memberRepeated', field: 'rows.1.memberId' });
    const noPrice = refused('recordAcopioDay', { ...base, date: '2025-12-31', rows: [{ memberId: rosa, quantity: L }] });
    expect(noPrice).toMatchObject({ code: 'acopio.noPrice', field: 'productId' });
    expect(noPrice.message).toContain('no tiene precio de acopio para el 31/12/2025');
    day('2026-03-02', [{ memberId: rosa, quantity: L }]);
    expect(refused('recordAcopioDay', { ...base, rows: [{ memberId: rosa, quantity: L }] })).toMatchObject({ code: 'acopio.dayExists', field: 'date' });
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-03-31' });
    expect(refused('recordAcopioDay', { ...base, date: '2026-03-20', rows: [{ memberId: rosa, quantity: L }] }))
      .toMatchObject({ code: 'entry.locked', field: 'date' });
    expect(refused('setAcopioPrice', { associationId: f.associationId, productId: f.milk, validFrom: '2026-06-01', price: 130 }))
      .toMatchObject({ code: 'acopio.priceOverlap', field: 'validFrom' });
  });

  it('corrects a day by voiding it and recording the new rows, stock and payable following', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    const ana = f.member('Ana Mamani Condori');
    const first = day('2026-03-02', [{ memberId: rosa, quantity: 10 * L }]);
    const fixed = f.api.correctAcopioDay({ dayId: first.id, reason: 'Faltó Ana', rows: [
      { memberId: rosa, quantity: 10 * L }, { memberId: ana, quantity: 5 * L },
    ] });
    expect(fixed).toMatchObject({ replacesDayId: first.id, total: 1_800, memberCount: 2 });
    expect(f.api.getAcopioDay({ dayId: first.id })).toMatchObject({ status: 'voided', replacedByDayId: fixed.id });
    expect(onHand(f.db, f.milk)).toEqual({ quantity: 15 * L, value: 1_800 });
    expect(payableTo(f.db, rosa)).toBe(1_200);
    expect(payableTo(f.db, ana)).toBe(600);
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });
});

describe('settlements', () => {
  it('settles a fortnight: gross − levy − her due charges = net; the receipt pays the charges; a voucher pays the net', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    const ana = f.member('Ana Mamani Condori');
    for (let d = 1; d <= 15; d += 1) {
      day(`2026-03-${String(d).padStart(2, '0')}`, [{ memberId: rosa, quantity: 10 * L }, { memberId: ana, quantity: 4_500 }]);
    }
    const fine = f.api.createCharge({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Multa por inasistencia'), date: '2026-03-05',
      amount: 2_000, dueDate: '2026-03-10',
    });
    const later = f.api.createCharge({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Multa por inasistencia'), date: '2026-03-06',
      amount: 1_000, dueDate: '2026-03-31',
    });
    const preview = f.api.previewSettlements({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-15' });
    const rosaPreview = preview.members.find((m) => m.memberId === rosa)!;
    expect(rosaPreview).toMatchObject({ gross: 18_000, levy: 750, deductionsTotal: 2_000, net: 15_250 });
    expect(rosaPreview.deliveries).toHaveLength(15);
    expect(rosaPreview.deductions.map((d) => d.chargeId)).toEqual([fine.id]);
    const before = counts(f.db);
    expect(counts(f.db)).toEqual(before);

    const settled = f.api.settleAcopioPeriod({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-15' });
    expect(settled.settlements.map((s) => [s.formattedNumber, s.memberName, s.gross, s.levy, s.deductions, s.net])).toEqual([
      ['001-000001', 'Ana Mamani Condori', 8_100, 338, 0, 7_762],
      ['001-000002', 'Rosa Quispe Huamán', 18_000, 750, 2_000, 15_250],
    ]);
    const rosaSettlement = f.api.getSettlement({ settlementId: settled.settlements[1]!.id });
    expect(rosaSettlement).toMatchObject({ date: '2026-03-15', unpaid: 15_250, receipt: { formattedNumber: '001-000001' } });
    expect(rosaSettlement.lines).toEqual([
      { productId: f.milk, productName: 'Leche fresca', unit: 'l', grade: '', quantity: 150 * L, unitPrice: 120, amount: 18_000, levy: 750 },
    ]);
    expect(f.api.getReceipt({ receiptId: rosaSettlement.receipt!.receiptId }).lines.map((l) => l.chargeId)).toEqual([fine.id]);
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa }).find((c) => c.id === later.id)).toBeTruthy();
    expect(payableTo(f.db, rosa)).toBe(15_250);
    expect(roleBalance(f.db, f.associationId, 'levy_income')).toBe(-1_088);

    // A period overlapping a live settlement is refused, naming her.
    const overlap = refused('settleAcopioPeriod', { associationId: f.associationId, from: '2026-03-10', to: '2026-03-20' });
    expect(overlap).toMatchObject({ code: 'acopio.settlementOverlap', field: 'from' });
    // And so is acopio dated inside it.
    expect(refused('recordAcopioDay', { associationId: f.associationId, productId: f.milk, date: '2026-03-01', rows: [{ memberId: rosa, quantity: L }] }))
      .toMatchObject({ code: 'acopio.dayExists' });
    expect(refused('voidAcopioDay', { dayId: rosaSettlement.deliveries[0]!.dayId, date: '2026-03-20', reason: 'error' }))
      .toMatchObject({ code: 'acopio.settlementOverlap', field: 'dayId' });

    const paid = f.api.paySettlements({ associationId: f.associationId, settlementIds: settled.settlements.map((s) => s.id), date: '2026-03-16' });
    expect(paid.vouchers.map((v) => [v.memberId, v.amount])).toEqual([[ana, 7_762], [rosa, 15_250]]);
    expect(payableTo(f.db, rosa)).toBe(0);
    expect(payableTo(f.db, ana)).toBe(0);
    expect(f.api.getPaymentVoucher({ voucherId: paid.vouchers[1]!.voucherId })).toMatchObject({ kind: 'other', amount: 15_250 });
    expect(f.api.listSettlements({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-15' }).totals)
      .toMatchObject({ gross: 26_100, net: 23_012, paid: 23_012, unpaid: 0 });
    expect(refused('voidSettlement', { settlementId: rosaSettlement.id, date: '2026-03-20', reason: 'error' }))
      .toMatchObject({ code: 'acopio.settlementPaid', field: 'settlementId' });
    expect(f.api.paySettlements({ associationId: f.associationId, settlementIds: [rosaSettlement.id], date: '2026-03-17' }))
      .toMatchObject({ vouchers: [], offsetSettlementIds: [rosaSettlement.id] });

    // Void the payment, then the settlement: the fine is owed again, the levy reversed, the period free.
    f.api.voidPaymentVoucher({ voucherId: paid.vouchers[1]!.voucherId, date: '2026-03-20', reason: 'Pago equivocado' });
    const voided = f.api.voidSettlement({ settlementId: rosaSettlement.id, date: '2026-03-20', reason: 'Cantidades equivocadas' });
    expect(voided).toMatchObject({ status: 'voided', unpaid: 0 });
    expect(payableTo(f.db, rosa)).toBe(18_000);
    expect(f.api.memberPosition({ associationId: f.associationId, memberId: rosa, asOf: '2026-03-31' }).owed).toBeGreaterThanOrEqual(3_000);
    const again = f.api.settleAcopioPeriod({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-15', memberIds: [rosa], deductCharges: false });
    expect(again.settlements[0]).toMatchObject({ formattedNumber: '001-000003', net: 17_250 });
    expect(f.api.recordSettlementPrint({ settlementId: again.settlements[0]!.id })).toEqual({ copy: 'original', printCount: 1 });
    expect(f.api.recordSettlementPrint({ settlementId: again.settlements[0]!.id })).toEqual({ copy: 'duplicado', printCount: 2 });
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });

  it('refuses a period with nothing to settle, to before from, and the lock date', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    day('2026-03-02', [{ memberId: rosa, quantity: L }]);
    expect(refused('settleAcopioPeriod', { associationId: f.associationId, from: '2026-04-01', to: '2026-04-15' }))
      .toMatchObject({ code: 'acopio.nothingToSettle', field: 'from' });
    expect(refused('settleAcopioPeriod', { associationId: f.associationId, from: '2026-03-15', to: '2026-03-01' }))
      .toMatchObject({ code: 'acopio.periodToBeforeFrom', field: 'to' });
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-03-31' });
    expect(refused('settleAcopioPeriod', { associationId: f.associationId, from: '2026-03-01', to: '2026-03-15' }))
      .toMatchObject({ code: 'entry.locked', field: 'date' });
  });
});

describe('the member statement', () => {
  it('shows her acopio deliveries, settlements and payments apart from what she owes', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    day('2026-03-01', [{ memberId: rosa, quantity: 10 * L }]);
    day('2026-03-20', [{ memberId: rosa, quantity: 5 * L }]);
    const settled = f.api.settleAcopioPeriod({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-15' });
    f.api.paySettlements({ associationId: f.associationId, settlementIds: [settled.settlements[0]!.id], date: '2026-03-16' });
    // A day inside her settled fortnight is refused for her, naming the row.
    const late = refused('recordAcopioDay', { associationId: f.associationId, productId: f.milk, date: '2026-03-05', rows: [{ memberId: rosa, quantity: L }] });
    expect(late).toMatchObject({ code: 'acopio.settlementOverlap', field: 'rows.0.memberId' });
    expect(late.message).toContain('Rosa Quispe Huamán ya tiene la liquidación 001-000001 del 01/03/2026 al 15/03/2026');
    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: rosa, from: '2026-03-10', to: '2026-03-31' });
    expect(statement.acopio).toMatchObject({
      openingOwed: 1_200,
      totals: { quantity: 5 * L, accrued: 600, levy: 50, deductions: 0, paid: 1_150 },
      closingOwed: 600,
    });
    expect(statement.acopio!.deliveries.map((d) => d.date)).toEqual(['2026-03-20']);
    expect(statement.acopio!.settlements.map((s) => [s.formattedNumber, s.net])).toEqual([['001-000001', 1_150]]);
    expect(statement.acopio!.payments.map((p) => p.amount)).toEqual([1_150]);
    expect(statement.acopio!.closingOwed).toBe(payableTo(f.db, rosa));
    const other = f.member('Ana Mamani Condori');
    expect(f.api.memberStatement({ associationId: f.associationId, memberId: other }).acopio).toBeUndefined();
  });
});

describe('where the product came from', () => {
  it('a sale names the acopio days its product came from, and the members who delivered them', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    const ana = f.member('Ana Mamani Condori');
    const d1 = day('2026-03-02', [{ memberId: rosa, quantity: 10 * L }, { memberId: ana, quantity: 5 * L }]);
    const d2 = day('2026-03-03', [{ memberId: rosa, quantity: 8 * L }]);
    const sale = f.api.recordSale({
      associationId: f.associationId, date: '2026-03-03', documentKind: 'none', payment: 'cash',
      lines: [{ productId: f.milk, quantity: 20 * L, unitPrice: 180 }],
    });
    const origin = f.api.setProductOrigin({ associationId: f.associationId, documentKind: 'sale', documentId: sale.id, dayIds: [d1.id, d2.id] });
    expect(origin.members.map((m) => [m.memberName, m.quantity, m.days])).toEqual([
      ['Ana Mamani Condori', 5 * L, 1], ['Rosa Quispe Huamán', 18 * L, 2],
    ]);
    expect(origin.totalQuantity).toBe(23 * L);
    expect(f.api.productOrigin({ documentKind: 'sale', documentId: sale.id }).days).toHaveLength(2);
    expect(refused('setProductOrigin', { associationId: f.associationId, documentKind: 'sale', documentId: 9999, dayIds: [d1.id] }))
      .toMatchObject({ code: 'acopio.originDocumentNotFound', field: 'documentId' });
  });

  it('a contract delivery names its acopio days too', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    const d1 = day('2026-01-05', [{ memberId: rosa, quantity: 30 * L }]);
    const { deliveryIds } = recordMilkContract(f.api, f.associationId, 2026, { productId: f.milk, months: 1, litresPerMonth: 20 });
    const origin = f.api.setProductOrigin({
      associationId: f.associationId, documentKind: 'contract_delivery', documentId: deliveryIds[0]!, dayIds: [d1.id],
    });
    expect(origin.members).toEqual([{ memberId: rosa, memberName: 'Rosa Quispe Huamán', memberCode: null, quantity: 30 * L, days: 1 }]);
    expect(refused('setProductOrigin', { associationId: f.associationId, documentKind: 'contract_delivery', documentId: deliveryIds[0]!, dayIds: [d1.id, d1.id] }))
      .toMatchObject({ code: 'acopio.originDayRepeated', field: 'dayIds.1' });
  });
});
