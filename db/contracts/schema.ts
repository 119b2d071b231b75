import type { Generated } from 'kysely';
import { columnsOf } from '../storage/columns';

// The tables of migration 21, typed for kysely; db/storage/schema.ts adds them to Schema (the
// extended `contracts` table itself stays in db/storage/schema.ts beside version 1's tables).

interface Voidable { voided_on: string | null; voided_at: string | null; void_reason: string | null; void_entry_id: number | null }
interface Recorded { created_at: string; created_by: string }

export interface ContractAmendmentsTable extends Recorded {
  id: Generated<number>; contract_id: number; version: number; number: string; date: string; reason: string; end_date: string;
}
export interface ContractItemsTable {
  id: Generated<number>; contract_id: number; version: number; line_no: number; product_id: number; quantity: number;
  unit_price: number; amount: number;
}
export interface ContractScheduleTable {
  id: Generated<number>; contract_id: number; version: number; line_no: number; due_date: string; product_id: number;
  quantity: number;
}
export interface ContractDeliveriesTable extends Voidable, Recorded {
  id: Generated<number>; association_id: number; contract_id: number; series: Generated<string>; number: number; date: string;
  version: number; amount: number; cost: number; note: string | null; entry_id: number; print_count: Generated<number>;
}
export interface ContractDeliveryLinesTable {
  id: Generated<number>; delivery_id: number; line_no: number; product_id: number; quantity: number; unit_price: number;
  amount: number; cost: number; schedule_line_no: number; due_date: string;
}
export interface ContractAcceptancesTable extends Voidable, Recorded {
  id: Generated<number>; association_id: number; contract_id: number; delivery_id: number; acta_number: string; date: string;
  accepted_amount: number; returned: number; returned_cost: number; note: string | null; entry_id: number | null;
}
export interface ContractAcceptanceLinesTable {
  id: Generated<number>; acceptance_id: number; line_no: number; accepted_quantity: number; rejected_quantity: number;
  accepted_amount: number; returned_cost: number;
}
export interface ContractInvoicesTable extends Voidable, Recorded {
  id: Generated<number>; association_id: number; contract_id: number; party_id: number; number: string; date: string;
  subtotal: number; igv: number; total: number; note: string | null; entry_id: number;
}
export interface ContractInvoiceDeliveriesTable { id: Generated<number>; invoice_id: number; delivery_id: number }
export interface ContractCollectionsTable extends Voidable, Recorded {
  id: Generated<number>; association_id: number; contract_id: number; invoice_id: number; date: string; account_id: number;
  received: number; igv_withheld: number; withholding_voucher: string | null; detraction: number;
  detraction_constancia: string | null; penalty: number; other_deductions: number; other_description: string | null;
  total: number; pending_after: number; note: string | null; entry_id: number;
}

export interface ContractsTables {
  contract_amendments: ContractAmendmentsTable;
  contract_items: ContractItemsTable;
  contract_schedule: ContractScheduleTable;
  contract_deliveries: ContractDeliveriesTable;
  contract_delivery_lines: ContractDeliveryLinesTable;
  contract_acceptances: ContractAcceptancesTable;
  contract_acceptance_lines: ContractAcceptanceLinesTable;
  contract_invoices: ContractInvoicesTable;
  contract_invoice_deliveries: ContractInvoiceDeliveriesTable;
  contract_collections: ContractCollectionsTable;
}

const voidColumns = ['voided_on', 'voided_at', 'void_reason', 'void_entry_id'] as const;

export const contractsSchemaColumns = {
  contract_amendments: columnsOf<ContractAmendmentsTable>()([
    'id', 'contract_id', 'version', 'number', 'date', 'reason', 'end_date', 'created_at', 'created_by',
  ]),
  contract_items: columnsOf<ContractItemsTable>()(['id', 'contract_id', 'version', 'line_no', 'product_id', 'quantity', 'unit_price', 'amount']),
  contract_schedule: columnsOf<ContractScheduleTable>()(['id', 'contract_id', 'version', 'line_no', 'due_date', 'product_id', 'quantity']),
  contract_deliveries: columnsOf<ContractDeliveriesTable>()([
    'id', 'association_id', 'contract_id', 'series', 'number', 'date', 'version', 'amount', 'cost', 'note', 'entry_id',
    'print_count', ...voidColumns, 'created_at', 'created_by',
  ]),
  contract_delivery_lines: columnsOf<ContractDeliveryLinesTable>()([
    'id', 'delivery_id', 'line_no', 'product_id', 'quantity', 'unit_price', 'amount', 'cost', 'schedule_line_no', 'due_date',
  ]),
  contract_acceptances: columnsOf<ContractAcceptancesTable>()([
    'id', 'association_id', 'contract_id', 'delivery_id', 'acta_number', 'date', 'accepted_amount', 'returned', 'returned_cost',
    'note', 'entry_id', ...voidColumns, 'created_at', 'created_by',
  ]),
  contract_acceptance_lines: columnsOf<ContractAcceptanceLinesTable>()([
    'id', 'acceptance_id', 'line_no', 'accepted_quantity', 'rejected_quantity', 'accepted_amount', 'returned_cost',
  ]),
  contract_invoices: columnsOf<ContractInvoicesTable>()([
    'id', 'association_id', 'contract_id', 'party_id', 'number', 'date', 'subtotal', 'igv', 'total', 'note', 'entry_id',
    ...voidColumns, 'created_at', 'created_by',
  ]),
  contract_invoice_deliveries: columnsOf<ContractInvoiceDeliveriesTable>()(['id', 'invoice_id', 'delivery_id']),
  contract_collections: columnsOf<ContractCollectionsTable>()([
    'id', 'association_id', 'contract_id', 'invoice_id', 'date', 'account_id', 'received', 'igv_withheld', 'withholding_voucher',
    'detraction', 'detraction_constancia', 'penalty', 'other_deductions', 'other_description', 'total', 'pending_after', 'note',
    'entry_id', ...voidColumns, 'created_at', 'created_by',
  ]),
} as const;
