import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { SaleView } from '../../shared/operations/sales';
import { appendAudit, type WriteContext } from '../audit/log';
import { reverseDocumentEntry } from '../contributions/receipts';
import { checkVoidable } from '../contributions/common';
import { markDocumentVoided } from '../contributions/numbered-documents';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { requireSale, saleName } from './common';
import { moveStock } from './links';
import { getSale } from './view';

/**
 * Voids a sale recorded in error: its entry is reversed (income, IGV, receivable or cash, and the cost
 * of goods sold), and its stock comes back into the store at the cost it left with. Refused while a
 * live collection paid any of it: void the collection first.
 */
export function voidSale(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidSale'>): SaleView {
  return writeTransaction(db, () => {
    const sale = requireSale(db, input.saleId);
    const number = saleName(sale);
    checkVoidable(db, sale, input.date, { kind: 'sale', field: 'saleId', named: { number } });
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
    markDocumentVoided(db, context, 'sales', sale.id, { date: input.date, reason, reversalEntryId: reversal.id });
    appendAudit(db, context, 'voidSale', sale.association_id, { ...input, sale: number, reversalEntryId: reversal.id });
    return getSale(db, sale.id);
  });
}
