import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../integrity/check';
import { openPurchases } from './open';
import { counts, entryLines, freshPurchasesFixture, onHand, payableTo, refused, roleBalance, type PurchasesFixture } from './testing';

// Purchases on a real file: what each posts, what enters the store and at what cost, the document and
// payment rules, voids, and every refusal naming its field with nothing written.

let f: PurchasesFixture;
freshPurchasesFixture((fixture) => { f = fixture; });

const KG = 1000;
type PurchaseInput = Parameters<PurchasesFixture['api']['recordPurchase']>[0];
const buy = (input: Partial<PurchaseInput>) => f.api.recordPurchase({
  associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none', payment: 'credit',
  dueDate: '2026-04-10', lines: [{ description: 'Flete Abancay–comunidad', amount: 12_000, category: 'transport' }], ...input,
});

describe('a purchase on credit', () => {
  it('posts Dr the category account / Cr 421 with the supplier, owed until its due date, then voided', () => {
    const purchase = buy({ documentKind: 'boleta', documentNumber: 'b001 - 456' });
    expect(purchase).toMatchObject({
      documentNumber: 'B001-456', label: 'Boleta B001-456', subtotal: 12_000, igv: 0, total: 12_000, payment: 'credit',
      dueDate: '2026-04-10', open: 12_000, status: 'valid', joint: false, shares: [], payments: [],
    });
    expect(purchase.lines[0]).toMatchObject({ description: 'Flete Abancay–comunidad', category: 'transport', accountCode: '631' });
    expect(entryLines(f.db, purchase.entryId)).toEqual([
      { role: 'transport_expense', amount: 12_000, party_id: null, member_id: null },
      { role: 'payable_suppliers', amount: -12_000, party_id: f.supplierId, member_id: null },
    ]);
    expect(payableTo(f.db, f.supplierId)).toBe(12_000);
    expect(openPurchases(f.db, f.supplierId)).toEqual([expect.objectContaining({ purchaseId: purchase.id, open: 12_000 })]);
    const audit = f.db.prepare("SELECT details FROM audit_log WHERE operation = 'recordPurchase'").all() as { details: string }[];
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ purchaseId: purchase.id, total: 12_000, entryId: purchase.entryId });

    const voided = f.api.voidPurchase({ purchaseId: purchase.id, date: '2026-03-12', reason: 'Boleta de otro proveedor' });
    expect(voided).toMatchObject({ status: 'voided', open: 0, voided: { date: '2026-03-12', reason: 'Boleta de otro proveedor' } });
    expect(entryLines(f.db, voided.voided!.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['transport_expense', -12_000], ['payable_suppliers', 12_000],
    ]);
    expect(payableTo(f.db, f.supplierId)).toBe(0);
    expect(openPurchases(f.db, f.supplierId)).toEqual([]);
    expect(f.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE operation = 'voidPurchase'").get()).toEqual({ n: 1 });
    // The voided purchase frees its number for the corrected one.
    expect(buy({ documentKind: 'boleta', documentNumber: 'B001-456' }).status).toBe('valid');
    expect(checkIntegrity(f.db, { associationId: f.associationId }).ok).toBe(true);
  });
});

describe('IGV and the payable', () => {
  it('debits IGV to 4011 as crédito fiscal and credits the total to 421', () => {
    const purchase = buy({
      documentKind: 'factura', documentNumber: 'F001-000123', igv: 2_160,
      lines: [{ description: 'Servicio de inseminación', amount: 12_000, category: 'services' }],
    });
    expect(purchase).toMatchObject({ subtotal: 12_000, igv: 2_160, total: 14_160, open: 14_160 });
    expect(entryLines(f.db, purchase.entryId).map((l) => [l.role, l.amount, l.party_id])).toEqual([
      ['services_expense', 12_000, null], ['taxes_payable', 2_160, null], ['payable_suppliers', -14_160, f.supplierId],
    ]);
  });

  it('credits a recibo por honorarios to 424 with the supplier', () => {
    const purchase = buy({
      documentKind: 'recibo_honorarios', documentNumber: 'E001-15',
      lines: [{ description: 'Asesoría veterinaria', amount: 50_000, category: 'services' }],
    });
    expect(entryLines(f.db, purchase.entryId).map((l) => [l.role, l.amount, l.party_id])).toEqual([
      ['services_expense', 50_000, null], ['fees_payable', -50_000, f.supplierId],
    ]);
    expect(payableTo(f.db, f.supplierId)).toBe(50_000);
  });

  it('refuses IGV above the lines, naming igv', () => {
    expect(refused(f, 'recordPurchase', {
      associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none', payment: 'credit',
      dueDate: '2026-03-20', igv: 20_000, lines: [{ description: 'Flete', amount: 12_000, category: 'transport' }],
    })).toMatchObject({ code: 'purchase.igvAboveSubtotal', field: 'igv' });
  });
});

describe('categories choose the account by role', () => {
  const expected: [string, string][] = [
    ['supplies_consumed', 'purchases_supplies'], ['services', 'services_expense'], ['transport', 'transport_expense'],
    ['day_labour', 'personnel_expense'], ['equipment', 'equipment'], ['animals', 'biological_assets'], ['other', 'other_expense'],
  ];
  it.each(expected)('%s debits %s', (category, role) => {
    const purchase = buy({ lines: [{ description: 'Concepto', amount: 1_000, category: category as 'other' }] });
    expect(entryLines(f.db, purchase.entryId)[0]).toMatchObject({ role, amount: 1_000 });
    expect(purchase.lines[0]).toMatchObject({ accountId: f.roleId(role) });
  });

  it('takes an accountant\'s postable expense or asset account, and refuses any other naming the line\'s accountId', () => {
    const fuel = f.api.addAccount({ associationId: f.associationId, parentCode: '65', code: '6597', name: 'Combustible de la moto' });
    const purchase = buy({ lines: [{ description: 'Gasolina', amount: 4_000, category: 'other', accountId: fuel.id }] });
    expect(entryLines(f.db, purchase.entryId)[0]).toMatchObject({ amount: 4_000 });
    expect(purchase.lines[0]).toMatchObject({ accountId: fuel.id, accountCode: '6597' });

    const base = {
      associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none', payment: 'credit',
      dueDate: '2026-03-20',
    };
    const line = (accountId: number, category = 'other') => ({ ...base, lines: [{ description: 'Algo', amount: 1_000, category },
      { description: 'Otro', amount: 1_000, category, accountId }] });
    expect(refused(f, 'recordPurchase', line(f.roleId('sales_products')))).toMatchObject({
      code: 'purchase.accountNotAllowed', field: 'lines.1.accountId',
    });
    const heading = (f.db.prepare("SELECT id FROM accounts WHERE association_id = ? AND code = '65'").get(f.associationId) as { id: number }).id;
    expect(refused(f, 'recordPurchase', line(heading))).toMatchObject({ code: 'purchase.accountNotAllowed', field: 'lines.1.accountId' });
    const other = f.api.createAssociation({ name: 'Otra asociación', legalForm: 'asociacion', ubigeo: '030601' }).id;
    const foreign = f.api.listAccounts({ associationId: other }).find((a) => a.role === 'other_expense')!.id;
    expect(refused(f, 'recordPurchase', line(foreign))).toMatchObject({ code: 'purchase.accountNotFound', field: 'lines.1.accountId' });
    expect(refused(f, 'recordPurchase', line(fuel.id, 'joint'))).toMatchObject({ code: 'purchase.accountFixed', field: 'lines.1.accountId' });
    // An inventory account moves only with the store: a concept line posted there would part the books from the stock.
    for (const role of ['inventory_goods', 'inventory_products', 'inventory_raw_materials', 'inventory_supplies']) {
      expect(refused(f, 'recordPurchase', line(f.roleId(role))), role).toMatchObject({ code: 'purchase.accountInventory', field: 'lines.1.accountId' });
    }
    // An accountant's own sub-account of element 2 is inventory too.
    const packaging = f.api.addAccount({ associationId: f.associationId, parentCode: '25', code: '2599', name: 'Envases y embalajes' });
    expect(refused(f, 'recordPurchase', line(packaging.id))).toMatchObject({ code: 'purchase.accountInventory', field: 'lines.1.accountId' });
  });
});

describe('stock lines', () => {
  it('move into the store at their amount without IGV, on the product\'s inventory account, at weighted average cost', () => {
    const productLine = f.api.createProductLine({ associationId: f.associationId, name: 'Cuyes' }).id;
    const feed = f.api.createProduct({ associationId: f.associationId, name: 'Alimento balanceado', unit: 'kg', category: 'supply', productLineId: productLine }).id;
    const first = buy({
      documentKind: 'factura', documentNumber: 'F001-1', igv: 4_500,
      lines: [{ productId: feed, quantity: 100 * KG, unitPrice: 250, category: 'stock' }],
    });
    expect(first.lines[0]).toMatchObject({ description: 'Alimento balanceado', amount: 25_000, productLineId: productLine });
    expect(entryLines(f.db, first.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['inventory_supplies', 25_000], ['taxes_payable', 4_500], ['payable_suppliers', -29_500],
    ]);
    expect(onHand(f.db, feed)).toEqual({ quantity: 100 * KG, value: 25_000 });
    const second = buy({ documentKind: 'factura', documentNumber: 'F001-2', lines: [{ productId: feed, quantity: 50 * KG, amount: 15_001, category: 'stock' }] });
    expect(onHand(f.db, feed)).toEqual({ quantity: 150 * KG, value: 40_001 });
    const average = f.api.listProducts({ associationId: f.associationId }).find((p) => p.id === feed)!;
    expect(average).toMatchObject({ onHand: 150 * KG, stockValue: 40_001, averageCost: 267 });

    // Voiding the first takes out what it brought, at its own cost.
    f.api.voidPurchase({ purchaseId: first.id, date: '2026-03-11', reason: 'Factura duplicada' });
    expect(onHand(f.db, feed)).toEqual({ quantity: 50 * KG, value: 15_001 });
    expect(f.db.prepare("SELECT quantity, value FROM stock_movements WHERE source_type = 'purchase_void'").all())
      .toEqual([{ quantity: -100 * KG, value: -25_000 }]);
    expect(roleBalance(f.db, f.associationId, 'inventory_supplies')).toBe(15_001);
    expect(second.status).toBe('valid');
  });

  it('refuses the void when the stock it brought is no longer all in the store, naming product and on-hand', () => {
    const feed = f.product('Afrecho de trigo');
    const purchase = buy({ lines: [{ productId: feed, quantity: 40 * KG, amount: 8_000, category: 'stock' }] });
    f.api.recordStockAdjustment({ associationId: f.associationId, productId: feed, date: '2026-03-11', quantity: -15 * KG, reason: 'loss' });
    const error = refused(f, 'voidPurchase', { purchaseId: purchase.id, date: '2026-03-12', reason: 'Error' });
    expect(error).toMatchObject({ code: 'stock.insufficient', field: 'purchaseId' });
    expect(error.message).toContain('Afrecho de trigo');
    expect(error.message).toContain('25');
  });

  it('needs a product and a quantity', () => {
    const base = {
      associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none', payment: 'credit',
      dueDate: '2026-03-20',
    };
    expect(refused(f, 'recordPurchase', { ...base, lines: [{ description: 'Maíz', amount: 100, category: 'stock' }] }))
      .toMatchObject({ code: 'purchase.stockNeedsProduct', field: 'lines.0.productId' });
    const corn = f.product('Maíz amarillo');
    expect(refused(f, 'recordPurchase', { ...base, lines: [{ productId: corn, amount: 100, category: 'stock' }] }))
      .toMatchObject({ code: 'purchase.stockNeedsQuantity', field: 'lines.0.quantity' });
  });
});

describe('paid now', () => {
  it('is due the same day and paid at once by a payment voucher from the caja; its void voids that voucher too', () => {
    const purchase = buy({ payment: 'cash', dueDate: null, documentKind: 'ticket', documentNumber: '0001-2231' });
    expect(purchase).toMatchObject({ payment: 'cash', dueDate: '2026-03-10', open: 0 });
    expect(purchase.payments).toEqual([expect.objectContaining({ formattedNumber: '001-000001', amount: 12_000 })]);
    expect(payableTo(f.db, f.supplierId)).toBe(0);
    expect(roleBalance(f.db, f.associationId, 'cash')).toBe(-12_000);
    const voided = f.api.voidPurchase({ purchaseId: purchase.id, date: '2026-03-11', reason: 'Ticket de otra compra' });
    expect(voided).toMatchObject({ status: 'voided', payments: [] });
    expect(f.api.getPaymentVoucher({ voucherId: purchase.payments[0]!.voucherId })).toMatchObject({ status: 'voided' });
    expect(roleBalance(f.db, f.associationId, 'cash')).toBe(0);
    expect(payableTo(f.db, f.supplierId)).toBe(0);
    expect(checkIntegrity(f.db, { associationId: f.associationId }).ok).toBe(true);
  });

  it('a purchase a separate payment settled is kept until that payment is voided, naming the voucher', () => {
    const purchase = buy({ documentKind: 'factura', documentNumber: 'F001-31' });
    const voucher = f.api.paySupplier({ associationId: f.associationId, partyId: f.supplierId, date: '2026-03-12', amount: 5_000 });
    const error = refused(f, 'voidPurchase', { purchaseId: purchase.id, date: '2026-03-12', reason: 'Error' });
    expect(error).toMatchObject({ code: 'purchase.paidByVoucher', field: 'purchaseId' });
    expect(error.message).toContain(voucher.formattedNumber);
    f.api.voidPaymentVoucher({ voucherId: voucher.id, date: '2026-03-12', reason: 'Error' });
    expect(f.api.voidPurchase({ purchaseId: purchase.id, date: '2026-03-12', reason: 'Error' }).status).toBe('voided');
    expect(payableTo(f.db, f.supplierId)).toBe(0);
  });

  it('refuses a due date other than the day, and a cash account on credit', () => {
    const base = {
      associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none',
      lines: [{ description: 'Flete', amount: 1_000, category: 'transport' }],
    };
    expect(refused(f, 'recordPurchase', { ...base, payment: 'cash', dueDate: '2026-03-30' }))
      .toMatchObject({ code: 'purchase.dueDateOnlyOnCredit', field: 'dueDate' });
    expect(refused(f, 'recordPurchase', { ...base, payment: 'credit', dueDate: '2026-03-30', accountId: f.roleId('cash') }))
      .toMatchObject({ code: 'purchase.accountOnlyWhenPaid', field: 'accountId' });
    expect(refused(f, 'recordPurchase', { ...base, payment: 'credit' })).toMatchObject({ code: 'purchase.dueDateRequired', field: 'dueDate' });
    expect(refused(f, 'recordPurchase', { ...base, payment: 'credit', dueDate: '2026-03-01' }))
      .toMatchObject({ code: 'purchase.dueBeforeDate', field: 'dueDate' });
    expect(refused(f, 'recordPurchase', { ...base, payment: 'cash', accountId: f.roleId('payable_suppliers') }))
      .toMatchObject({ field: 'accountId' });
  });
});

describe('the supplier\'s document', () => {
  it('is recorded once per supplier, upper-case without spaces; another supplier may carry the same number', () => {
    buy({ documentKind: 'factura', documentNumber: 'F001-77' });
    const error = refused(f, 'recordPurchase', {
      associationId: f.associationId, date: '2026-03-11', partyId: f.supplierId, documentKind: 'factura', documentNumber: 'f001 -77',
      payment: 'credit', dueDate: '2026-03-20', lines: [{ description: 'Flete', amount: 1_000, category: 'transport' }],
    });
    expect(error).toMatchObject({ code: 'purchase.duplicateDocument', field: 'documentNumber' });
    expect(error.message).toContain('F001-77');
    const other = f.api.createParty({ associationId: f.associationId, name: 'Molino San Pedro', kind: 'supplier', documentType: 'none' }).id;
    expect(buy({ partyId: other, documentKind: 'factura', documentNumber: 'F001-77' }).documentNumber).toBe('F001-77');
  });

  it('needs a number unless there is none', () => {
    const base = {
      associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, payment: 'credit', dueDate: '2026-03-20',
      lines: [{ description: 'Flete', amount: 1_000, category: 'transport' }],
    };
    expect(refused(f, 'recordPurchase', { ...base, documentKind: 'boleta' }))
      .toMatchObject({ code: 'purchase.documentNumberRequired', field: 'documentNumber' });
    expect(refused(f, 'recordPurchase', { ...base, documentKind: 'none', documentNumber: 'X-1' }))
      .toMatchObject({ code: 'purchase.documentNumberNotAllowed', field: 'documentNumber' });
  });
});

describe('bad input is refused in Spanish naming the field, and nothing is written', () => {
  const base = () => ({
    associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none', payment: 'credit',
    dueDate: '2026-03-20', lines: [{ description: 'Flete', amount: 1_000, category: 'transport' }] as Record<string, unknown>[],
  });
  it('an unknown party', () => {
    const error = refused(f, 'recordPurchase', { ...base(), partyId: 9_999 });
    expect(error).toMatchObject({ code: 'party.notFound', field: 'partyId' });
    expect(error.message).not.toMatch(/[{}]/);
  });
  it('an unknown product', () => {
    expect(refused(f, 'recordPurchase', { ...base(), lines: [{ productId: 9_999, quantity: KG, amount: 100, category: 'stock' }] }))
      .toMatchObject({ code: 'product.notFound', field: 'lines.0.productId' });
  });
  it.each([0, -5_000])('a quantity of %i', (quantity) => {
    const feed = f.product('Alimento');
    const error = refused(f, 'recordPurchase', {
      ...base(), lines: [{ description: 'Flete', amount: 1_000, category: 'transport' }, { productId: feed, quantity, unitPrice: 250, category: 'stock' }],
    });
    expect(error).toMatchObject({ field: 'lines.1.quantity' });
    expect(error.message).toBe('La cantidad debe ser mayor que cero.');
  });
  it('a price and an amount, or neither; a price without quantity; a concept without words', () => {
    expect(refused(f, 'recordPurchase', { ...base(), lines: [{ description: 'Flete', amount: 1_000, unitPrice: 10, quantity: KG, category: 'transport' }] }))
      .toMatchObject({ code: 'purchase.priceOrAmount', field: 'lines.0.amount' });
    expect(refused(f, 'recordPurchase', { ...base(), lines: [{ description: 'Flete', category: 'transport' }] }))
      .toMatchObject({ code: 'purchase.priceOrAmount', field: 'lines.0.amount' });
    expect(refused(f, 'recordPurchase', { ...base(), lines: [{ description: 'Flete', unitPrice: 10, category: 'transport' }] }))
      .toMatchObject({ code: 'purchase.priceNeedsQuantity', field: 'lines.0.quantity' });
    expect(refused(f, 'recordPurchase', { ...base(), lines: [{ amount: 100, category: 'transport' }] }))
      .toMatchObject({ code: 'purchase.descriptionRequired', field: 'lines.0.description' });
    expect(refused(f, 'recordPurchase', { ...base(), lines: [{ description: 'Clavos', quantity: 1, unitPrice: 1, category: 'other' }] }))
      .toMatchObject({ code: 'purchase.lineAmountZero', field: 'lines.0.quantity' });
  });
  it('a date on or before the lock date', () => {
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-03-10' });
    expect(refused(f, 'recordPurchase', base())).toMatchObject({ field: 'date' });
  });
  it('a void dated before the purchase, or inside the closed period, or twice', () => {
    const purchase = buy({});
    expect(refused(f, 'voidPurchase', { purchaseId: purchase.id, date: '2026-03-09', reason: 'x' }))
      .toMatchObject({ code: 'purchase.voidBeforeDate', field: 'date' });
    f.api.voidPurchase({ purchaseId: purchase.id, date: '2026-03-10', reason: 'x' });
    expect(refused(f, 'voidPurchase', { purchaseId: purchase.id, date: '2026-03-11', reason: 'x' }))
      .toMatchObject({ code: 'purchase.alreadyVoided', field: 'purchaseId' });
    const later = buy({});
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-03-15' });
    expect(refused(f, 'voidPurchase', { purchaseId: later.id, date: '2026-03-14', reason: 'x' })).toMatchObject({ field: 'date' });
    expect(refused(f, 'voidPurchase', { purchaseId: 9_999, date: '2026-03-16', reason: 'x' })).toMatchObject({ code: 'purchase.notFound', field: 'purchaseId' });
  });
});

describe('listing', () => {
  it('pages newest first by (date, id) and filters by supplier and status', () => {
    const ids = ['2026-03-01', '2026-03-05', '2026-03-05', '2026-03-09'].map((date) => buy({ date, dueDate: '2026-04-30' }).id);
    f.api.voidPurchase({ purchaseId: ids[0]!, date: '2026-03-10', reason: 'x' });
    const first = f.api.listPurchases({ associationId: f.associationId, limit: 3 });
    expect(first.rows.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
    const second = f.api.listPurchases({ associationId: f.associationId, limit: 3, cursor: first.nextCursor });
    expect(second.rows.map((r) => [r.id, r.status])).toEqual([[ids[0], 'voided']]);
    expect(second.nextCursor).toBeNull();
    expect(f.api.listPurchases({ associationId: f.associationId, status: 'open' }).rows).toHaveLength(3);
    expect(f.api.listPurchases({ associationId: f.associationId, from: '2026-03-05', to: '2026-03-05' }).rows).toHaveLength(2);
    expect(f.api.openPurchases({ associationId: f.associationId, partyId: f.supplierId }).map((p) => p.purchaseId))
      .toEqual([ids[1], ids[2], ids[3]]);
    expect(counts(f.db).purchases).toBe(4);
  });
});
