import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tradeFixture, type TradeFixture } from '../parties/testing';

// The store and the register defend themselves in Debian's sqlite3 (SQLite 3.40) too, which runs the
// triggers with foreign keys off unless told otherwise: product_stock follows a movement written by
// hand and refuses any other write; a party the books name cannot be deleted.

const DEBIAN_SQLITE = '/usr/bin/sqlite3';
const sqlite3 = (path: string, script: string) => {
  const run = spawnSync(DEBIAN_SQLITE, ['-bail', path], { input: script, encoding: 'utf8' });
  return { stdout: run.stdout.trim(), stderr: run.stderr.trim() };
};

let f: TradeFixture;
let productId: number;
let adjustmentId: number;
let partyId: number;
let cashBuyerId: number;
let consumedProductId: number;
beforeAll(() => {
  if (!existsSync(DEBIAN_SQLITE)) throw new Error(`${DEBIAN_SQLITE} is missing: sudo apt-get install -y sqlite3`);
  f = tradeFixture();
  productId = f.api.createProduct({ associationId: f.associationId, name: 'Lana de alpaca', unit: 'kg', category: 'goods' }).id;
  adjustmentId = f.api.recordStockAdjustment({
    associationId: f.associationId, productId, date: '2026-03-02', quantity: 8_000, reason: 'count', unitCost: 1500,
  }).id;
  partyId = f.api.createParty({ associationId: f.associationId, name: 'Textil Andina', kind: 'buyer', documentType: 'none' }).id;
  f.api.postEntry({
    associationId: f.associationId, date: '2026-03-03', description: 'Venta al crédito',
    lines: [{ accountId: f.roleId('receivable_customers'), amount: 900, partyId }, { accountId: f.roleId('sales_goods'), amount: -900 }],
  });
  // Named by documents that post no line with it: a cash sale to a buyer, a purchase line consumed at once.
  cashBuyerId = f.api.createParty({ associationId: f.associationId, name: 'Restaurante Wari', kind: 'buyer', documentType: 'none' }).id;
  const cheese = f.api.createProduct({ associationId: f.associationId, name: 'Queso andino', unit: 'kg', category: 'product' }).id;
  f.api.recordStockAdjustment({ associationId: f.associationId, productId: cheese, date: '2026-03-02', quantity: 3_000, reason: 'count', unitCost: 1200 });
  f.api.recordSale({
    associationId: f.associationId, date: '2026-03-04', partyId: cashBuyerId, documentKind: 'nota_venta', payment: 'cash',
    lines: [{ productId: cheese, quantity: 1_000, unitPrice: 2_000 }],
  });
  consumedProductId = f.api.createProduct({ associationId: f.associationId, name: 'Sal para quesos', unit: 'kg', category: 'supply' }).id;
  const supplier = f.api.createParty({ associationId: f.associationId, name: 'Bodega Central', kind: 'supplier', documentType: 'none' }).id;
  f.api.recordPurchase({
    associationId: f.associationId, date: '2026-03-04', partyId: supplier, documentKind: 'none', payment: 'credit', dueDate: '2026-03-30',
    lines: [{ productId: consumedProductId, quantity: 5_000, unitPrice: 200, category: 'supplies_consumed', description: 'Sal usada en la semana' }],
  });
  f.db.pragma('wal_checkpoint(TRUNCATE)');
  f.db.close();
});
afterAll(() => f.env.cleanup());

describe('the store in sqlite3 3.40', () => {
  it('keeps product_stock as the sum of movements written by hand, and refuses writing it directly', () => {
    const movement = sqlite3(f.env.path, `
      BEGIN;
      INSERT INTO stock_movements (association_id, product_id, date, quantity, value, source_type, source_id, entry_id, created_at)
      SELECT association_id, product_id, date, -2000, -3000, 'stock_adjustment', id, entry_id, 'x' FROM stock_adjustments WHERE id = ${adjustmentId};
      SELECT quantity || '|' || value FROM product_stock WHERE product_id = ${productId};
      ROLLBACK;`);
    expect(movement.stderr).toBe('');
    expect(movement.stdout).toBe('6000|9000');
    expect(sqlite3(f.env.path, 'UPDATE product_stock SET value = 1;').stderr).toContain('stock.derived');
    expect(sqlite3(f.env.path, 'DELETE FROM stock_movements;').stderr).toContain('stock.immutable');
    const beyond = sqlite3(f.env.path, `
      INSERT INTO stock_movements (association_id, product_id, date, quantity, value, source_type, source_id, entry_id, created_at)
      SELECT association_id, product_id, date, -9000, -12000, 'stock_adjustment', id, entry_id, 'x' FROM stock_adjustments WHERE id = ${adjustmentId};`);
    expect(beyond.stderr).toContain('stock.belowZero');
  });

  it('refuses deleting a party the journal names, even with foreign keys off', () => {
    expect(sqlite3(f.env.path, `DELETE FROM parties WHERE id = ${partyId};`).stderr).toContain('party.used');
    expect(sqlite3(f.env.path, `SELECT COUNT(*) FROM parties WHERE id = ${partyId};`).stdout).toBe('1');
  });

  it('refuses deleting a party or a product that only a document names, even with foreign keys off', () => {
    expect(sqlite3(f.env.path, `DELETE FROM parties WHERE id = ${cashBuyerId};`).stderr).toContain('party.used');
    expect(sqlite3(f.env.path, `DELETE FROM products WHERE id = ${consumedProductId};`).stderr).toContain('product.used');
    expect(sqlite3(f.env.path, `SELECT (SELECT COUNT(*) FROM parties WHERE id = ${cashBuyerId}) || '|' ||
      (SELECT COUNT(*) FROM products WHERE id = ${consumedProductId});`).stdout).toBe('1|1');
  });

  it('checks a write to product_stock against the movement in progress alone, not every movement of the product', () => {
    const plans = ['product_stock_insert_by_movement', 'product_stock_update_by_movement'].map((name) => {
      const sql = sqlite3(f.env.path, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = '${name}';`).stdout;
      const probe = /EXISTS \((SELECT 1 FROM stock_move_in_progress[^)]*)\)/.exec(sql)![1]!
        .replace(/NEW\.|OLD\./g, 'p.');
      return sqlite3(f.env.path, `EXPLAIN QUERY PLAN SELECT 1 FROM product_stock p WHERE p.product_id = ${productId} AND EXISTS (${probe});`).stdout;
    });
    for (const plan of plans) {
      expect(plan).toMatch(/SCAN f|SEARCH f/);
      expect(plan).toMatch(/SEARCH m USING INTEGER PRIMARY KEY/);
      expect(plan).not.toContain('stock_movements_product');
    }
  });
});
