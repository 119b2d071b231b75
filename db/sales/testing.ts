import type { LedgerDatabase } from '../storage/open';
import {
  associationFixture, freshEachTest, partyJournalBalance, tableCounts, type AssociationFixture,
} from '../testing/fixture';
import type { ProductRow } from './links';

type ProductCategory = ProductRow['category'];

// Test support for the sales tests: a fresh association on a real file, buyers and products made
// through the operations, and stock brought in at a chosen unit cost by a stock count (a real document).

export interface SalesFixture extends AssociationFixture {
  buyer: (name: string, ruc?: string) => number;
  product: (name: string, options?: { category?: ProductCategory; unit?: 'kg' | 'l' | 'head' | 'unit'; salePrice?: number | null }) => number;
  /** Brings `quantity` thousandths in at `unitCost` céntimos per whole unit: a count that finds stock (Dr inventory / Cr other income). */
  receive: (productId: number, quantity: number, unitCost: number, date?: string) => void;
}

export function salesFixture(): SalesFixture {
  const base = associationFixture('Asociación de Productores de Quesos Sumaq Q\'oy');
  const { api, associationId } = base;
  return {
    ...base,
    buyer: (name, ruc) => api.createParty({
      associationId, name, kind: 'buyer', documentType: ruc ? 'ruc' : 'none', documentNumber: ruc ?? null,
    }).id,
    product: (name, options = {}) => api.createProduct({
      associationId, name, unit: options.unit ?? 'kg', category: options.category ?? 'product',
      salePrice: options.salePrice === undefined ? 2_000 : options.salePrice,
    }).id,
    receive: (productId, quantity, unitCost, date = '2026-03-01') => {
      api.recordStockAdjustment({ associationId, productId, date, quantity, reason: 'count', unitCost });
    },
  };
}

/** A fresh fixture for every test, its file removed afterwards. */
export const freshSalesFixture = (use: (fixture: SalesFixture) => void): void => freshEachTest(salesFixture, use);

const countedTables = ['journal_entries', 'journal_lines', 'sales', 'sale_lines', 'sale_collections', 'collection_allocations',
  'stock_movements', 'audit_log'] as const;

/** Rows in every table a sales write touches: equal before and after a refused operation. */
export const counts = (db: LedgerDatabase) => tableCounts(db, countedTables);

export interface SaleLineRow { role: string | null; code: string; amount: number; party_id: number | null }

export function entryLines(db: LedgerDatabase, entryId: number): SaleLineRow[] {
  return db.prepare(`SELECT a.role, a.code, l.amount, l.party_id FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE l.entry_id = ? ORDER BY l.line_no`).all(entryId) as SaleLineRow[];
}

/** What the journal says a buyer owes: their lines on 121. */
export const receivableOf = (db: LedgerDatabase, partyId: number): number => partyJournalBalance(db, partyId, 'receivable');

export { onHand, roleBalance } from '../testing/fixture';
