import type { Generated } from 'kysely';
import { columnsOf } from '../storage/columns';

// Payment vouchers and their allocations to purchases (migration 16), typed for kysely;
// db/storage/schema.ts names them in Schema.
export type PaymentVoucherKind = 'supplier' | 'labour' | 'member_refund' | 'other';

export interface PaymentVouchersTable {
  id: Generated<number>; association_id: number; series: Generated<string>; number: number; date: string;
  kind: PaymentVoucherKind; party_id: number | null; member_id: number | null; payee_name: string; payee_dni: string | null;
  payee_ruc: string | null; account_id: number; amount: number; concept: string; product_line_id: number | null;
  expense_account_id: number | null; days: number | null; credit_refund_id: number | null; entry_id: number;
  print_count: Generated<number>; voided_on: string | null; voided_at: string | null; void_reason: string | null;
  void_entry_id: number | null; created_at: string; created_by: string;
}
export interface VoucherAllocationsTable { id: Generated<number>; voucher_id: number; purchase_id: number; date: string; amount: number }

export const paymentVouchersColumns = columnsOf<PaymentVouchersTable>()([
  'id', 'association_id', 'series', 'number', 'date', 'kind', 'party_id', 'member_id', 'payee_name', 'payee_dni', 'payee_ruc',
  'account_id', 'amount', 'concept', 'product_line_id', 'expense_account_id', 'days', 'credit_refund_id', 'entry_id',
  'print_count', 'voided_on', 'voided_at', 'void_reason', 'void_entry_id', 'created_at', 'created_by',
]);
export const voucherAllocationsColumns = columnsOf<VoucherAllocationsTable>()(['id', 'voucher_id', 'purchase_id', 'date', 'amount']);
