import type { Generated } from 'kysely';
import { columnsOf } from '../storage/columns';
import type { SaleDocumentKind, SalePayment } from '../../shared/operations/sales';

// Sales and collections from buyers (migration 17), typed for kysely; db/storage/schema.ts names them in Schema.
export interface SalesTable {
  id: Generated<number>; association_id: number; date: string; party_id: number | null; document_kind: SaleDocumentKind;
  document_number: string | null; nota_series: string | null; nota_number: number | null; subtotal: number;
  igv: Generated<number>; total: number; payment: SalePayment; account_id: number | null; due_date: string | null;
  note: string | null; entry_id: number; print_count: Generated<number>; voided_on: string | null; voided_at: string | null;
  void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}
export interface SaleLinesTable {
  id: Generated<number>; sale_id: number; line_no: number; product_id: number; quantity: number; unit_price: number;
  amount: number; cost: number; product_line_id: number | null;
}
export interface SaleCollectionsTable {
  id: Generated<number>; association_id: number; series: Generated<string>; number: number; date: string; party_id: number;
  account_id: number; amount: number; owed_after: number; note: string | null; entry_id: number;
  print_count: Generated<number>; voided_on: string | null; voided_at: string | null; void_reason: string | null;
  void_entry_id: number | null; created_at: string; created_by: string;
}
export interface CollectionAllocationsTable { id: Generated<number>; collection_id: number; sale_id: number; amount: number }

export const salesColumns = columnsOf<SalesTable>()([
  'id', 'association_id', 'date', 'party_id', 'document_kind', 'document_number', 'nota_series', 'nota_number', 'subtotal',
  'igv', 'total', 'payment', 'account_id', 'due_date', 'note', 'entry_id', 'print_count', 'voided_on', 'voided_at',
  'void_reason', 'void_entry_id', 'created_at', 'created_by',
]);
export const saleLinesColumns = columnsOf<SaleLinesTable>()([
  'id', 'sale_id', 'line_no', 'product_id', 'quantity', 'unit_price', 'amount', 'cost', 'product_line_id',
]);
export const saleCollectionsColumns = columnsOf<SaleCollectionsTable>()([
  'id', 'association_id', 'series', 'number', 'date', 'party_id', 'account_id', 'amount', 'owed_after', 'note', 'entry_id',
  'print_count', 'voided_on', 'voided_at', 'void_reason', 'void_entry_id', 'created_at', 'created_by',
]);
export const collectionAllocationsColumns = columnsOf<CollectionAllocationsTable>()(['id', 'collection_id', 'sale_id', 'amount']);
