import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentCounts, OdelAssociationRow, OdelFigures, OdelSummary } from '../../shared/operations/odel';
import { createLedgerApi, dispatch, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';

// The ODEL summary of three associations that buy and sell: every figure equals what the journal says
// (posted lines, by element) and what the documents recorded here say, and no association's purchases,
// sales, payments or collections reach another's row. The three use the same names for their suppliers,
// buyers and products, and amounts scaled by k (1, 2, 3), so a leak would show in the figures.
// Each has a supplier it owes and one it paid ahead, a buyer who owes and one who paid ahead: what is owed
// to suppliers and by buyers adds the positive balances only, party by party.

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
const PERIOD = { from: '2026-01-01', to: '2026-02-28' };
const COST = 1000; // every kilo of cheese comes in at S/ 10.00: the cost of what is sold is its kilos × 10.00

type Expected = Omit<OdelFigures, 'associations' | 'women' | 'men' | 'members' | 'contractSales' | 'financialDebts'
  | 'contractsValue' | 'contractsDelivered' | 'contractsDeliveredShareBp' | 'contractsCollected' | 'contractsPending'>;
interface Books {
  id: number; k: number; supplier: number; paidAhead: number; buyer: number; aheadBuyer: number; cheese: number;
  expected: Expected & { igv: number };
  /** The sheet's document counts for PERIOD, from what was typed. */
  documents: Record<'paymentVouchers' | 'sales' | 'notasDeVenta' | 'saleCollections', DocumentCounts>;
}
const books: Books[] = [];

/** One association's trade, December to March, through the operations; what it must show for PERIOD, from the amounts typed. */
function trade(name: string, ubigeo: string, k: number): Books {
  const id = api.createAssociation({ name, legalForm: 'asociacion', ubigeo }).id;
  const accounts = api.listAccounts({ associationId: id });
  const role = (r: string) => accounts.find((a) => a.role === r)!.id;
  const supplier = api.createParty({ associationId: id, name: 'Agroveterinaria El Ñuñu', kind: 'supplier', documentType: 'none' }).id;
  const buyer = api.createParty({ associationId: id, name: 'Bodega Doña Justina', kind: 'buyer', documentType: 'none' }).id;
  const paidAhead = api.createParty({ associationId: id, name: 'Transportes Wari', kind: 'supplier', documentType: 'none' }).id;
  const aheadBuyer = api.createParty({ associationId: id, name: 'Restaurante Qori Sara', kind: 'buyer', documentType: 'none' }).id;
  const cheese = api.createProduct({ associationId: id, name: 'Queso fresco', unit: 'kg', category: 'goods', salePrice: 1800 }).id;
  const price = 1800 + 100 * k;
  const kg = (n: number) => n * 1000;
  const sale = (date: string, kilos: number, extra: Partial<Parameters<LedgerApi['recordSale']>[0]> = {}) => api.recordSale({
    associationId: id, date, documentKind: 'nota_venta', payment: 'cash', lines: [{ productId: cheese, quantity: kg(kilos), unitPrice: price }], ...extra,
  });

  // Before the period: the opening cash and the cheese bought on credit.
  api.postEntry({ associationId: id, date: '2025-12-10', description: 'Fondo social', lines: [
    { accountId: role('cash'), amount: 100_000 * k }, { accountId: role('capital'), amount: -100_000 * k },
  ] });
  const stock = api.recordPurchase({
    associationId: id, date: '2025-12-20', partyId: supplier, documentKind: 'factura', documentNumber: 'F001-1', payment: 'credit',
    dueDate: '2026-01-20', lines: [{ productId: cheese, quantity: kg(100), unitPrice: COST, category: 'stock' }],
  });
  // The period.
  api.recordPurchase({
    associationId: id, date: '2026-01-10', partyId: supplier, documentKind: 'boleta', documentNumber: 'B001-1', payment: 'cash',
    lines: [{ description: 'Análisis de calidad', amount: 2000 * k, category: 'services' }],
  });
  const supplies = api.recordPurchase({
    associationId: id, date: '2026-01-15', partyId: supplier, documentKind: 'factura', documentNumber: 'F001-2', payment: 'credit',
    dueDate: '2026-02-15', igv: 540 * k, lines: [{ description: 'Cuajo y sal', amount: 3000 * k, category: 'supplies_consumed' }],
  });
  api.paySupplier({ associationId: id, partyId: supplier, date: '2026-01-20', amount: 30_000 * k, purchaseIds: [stock.id] });
  const twice = api.paySupplier({ associationId: id, partyId: supplier, date: '2026-01-21', amount: 1000 });
  api.voidPaymentVoucher({ voucherId: twice.id, date: '2026-01-22', reason: 'Pago registrado dos veces' });
  // A purchase voided in the period is not one of its purchases; one voided after it still is (the book's rule).
  const mistaken = api.recordPurchase({
    associationId: id, date: '2026-01-23', partyId: supplier, documentKind: 'ticket', documentNumber: 'T-1', payment: 'credit',
    dueDate: '2026-02-23', lines: [{ description: 'Flete', amount: 700 * k, category: 'transport' }],
  });
  api.voidPurchase({ purchaseId: mistaken.id, date: '2026-01-24', reason: 'Flete registrado por error' });
  const lateVoid = api.recordPurchase({
    associationId: id, date: '2026-02-26', partyId: supplier, documentKind: 'ticket', documentNumber: 'T-2', payment: 'credit',
    dueDate: '2026-03-26', lines: [{ description: 'Mantenimiento de la tina', amount: 900 * k, category: 'services' }],
  });
  // Paid ahead: to a supplier nothing is owed yet, by a buyer who has bought nothing yet.
  api.paySupplier({ associationId: id, partyId: paidAhead, date: '2026-02-08', amount: 2500 * k, confirmOverpayment: true });
  api.collectSale({ associationId: id, partyId: aheadBuyer, date: '2026-02-09', amount: 1500 * k, confirmOverpayment: true });
  sale('2026-01-25', 10);
  const wrong = sale('2026-01-26', 2);
  api.voidSale({ saleId: wrong.id, date: '2026-01-27', reason: 'Venta registrada por error' });
  sale('2026-02-01', 20, { partyId: buyer, payment: 'credit', dueDate: '2026-03-01' });
  api.recordFairSales({ associationId: id, date: '2026-02-05', sales: [1, 3].map((kilos) => ({ lines: [{ productId: cheese, quantity: kg(kilos), unitPrice: price }] })) });
  api.collectSale({ associationId: id, partyId: buyer, date: '2026-02-10', amount: 10_000 * k });
  const again = api.collectSale({ associationId: id, partyId: buyer, date: '2026-02-12', amount: 2000 });
  api.voidSaleCollection({ collectionId: again.id, date: '2026-02-13', reason: 'Cobro registrado dos veces' });
  // After it.
  sale('2026-03-05', 1);
  api.paySupplier({ associationId: id, partyId: supplier, date: '2026-03-06', amount: 1000, purchaseIds: [supplies.id] });
  api.voidPurchase({ purchaseId: lateVoid.id, date: '2026-03-07', reason: 'Registrada dos veces' });

  const sold = 10 + 20 + 1 + 3; // kilos of live sales in the period
  const payables = 100_000 + 3540 * k + 900 * k - 30_000 * k; // the first supplier's: F001-1 less its payment, F001-2, T-2
  const owedByBuyer = 20 * price - 10_000 * k;
  return {
    id, k, supplier, paidAhead, buyer, aheadBuyer, cheese,
    expected: {
      income: sold * price, sales: sold * price,
      expenses: 2000 * k + 3000 * k + 900 * k + sold * COST,
      result: sold * price - (5900 * k + sold * COST),
      cash: 100_000 * k - 2000 * k - 30_000 * k - 2500 * k + (10 + 1 + 3) * price + 10_000 * k + 1500 * k,
      // Element 12 nets the second buyer's advance (credit on 121) against what the first owes.
      receivables: owedByBuyer - 1500 * k,
      // Element 40 to 47 nets the IGV the supplies carried (4011, debit) and the advance to the second supplier
      // (debit on 421) against what the first is owed (421).
      debts: payables - 540 * k - 2500 * k,
      purchases: 2000 * k + 3000 * k + 900 * k, // B001-1, F001-2 and T-2 before IGV; not T-1, voided in the period
      payables, receivablesFromBuyers: owedByBuyer, igv: 540 * k,
    },
    documents: {
      // B001-1 paid now, F001-1's payment, the one paid twice (voided), the advance to Transportes Wari.
      paymentVouchers: { issued: 4, voided: 1, total: 2000 * k + 30_000 * k + 2500 * k },
      // Notas de venta on 25/01, 26/01 (voided) and 01/02, and two fair sales without a document.
      sales: { issued: 5, voided: 1, total: sold * price },
      notasDeVenta: { issued: 3, voided: 1, total: (10 + 20) * price },
      // Doña Justina's, the one registered twice (voided), Qori Sara's advance.
      saleCollections: { issued: 3, voided: 1, total: 10_000 * k + 1500 * k },
    },
  };
}

/** Σ posted journal lines of an association's accounts whose code matches `glob`, dated in [from, to]. */
function journal(associationId: number, glob: string, to: string, from = '0000-01-01'): number {
  return (env.db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS s FROM journal_lines l
      JOIN accounts a ON a.id = l.account_id JOIN journal_entries e ON e.id = l.entry_id AND e.posted = 1
     WHERE a.association_id = ? AND a.code GLOB ? AND l.date >= ? AND l.date <= ?`).get(associationId, glob, from, to) as { s: number }).s;
}
const elements = (associationId: number, globs: string[], to: string, from?: string) =>
  globs.reduce((s, g) => s + journal(associationId, g, to, from), 0);

function rows(summary: OdelSummary): Map<number, OdelAssociationRow> {
  return new Map(summary.districts.flatMap((d) => d.associations).map((a) => [a.associationId, a]));
}
const priceOf = (b: Books) => 1800 + 100 * b.k;
const figuresOf = (row: OdelAssociationRow): OdelFigures => {
  const { associationId: _i, name: _n, ruc: _r, legalForm: _l, mainProducts: _m, ...figures } = row;
  return figures;
};

beforeAll(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  books.push(trade("Asociación de Productores Lecheros Sumaq Q'oy", '030601', 1));
  books.push(trade('Asociación Apícola Misky Llankaq', '030601', 2));
  books.push(trade('Asociación de Mujeres Tika Pallana', '050101', 3));
});
afterAll(() => env?.cleanup());

describe('the ODEL summary with purchases, sales, payments, collections and voids', () => {
  it('shows each association’s sales, expenses, cash, receivables and debts as its own journal and documents say', () => {
    const summary = rows(api.odelSummary(PERIOD));
    for (const b of books) {
      const row = summary.get(b.id)!;
      // The journal, element by element.
      expect(row.income).toBe(-journal(b.id, '7*', PERIOD.to, PERIOD.from));
      expect(row.sales).toBe(-journal(b.id, '70*', PERIOD.to, PERIOD.from));
      expect(row.expenses).toBe(journal(b.id, '6*', PERIOD.to, PERIOD.from));
      expect(row.cash).toBe(journal(b.id, '10*', PERIOD.to));
      expect(row.receivables).toBe(elements(b.id, ['12*', '13*', '14*', '16*'], PERIOD.to));
      expect(row.debts).toBe(-elements(b.id, ['40*', '41*', '42*', '43*', '44*', '45*', '46*', '47*'], PERIOD.to));
      // The amounts typed: sales before IGV of the live notas de venta and fair sales of the period, and so on.
      expect(figuresOf(row)).toEqual({
        associations: 1, women: 0, men: 0, members: 0, contractSales: 0, financialDebts: 0,
        contractsValue: 0, contractsDelivered: 0, contractsDeliveredShareBp: 0, contractsCollected: 0, contractsPending: 0,
        income: b.expected.income, sales: b.expected.sales, expenses: b.expected.expenses, result: b.expected.result,
        cash: b.expected.cash, receivables: b.expected.receivables, debts: b.expected.debts,
        purchases: b.expected.purchases, payables: b.expected.payables, receivablesFromBuyers: b.expected.receivablesFromBuyers,
      });
    }
  });

  it('agrees with the sales book, the party statements and the aging of each association', () => {
    const summary = rows(api.odelSummary(PERIOD));
    for (const b of books) {
      const row = summary.get(b.id)!;
      expect(row.sales).toBe(api.salesBook({ associationId: b.id, ...PERIOD }).totals.amount);
      const statement = (partyId: number) => api.partyStatement({ associationId: b.id, partyId, to: PERIOD.to });
      // Party by party: the advances stand on the statements as negative balances, and count in neither figure.
      expect(statement(b.buyer).closing).toBe(row.receivablesFromBuyers);
      expect(statement(b.aheadBuyer).closing).toBe(-1500 * b.k);
      expect(row.receivables).toBe(statement(b.buyer).closing + statement(b.aheadBuyer).closing);
      expect(api.agingReport({ associationId: b.id, side: 'receivable', asOf: PERIOD.to }).totals.total).toBe(row.receivablesFromBuyers);
      expect(statement(b.supplier).closing).toBe(row.payables);
      expect(statement(b.paidAhead).closing).toBe(-2500 * b.k);
      expect(api.agingReport({ associationId: b.id, side: 'payable', asOf: PERIOD.to }).totals.total).toBe(row.payables);
      expect(row.debts).toBe(statement(b.supplier).closing + statement(b.paidAhead).closing - b.expected.igv);
      expect(api.associationSheet({ associationId: b.id, ...PERIOD }).figures).toEqual(figuresOf(row));
    }
  });

  it('adds the districts and the file from the association rows', () => {
    const summary = api.odelSummary(PERIOD);
    expect(summary.districts.map((d) => [d.ubigeo, d.associations.length])).toEqual([['030601', 2], ['050101', 1]]);
    const money = ['income', 'sales', 'expenses', 'result', 'cash', 'receivables', 'debts', 'purchases', 'payables', 'receivablesFromBuyers'] as const;
    for (const key of money) {
      expect(summary.total[key]).toBe(books.reduce((s, b) => s + b.expected[key], 0));
      for (const d of summary.districts) expect(d.subtotal[key]).toBe(d.associations.reduce((s, a) => s + a[key], 0));
    }
  });

  it('counts the period’s purchases as the purchases book does', () => {
    const summary = rows(api.odelSummary(PERIOD));
    for (const b of books) {
      const book = api.purchasesBook({ associationId: b.id, ...PERIOD, groupBy: 'document' });
      expect(summary.get(b.id)!.purchases).toBe(book.totals.amount);
      expect(summary.get(b.id)!.purchases).toBe(b.expected.purchases);
      // A purchase voided after the period is still in it, in the book and here; not after its void date.
      const afterVoid = { from: PERIOD.from, to: '2026-03-07' };
      const later = rows(api.odelSummary(afterVoid)).get(b.id)!;
      expect(later.purchases).toBe(api.purchasesBook({ associationId: b.id, ...afterVoid, groupBy: 'party' }).totals.amount);
      expect(later.purchases).toBe(b.expected.purchases - 900 * b.k);
    }
  });

  it('sums what is owed to suppliers and by buyers party by party, at asOf', () => {
    for (const b of books) {
      // Sums of the positive party balances, from the statements of every party of the association.
      const owed = (asOf: string) => {
        const balance = (partyId: number) => api.partyStatement({ associationId: b.id, partyId, to: asOf }).closing;
        return {
          payables: [b.supplier, b.paidAhead].reduce((s, p) => s + Math.max(0, balance(p)), 0),
          receivablesFromBuyers: [b.buyer, b.aheadBuyer].reduce((s, p) => s + Math.max(0, balance(p)), 0),
        };
      };
      for (const asOf of ['2026-01-31', PERIOD.to, '2026-03-31']) {
        const sheet = api.associationSheet({ associationId: b.id, ...PERIOD, asOf });
        expect(sheet.figures, asOf).toMatchObject(owed(asOf));
      }
      // Before any advance the second supplier and buyer owe and are owed nothing; the figures are the first ones' balances.
      const january = api.associationSheet({ associationId: b.id, ...PERIOD, asOf: '2026-01-31' }).figures;
      expect(january.payables).toBe(100_000 + 3540 * b.k - 30_000 * b.k);
      expect(january.receivablesFromBuyers).toBe(0);
    }
  });

  it('counts the payment vouchers, sales and collections of the period on the sheet', () => {
    for (const b of books) {
      const sheet = api.associationSheet({ associationId: b.id, ...PERIOD });
      expect(sheet.receipts).toEqual({ issued: 0, voided: 0, total: 0 });
      expect({
        paymentVouchers: sheet.paymentVouchers, sales: sheet.sales, notasDeVenta: sheet.notasDeVenta, saleCollections: sheet.saleCollections,
      }).toEqual(b.documents);
      // The valid sales are the sales book's documents of the period (none was voided after it).
      expect(sheet.sales.issued - sheet.sales.voided).toBe(api.salesBook({ associationId: b.id, ...PERIOD, groupBy: 'document' }).totals.documents);
      expect(sheet.sales.total).toBe(api.salesBook({ associationId: b.id, ...PERIOD, groupBy: 'document' }).totals.total);
      // Nothing of December or March: the sheet of March alone has its own sale and payment.
      const march = api.associationSheet({ associationId: b.id, from: '2026-03-01', to: '2026-03-31' });
      expect([march.sales, march.paymentVouchers, march.saleCollections]).toEqual([
        { issued: 1, voided: 0, total: priceOf(b) }, { issued: 1, voided: 0, total: 1000 }, { issued: 0, voided: 0, total: 0 },
      ]);
    }
  });

  it('keeps one association’s documents out of the others’ rows', () => {
    const before = rows(api.odelSummary(PERIOD));
    const [sumaq, misky, tika] = books as [Books, Books, Books];
    // Misky sells on credit and buys on credit once more in February.
    const sale = api.recordSale({
      associationId: misky.id, date: '2026-02-20', partyId: misky.buyer, documentKind: 'nota_venta', payment: 'credit', dueDate: '2026-03-20',
      lines: [{ productId: misky.cheese, quantity: 5000, unitPrice: 2500 }],
    });
    api.recordPurchase({
      associationId: misky.id, date: '2026-02-21', partyId: misky.supplier, documentKind: 'ticket', documentNumber: 'T-9', payment: 'credit',
      dueDate: '2026-03-21', lines: [{ description: 'Flete a la feria', amount: 1500, category: 'transport' }],
    });
    const after = rows(api.odelSummary(PERIOD));
    expect(after.get(sumaq.id)).toEqual(before.get(sumaq.id));
    expect(after.get(tika.id)).toEqual(before.get(tika.id));
    const was = before.get(misky.id)!;
    expect(figuresOf(after.get(misky.id)!)).toEqual({
      ...figuresOf(was),
      income: was.income + 12_500, sales: was.sales + 12_500,
      expenses: was.expenses + 5 * COST + 1500, result: was.result + 12_500 - 5 * COST - 1500,
      receivables: was.receivables + 12_500, debts: was.debts + 1500,
      purchases: was.purchases + 1500, payables: was.payables + 1500, receivablesFromBuyers: was.receivablesFromBuyers + 12_500,
    });
    // Another association's buyer, supplier or product is refused by name of the field, and nothing is written.
    const entries = () => (env.db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get() as { n: number }).n;
    const count = entries();
    expect(dispatch(api, 'recordSale', {
      associationId: tika.id, date: '2026-02-22', partyId: sumaq.buyer, documentKind: 'none', payment: 'credit', dueDate: '2026-03-22',
      lines: [{ productId: tika.cheese, quantity: 1000 }],
    })).toMatchObject({ ok: false, error: { field: 'partyId' } });
    expect(dispatch(api, 'recordSale', {
      associationId: tika.id, date: '2026-02-22', documentKind: 'none', payment: 'cash', lines: [{ productId: sumaq.cheese, quantity: 1000 }],
    })).toMatchObject({ ok: false, error: { field: 'lines.0.productId' } });
    expect(dispatch(api, 'paySupplier', { associationId: tika.id, partyId: sumaq.supplier, date: '2026-02-22', amount: 100 }))
      .toMatchObject({ ok: false, error: { field: 'partyId' } });
    expect(dispatch(api, 'collectSale', { associationId: tika.id, partyId: misky.buyer, date: '2026-02-22', amount: 100 }))
      .toMatchObject({ ok: false, error: { field: 'partyId' } });
    expect(entries()).toBe(count);
    api.voidSale({ saleId: sale.id, date: '2026-02-23', reason: 'Registrada en la asociación equivocada' });
  });
});
