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
});
