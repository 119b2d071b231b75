import { KhipuError } from '../../shared/errors';
import { formatSoles, multiplyQuantity } from '../../shared/money';
import { applyMovement, averageOutCost, emptyStock, formatQuantityWithUnit, type StockLevel } from '../../shared/stock-cost';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import type { ProductCategoryColumn, ProductUnitColumn } from './schema';

// The store's ledger. Every document that moves goods (purchases, sales, adjustments and their voids)
// calls moveStock inside its own transaction, AFTER posting its entry (a movement names it). The
// value of an out comes from stockOutCost first, so the entry and the movement carry the same figure.

export interface ProductRow {
  id: number; association_id: number; name: string; unit: ProductUnitColumn; category: ProductCategoryColumn;
  product_line_id: number | null; sale_price: number | null; archived_at: string | null;
}

/**
 * A product of this association, not archived unless `allowArchived` (voids and reads of old documents).
 * Refusals: product.notFound {id}, product.archived {name}, both on `field`.
 */
export function requireProduct(
  db: LedgerDatabase, associationId: number, productId: number, field = 'productId', options: { allowArchived?: boolean } = {},
): ProductRow {
  const row = Number.isSafeInteger(productId)
    ? (prepared(db, `SELECT id, association_id, name, unit, category, product_line_id, sale_price, archived_at
                       FROM products WHERE id = ?`).get(productId) as ProductRow | undefined)
    : undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('product.notFound', { field, params: { id: String(productId) } });
  }
  if (row.archived_at !== null && !options.allowArchived) {
    throw new KhipuError('product.archived', { field, params: { name: row.name } });
  }
  return row;
}

export const inventoryRoles = ['inventory_goods', 'inventory_products', 'inventory_raw_materials', 'inventory_supplies'] as const;
export type InventoryRole = (typeof inventoryRoles)[number];

/** The inventory account role (chart template) that holds the value of a product of this category. */
export function inventoryRoleOf(category: ProductCategoryColumn): InventoryRole {
  switch (category) {
    case 'goods': return 'inventory_goods';
    case 'product': return 'inventory_products';
    case 'raw_material': return 'inventory_raw_materials';
    case 'supply': return 'inventory_supplies';
  }
}

/** On hand (thousandths) and its value at cost; nothing when the product never moved. */
export function stockOnHand(db: LedgerDatabase, productId: number): StockLevel {
  const row = prepared(db, 'SELECT quantity, value FROM product_stock WHERE product_id = ?').get(productId) as
    StockLevel | undefined;
  return row ?? { ...emptyStock };
}

function insufficient(product: ProductRow, onHand: number, requested: number, field: string): KhipuError {
  return new KhipuError('stock.insufficient', {
    field,
    params: {
      product: product.name,
      onHand: formatQuantityWithUnit(onHand, product.unit),
      requested: formatQuantityWithUnit(requested, product.unit),
    },
  });
}

function productOf(db: LedgerDatabase, productId: number, field: string): ProductRow {
  const row = prepared(db, `SELECT id, association_id, name, unit, category, product_line_id, sale_price, archived_at
                              FROM products WHERE id = ?`).get(productId) as ProductRow | undefined;
  if (!row) throw new KhipuError('product.notFound', { field, params: { id: String(productId) } });
  return row;
}

/**
 * What taking `quantity` (thousandths, > 0) out of the store costs now, at weighted average cost
 * (céntimos, positive). A pure read with moveStock's rounding. Refuses stock.insufficient (naming
 * the product and what is on hand) on `field` when there is not that much.
 */
export function stockOutCost(db: LedgerDatabase, productId: number, quantity: number, field = 'quantity'): number {
  const stock = stockOnHand(db, productId);
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    throw new KhipuError('stock.quantityNotPositive', { field });
  }
  if (quantity > stock.quantity) throw insufficient(productOf(db, productId, field), stock.quantity, quantity, field);
  return averageOutCost(stock, quantity);
}

export interface StockMove {
  associationId: number;
  productId: number;
  date: string;
  /** Thousandths, signed: + into the store, − out of it. */
  quantity: number;
  /** IN only: cost per whole unit (céntimos); the movement's value is multiplyQuantity(unitCost, quantity). */
  unitCost?: number;
  /**
   * The cost moved, when the caller knows it: an IN's total cost, or an OUT at a given cost (a purchase
   * void takes out what the purchase brought in; a positive number is read as the cost taken out).
   * An OUT without it is valued at weighted average cost.
   */
  value?: number;
  sourceType: string;
  sourceId: number;
  /** The posted entry of the document ('<sourceType>', sourceId, same date and association). */
  entryId: number;
  /** Field the refusals name (e.g. 'lines.2.quantity'). */
  field?: string;
}

/**
 * Writes one movement and returns its signed value (+ in, − out, céntimos). Refusals, on `field`:
 * stock.insufficient {product, onHand, requested} for an out beyond what is on hand;
 * stock.costMismatch {product, value} for an out at a given cost that would leave the store with a
 * negative value, or with value and nothing on hand (void a later sale or adjust the stock first).
 */
export function moveStock(db: LedgerDatabase, move: StockMove): { value: number } {
  const field = move.field ?? 'quantity';
  const product = productOf(db, move.productId, field);
  if (product.association_id !== move.associationId) {
    throw new KhipuError('product.notFound', { field, params: { id: String(move.productId) } });
  }
  if (!Number.isSafeInteger(move.quantity) || move.quantity === 0) {
    throw new KhipuError('stock.quantityNotPositive', { field });
  }
  const stock = stockOnHand(db, move.productId);
  let value: number;
  if (move.quantity > 0) {
    if (move.value !== undefined) value = move.value;
    else if (move.unitCost !== undefined) value = multiplyQuantity(move.unitCost, move.quantity);
    else throw new KhipuError('stock.costRequired', { field, params: { product: product.name } });
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new KhipuError('stock.costMismatch', { field, params: { product: product.name, value: formatSoles(stock.value) } });
    }
  } else {
    const out = -move.quantity;
    if (out > stock.quantity) throw insufficient(product, stock.quantity, out, field);
    value = -(move.value === undefined ? averageOutCost(stock, out) : Math.abs(move.value));
  }
  if (applyMovement(stock, move.quantity, value) === null) {
    throw new KhipuError('stock.costMismatch', { field, params: { product: product.name, value: formatSoles(stock.value) } });
  }
  // The movement is stamped with its entry's creation time: one write, one moment.
  const written = prepared(db, `INSERT INTO stock_movements (association_id, product_id, date, quantity, value, source_type,
                                                             source_id, entry_id, created_at)
                                SELECT ?, ?, ?, ?, ?, ?, ?, id, created_at FROM journal_entries WHERE id = ?`)
    .run(move.associationId, move.productId, move.date, move.quantity, value, move.sourceType, move.sourceId, move.entryId);
  if (written.changes === 0) throw new KhipuError('stock.entryMismatch', { field });
  return { value };
}
