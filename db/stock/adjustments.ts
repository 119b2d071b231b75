import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { multiplyQuantity, roundHalfAwayFromZero } from '../../shared/money';
import type { StockAdjustmentReason, StockAdjustmentView } from '../../shared/operations/stock';
import { formatQuantityWithUnit } from '../../shared/stock-cost';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation, roleAccount } from '../contributions/common';
import { reverseDocumentEntry } from '../contributions/receipts';
import { insertEntry } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { inventoryRoleOf, moveStock, requireProduct, stockOnHand, stockOutCost, type ProductRow } from './movements';
import type { StockAdjustmentsTable } from './schema';

// Stock that leaves without a sale (loss, sample, own use) or that a count finds more or less of.
// Entry: what leaves, Dr other expenses (own use: supplies consumed) / Cr the product's inventory,
// at weighted average cost; what a count finds, Dr inventory / Cr other income. A void reverses
// the entry and moves the stock back at the value it moved with.

type AdjustmentRow = Omit<StockAdjustmentsTable, 'id'> & { id: number };

const reasonWords: Record<StockAdjustmentReason, string> = {
  loss: 'pérdida', sample: 'muestra', own_use: 'consumo propio', count: 'diferencia de conteo',
};

/** The account that takes the other side of the inventory: where the value goes (or, for a count that finds stock, comes from). */
function counterRole(reason: StockAdjustmentReason, quantity: number): string {
  if (quantity > 0) return 'other_income';
  return reason === 'own_use' ? 'purchases_supplies' : 'other_expense';
}

/** The value a count that finds stock brings in: the given unit cost, else the average cost of what is on hand. */
function countInValue(db: LedgerDatabase, product: ProductRow, quantity: number, unitCost: number | null | undefined): number {
  if (unitCost != null) return multiplyQuantity(unitCost, quantity);
  const stock = stockOnHand(db, product.id);
  if (stock.quantity === 0) {
    throw new KhipuError('stockAdjustment.unitCostRequired', { field: 'unitCost', params: { product: product.name } });
  }
  return roundHalfAwayFromZero(BigInt(quantity) * BigInt(stock.value), BigInt(stock.quantity));
}

export function recordStockAdjustment(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordStockAdjustment'>,
): StockAdjustmentView {
  return writeTransaction(db, () => {
    const association = requireAssociation(db, input.associationId);
    const product = requireProduct(db, input.associationId, input.productId);
    checkNotLocked(association, input.date);
    if (input.quantity > 0 && input.reason !== 'count') {
      throw new KhipuError('stockAdjustment.onlyCountAdds', { field: 'reason' });
    }
    const value = input.quantity < 0
      ? -stockOutCost(db, product.id, -input.quantity, 'quantity')
      : countInValue(db, product, input.quantity, input.unitCost);
    if (value === 0) throw new KhipuError('stockAdjustment.noValue', { field: 'quantity', params: { product: product.name } });

    const id = (prepared(db, 'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM stock_adjustments').get() as { next: number }).next;
    const inventory = roleAccount(db, input.associationId, inventoryRoleOf(product.category));
    const counter = roleAccount(db, input.associationId, counterRole(input.reason, input.quantity));
    const productLineId = product.product_line_id;
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, sourceType: 'stock_adjustment', sourceId: id,
      description: `Ajuste de almacén (${reasonWords[input.reason]}): ${formatQuantityWithUnit(input.quantity, product.unit)} de ${product.name}`,
      lines: [
        { accountId: inventory, amount: value, productLineId },
        { accountId: counter, amount: -value, productLineId },
      ],
    });
    moveStock(db, {
      associationId: input.associationId, productId: product.id, date: input.date, quantity: input.quantity, value,
      sourceType: 'stock_adjustment', sourceId: id, entryId: entry.id, field: 'quantity',
    });
    const note = input.note ? input.note : null;
    prepared(db, `INSERT INTO stock_adjustments (id, association_id, product_id, date, quantity, reason, note, value, entry_id,
                                                 created_at, created_by)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, input.associationId, product.id, input.date, input.quantity, input.reason, note, value, entry.id,
        context.now().toISOString(), context.actor);
    appendAudit(db, context, 'recordStockAdjustment', input.associationId, {
      id, productId: product.id, date: input.date, quantity: input.quantity, reason: input.reason, value, entryId: entry.id,
    });
    return getStockAdjustment(db, id);
  });
}

function requireAdjustment(db: LedgerDatabase, adjustmentId: number): AdjustmentRow {
  const row = prepared(db, 'SELECT * FROM stock_adjustments WHERE id = ?').get(adjustmentId) as AdjustmentRow | undefined;
  if (!row) throw new KhipuError('stockAdjustment.notFound', { field: 'adjustmentId', params: { id: String(adjustmentId) } });
  return row;
}

export function voidStockAdjustment(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidStockAdjustment'>,
): StockAdjustmentView {
  return writeTransaction(db, () => {
    const adjustment = requireAdjustment(db, input.adjustmentId);
    if (adjustment.voided_on !== null) {
      throw new KhipuError('stockAdjustment.alreadyVoided', {
        field: 'adjustmentId', params: { date: displayDate(adjustment.voided_on) },
      });
    }
    if (input.date < adjustment.date) {
      throw new KhipuError('stockAdjustment.voidBeforeDate', { field: 'date', params: { date: displayDate(adjustment.date) } });
    }
    checkNotLocked(requireAssociation(db, adjustment.association_id), input.date);
    const product = requireProduct(db, adjustment.association_id, adjustment.product_id, 'adjustmentId', { allowArchived: true });
    const reason = input.reason.trim();
    const reversal = reverseDocumentEntry(db, context, adjustment.entry_id, input.date, {
      description: `Anulación del ajuste de almacén de ${product.name}: ${reason}`,
      sourceType: 'stock_adjustment_void', sourceId: adjustment.id,
    });
    // Back at the value it moved with: what a loss took out returns; what a count found leaves again.
    moveStock(db, {
      associationId: adjustment.association_id, productId: product.id, date: input.date, quantity: -adjustment.quantity,
      value: -adjustment.value, sourceType: 'stock_adjustment_void', sourceId: adjustment.id, entryId: reversal.id,
      field: 'adjustmentId',
    });
    prepared(db, 'UPDATE stock_adjustments SET voided_on = ?, voided_at = ?, void_reason = ?, void_entry_id = ? WHERE id = ?')
      .run(input.date, context.now().toISOString(), reason, reversal.id, adjustment.id);
    appendAudit(db, context, 'voidStockAdjustment', adjustment.association_id, { ...input, reversalEntryId: reversal.id });
    return getStockAdjustment(db, adjustment.id);
  });
}

function view(db: LedgerDatabase, row: AdjustmentRow): StockAdjustmentView {
  const product = prepared(db, 'SELECT name, unit FROM products WHERE id = ?').get(row.product_id) as
    { name: string; unit: StockAdjustmentView['unit'] };
  return {
    id: row.id, associationId: row.association_id, productId: row.product_id, productName: product.name, unit: product.unit,
    date: row.date, quantity: row.quantity, reason: row.reason, note: row.note, value: row.value, entryId: row.entry_id,
    status: row.voided_on === null ? 'valid' : 'voided',
    voided: row.voided_on === null ? null
      : { date: row.voided_on, reason: row.void_reason ?? '', entryId: row.void_entry_id ?? 0 },
    createdAt: row.created_at, createdBy: row.created_by,
  };
}

export function getStockAdjustment(db: LedgerDatabase, adjustmentId: number): StockAdjustmentView {
  return view(db, requireAdjustment(db, adjustmentId));
}

export function listStockAdjustments(db: LedgerDatabase, input: ParsedInput<'listStockAdjustments'>): StockAdjustmentView[] {
  requireAssociation(db, input.associationId);
  const rows = prepared(db, `SELECT * FROM stock_adjustments
     WHERE association_id = @associationId AND (@productId IS NULL OR product_id = @productId)
       AND (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to)
     ORDER BY date DESC, id DESC`).all({
    associationId: input.associationId, productId: input.productId ?? null, from: input.from ?? null, to: input.to ?? null,
  }) as AdjustmentRow[];
  return rows.map((row) => view(db, row));
}
