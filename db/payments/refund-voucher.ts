import type { WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { insertVoucher, nextVoucherId, nextVoucherNumber } from './common';

// A member's credit refund is money out like any other: it prints as a "Recibo de egreso" of kind
// member_refund that SHARES the refund's entry (source 'credit_refund'), so the cash leaves once.
// Voiding the refund voids the voucher (trigger credit_refunds_void_their_voucher).

export interface RefundForVoucher {
  refundId: number; associationId: number; date: string; memberId: number; accountId: number; amount: number;
  reason: string; entryId: number;
}

/** Issues the refund's voucher inside the caller's transaction, after the refund row; returns its id. */
export function issueRefundVoucher(db: LedgerDatabase, context: WriteContext, refund: RefundForVoucher): number {
  const member = prepared(db, 'SELECT full_name, dni FROM members WHERE id = ?').get(refund.memberId) as
    { full_name: string; dni: string | null };
  const voucherId = nextVoucherId(db);
  const { number } = nextVoucherNumber(db, refund.associationId);
  const concept = `Devolución de saldo a favor: ${refund.reason}`;
  insertVoucher(db, {
    id: voucherId, associationId: refund.associationId, number, date: refund.date, kind: 'member_refund',
    memberId: refund.memberId, payeeName: member.full_name, payeeDni: member.dni, accountId: refund.accountId,
    amount: refund.amount, concept: concept.length <= 300 ? concept : `${concept.slice(0, 299)}…`, creditRefundId: refund.refundId,
    entryId: refund.entryId, createdAt: context.now().toISOString(), createdBy: context.actor,
  });
  return voucherId;
}

/** The voucher that prints a refund (every refund has one from version 16). */
export function voucherOfRefund(db: LedgerDatabase, refundId: number): number | null {
  const row = prepared(db, 'SELECT id FROM payment_vouchers WHERE credit_refund_id = ?').get(refundId) as { id: number } | undefined;
  return row?.id ?? null;
}
