import type { Generated } from 'kysely';
import { columnsOf } from '../storage/columns';

// The tables of migration 22, typed for kysely; db/storage/schema.ts adds them to Schema.
export interface AcopioPricesTable {
  id: Generated<number>; association_id: number; product_id: number; grade: Generated<string>; valid_from: string;
  valid_to: string | null; price: number; created_at: string; created_by: string;
}
export interface AcopioLeviesTable {
  id: Generated<number>; association_id: number; product_id: number; levy_type_id: number | null; valid_from: string;
  created_at: string; created_by: string;
}
export interface AcopioDaysTable {
  id: Generated<number>; association_id: number; product_id: number; date: string; total: number; total_quantity: number;
  member_count: number; note: string | null; entry_id: number; replaces_day_id: number | null; voided_on: string | null;
  voided_at: string | null; void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}
export interface AcopioRowsTable {
  id: Generated<number>; day_id: number; line_no: number; member_id: number; grade: Generated<string>; quantity: number;
  unit_price: number; amount: number; price_id: number;
}
export interface SettlementsTable {
  id: Generated<number>; association_id: number; series: Generated<string>; number: number; date: string; member_id: number;
  period_from: string; period_to: string; quantity: number; gross: number; levy: number; deductions: number; net: number;
  receipt_id: number | null; entry_id: number | null; note: string | null; print_count: Generated<number>;
  voided_on: string | null; voided_at: string | null; void_reason: string | null; void_entry_id: number | null;
  created_at: string; created_by: string;
}
export interface SettlementLinesTable {
  id: Generated<number>; settlement_id: number; line_no: number; product_id: number; grade: Generated<string>;
  quantity: number; unit_price: number; amount: number; levy: number;
}
export interface SettlementPaymentsTable { id: Generated<number>; voucher_id: number; settlement_id: number; amount: number }
export interface ProductOriginsTable {
  id: Generated<number>; association_id: number; document_kind: 'sale' | 'contract_delivery'; document_id: number;
  day_id: number; created_at: string;
}

export interface AcopioTables {
  acopio_prices: AcopioPricesTable;
  acopio_levies: AcopioLeviesTable;
  acopio_days: AcopioDaysTable;
  acopio_rows: AcopioRowsTable;
  settlements: SettlementsTable;
  settlement_lines: SettlementLinesTable;
  settlement_payments: SettlementPaymentsTable;
  product_origins: ProductOriginsTable;
}

export const acopioSchemaColumns = {
  acopio_prices: columnsOf<AcopioPricesTable>()([
    'id', 'association_id', 'product_id', 'grade', 'valid_from', 'valid_to', 'price', 'created_at', 'created_by',
  ]),
  acopio_levies: columnsOf<AcopioLeviesTable>()([
    'id', 'association_id', 'product_id', 'levy_type_id', 'valid_from', 'created_at', 'created_by',
  ]),
  acopio_days: columnsOf<AcopioDaysTable>()([
    'id', 'association_id', 'product_id', 'date', 'total', 'total_quantity', 'member_count', 'note', 'entry_id',
    'replaces_day_id', 'voided_on', 'voided_at', 'void_reason', 'void_entry_id', 'created_at', 'created_by',
  ]),
  acopio_rows: columnsOf<AcopioRowsTable>()([
    'id', 'day_id', 'line_no', 'member_id', 'grade', 'quantity', 'unit_price', 'amount', 'price_id',
  ]),
  settlements: columnsOf<SettlementsTable>()([
    'id', 'association_id', 'series', 'number', 'date', 'member_id', 'period_from', 'period_to', 'quantity', 'gross', 'levy',
    'deductions', 'net', 'receipt_id', 'entry_id', 'note', 'print_count', 'voided_on', 'voided_at', 'void_reason',
    'void_entry_id', 'created_at', 'created_by',
  ]),
  settlement_lines: columnsOf<SettlementLinesTable>()([
    'id', 'settlement_id', 'line_no', 'product_id', 'grade', 'quantity', 'unit_price', 'amount', 'levy',
  ]),
  settlement_payments: columnsOf<SettlementPaymentsTable>()(['id', 'voucher_id', 'settlement_id', 'amount']),
  product_origins: columnsOf<ProductOriginsTable>()(['id', 'association_id', 'document_kind', 'document_id', 'day_id', 'created_at']),
} as const;
