import type { ParsedInput } from '../../shared/api';
import type { PaymentVoucherView } from '../../shared/operations/payments';
import { appendAudit, type WriteContext } from '../audit/log';
import { reverseDocumentEntry } from '../contributions/receipts';
import { voidCreditRefund } from '../contributions/refunds';
import { checkVoidable } from '../contributions/common';
import { markDocumentVoided } from '../contributions/numbered-documents';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { requireVoucher, voucherName } from './common';
import { getPaymentVoucher } from './view';

/**
 * Voids a voucher issued in error, keeping its number (it prints ANULADO): its entry is reversed on
 * the void date and the purchases it settled — by its own money or as an advance applied later — are
 * owed again (its allocations are live only while it is). A member-refund voucher is voided by voiding
 * its refund, which returns the credit to the member; the refund's void voids the voucher.
 */
export function voidPaymentVoucher(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidPaymentVoucher'>): PaymentVoucherView {
  return writeTransaction(db, () => {
    const voucher = requireVoucher(db, input.voucherId);
    const formatted = voucherName(voucher);
    checkVoidable(db, voucher, input.date, { kind: 'paymentVoucher', field: 'voucherId', named: { number: formatted } });
    const reason = input.reason.trim();
    if (voucher.kind === 'member_refund' && voucher.credit_refund_id !== null) {
      voidCreditRefund(db, context, { refundId: voucher.credit_refund_id, date: input.date, reason });
    } else {
      const reversal = reverseDocumentEntry(db, context, voucher.entry_id, input.date, {
        description: `Anulación del recibo de egreso ${formatted}: ${reason}`, sourceType: 'payment_voucher_void',
        sourceId: voucher.id,
      });
      markDocumentVoided(db, context, 'payment_vouchers', voucher.id, { date: input.date, reason, reversalEntryId: reversal.id });
    }
    const voided = getPaymentVoucher(db, voucher.id);
    appendAudit(db, context, 'voidPaymentVoucher', voucher.association_id, {
      ...input, voucher: formatted, reversalEntryId: voided.voided?.entryId ?? null,
    });
    return voided;
  });
}
