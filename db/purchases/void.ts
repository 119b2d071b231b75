import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { PurchaseView } from '../../shared/operations/purchases';
import { appendAudit, type WriteContext } from '../audit/log';
import { reverseDocumentEntry } from '../contributions/receipts';
import { checkVoidable } from '../contributions/common';
import { markDocumentVoided } from '../contributions/numbered-documents';
import { voidPaymentVoucher } from '../payments/void';
import { moveStock, requireProduct, stockOnHand } from '../stock/movements';
import { formatQuantityWithUnit } from '../../shared/stock-cost';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { requirePurchase, rowLabel, type PurchaseRow } from './common';
import { refusePaidShares, voidShareCharges } from './joint';
import { getPurchase as getPurchaseView } from './view';

// Voiding a purchase recorded in error: its entry is reversed, the stock it brought leaves the store
// at the purchase's own cost, its members' unpaid share charges are cancelled, and a purchase paid now
// takes its own voucher with it (the voucher prints ANULADO). Any other live payment refuses the void.

interface LiveVoucher {
  id: number; series: string; number: number; date: string; amount: number; allocations: number; settled: number;
}

/**
 * The voucher a purchase "paid now" issued with it: same day, its whole amount on this purchase alone, for
 * the purchase's total (settled in full at once, no other voucher can pay it while that one is live). It is voided with the purchase; any other
 * live payment keeps the purchase until that payment is voided.
 */
function isPaidNowVoucher(purchase: PurchaseRow, voucher: LiveVoucher): boolean {
  return purchase.payment === 'cash' && voucher.date === purchase.date
    && voucher.allocations === 1 && voucher.amount === purchase.total && voucher.settled === purchase.total;
}

interface StockLine { line_no: number; product_id: number; quantity: number; amount: number }

/** Everything the purchase brought must still be in the store: refused naming the product and what is on hand. */
function refuseShortStock(db: LedgerDatabase, associationId: number, lines: readonly StockLine[]): void {
  const needed = new Map<number, number>();
  for (const line of lines) needed.set(line.product_id, (needed.get(line.product_id) ?? 0) + line.quantity);
  for (const [productId, quantity] of needed) {
    const onHand = stockOnHand(db, productId).quantity;
    if (onHand < quantity) {
      const product = requireProduct(db, associationId, productId, 'purchaseId', { allowArchived: true });
      throw new KhipuError('stock.insufficient', {
        field: 'purchaseId',
        params: {
          product: product.name, onHand: formatQuantityWithUnit(onHand, product.unit),
          requested: formatQuantityWithUnit(quantity, product.unit),
        },
      });
    }
  }
}

export function voidPurchase(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidPurchase'>): PurchaseView {
  return writeTransaction(db, () => {
    const purchase = requirePurchase(db, input.purchaseId);
    const label = rowLabel(purchase);
    checkVoidable(db, purchase, input.date, { kind: 'purchase', field: 'purchaseId', named: { label } });
    const vouchers = prepared(db, `SELECT v.id, v.series, v.number, v.date, v.amount,
              (SELECT COUNT(*) FROM voucher_allocations o WHERE o.voucher_id = v.id) AS allocations,
              SUM(a.amount) AS settled
         FROM voucher_allocations a JOIN payment_vouchers v ON v.id = a.voucher_id AND v.voided_on IS NULL
        WHERE a.purchase_id = ? GROUP BY v.id ORDER BY v.series, v.number`).all(purchase.id) as LiveVoucher[];
    const own = vouchers.find((voucher) => isPaidNowVoucher(purchase, voucher));
    const others = vouchers.filter((voucher) => voucher !== own);
    if (others.length > 0) {
      throw new KhipuError('purchase.paidByVoucher', {
        field: 'purchaseId',
        params: { label, vouchers: others.map((v) => `Recibo de egreso ${formatReceiptNumber(v.series, v.number)}`).join(', ') },
      });
    }
    refusePaidShares(db, purchase.id, label);
    const stockLines = prepared(db, `SELECT line_no, product_id, quantity, amount FROM purchase_lines
        WHERE purchase_id = ? AND category = 'stock' ORDER BY line_no`).all(purchase.id) as StockLine[];
    refuseShortStock(db, purchase.association_id, stockLines);

    const reason = input.reason.trim();
    if (own) voidPaymentVoucher(db, context, { voucherId: own.id, date: input.date, reason: `Anulación de la compra ${label}: ${reason}` });
    const voidedCharges = voidShareCharges(db, context, purchase.id, input.date, `Anulación de la compra ${label}: ${reason}`);
    const reversal = reverseDocumentEntry(db, context, purchase.entry_id, input.date, {
      description: `Anulación de la compra ${label}: ${reason}`, sourceType: 'purchase_void', sourceId: purchase.id,
    });
    for (const line of stockLines) {
      moveStock(db, {
        associationId: purchase.association_id, productId: line.product_id, date: input.date, quantity: -line.quantity,
        value: line.amount, sourceType: 'purchase_void', sourceId: purchase.id, entryId: reversal.id, field: 'purchaseId',
      });
    }
    markDocumentVoided(db, context, 'purchases', purchase.id, { date: input.date, reason, reversalEntryId: reversal.id });
    appendAudit(db, context, 'voidPurchase', purchase.association_id, {
      ...input, purchase: label, reversalEntryId: reversal.id, voidedCharges, voidedVoucherId: own?.id ?? null,
    });
    return getPurchaseView(db, purchase.id);
  });
}
