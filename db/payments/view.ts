import type { ParsedInput } from '../../shared/api';
import { amountInWords } from '../../shared/money';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { DocumentPrint } from '../../shared/operations/documents';
import type { PaymentVoucherLine, PaymentVoucherSummary, PaymentVoucherView } from '../../shared/operations/payments';
import type { WriteContext } from '../audit/log';
import { paymentAccountKind, requireAssociation, treasurerOn } from '../contributions/common';
import { associationDetails, countPrint, documentStatus } from '../documents/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { requireVoucher } from './common';

/** Everything the print route needs. The treasurer is whoever held the post on the voucher's date. */
export function getPaymentVoucher(db: LedgerDatabase, voucherId: number): PaymentVoucherView {
  const voucher = requireVoucher(db, voucherId);
  const account = prepared(db, 'SELECT name FROM accounts WHERE id = ?').get(voucher.account_id) as { name: string };
  const lines = prepared(db, `SELECT a.purchase_id AS purchaseId, p.date, p.document_kind AS documentKind,
              p.document_number AS documentNumber, a.amount, a.date AS appliedOn
         FROM voucher_allocations a JOIN purchases p ON p.id = a.purchase_id
        WHERE a.voucher_id = ? ORDER BY a.id`).all(voucher.id) as PaymentVoucherLine[];
  const settled = lines.reduce((sum, line) => sum + line.amount, 0);
  const treasurerName = treasurerOn(db, voucher.association_id, voucher.date);
  return {
    id: voucher.id,
    associationId: voucher.association_id,
    association: associationDetails(db, voucher.association_id),
    series: voucher.series,
    number: voucher.number,
    formattedNumber: formatReceiptNumber(voucher.series, voucher.number),
    date: voucher.date,
    kind: voucher.kind,
    payee: {
      name: voucher.payee_name, dni: voucher.payee_dni, ruc: voucher.payee_ruc, partyId: voucher.party_id, memberId: voucher.member_id,
    },
    concept: voucher.concept,
    lines,
    advance: voucher.kind === 'supplier' ? voucher.amount - settled : 0,
    amount: voucher.amount,
    amountInWords: `SON: ${amountInWords(voucher.amount)}`,
    days: voucher.days,
    accountId: voucher.account_id,
    accountName: account.name,
    accountKind: paymentAccountKind(db, voucher.account_id),
    productLineId: voucher.product_line_id,
    expenseAccountId: voucher.expense_account_id,
    creditRefundId: voucher.credit_refund_id,
    entryId: voucher.entry_id,
    treasurerName,
    paidBy: treasurerName ?? voucher.created_by,
    ...documentStatus(voucher),
    printCount: voucher.print_count,
    createdAt: voucher.created_at,
    createdBy: voucher.created_by,
  };
}

export function listPaymentVouchers(db: LedgerDatabase, input: ParsedInput<'listPaymentVouchers'>): PaymentVoucherSummary[] {
  requireAssociation(db, input.associationId);
  const rows = prepared(db, `SELECT v.id, v.series, v.number, v.date, v.kind, v.payee_name AS payeeName, v.party_id AS partyId,
              v.member_id AS memberId, v.concept, v.amount, v.account_id AS accountId,
              CASE WHEN v.voided_on IS NULL THEN 'valid' ELSE 'voided' END AS status, v.print_count AS printCount
         FROM payment_vouchers v
        WHERE v.association_id = @associationId AND (@from IS NULL OR v.date >= @from) AND (@to IS NULL OR v.date <= @to)
          AND (@kind IS NULL OR v.kind = @kind) AND (@partyId IS NULL OR v.party_id = @partyId)
        ORDER BY v.date, v.series, v.number`)
    .all({
      associationId: input.associationId, from: input.from ?? null, to: input.to ?? null, kind: input.kind ?? null,
      partyId: input.partyId ?? null,
    }) as (Omit<PaymentVoucherSummary, 'formattedNumber' | 'accountKind'> & { series: string; number: number; accountId: number })[];
  const kinds = new Map<number, PaymentVoucherSummary['accountKind']>();
  return rows.map(({ series, number, accountId, ...row }) => {
    if (!kinds.has(accountId)) kinds.set(accountId, paymentAccountKind(db, accountId));
    return { ...row, formattedNumber: formatReceiptNumber(series, number), accountKind: kinds.get(accountId)! };
  });
}

/** Counts a print on paper (the print route calls it once per print, never for a saved PDF). */
export function recordVoucherPrint(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordVoucherPrint'>): DocumentPrint {
  return writeTransaction(db, () => countPrint(db, context, 'payment_vouchers', requireVoucher(db, input.voucherId), {
    operation: 'recordVoucherPrint', idField: 'voucherId',
  }));
}
