import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { SaleView } from '../../shared/operations/sales';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation } from '../contributions/common';
import { reverseDocumentEntry } from '../contributions/receipts';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { requireSale, saleName } from './common';
import { moveStock } from './links';
import { getSale } from './view';

/** Refusals every void shares: twice, dated before the document, or inside the closed period. */
export function checkVoidDate(
  db: LedgerDatabase, document: { association_id: number; date: string; voided_on: string | null }, voidDate: string,
  refusal: { kind: 'sale' | 'saleCollection'; field: string; number: string },
): void {
  if (document.voided_on !== null) {
    throw new KhipuError(`${refusal.kind}.alreadyVoided`, {
      field: refusal.field, params: { number: refusal.number, date: displayDate(document.voided_on) },
    });
  }
  if (voidDate < document.date) {
    throw new KhipuError(`${refusal.kind}.voidBeforeDate`, { field: 'date', params: { date: displayDate(document.date) } });
  }
  checkNotLocked(requireAssociation(db, document.association_id), voidDate);
}

/**
 * Voids a sale recorded in error: its entry is reversed (income, IGV, receivable or cash, and the cost
 * of goods sold), and its stock comes back into the store at the cost it left with. Refused while a
 * live collection paid any of it: void the collection first.
 */
export function voidSale(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidSale'>): SaleView {
  return writeTransaction(db, () => {
    const sale = requireSale(db, input.saleId);
    const number = saleName(sale);
    checkVoidDate(db, sale, input.date, { kind: 'sale', field: 'saleId', number });
    const collections = prepared(db, `SELECT c.series, c.number FROM collection_allocations a
           JOIN sale_collections c ON c.id = a.collection_id AND c.voided_on IS NULL
          WHERE a.sale_id = ? ORDER BY c.date, c.id`).all(sale.id) as { series: string; number: number }[];
    if (collections.length > 0) {
      throw new KhipuError('sale.hasCollections', {
        field: 'saleId',
        params: { number, collections: collections.map((c) => formatReceiptNumber(c.series, c.number)).join(', ') },
      });
    }
    const reason = input.reason.trim();
    const reversal = reverseDocumentEntry(db, context, sale.entry_id, input.date, {
      description: `Anulación de la venta ${number}: ${reason}`, sourceType: 'sale_void', sourceId: sale.id,
    });
    const lines = prepared(db, 'SELECT line_no, product_id, quantity, cost FROM sale_lines WHERE sale_id = ? ORDER BY line_no')
      .all(sale.id) as { line_no: number; product_id: number; quantity: number; cost: number }[];
    for (const line of lines) {
      moveStock(db, {
        associationId: sale.association_id, productId: line.product_id, date: input.date, quantity: line.quantity,
        value: line.cost, sourceType: 'sale_void', sourceId: sale.id, entryId: reversal.id, field: `lines.${line.line_no - 1}.quantity`,
      });
    }
    prepared(db, 'UPDATE sales SET voided_on = ?, voided_at = ?, void_reason = ?, void_entry_id = ? WHERE id = ?')
      .run(input.date, context.now().toISOString(), reason, reversal.id, sale.id);
    appendAudit(db, context, 'voidSale', sale.association_id, { ...input, sale: number, reversalEntryId: reversal.id });
    return getSale(db, sale.id);
  });
}
