import { afterEach, beforeEach } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import { insertEntry } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';
import { inventoryRoleOf, moveStock, type ProductRow } from './links';

type ProductCategory = ProductRow['category'];

// Test support for the sales tests: a fresh association on a real file, buyers and products made
// through the operations, and stock brought in at a chosen unit cost through db/stock's moveStock.

export interface SalesFixture {
  env: ReturnType<typeof tempDatabase>;
  db: LedgerDatabase;
  api: LedgerApi;
  associationId: number;
  roleId: (role: string) => number;
  buyer: (name: string, ruc?: string) => number;
  product: (name: string, options?: { category?: ProductCategory; unit?: 'kg' | 'l' | 'head' | 'unit'; salePrice?: number | null }) => number;
  /** Brings `quantity` thousandths in at `unitCost` céntimos per whole unit, Dr inventory / Cr caja. */
  receive: (productId: number, quantity: number, unitCost: number, date?: string) => void;
}

export function salesFixture(): SalesFixture {
  const env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  const associationId = api.createAssociation({
    name: 'Asociación de Productores de Quesos Sumaq Q\'oy', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
  }).id;
  const accounts = api.listAccounts({ associationId });
  const roleId = (role: string) => accounts.find((a) => a.role === role)!.id;
  let receipts = 0;
  return {
    env, db: env.db, api, associationId, roleId,
    buyer: (name, ruc) => api.createParty({
      associationId, name, kind: 'buyer', documentType: ruc ? 'ruc' : 'none', documentNumber: ruc ?? null,
    }).id,
    product: (name, options = {}) => api.createProduct({
      associationId, name, unit: options.unit ?? 'kg', category: options.category ?? 'product',
      salePrice: options.salePrice === undefined ? 2_000 : options.salePrice,
    }).id,
    receive: (productId, quantity, unitCost, date = '2026-03-01') => {
      const category = (env.db.prepare('SELECT category FROM products WHERE id = ?').get(productId) as { category: ProductCategory }).category;
      const value = Math.round((unitCost * quantity) / 1000);
      receipts += 1;
      env.db.transaction(() => {
      const entry = insertEntry(env.db, testContext, {
        associationId, date, description: `Ingreso al almacén ${receipts}`, sourceType: 'stock_adjustment', sourceId: receipts,
        lines: [
          { accountId: roleId(inventoryRoleOf(category)), amount: value },
          { accountId: roleId('cash'), amount: -value },
        ],
      });
      moveStock(env.db, {
        associationId, productId, date, quantity, value, sourceType: 'stock_adjustment', sourceId: receipts, entryId: entry.id,
        field: 'quantity',
      });
      })();
    },
  };
}

/** A fresh fixture for every test, its file removed afterwards. */
export function freshSalesFixture(use: (fixture: SalesFixture) => void): void {
  let fixture: SalesFixture | undefined;
  beforeEach(() => {
    fixture = salesFixture();
    use(fixture);
  });
  afterEach(() => fixture?.env.cleanup());
}

const countedTables = ['journal_entries', 'journal_lines', 'sales', 'sale_lines', 'sale_collections', 'collection_allocations',
  'stock_movements', 'audit_log'] as const;

/** Rows in every table a sales write touches: equal before and after a refused operation. */
export function counts(db: LedgerDatabase): Record<(typeof countedTables)[number], number> {
  return Object.fromEntries(
    countedTables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
  ) as Record<(typeof countedTables)[number], number>;
}

export interface SaleLineRow { role: string | null; code: string; amount: number; party_id: number | null }

export function entryLines(db: LedgerDatabase, entryId: number): SaleLineRow[] {
  return db.prepare(`SELECT a.role, a.code, l.amount, l.party_id FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE l.entry_id = ? ORDER BY l.line_no`).all(entryId) as SaleLineRow[];
}

export function onHand(db: LedgerDatabase, productId: number): { quantity: number; value: number } {
  return (db.prepare('SELECT quantity, value FROM product_stock WHERE product_id = ?').get(productId) as
    { quantity: number; value: number } | undefined) ?? { quantity: 0, value: 0 };
}

/** What the journal says a buyer owes: their lines on 121. */
export function receivableOf(db: LedgerDatabase, partyId: number): number {
  return (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS balance FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE l.party_id = ? AND a.role = 'receivable_customers'`).get(partyId) as { balance: number }).balance;
}

/** Sum of a role's lines (debit positive). */
export function roleBalance(db: LedgerDatabase, associationId: number, role: string): number {
  return (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS balance FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE a.association_id = ? AND a.role = ?`).get(associationId, role) as { balance: number }).balance;
}
