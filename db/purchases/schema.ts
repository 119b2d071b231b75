import type { Generated } from 'kysely';
import { columnsOf } from '../storage/columns';
import type { PurchaseCategory, PurchaseDocumentKind, PurchasePayment } from '../../shared/operations/purchases';

// Purchases, their lines and joint purchases' shares (migration 15), typed for kysely; db/storage/schema.ts names them in Schema.
export interface PurchasesTable {
  id: Generated<number>; association_id: number; date: string; party_id: number; document_kind: PurchaseDocumentKind;
  document_number: string | null; subtotal: number; igv: Generated<number>; total: number; payment: PurchasePayment;
  due_date: string; product_line_id: number | null; joint: Generated<number>; shares_by: 'quantity' | 'amount' | null;
  note: string | null; entry_id: number; voided_on: string | null; voided_at: string | null; void_reason: string | null;
  void_entry_id: number | null; created_at: string; created_by: string;
}
export interface PurchaseLinesTable {
  id: Generated<number>; purchase_id: number; line_no: number; product_id: number | null; description: string | null;
  quantity: number | null; unit_price: number | null; amount: number; category: PurchaseCategory; account_id: number;
  product_line_id: number | null;
}
export interface JointPurchaseSharesTable {
  id: Generated<number>; purchase_id: number; member_id: number; quantity: number | null; amount: number; charge_id: number;
}

export const purchasesColumns = columnsOf<PurchasesTable>()([
  'id', 'association_id', 'date', 'party_id', 'document_kind', 'document_number', 'subtotal', 'igv', 'total', 'payment',
  'due_date', 'product_line_id', 'joint', 'shares_by', 'note', 'entry_id', 'voided_on', 'voided_at', 'void_reason',
  'void_entry_id', 'created_at', 'created_by',
]);
export const purchaseLinesColumns = columnsOf<PurchaseLinesTable>()([
  'id', 'purchase_id', 'line_no', 'product_id', 'description', 'quantity', 'unit_price', 'amount', 'category', 'account_id',
  'product_line_id',
]);
export const jointPurchaseSharesColumns = columnsOf<JointPurchaseSharesTable>()([
  'id', 'purchase_id', 'member_id', 'quantity', 'amount', 'charge_id',
]);
