import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { addDays } from './common';
import { tradeFixture, type TradeFixture } from './testing';

let f: TradeFixture;
beforeEach(() => { f = tradeFixture(); });
afterEach(() => f.env.cleanup());

describe('a supplier’s statement', () => {
  /** A credit purchase paid in part, a purchase paid now, a payment voided, and a discount posted by hand. */
  function supplierBooks() {
    const supplier = f.supplier('Agroveterinaria El Ñuñu');
    const feed = f.product('Alimento balanceado', 'supply');
    const credit = f.api.recordPurchase({
      associationId: f.associationId, date: '2026-01-10', partyId: supplier, documentKind: 'factura', documentNumber: 'F001-100',
      payment: 'credit', dueDate: '2026-02-10', igv: 2700,
      lines: [
        { productId: feed, quantity: 100_000, unitPrice: 150, category: 'stock' },
        { description: 'Flete hasta el local', amount: 2000, category: 'transport' },
      ],
    });
    f.api.paySupplier({ associationId: f.associationId, partyId: supplier, date: '2026-01-20', amount: 5000, purchaseIds: [credit.id] });
    f.api.recordPurchase({
      associationId: f.associationId, date: '2026-02-01', partyId: supplier, documentKind: 'boleta', documentNumber: 'B001-5',
      payment: 'cash', lines: [{ description: 'Vacuna contra la fiebre aftosa', amount: 3000, category: 'supplies_consumed' }],
    });
    const wrong = f.api.paySupplier({ associationId: f.associationId, partyId: supplier, date: '2026-02-05', amount: 1000 });
    f.api.voidPaymentVoucher({ voucherId: wrong.id, date: '2026-02-06', reason: 'Pago registrado dos veces' });
    f.api.postEntry({
      associationId: f.associationId, date: '2026-02-20', description: 'Descuento por pronto pago',
      lines: [
        { accountId: f.roleId('payable_suppliers'), amount: 100, partyId: supplier },
        { accountId: f.roleId('discounts_received'), amount: -100 },
      ],
    });
    return { supplier, credit };
  }

  it('equals the documents minus the payments and the journal lines of the party, with a running balance', () => {
    const { supplier, credit } = supplierBooks();
    const s = f.api.partyStatement({ associationId: f.associationId, partyId: supplier, to: '2026-03-15' });
    expect(s.side).toBe('payable');
    // 19,700 bought on credit − 5,000 paid; 3,000 bought and paid at once; a voided payment nets nothing; −100 discount.
    expect(s.closing).toBe(14_600);
    expect(s.closing).toBe(f.journalBalance(supplier, 'payable', '2026-03-15'));
    expect(s.documents).toEqual({ documents: 22_700, payments: 8_000, manual: -100 });
    expect(s.documents.documents - s.documents.payments + s.documents.manual).toBe(s.closing);
    expect(s.opening + s.totals.increase - s.totals.decrease).toBe(s.closing);
    let balance = s.opening;
    for (const line of s.lines) {
      balance += line.increase - line.decrease;
      expect(line.balance).toBe(balance);
    }
    expect(s.lines.map((l) => l.kind)).toEqual([
      'purchase', 'payment_voucher', 'purchase', 'payment_voucher', 'payment_voucher', 'payment_voucher_void', 'other',
    ]);
    expect(s.lines[0]).toMatchObject({
      document: { type: 'purchase', id: credit.id, kind: 'factura', number: 'F001-100' }, dueDate: '2026-02-10', increase: 19_700,
    });
    expect(s.lines[1]!.document).toMatchObject({ type: 'payment_voucher', kind: 'recibo_egreso', number: '001-000001' });
    // What is still pending: the credit purchase less its payment (the discount is no payment of a document).
    expect(s.pending.map((d) => [d.documentId, d.open, d.daysPastDue, d.bucket])).toEqual([[credit.id, 14_700, 33, 'days31to90']]);
  });

  it('carries everything before `from` in the opening balance', () => {
    const { supplier } = supplierBooks();
    const whole = f.api.partyStatement({ associationId: f.associationId, partyId: supplier, to: '2026-03-15' });
    const part = f.api.partyStatement({ associationId: f.associationId, partyId: supplier, from: '2026-02-01', to: '2026-03-15' });
    expect(part.opening).toBe(14_700);
    expect(part.lines.every((l) => l.date >= '2026-02-01')).toBe(true);
    expect(part.closing).toBe(whole.closing);
    // Up to a day before the void, the second payment still counts.
    const before = f.api.partyStatement({ associationId: f.associationId, partyId: supplier, to: '2026-02-05' });
    expect(before.closing).toBe(f.journalBalance(supplier, 'payable', '2026-02-05'));
    expect(before.documents.payments).toBe(9_000);
  });

  it('refuses a party of another association naming the field', () => {
    const other = f.api.createAssociation({ name: 'Asociación Tika Pallana', legalForm: 'asociacion', ubigeo: '030601' }).id;
    const stranger = f.api.createParty({ associationId: other, name: 'Proveedor ajeno', kind: 'supplier', documentType: 'none' }).id;
    expect(dispatch(f.api, 'partyStatement', { associationId: f.associationId, partyId: stranger }))
      .toMatchObject({ ok: false, error: { code: 'trade.partyNotFound', field: 'partyId' } });
  });
});

describe('a buyer’s statement', () => {
  it('equals credit sales minus collections and the journal, voided sales and collections netting nothing', () => {
    const buyer = f.buyer('Bodega Doña Justina');
    const cheese = f.product('Queso fresco');
    f.stockUp(cheese, 50_000, 1000, '2026-01-02');
    const first = f.api.recordSale({
      associationId: f.associationId, date: '2026-01-15', partyId: buyer, documentKind: 'nota_venta', payment: 'credit',
      dueDate: '2026-02-15', lines: [{ productId: cheese, quantity: 10_000, unitPrice: 1800 }],
    });
    f.api.recordSale({
      associationId: f.associationId, date: '2026-02-10', partyId: buyer, documentKind: 'boleta', documentNumber: 'B001-22',
      payment: 'credit', dueDate: '2026-03-10', lines: [{ productId: cheese, quantity: 5000, unitPrice: 1800 }],
    });
    f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-02-20', amount: 10_000, saleIds: [first.id] });
    const mistaken = f.api.recordSale({
      associationId: f.associationId, date: '2026-03-01', partyId: buyer, documentKind: 'none', payment: 'credit',
      dueDate: '2026-03-31', lines: [{ productId: cheese, quantity: 1000, unitPrice: 1800 }],
    });
    f.api.voidSale({ saleId: mistaken.id, date: '2026-03-02', reason: 'Venta registrada por error' });
    const twice = f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-05', amount: 2000 });
    f.api.voidSaleCollection({ collectionId: twice.id, date: '2026-03-05', reason: 'Cobro registrado dos veces' });

    const s = f.api.partyStatement({ associationId: f.associationId, partyId: buyer, to: '2026-03-15' });
    expect(s.side).toBe('receivable');
    expect(s.closing).toBe(17_000);
    expect(s.closing).toBe(f.journalBalance(buyer, 'receivable'));
    expect(s.documents).toEqual({ documents: 27_000, payments: 10_000, manual: 0 });
    expect(s.lines[0]!.document).toMatchObject({ type: 'sale', kind: 'nota_venta', number: '001-000001' });
    expect(s.lines.find((l) => l.kind === 'sale_collection')!.document).toMatchObject({ kind: 'recibo_ingreso', number: '002-000001' });
    expect(s.pending.map((d) => [d.document.number, d.open, d.bucket])).toEqual([['001-000001', 8000, 'days1to30'], ['B001-22', 9000, 'days1to30']]);
  });
});

describe('aging and this week', () => {
  const asOf = '2026-03-15';
  /** One credit sale per due date, each of a different amount: sold 01/12/2025. */
  function salesDue(days: readonly number[]) {
    const buyer = f.buyer('Hotel Sumaq Wasi');
    const honey = f.product('Miel de abeja', 'product', 'kg');
    f.stockUp(honey, 100_000, 1500, '2025-11-01');
    const ids = days.map((offset, i) => f.api.recordSale({
      associationId: f.associationId, date: '2025-12-01', partyId: buyer, documentKind: 'none', payment: 'credit',
      dueDate: addDays(asOf, offset), lines: [{ productId: honey, quantity: 1000, unitPrice: 1000 * (i + 1) }],
    }).id);
    return { buyer, ids };
  }

  it('buckets days past due at the boundaries 0/1, 30/31 and 90/91', () => {
    const { ids } = salesDue([1, 0, -1, -30, -31, -90, -91]);
    const report = f.api.agingReport({ associationId: f.associationId, side: 'receivable', asOf });
    const documents = report.parties[0]!.documents;
    const byId = new Map(documents.map((d) => [d.documentId, d]));
    expect(ids.map((id) => [byId.get(id)!.daysPastDue, byId.get(id)!.bucket])).toEqual([
      [-1, 'notDue'], [0, 'notDue'], [1, 'days1to30'], [30, 'days1to30'], [31, 'days31to90'], [90, 'days31to90'], [91, 'over90'],
    ]);
    // Oldest due first; amounts 10.00, 20.00 … 70.00.
    expect(documents.map((d) => d.open)).toEqual([7000, 6000, 5000, 4000, 3000, 2000, 1000]);
    expect(report.totals).toEqual({
      notDue: 3000, days1to30: 7000, days31to90: 11_000, over90: 7000, total: 28_000, parties: 1, documents: 7,
    });
    expect(report.parties[0]!.buckets.total).toBe(f.journalBalance(report.parties[0]!.partyId, 'receivable'));
  });

  it('counts a partial collection and leaves out what was collected in full or voided', () => {
    const { buyer, ids } = salesDue([-10, -5, 3]);
    f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-01', amount: 1000 + 500, saleIds: [ids[0]!, ids[1]!] });
    f.api.voidSale({ saleId: ids[2]!, date: '2026-03-02', reason: 'Anulada' });
    const report = f.api.agingReport({ associationId: f.associationId, side: 'receivable', asOf });
    expect(report.parties[0]!.documents.map((d) => [d.documentId, d.open])).toEqual([[ids[1]!, 1500]]);
    // As of a day before the collection, all three were open.
    const earlier = f.api.agingReport({ associationId: f.associationId, side: 'receivable', asOf: '2026-02-28' });
    expect(earlier.totals.total).toBe(6000);
  });

  it('shows on Inicio what falls due up to seven days ahead, overdue first, to pay and to collect', () => {
    salesDue([-3, 0, 7, 8]);
    const supplier = f.supplier('Transportes Qhapaq Ñan');
    f.api.recordPurchase({
      associationId: f.associationId, date: '2026-03-01', partyId: supplier, documentKind: 'none', payment: 'credit',
      dueDate: '2026-03-20', lines: [{ description: 'Flete a Lima', amount: 45_000, category: 'transport' }],
    });
    const week = f.api.dueThisWeek({ associationId: f.associationId, asOf });
    expect(week.until).toBe('2026-03-22');
    expect(week.toCollect.items.map((i) => [i.dueDate, i.open, i.overdue])).toEqual([
      ['2026-03-12', 1000, true], ['2026-03-15', 2000, false], ['2026-03-22', 3000, false],
    ]);
    expect(week.toCollect).toMatchObject({ count: 3, total: 6000, overdue: 1000 });
    expect(week.toPay).toMatchObject({ count: 1, total: 45_000, overdue: 0 });
    expect(week.toPay.items[0]).toMatchObject({ partyName: 'Transportes Qhapaq Ñan', document: { kind: 'none', number: null } });
  });
});
