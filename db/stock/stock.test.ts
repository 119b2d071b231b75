import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { khipuError, expectCataloguedError } from '../../shared/testing/errors';
import { tradeFixture, type TradeFixture } from '../parties/testing';
import { checkIntegrity } from '../integrity/check';
import { moveStock, stockOnHand, stockOutCost } from './movements';

let f: TradeFixture;
beforeEach(() => { f = tradeFixture(); });
afterEach(() => f.env.cleanup());

const product = (name: string, extra: Record<string, unknown> = {}) =>
  f.api.createProduct({ associationId: f.associationId, name, unit: 'kg', category: 'goods', ...extra }).id;
/** Stock found in a count: the way in that needs no purchase. */
const countIn = (productId: number, quantity: number, unitCost: number, date = '2026-03-02') =>
  f.api.recordStockAdjustment({ associationId: f.associationId, productId, date, quantity, reason: 'count', unitCost });
const accountBalance = (role: string) =>
  (f.db.prepare('SELECT COALESCE(SUM(amount), 0) AS b FROM journal_lines WHERE account_id = ?').get(f.roleId(role)) as { b: number }).b;

describe('products', () => {
  it('lists what is on hand, its value and its average cost per unit', () => {
    const queso = product('Queso fresco', { category: 'product', salePrice: 2200 });
    countIn(queso, 10_000, 1500);
    countIn(queso, 5_000, 1800);
    expect(f.api.listProducts({ associationId: f.associationId, search: 'QUESO' })).toEqual([expect.objectContaining({
      id: queso, name: 'Queso fresco', unit: 'kg', category: 'product', salePrice: 2200, onHand: 15_000, stockValue: 24_000,
      averageCost: 1600, archived: false,
    })]);
  });

  it('refuses a second product of the same name (accents and case aside)', () => {
    product('Maíz amarillo');
    expectCataloguedError(khipuError(() => product('MAIZ AMARILLO')), 'product.duplicateName', 'name');
  });

  it('keeps unit and category once the product has moved, and lets them change before', () => {
    const miel = product('Miel');
    expect(f.api.updateProduct({ productId: miel, name: 'Miel de abeja', unit: 'l', category: 'product' }))
      .toMatchObject({ name: 'Miel de abeja', unit: 'l', category: 'product' });
    countIn(miel, 1000, 2500);
    expectCataloguedError(khipuError(() => f.api.updateProduct({ productId: miel, name: 'Miel de abeja', unit: 'kg', category: 'product' })),
      'product.usedUnitOrCategory', 'unit');
    expect(() => f.db.prepare("UPDATE products SET category = 'goods' WHERE id = ?").run(miel)).toThrow('product.used');
    expect(() => f.db.prepare('DELETE FROM products WHERE id = ?').run(miel)).toThrow('product.used');
    expect(f.api.updateProduct({ productId: miel, name: 'Miel multifloral', unit: 'l', category: 'product', salePrice: 3000 }))
      .toMatchObject({ name: 'Miel multifloral', salePrice: 3000 });
  });

  it('is archived only once nothing of it is left in the store, and then leaves the list', () => {
    const trigo = product('Trigo');
    countIn(trigo, 4_000, 150);
    const error = khipuError(() => f.api.archiveProduct({ productId: trigo, archived: true }));
    expectCataloguedError(error, 'product.archiveWithStock', 'productId');
    expect(error.message).toContain('4 kg');
    f.api.recordStockAdjustment({ associationId: f.associationId, productId: trigo, date: '2026-03-03', quantity: -4_000, reason: 'own_use' });
    expect(f.api.archiveProduct({ productId: trigo, archived: true })).toMatchObject({ archived: true, onHand: 0, stockValue: 0 });
    expect(f.api.listProducts({ associationId: f.associationId })).toEqual([]);
    expect(f.api.listProducts({ associationId: f.associationId, includeArchived: true })).toHaveLength(1);
    expectCataloguedError(khipuError(() => countIn(trigo, 1_000, 150)), 'product.archived', 'productId');
  });

  it('has product lines, created once per name', () => {
    const line = f.api.createProductLine({ associationId: f.associationId, name: 'Lácteos' });
    expectCataloguedError(khipuError(() => f.api.createProductLine({ associationId: f.associationId, name: 'lacteos' })),
      'productLine.duplicateName', 'name');
    const yogur = product('Yogur', { productLineId: line.id, category: 'product' });
    expect(f.api.getProduct({ productId: yogur })).toMatchObject({ productLineId: line.id, productLineName: 'Lácteos' });
    expect(f.api.listProductLines({ associationId: f.associationId })).toEqual([line]);
  });
});

describe('stock adjustments', () => {
  it('posts a loss at average cost: Dr other expenses / Cr the inventory of its category', () => {
    const leche = product('Leche fresca', { unit: 'l', category: 'raw_material' });
    countIn(leche, 300_000, 120); // 300 l at S/ 1.20
    const loss = f.api.recordStockAdjustment({
      associationId: f.associationId, productId: leche, date: '2026-03-05', quantity: -12_500, reason: 'loss', note: 'Se cortó',
    });
    expect(loss).toMatchObject({ quantity: -12_500, value: -1500, reason: 'loss', status: 'valid', note: 'Se cortó' });
    expect(accountBalance('inventory_raw_materials')).toBe(36_000 - 1500);
    expect(accountBalance('other_expense')).toBe(1500);
    expect(stockOnHand(f.db, leche)).toEqual({ quantity: 287_500, value: 34_500 });
    expect(f.db.prepare('SELECT source_type, source_id FROM journal_entries WHERE id = ?').get(loss.entryId))
      .toEqual({ source_type: 'stock_adjustment', source_id: loss.id });
  });

  it('charges own use to supplies consumed, and a count that finds stock to other income', () => {
    const alimento = product('Alimento balanceado', { category: 'supply' });
    countIn(alimento, 50_000, 200);
    expect(accountBalance('other_income')).toBe(-10_000);
    f.api.recordStockAdjustment({ associationId: f.associationId, productId: alimento, date: '2026-03-06', quantity: -5_000, reason: 'own_use' });
    expect(accountBalance('purchases_supplies')).toBe(1000);
    expect(accountBalance('inventory_supplies')).toBe(9000);
  });

  it('refuses taking out more than is on hand, naming the product and what there is', () => {
    const papa = product('Papa nativa');
    countIn(papa, 2_500, 300);
    const error = khipuError(() => f.api.recordStockAdjustment({
      associationId: f.associationId, productId: papa, date: '2026-03-06', quantity: -3_000, reason: 'sample',
    }));
    expectCataloguedError(error, 'stock.insufficient', 'quantity');
    expect(error.message).toContain('Papa nativa');
    expect(error.message).toContain('2.5 kg');
    expectCataloguedError(khipuError(() => f.api.recordStockAdjustment({
      associationId: f.associationId, productId: papa, date: '2026-03-06', quantity: 1_000, reason: 'loss',
    })), 'stockAdjustment.onlyCountAdds', 'reason');
    expectCataloguedError(khipuError(() => f.api.recordStockAdjustment({
      associationId: f.associationId, productId: product('Oca'), date: '2026-03-06', quantity: 1_000, reason: 'count',
    })), 'stockAdjustment.unitCostRequired', 'unitCost');
  });

  it('voids an adjustment once: the entry is reversed and the stock comes back at the value it left with', () => {
    const cuy = product('Cuy', { unit: 'head', category: 'goods' });
    countIn(cuy, 10_000, 2500);
    const loss = f.api.recordStockAdjustment({ associationId: f.associationId, productId: cuy, date: '2026-03-07', quantity: -3_000, reason: 'loss' });
    countIn(cuy, 2_000, 4000, '2026-03-08'); // the average moves on after the loss
    const voided = f.api.voidStockAdjustment({ adjustmentId: loss.id, date: '2026-03-09', reason: 'Se encontraron' });
    expect(voided).toMatchObject({ status: 'voided', voided: { date: '2026-03-09', reason: 'Se encontraron' } });
    expect(stockOnHand(f.db, cuy)).toEqual({ quantity: 12_000, value: 33_000 });
    expect(accountBalance('inventory_goods')).toBe(33_000);
    expect(accountBalance('other_expense')).toBe(0);
    expectCataloguedError(khipuError(() => f.api.voidStockAdjustment({ adjustmentId: loss.id, date: '2026-03-10', reason: 'Otra vez' })),
      'stockAdjustment.alreadyVoided', 'adjustmentId');
    const another = f.api.recordStockAdjustment({ associationId: f.associationId, productId: cuy, date: '2026-03-10', quantity: -1_000, reason: 'loss' });
    expectCataloguedError(khipuError(() => f.api.voidStockAdjustment({ adjustmentId: another.id, date: '2026-03-09', reason: 'Antes' })),
      'stockAdjustment.voidBeforeDate', 'date');
    expect(f.api.listStockAdjustments({ associationId: f.associationId, productId: cuy }).map((a) => a.status))
      .toEqual(['valid', 'valid', 'voided', 'valid']);
    expect(checkIntegrity(f.db, { associationId: f.associationId })).toMatchObject({ ok: true, findings: [] });
  });

  it('shows a product\'s movements with the balance after each, from an opening balance', () => {
    const cafe = product('Café pergamino');
    countIn(cafe, 100_000, 900, '2026-03-01');
    f.api.recordStockAdjustment({ associationId: f.associationId, productId: cafe, date: '2026-03-03', quantity: -1_000, reason: 'sample' });
    countIn(cafe, 50_000, 1200, '2026-03-04');
    const kardex = f.api.stockMovements({ associationId: f.associationId, productId: cafe, from: '2026-03-02' });
    expect(kardex.opening).toEqual({ quantity: 100_000, value: 90_000 });
    expect(kardex.rows.map((r) => [r.date, r.sourceType, r.quantity, r.value, r.balanceQuantity, r.balanceValue])).toEqual([
      ['2026-03-03', 'stock_adjustment', -1_000, -900, 99_000, 89_100],
      ['2026-03-04', 'stock_adjustment', 50_000, 60_000, 149_000, 149_100],
    ]);
    expect(kardex.closing).toEqual(stockOnHand(f.db, cafe));
  });
});

describe('the store defends itself against raw SQL', () => {
  let productId: number;
  let entryId: number;
  beforeEach(() => {
    productId = product('Quinua');
    entryId = countIn(productId, 10_000, 500).entryId;
  });

  it('writes product_stock only through a movement', () => {
    expect(() => f.db.prepare('UPDATE product_stock SET quantity = 99 WHERE product_id = ?').run(productId)).toThrow('stock.derived');
    expect(() => f.db.prepare('DELETE FROM product_stock WHERE product_id = ?').run(productId)).toThrow('stock.derived');
    const other = product('Kiwicha');
    expect(() => f.db.prepare('INSERT INTO product_stock (product_id, association_id, quantity, value) VALUES (?, ?, 5, 5)')
      .run(other, f.associationId)).toThrow('stock.derived');
    expect(() => f.db.prepare('INSERT INTO stock_move_in_progress (movement_id) VALUES (999)').run()).toThrow('stock.derived');
  });

  it('never changes or deletes a movement, and refuses one without its posted entry or beyond stock', () => {
    expect(() => f.db.prepare('UPDATE stock_movements SET quantity = 1').run()).toThrow('stock.immutable');
    expect(() => f.db.prepare('DELETE FROM stock_movements').run()).toThrow('stock.immutable');
    const raw = f.db.prepare(`INSERT INTO stock_movements (association_id, product_id, date, quantity, value, source_type, source_id,
                                                           entry_id, created_at)
                              VALUES (?, ?, '2026-03-02', ?, ?, ?, ?, ?, 'x')`);
    expect(() => raw.run(f.associationId, productId, 1000, 50, 'purchase', 1, entryId)).toThrow('stock.entryMismatch');
    const source = f.db.prepare('SELECT source_id FROM journal_entries WHERE id = ?').get(entryId) as { source_id: number };
    expect(() => raw.run(f.associationId, productId, -20_000, -1000, 'stock_adjustment', source.source_id, entryId)).toThrow('stock.belowZero');
    expect(() => raw.run(f.associationId, productId, -10_000, -4000, 'stock_adjustment', source.source_id, entryId)).toThrow('stock.valueBelowZero');
    expect(() => f.db.prepare('UPDATE stock_adjustments SET quantity = 5').run()).toThrow('stockAdjustment.immutable');
    expect(() => f.db.prepare('DELETE FROM stock_adjustments').run()).toThrow('stockAdjustment.immutable');
  });

  it('is found out by checkIntegrity when the guards were dropped and product_stock edited', () => {
    expect(checkIntegrity(f.db, {}).ok).toBe(true);
    f.db.exec('DROP TRIGGER product_stock_update_by_movement');
    f.db.prepare('UPDATE product_stock SET value = value + 1 WHERE product_id = ?').run(productId);
    // The store no longer agrees with its movements, nor with the inventory account in the books.
    expect(checkIntegrity(f.db, {}).findings.map((x) => x.code)).toEqual(['integrity.productStock', 'integrity.inventoryBooks']);
  });

  it('is found out by checkIntegrity when an adjustment was marked voided by hand, without its void entry', () => {
    f.db.exec('DROP TRIGGER stock_adjustments_immutable');
    f.db.prepare("UPDATE stock_adjustments SET voided_on = '2026-03-03', voided_at = 'x', void_reason = 'a mano', void_entry_id = entry_id")
      .run();
    // No reversal entry, and no movement returned the stock the void says came back.
    expect(checkIntegrity(f.db, {}).findings.map((x) => x.code)).toEqual(['integrity.voidEntry', 'integrity.stockMovementSource']);
  });
});

describe('moveStock for the documents that move goods', () => {
  it('re-checks what stockOutCost said, and refuses an out at a given cost that the store no longer holds', () => {
    const sal = product('Sal de Maras');
    countIn(sal, 10_000, 100); // 10 kg, S/ 10.00
    countIn(sal, 10_000, 200); // + 10 kg, S/ 20.00
    expect(stockOutCost(f.db, sal, 10_000)).toBe(1500);
    expectCataloguedError(khipuError(() => stockOutCost(f.db, sal, 20_001, 'lines.0.quantity')), 'stock.insufficient', 'lines.0.quantity');
    const out = f.api.recordStockAdjustment({ associationId: f.associationId, productId: sal, date: '2026-03-03', quantity: -10_000, reason: 'loss' });
    expect(out.value).toBe(-1500);
    // Voiding the second count would take 2,000 céntimos out of a store that holds 1,500 for 10 kg.
    const second = f.db.prepare("SELECT id, entry_id FROM stock_adjustments WHERE product_id = ? AND value = 2000").get(sal) as
      { id: number; entry_id: number };
    const error = khipuError(() => moveStock(f.db, {
      associationId: f.associationId, productId: sal, date: '2026-03-02', quantity: -10_000, value: 2000,
      sourceType: 'stock_adjustment', sourceId: second.id, entryId: second.entry_id, field: 'adjustmentId',
    }));
    expectCataloguedError(error, 'stock.costMismatch', 'adjustmentId');
    expect(error.message).toContain('Sal de Maras');
    expect(stockOnHand(f.db, sal)).toEqual({ quantity: 10_000, value: 1500 });
  });
});
