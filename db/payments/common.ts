import { formatReceiptNumber } from '../../shared/operations/contributions';
import { paymentVoucherSeries, type PaymentVoucherKind } from '../../shared/operations/payments';
import { KhipuError } from '../../shared/errors';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// What the payment voucher services share. All run inside the caller's transaction.

export interface VoucherRow {
  id: number; association_id: number; series: string; number: number; date: string; kind: PaymentVoucherKind;
  party_id: number | null; member_id: number | null; payee_name: string; payee_dni: string | null; payee_ruc: string | null;
  account_id: number; amount: number; concept: string; product_line_id: number | null; expense_account_id: number | null;
  days: number | null; credit_refund_id: number | null; entry_id: number; print_count: number; voided_on: string | null;
  voided_at: string | null; void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}

export function requireVoucher(db: LedgerDatabase, voucherId: number, field = 'voucherId'): VoucherRow {
  const row = prepared(db, 'SELECT * FROM payment_vouchers WHERE id = ?').get(voucherId) as VoucherRow | undefined;
  if (!row) throw new KhipuError('paymentVoucher.notFound', { field, params: { id: voucherId } });
  return row;
}

/** The id the next voucher will get, so its entry can name it before it is written. */
export function nextVoucherId(db: LedgerDatabase): number {
  return (prepared(db, 'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM payment_vouchers').get() as { next: number }).next;
}

/** The next number of the association's voucher series, as stored and as printed (001-000012). */
export function nextVoucherNumber(db: LedgerDatabase, associationId: number): { series: string; number: number; formatted: string } {
  const { number } = prepared(db,
    'SELECT COALESCE(MAX(number), 0) + 1 AS number FROM payment_vouchers WHERE association_id = ? AND series = ?',
  ).get(associationId, paymentVoucherSeries) as { number: number };
  return { series: paymentVoucherSeries, number, formatted: formatReceiptNumber(paymentVoucherSeries, number) };
}

export interface NewVoucher {
  id: number; associationId: number; number: number; date: string; kind: PaymentVoucherKind; partyId?: number | null;
  memberId?: number | null; payeeName: string; payeeDni?: string | null; payeeRuc?: string | null; accountId: number;
  amount: number; concept: string; productLineId?: number | null; expenseAccountId?: number | null; days?: number | null;
  creditRefundId?: number | null; entryId: number; createdAt: string; createdBy: string;
}

export function insertVoucher(db: LedgerDatabase, voucher: NewVoucher): void {
  prepared(db, `INSERT INTO payment_vouchers (id, association_id, series, number, date, kind, party_id, member_id, payee_name,
      payee_dni, payee_ruc, account_id, amount, concept, product_line_id, expense_account_id, days, credit_refund_id, entry_id,
      created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    voucher.id, voucher.associationId, paymentVoucherSeries, voucher.number, voucher.date, voucher.kind, voucher.partyId ?? null,
    voucher.memberId ?? null, voucher.payeeName, voucher.payeeDni ?? null, voucher.payeeRuc ?? null, voucher.accountId,
    voucher.amount, voucher.concept, voucher.productLineId ?? null, voucher.expenseAccountId ?? null, voucher.days ?? null,
    voucher.creditRefundId ?? null, voucher.entryId, voucher.createdAt, voucher.createdBy,
  );
}

/** "Recibo de egreso 001-000012", as entries and messages name a voucher. */
export function voucherName(row: Pick<VoucherRow, 'series' | 'number'>): string {
  return formatReceiptNumber(row.series, row.number);
}
