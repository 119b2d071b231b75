import type { ParsedInput } from '../../shared/api';
import type { StockMovementRow, StockMovementsResult } from '../../shared/operations/stock';
import { requireAssociation } from '../contributions/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { requireProduct } from './movements';

// A product's kárdex: its movements in date order with the balance after each. The balance runs in
// date order (a purchase entered late but dated earlier sits where its date puts it).

export function stockMovements(db: LedgerDatabase, input: ParsedInput<'stockMovements'>): StockMovementsResult {
  requireAssociation(db, input.associationId);
  const product = requireProduct(db, input.associationId, input.productId, 'productId', { allowArchived: true });
  const from = input.from ?? null;
  const opening = from === null ? { quantity: 0, value: 0 }
    : prepared(db, `SELECT COALESCE(SUM(quantity), 0) AS quantity, COALESCE(SUM(value), 0) AS value
                      FROM stock_movements WHERE product_id = ? AND date < ?`).get(product.id, from) as
      { quantity: number; value: number };
  const movements = prepared(db, `SELECT id, date, source_type, source_id, entry_id, quantity, value FROM stock_movements
     WHERE product_id = @productId AND (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to)
     ORDER BY date, id`).all({ productId: product.id, from, to: input.to ?? null }) as {
    id: number; date: string; source_type: string; source_id: number; entry_id: number; quantity: number; value: number;
  }[];
  let balanceQuantity = opening.quantity;
  let balanceValue = opening.value;
  const rows: StockMovementRow[] = movements.map((m) => {
    balanceQuantity += m.quantity;
    balanceValue += m.value;
    return {
      id: m.id, date: m.date, sourceType: m.source_type, sourceId: m.source_id, entryId: m.entry_id, quantity: m.quantity,
      value: m.value, balanceQuantity, balanceValue,
    };
  });
  return {
    productId: product.id, productName: product.name, unit: product.unit, opening, rows,
    closing: { quantity: balanceQuantity, value: balanceValue },
  };
}
