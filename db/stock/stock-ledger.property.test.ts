import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multiplyQuantity } from '../../shared/money';
import { applyMovement, averageOutCost, formatQuantityWithUnit, type StockLevel } from '../../shared/stock-cost';
import { khipuError } from '../../shared/testing/errors';
import { checkIntegrity } from '../integrity/check';
import { tradeFixture, type TradeFixture } from '../parties/testing';
import { stockOnHand } from './movements';

// Any sequence of ins, outs and voids, through the real operations on a real file: the store
// (product_stock) is the sum of its movements, its value is never negative and reaches exactly 0
// with the quantity, the inventory account holds the same value, every figure is the one the pure
// weighted-average rule computes, and an out beyond stock is refused naming the product and what
// is on hand, leaving nothing behind.

let f: TradeFixture;
beforeAll(() => { f = tradeFixture(); });
afterAll(() => f.env.cleanup());

type Step =
  | { kind: 'in'; quantity: number; unitCost: number }
  | { kind: 'out'; share: number; beyond: boolean }
  | { kind: 'void'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('in' as const), quantity: fc.integer({ min: 1, max: 2_000_000 }), unitCost: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ kind: fc.constant('out' as const), share: fc.double({ min: 0, max: 1, noNaN: true }), beyond: fc.boolean() }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
);

let productCounter = 0;

describe('the weighted-average stock ledger', () => {
  it('holds its invariants for any sequence of ins, outs and voids', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
      const productId = f.api.createProduct({
        associationId: f.associationId, name: `Producto ${++productCounter}`, unit: 'kg', category: 'goods',
      }).id;
      const inventoryBefore = inventoryBalance();
      let model: StockLevel = { quantity: 0, value: 0 };
      const live: { id: number; quantity: number; value: number }[] = [];
      for (const s of steps) {
        if (s.kind === 'in') {
          const record = () => f.api.recordStockAdjustment({
            associationId: f.associationId, productId, date: '2026-03-02', quantity: s.quantity, reason: 'count', unitCost: s.unitCost,
          });
          if (multiplyQuantity(s.unitCost, s.quantity) === 0) {
            // Worth less than half a céntimo: no entry can carry it, so it is refused.
            expect(khipuError(record).code).toBe('stockAdjustment.noValue');
            continue;
          }
          const adjustment = record();
          model = applyMovement(model, s.quantity, adjustment.value)!;
          live.push({ id: adjustment.id, quantity: adjustment.quantity, value: adjustment.value });
        } else if (s.kind === 'out') {
          const quantity = s.beyond ? model.quantity + 1 + Math.floor(s.share * 1000) : Math.max(1, Math.round(s.share * model.quantity));
          const record = () => f.api.recordStockAdjustment({
            associationId: f.associationId, productId, date: '2026-03-02', quantity: -quantity, reason: 'loss',
          });
          if (quantity > model.quantity) {
            const refused = countRows();
            const error = khipuError(record);
            expect(error.code).toBe('stock.insufficient');
            expect(error.field).toBe('quantity');
            expect(error.message).toContain(`Producto ${productCounter}`);
            expect(error.message).toContain(formatQuantityWithUnit(model.quantity, 'kg'));
            expect(countRows()).toEqual(refused);
          } else if (averageOutCost(model, quantity) === 0) {
            expect(khipuError(record).code).toBe('stockAdjustment.noValue');
          } else {
            const adjustment = record();
            expect(adjustment.value).toBe(-averageOutCost(model, quantity));
            model = applyMovement(model, -quantity, adjustment.value)!;
            live.push({ id: adjustment.id, quantity: adjustment.quantity, value: adjustment.value });
          }
        } else if (live.length > 0) {
          const [target] = live.splice(s.pick % live.length, 1);
          const next = applyMovement(model, -target!.quantity, -target!.value);
          const voidIt = () => f.api.voidStockAdjustment({ adjustmentId: target!.id, date: '2026-03-02', reason: 'Prueba' });
          if (next === null) {
            // Taking back a count the store no longer holds at that value (or quantity) is refused.
            expect(['stock.insufficient', 'stock.costMismatch']).toContain(khipuError(voidIt).code);
          } else {
            voidIt();
            model = next;
          }
        }
        const stock = stockOnHand(f.db, productId);
        expect(stock).toEqual(model);
        expect(stock.value).toBeGreaterThanOrEqual(0);
        if (stock.quantity === 0) expect(stock.value).toBe(0);
        expect(movementSums(productId)).toEqual(stock);
        expect(inventoryBalance() - inventoryBefore).toBe(stock.value);
      }
    }), { numRuns: 60 });
    expect(checkIntegrity(f.db, {}).findings).toEqual([]);
  });
});

function inventoryBalance(): number {
  return (f.db.prepare('SELECT COALESCE(SUM(amount), 0) AS b FROM journal_lines WHERE account_id = ?')
    .get(f.roleId('inventory_goods')) as { b: number }).b;
}

function movementSums(productId: number): StockLevel {
  return f.db.prepare('SELECT COALESCE(SUM(quantity), 0) AS quantity, COALESCE(SUM(value), 0) AS value FROM stock_movements WHERE product_id = ?')
    .get(productId) as StockLevel;
}

function countRows(): Record<string, number> {
  return Object.fromEntries(['journal_entries', 'journal_lines', 'stock_movements', 'stock_adjustments', 'audit_log'].map((table) =>
    [table, (f.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]));
}
