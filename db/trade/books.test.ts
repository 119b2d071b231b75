import ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { multiplyQuantity, roundHalfAwayFromZero } from '../../shared/money';
import { exportReport } from '../exports/export-report';
import { forgetPreparedStatements } from '../storage/statements';
import { tradeFixture, type TradeFixture } from './testing';

let f: TradeFixture;
beforeEach(() => { f = tradeFixture(); });
afterEach(() => f.env.cleanup());

/** Two suppliers, feed and cheese in two product lines, a concept line, IGV on one factura, a voided purchase. */
function purchases() {
  const dairy = f.productLine('Lácteos');
  const cuyes = f.productLine('Cuyes');
  const feed = f.product('Alimento para cuyes', 'supply');
  const milk = f.product('Leche fresca', 'raw_material', 'l');
  const agro = f.supplier('Agroveterinaria Los Andes');
  const farmer = f.supplier('Ganadero Huamán');
  const a = f.api.recordPurchase({
    associationId: f.associationId, date: '2026-02-03', partyId: agro, documentKind: 'factura', documentNumber: 'F002-41',
    payment: 'credit', dueDate: '2026-03-03', igv: 4500,
    lines: [
      { productId: feed, quantity: 100_000, unitPrice: 150, category: 'stock', productLineId: cuyes },
      { description: 'Flete', amount: 1200, category: 'transport', productLineId: cuyes },
    ],
  });
  f.api.recordPurchase({
    associationId: f.associationId, date: '2026-02-20', partyId: agro, documentKind: 'boleta', documentNumber: 'B001-9',
    payment: 'cash', lines: [{ productId: feed, quantity: 33_333, unitPrice: 151, category: 'stock', productLineId: cuyes }],
  });
  f.api.recordPurchase({
    associationId: f.associationId, date: '2026-02-25', partyId: farmer, documentKind: 'none', payment: 'cash',
    lines: [
      { productId: milk, quantity: 250_500, unitPrice: 130, category: 'stock', productLineId: dairy },
      { productId: feed, quantity: 1000, unitPrice: 150, category: 'stock' },
    ],
  });
  const voided = f.api.recordPurchase({
    associationId: f.associationId, date: '2026-02-26', partyId: farmer, documentKind: 'none', payment: 'cash',
    lines: [{ productId: milk, quantity: 10_000, unitPrice: 130, category: 'stock', productLineId: dairy }],
  });
  f.api.voidPurchase({ purchaseId: voided.id, date: '2026-02-27', reason: 'Leche devuelta' });
  // Outside the period: not in the book.
  f.api.recordPurchase({
    associationId: f.associationId, date: '2026-03-02', partyId: farmer, documentKind: 'none', payment: 'cash',
    lines: [{ productId: milk, quantity: 1000, unitPrice: 130, category: 'stock' }],
  });
  return { dairy, cuyes, feed, milk, agro, farmer, first: a };
}

const period = { from: '2026-02-01', to: '2026-02-28' } as const;

describe('the purchases book', () => {
  it('groups by product with quantity, amount and the average price rounded once', () => {
    const { feed, milk } = purchases();
    const book = f.api.purchasesBook({ associationId: f.associationId, ...period, groupBy: 'product' });
    const feedRow = book.rows.find((r) => r.productId === feed)!;
    const feedAmount = 15_000 + multiplyQuantity(151, 33_333) + 150;
    expect(feedRow).toMatchObject({ documents: 3, quantity: 134_333, unit: 'kg', amount: feedAmount });
    expect(feedRow.averagePrice).toBe(roundHalfAwayFromZero(feedAmount * 1000, 134_333));
    const milkRow = book.rows.find((r) => r.productId === milk)!;
    expect(milkRow).toMatchObject({ documents: 1, quantity: 250_500, unit: 'l', amount: multiplyQuantity(130, 250_500), averagePrice: 130 });
    // The concept line is grouped by its category, with no quantity and no price.
    expect(book.rows.find((r) => r.key === 'concept:transport')).toMatchObject({
      productId: null, category: 'transport', amount: 1200, quantity: null, averagePrice: null,
    });
    expect(book.rows.reduce((sum, r) => sum + r.amount, 0)).toBe(book.totals.amount);
    expect(milkRow.amount).toBe(32_565);
    expect(book.totals).toEqual({
      documents: 3, amount: feedAmount + 1200 + milkRow.amount, igv: 4500, total: feedAmount + 1200 + milkRow.amount + 4500,
    });
  });

  it('groups by supplier with IGV and totals from the documents, by product line, and by document', () => {
    const { agro, farmer, dairy, cuyes, first } = purchases();
    const byParty = f.api.purchasesBook({ associationId: f.associationId, ...period, groupBy: 'party' });
    const agroFeed = 15_000 + multiplyQuantity(151, 33_333);
    expect(byParty.rows.map((r) => [r.partyId, r.documents, r.amount, r.igv, r.total])).toEqual([
      [farmer, 1, 32_565 + 150, 0, 32_565 + 150],
      [agro, 2, agroFeed + 1200, 4500, agroFeed + 1200 + 4500],
    ]);
    // Milk in litres and feed in kg: no quantity for the farmer as a whole.
    expect(byParty.rows[0]).toMatchObject({ quantity: null, unit: null, averagePrice: null });
    // Feed in kg and a freight line without quantity: the feed's quantity and its price alone.
    expect(byParty.rows[1]).toMatchObject({ quantity: 133_333, unit: 'kg', averagePrice: roundHalfAwayFromZero(agroFeed * 1000, 133_333) });
    const byLine = f.api.purchasesBook({ associationId: f.associationId, ...period, groupBy: 'productLine' });
    expect(byLine.rows.map((r) => [r.productLineId, r.productLineName, r.amount])).toEqual([
      [dairy, 'Lácteos', 32_565], [cuyes, 'Cuyes', agroFeed + 1200], [null, null, 150],
    ]);
    const byDocument = f.api.purchasesBook({ associationId: f.associationId, ...period, groupBy: 'document' });
    expect(byDocument.rows).toHaveLength(3);
    expect(byDocument.rows[0]).toMatchObject({
      documentId: first.id, date: '2026-02-03', partyName: 'Agroveterinaria Los Andes', amount: 16_200, igv: 4500, total: 20_700,
      document: { type: 'purchase', kind: 'factura', number: 'F002-41' }, quantity: 100_000, unit: 'kg', averagePrice: 150,
    });
    for (const book of [byParty, byLine, byDocument]) {
      expect(book.rows.reduce((sum, r) => sum + r.amount, 0)).toBe(book.totals.amount);
    }
  });
});

describe('the sales book', () => {
  it('rounds an average price of exactly half a céntimo away from zero, and names sales to the public', () => {
    const cheese = f.product('Queso paria');
    f.stockUp(cheese, 20_000, 900, '2026-01-05');
    const buyer = f.buyer('Restaurante Killa');
    f.api.recordSale({
      associationId: f.associationId, date: '2026-02-10', partyId: buyer, documentKind: 'nota_venta', payment: 'cash',
      lines: [{ productId: cheese, quantity: 1000, unitPrice: 1500 }],
    });
    f.api.recordSale({
      associationId: f.associationId, date: '2026-02-11', documentKind: 'none', payment: 'cash',
      lines: [{ productId: cheese, quantity: 1000, unitPrice: 1501 }],
    });
    const byProduct = f.api.salesBook({ associationId: f.associationId, ...period, groupBy: 'product' });
    expect(byProduct.rows).toEqual([expect.objectContaining({ productId: cheese, quantity: 2000, amount: 3001, averagePrice: 1501 })]);
    const byParty = f.api.salesBook({ associationId: f.associationId, ...period, groupBy: 'party' });
    expect(byParty.rows.map((r) => [r.partyName, r.amount])).toEqual([[null, 1501], ['Restaurante Killa', 1500]]);
    expect(byParty.totals).toEqual({ documents: 2, amount: 3001, igv: 0, total: 3001 });
  });
});

describe('exports of the books and the aging list', () => {
  it('write XLSX and CSV files with the book’s rows and totals', async () => {
    const { agro } = purchases();
    const now = new Date('2026-03-15T12:00:00Z');
    const csv = await exportReport(f.db, now, {
      report: 'purchasesBook', associationId: f.associationId, params: { ...period, groupBy: 'document' }, format: 'csv',
    });
    expect(csv.fileName).toBe('libro-de-compras-asociacion-de-productores-agropecuarios-sumaq-qoy-2026-02-28.csv');
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('Libro de compras');
    expect(text).toContain('03/02/2026;Factura F002-41;Agroveterinaria Los Andes;100.000;kg;162.00;1.50;45.00;207.00');
    const byProduct = await exportReport(f.db, now, {
      report: 'purchasesBook', associationId: f.associationId, params: { ...period, groupBy: 'product' }, format: 'csv',
    });
    expect(Buffer.from(byProduct.contentBase64, 'base64').toString('utf8')).toContain('Leche fresca;1;250.500;litro;325.65;1.30');

    const xlsx = await exportReport(f.db, now, {
      report: 'salesBook', associationId: f.associationId, params: { ...period, groupBy: 'party' }, format: 'xlsx',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(xlsx.contentBase64, 'base64')).buffer);
    expect(workbook.worksheets[0]!.name).toBe('Ventas');

    const aging = await exportReport(f.db, now, {
      report: 'agingReport', associationId: f.associationId, params: { side: 'payable', asOf: '2026-03-15' }, format: 'csv',
    });
    const agingText = Buffer.from(aging.contentBase64, 'base64').toString('utf8');
    expect(agingText).toContain('Agroveterinaria Los Andes');
    expect(agingText).toContain(';Factura F002-41;03/02/2026;03/03/2026;12;;207.00;;;207.00');
    expect(f.api.agingReport({ associationId: f.associationId, side: 'payable', asOf: '2026-03-15' }).parties[0]!.partyId).toBe(agro);
    const agingXlsx = await exportReport(f.db, now, {
      report: 'agingReport', associationId: f.associationId, params: { side: 'payable' }, format: 'xlsx', locale: 'en',
    });
    expect(agingXlsx.fileName).toBe('aging-asociacion-de-productores-agropecuarios-sumaq-qoy-2026-03-15.xlsx');
  });
});

describe('query plans', () => {
  /** Every statement the trade reports run, with its plan. */
  function plansOf(db: Database.Database, run: () => void): { sql: string; plan: string[] }[] {
    forgetPreparedStatements(db);
    const original = db.prepare.bind(db);
    const seen: { sql: string; args: unknown[] }[] = [];
    db.prepare = ((sql: string) => {
      const statement = original(sql);
      return new Proxy(statement, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if ((property === 'all' || property === 'get') && typeof value === 'function') {
            return (...args: unknown[]) => { seen.push({ sql, args }); return (value as (...a: unknown[]) => unknown).apply(target, args); };
          }
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    }) as typeof db.prepare;
    try { run(); } finally { db.prepare = original; forgetPreparedStatements(db); }
    return seen.map(({ sql, args }) => ({
      sql, plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail),
    }));
  }

  it('reach documents by their (association, date) or party indexes and journal lines by an index, never a full scan', () => {
    const { agro } = purchases();
    const buyer = f.buyer('Mercado Modelo');
    const cheese = f.product('Queso mantecoso');
    f.stockUp(cheese, 5000, 900, '2026-01-05');
    f.api.recordSale({
      associationId: f.associationId, date: '2026-02-10', partyId: buyer, documentKind: 'none', payment: 'credit', dueDate: '2026-03-10',
      lines: [{ productId: cheese, quantity: 1000, unitPrice: 1500 }],
    });
    const plans = plansOf(f.db, () => {
      for (const groupBy of ['document', 'party', 'productLine', 'product'] as const) {
        f.api.purchasesBook({ associationId: f.associationId, ...period, groupBy });
        f.api.salesBook({ associationId: f.associationId, ...period, groupBy });
      }
      f.api.agingReport({ associationId: f.associationId, side: 'payable', asOf: '2026-03-15' });
      f.api.agingReport({ associationId: f.associationId, side: 'receivable', asOf: '2026-03-15' });
      f.api.partyStatement({ associationId: f.associationId, partyId: agro, from: '2026-02-01', to: '2026-03-15' });
      f.api.partyStatement({ associationId: f.associationId, partyId: buyer, to: '2026-03-15' });
    });
    const scanned = /^SCAN (purchases|purchase_lines|sales|sale_lines|journal_lines|voucher_allocations|collection_allocations|payment_vouchers|sale_collections)\b(?! USING)/;
    const offending = plans.flatMap((p) => p.plan.filter((d) => scanned.test(d)).map((d) => `${d} in ${p.sql.slice(0, 120)}`));
    expect(offending).toEqual([]);
    const bookPlans = plans.filter((p) => /FROM (purchases|sales) d\s/.test(p.sql)).flatMap((p) => p.plan);
    expect(bookPlans.some((d) => /purchases_association_date/.test(d))).toBe(true);
    expect(bookPlans.some((d) => /sales_association_date/.test(d))).toBe(true);
    const statementPlans = plans.filter((p) => p.sql.includes('l.party_id = @partyId')).flatMap((p) => p.plan);
    expect(statementPlans.some((d) => /journal_lines_party/.test(d))).toBe(true);
  });
});
