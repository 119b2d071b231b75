import type { ParsedInput } from '../../shared/api';
import {
  formatReceiptNumber, type CreditRefundSummary, type CreditRefundView,
} from '../../shared/operations/contributions';
import { KhipuError } from '../../shared/errors';
import { amountInWords, formatSoles } from '../../shared/money';
import { appendAudit, type WriteContext } from '../audit/log';
import { insertEntry, type NewLine } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';
import { checkVoidable, nextId, requireAssociation, requireMember } from './common';
import { applyMemberCredit, liveCredits } from './credit';
import {
  checkNewDocument, markDocumentVoided, nextDocumentNumber, numberedDocumentView, requireNumberedDocument, type NumberedDocumentRow,
} from './numbered-documents';
import { creditAsOf } from './position';
import { reverseDocumentEntry } from './receipts';
import { issueRefundVoucher, voucherOfRefund } from '../payments/refund-voucher';

// "Devolución de saldo a favor": credit in favour paid back to the member, in cash or through a bank,
// as a numbered document of its own (series 001, gapless per association). It also prints as a payment
// voucher ("Recibo de egreso", kind member_refund, db/payments) that shares its entry; voiding the refund
// voids the voucher, and voiding the voucher voids the refund (db/payments/void.ts calls voidCreditRefund).

const refundSeries = '001';

interface RefundRow extends NumberedDocumentRow { amount: number; reason: string }

const requireRefund = (db: LedgerDatabase, refundId: number) =>
  requireNumberedDocument<RefundRow>(db, 'credit_refunds', refundId, { code: 'creditRefund.notFound', field: 'refundId' });

/**
 * Pays back credit in favour, drawing on her credits oldest first, in ONE entry:
 * Dr the account each credit sits in (member dimension) / Cr cash or bank.
 */
export function refundCredit(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'refundCredit'>): CreditRefundView {
  return writeTransaction(db, () => {
    const { member, account } = checkNewDocument(db, input);
    // What she can be paid back on that day and today, whichever is less: credit applied since cannot leave twice.
    const availableThen = creditAsOf(db, input.associationId, member.id, input.date).get(member.id) ?? 0;
    const credits = liveCredits(db, member.id).filter((c) => c.date <= input.date);
    const availableNow = credits.reduce((sum, c) => sum + c.remaining, 0);
    const available = Math.min(availableThen, availableNow);
    if (input.amount > available) {
      throw new KhipuError('creditRefund.exceedsCredit', {
        field: 'amount', params: { amount: formatSoles(input.amount), available: formatSoles(Math.max(0, available)) },
      });
    }
    const uses: { creditId: number; accountId: number; amount: number }[] = [];
    let left = input.amount;
    for (const credit of credits) {
      if (left === 0) break;
      const take = Math.min(left, credit.remaining);
      uses.push({ creditId: credit.id, accountId: credit.accountId, amount: take });
      left -= take;
    }

    const refundId = nextId(db, 'credit_refunds');
    const { number, formatted } = nextDocumentNumber(db, 'credit_refunds', input.associationId, refundSeries);
    const reason = input.reason.trim();
    const lines: NewLine[] = [
      ...uses.map((use) => ({ accountId: use.accountId, amount: use.amount, memberId: member.id, memo: `Devolución de saldo a favor ${formatted}` })),
      { accountId: account.id, amount: -input.amount, memo: `Devolución de saldo a favor ${formatted}` },
    ];
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, lines, sourceType: 'credit_refund', sourceId: refundId,
      description: `Devolución de saldo a favor ${formatted} — ${member.full_name}`,
    });
    prepared(db,
      `INSERT INTO credit_refunds (id, association_id, series, number, date, member_id, amount, account_id, reason, entry_id,
         created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      refundId, input.associationId, refundSeries, number, input.date, member.id, input.amount, account.id, reason,
      entry.id, context.now().toISOString(), context.actor,
    );
    const insertUse = prepared(db, 'INSERT INTO credit_refund_uses (refund_id, credit_id, amount) VALUES (?, ?, ?)');
    for (const use of uses) insertUse.run(refundId, use.creditId, use.amount);
    const voucherId = issueRefundVoucher(db, context, {
      refundId, associationId: input.associationId, date: input.date, memberId: member.id, accountId: account.id,
      amount: input.amount, reason, entryId: entry.id,
    });
    appendAudit(db, context, 'refundCredit', input.associationId, {
      ...input, refundId, refund: formatted, entryId: entry.id, uses, voucherId,
    });
    return getCreditRefund(db, refundId);
  });
}

export function getCreditRefund(db: LedgerDatabase, refundId: number): CreditRefundView {
  const refund = requireRefund(db, refundId);
  return {
    ...numberedDocumentView(db, refund),
    amount: refund.amount,
    amountInWords: `SON: ${amountInWords(refund.amount)}`,
    reason: refund.reason,
    paymentVoucherId: voucherOfRefund(db, refund.id),
  };
}

export function listCreditRefunds(db: LedgerDatabase, input: ParsedInput<'listCreditRefunds'>): CreditRefundSummary[] {
  requireAssociation(db, input.associationId);
  if (input.memberId) requireMember(db, input.associationId, input.memberId);
  const rows = prepared(db, `SELECT r.id, r.series, r.number, r.date, r.member_id AS memberId, m.full_name AS memberName, r.amount,
              CASE WHEN r.voided_on IS NULL THEN 'valid' ELSE 'voided' END AS status
         FROM credit_refunds r JOIN members m ON m.id = r.member_id
        WHERE r.association_id = @associationId AND (@memberId IS NULL OR r.member_id = @memberId)
        ORDER BY r.date DESC, r.number DESC`)
    .all({ associationId: input.associationId, memberId: input.memberId ?? null }) as
    (Omit<CreditRefundSummary, 'formattedNumber'> & { series: string; number: number })[];
  return rows.map(({ series, number, ...row }) => ({ ...row, formattedNumber: formatReceiptNumber(series, number) }));
}

/** Voids a refund recorded in error: its entry is reversed, and the credit it drew goes back to paying her open charges. */
export function voidCreditRefund(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidCreditRefund'>): CreditRefundView {
  return writeTransaction(db, () => {
    const refund = requireRefund(db, input.refundId);
    const formatted = formatReceiptNumber(refund.series, refund.number);
    checkVoidable(db, refund, input.date, { kind: 'creditRefund', field: 'refundId', named: { number: formatted } });
    const reason = input.reason.trim();
    const reversal = reverseDocumentEntry(db, context, refund.entry_id, input.date, {
      description: `Anulación de la devolución de saldo a favor ${formatted}: ${reason}`,
      sourceType: 'credit_refund_void', sourceId: refund.id,
    });
    markDocumentVoided(db, context, 'credit_refunds', refund.id, { date: input.date, reason, reversalEntryId: reversal.id });
    const creditReapplied = applyMemberCredit(db, context, refund.association_id, refund.member_id, input.date);
    appendAudit(db, context, 'voidCreditRefund', refund.association_id, {
      ...input, refund: formatted, reversalEntryId: reversal.id, creditReapplied,
    });
    return getCreditRefund(db, refund.id);
  });
}
