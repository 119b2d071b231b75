import {
  DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type Compilable, type Generated, type InferResult,
} from 'kysely';
import type { LedgerDatabase } from './open';
import type { ContributionKind, DueRule } from '../../shared/operations/contributions';
import type { MemberMembershipsTable, MembersTable, OfficerPostsTable } from '../members/schema';
import type { PaymentVouchersTable, VoucherAllocationsTable } from '../payments/schema';
import type { JointPurchaseSharesTable, PurchaseLinesTable, PurchasesTable } from '../purchases/schema';
import type { CollectionAllocationsTable, SaleCollectionsTable, SaleLinesTable, SalesTable } from '../sales/schema';
import type {
  ProductsTable, ProductStockTable, StockAdjustmentsTable, StockMoveInProgressTable, StockMovementsTable,
} from '../stock/schema';
import { columnsOf } from './columns';
import type { ContractsTables } from '../contracts/schema';
import type { AcopioTables } from '../acopio/schema';

// Typed tables, kept in step with the migrations (db/storage/migrations.ts and the domains' own): one
// interface and one column list per table.
export interface AssociationsTable {
  id: Generated<number>; name: string; ruc: string | null; legal_form: string; registry_entry: string | null;
  ubigeo: string; address: string | null; main_products: string; fiscal_year_start_month: number;
  lock_date: string | null; created_at: string;
}
export interface AccountsTable {
  id: Generated<number>; association_id: number; code: string; name: string; pcge_name: string;
  type: 'asset' | 'liability' | 'equity' | 'income' | 'expense'; parent_id: number | null; postable: number;
  role: string | null; archived_at: string | null;
}
export interface JournalEntriesTable {
  id: Generated<number>; association_id: number; fiscal_year: number; number: number; date: string;
  description: string; source_type: string | null; source_id: number | null; reverses_entry_id: number | null;
  reversed_by_entry_id: number | null; posted: number; created_at: string; created_by: string;
}
export interface JournalLinesTable {
  id: Generated<number>; entry_id: number; line_no: number; account_id: number; date: string; amount: number;
  memo: string | null; member_id: number | null; party_id: number | null; contract_id: number | null;
  product_line_id: number | null;
  /** Always 1: with its deferred foreign key, a line commits only inside a posted entry (schema 9). */
  entry_posted: Generated<number>;
}
export interface AuditLogTable {
  id: Generated<number>; at: string; actor: string; association_id: number | null; operation: string; details: string;
}
export const associationsColumns = columnsOf<AssociationsTable>()([
  'id', 'name', 'ruc', 'legal_form', 'registry_entry', 'ubigeo', 'address', 'main_products', 'fiscal_year_start_month',
  'lock_date', 'created_at',
]);
export const accountsColumns = columnsOf<AccountsTable>()([
  'id', 'association_id', 'code', 'name', 'pcge_name', 'type', 'parent_id', 'postable', 'role', 'archived_at',
]);
export const journalEntriesColumns = columnsOf<JournalEntriesTable>()([
  'id', 'association_id', 'fiscal_year', 'number', 'date', 'description', 'source_type', 'source_id', 'reverses_entry_id',
  'reversed_by_entry_id', 'posted', 'created_at', 'created_by',
]);
export const journalLinesColumns = columnsOf<JournalLinesTable>()([
  'id', 'entry_id', 'line_no', 'account_id', 'date', 'amount', 'memo', 'member_id', 'party_id', 'contract_id',
  'product_line_id', 'entry_posted',
]);
export const auditLogColumns = columnsOf<AuditLogTable>()(['id', 'at', 'actor', 'association_id', 'operation', 'details']);

// Line dimensions (schema 1); parties got their full register in schema 13.
export interface PartiesTable {
  id: Generated<number>; association_id: number; name: string;
  kind: 'supplier' | 'buyer' | 'lender' | 'public_entity' | 'funder' | 'other';
  document_type: Generated<'ruc' | 'dni' | 'none'>; document_number: string | null; phone: string | null;
  district: string | null; member_id: number | null; note: string | null; archived_at: string | null;
  created_at: Generated<string>; created_by: Generated<string>;
}
export const partiesColumns = columnsOf<PartiesTable>()([
  'id', 'association_id', 'name', 'kind', 'document_type', 'document_number', 'phone', 'district', 'member_id', 'note',
  'archived_at', 'created_at', 'created_by',
]);
/** Version 1's contracts, extended by version 21 (db/contracts/migration.ts) with the terms' head. */
export interface ContractsTable {
  id: Generated<number>; association_id: number; party_id: number; number: string; programme: string | null;
  process_number: string | null; signed_on: string | null; start_date: string | null; end_date: string | null;
  term_days: number | null; status: Generated<'in_force' | 'completed' | 'terminated'>; penalty_cap_bp: Generated<number>;
  note: string | null; created_at: Generated<string>; created_by: Generated<string>;
}
export const contractsColumns = columnsOf<ContractsTable>()([
  'id', 'association_id', 'party_id', 'number', 'programme', 'process_number', 'signed_on', 'start_date', 'end_date',
  'term_days', 'status', 'penalty_cap_bp', 'note', 'created_at', 'created_by',
]);
export interface ProductLinesTable { id: Generated<number>; association_id: number; name: string }
export const productLinesColumns = columnsOf<ProductLinesTable>()(['id', 'association_id', 'name']);

// Contributions (schema 3, 6, 10, 12).
export interface ContributionTypesTable {
  id: Generated<number>; association_id: number; kind: ContributionKind; name: string; default_amount: number | null;
  frequency: 'monthly' | 'yearly' | null; unit: string | null; amount_per_unit: number | null; account_id: number;
  archived_at: string | null; created_at: string;
  /** How a dues period's charges fall due (schema 12); due_value is NULL exactly for 'period_end'. */
  due_rule: Generated<DueRule>; due_value: number | null;
}
export const contributionTypesColumns = columnsOf<ContributionTypesTable>()([
  'id', 'association_id', 'kind', 'name', 'default_amount', 'frequency', 'unit', 'amount_per_unit', 'account_id',
  'archived_at', 'created_at', 'due_rule', 'due_value',
]);
export interface ChargesTable {
  id: Generated<number>; association_id: number; member_id: number; contribution_type_id: number;
  /** 'YYYY' or 'YYYY-MM' for dues, NULL for a one-off charge. */
  period: string | null; date: string; due_date: string; description: string; amount: number;
  receivable_account_id: number; entry_id: number; voided_on: string | null; void_reason: string | null;
  void_entry_id: number | null; created_at: string; created_by: string;
  /** 1 when live allocations cover the amount; kept by triggers (schema 6). */
  settled: Generated<number>;
}
export const chargesColumns = columnsOf<ChargesTable>()([
  'id', 'association_id', 'member_id', 'contribution_type_id', 'period', 'date', 'due_date', 'description', 'amount',
  'receivable_account_id', 'entry_id', 'voided_on', 'void_reason', 'void_entry_id', 'created_at', 'created_by', 'settled',
]);
export interface ReceiptsTable {
  id: Generated<number>; association_id: number; series: Generated<string>; number: number; date: string; member_id: number;
  total: number; account_id: number; note: string | null; entry_id: number; print_count: Generated<number>;
  voided_on: string | null; voided_at: string | null; void_reason: string | null; void_entry_id: number | null;
  created_at: string; created_by: string;
  /** What she still owed right after it, as printed (schema 10); NULL for older receipts. */
  owed_after: number | null;
}
export const receiptsColumns = columnsOf<ReceiptsTable>()([
  'id', 'association_id', 'series', 'number', 'date', 'member_id', 'total', 'account_id', 'note', 'entry_id', 'print_count',
  'voided_on', 'voided_at', 'void_reason', 'void_entry_id', 'created_at', 'created_by', 'owed_after',
]);
export interface ReceiptLinesTable {
  id: Generated<number>; receipt_id: number; line_no: number; charge_id: number | null; description: string; amount: number;
}
export const receiptLinesColumns = columnsOf<ReceiptLinesTable>()(['id', 'receipt_id', 'line_no', 'charge_id', 'description', 'amount']);
export interface MemberCreditsTable {
  id: Generated<number>; association_id: number; member_id: number; receipt_id: number; date: string; amount: number;
  voided_on: string | null;
  /** The account the credit sits in (schema 10: 4418, or 4419 for older credit); a trigger refuses NULL. */
  account_id: number;
}
export const memberCreditsColumns = columnsOf<MemberCreditsTable>()([
  'id', 'association_id', 'member_id', 'receipt_id', 'date', 'amount', 'voided_on', 'account_id',
]);
export interface InKindContributionsTable {
  id: Generated<number>; association_id: number; member_id: number; contribution_type_id: number; date: string;
  description: string; quantity: number | null; unit: string | null; value: number; charge_id: number | null;
  debit_account_id: number; credit_account_id: number; entry_id: number; created_at: string; created_by: string;
  /** Set once, together, by voidInKind (schema 12). */
  voided_on: string | null; voided_at: string | null; void_reason: string | null; void_entry_id: number | null;
}
export const inKindContributionsColumns = columnsOf<InKindContributionsTable>()([
  'id', 'association_id', 'member_id', 'contribution_type_id', 'date', 'description', 'quantity', 'unit', 'value', 'charge_id',
  'debit_account_id', 'credit_account_id', 'entry_id', 'created_at', 'created_by', 'voided_on', 'voided_at', 'void_reason',
  'void_entry_id',
]);
export interface AllocationsTable {
  id: Generated<number>; charge_id: number; source: 'receipt' | 'credit' | 'in_kind'; receipt_id: number | null;
  credit_id: number | null; in_kind_id: number | null; date: string; amount: number; entry_id: number; voided_on: string | null;
}
export const allocationsColumns = columnsOf<AllocationsTable>()([
  'id', 'charge_id', 'source', 'receipt_id', 'credit_id', 'in_kind_id', 'date', 'amount', 'entry_id', 'voided_on',
]);
export interface CreditRefundsTable {
  id: Generated<number>; association_id: number; series: Generated<string>; number: number; date: string; member_id: number;
  amount: number; account_id: number; reason: string; entry_id: number; voided_on: string | null; voided_at: string | null;
  void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}
export const creditRefundsColumns = columnsOf<CreditRefundsTable>()([
  'id', 'association_id', 'series', 'number', 'date', 'member_id', 'amount', 'account_id', 'reason', 'entry_id', 'voided_on',
  'voided_at', 'void_reason', 'void_entry_id', 'created_at', 'created_by',
]);
export interface CreditRefundUsesTable { id: Generated<number>; refund_id: number; credit_id: number; amount: number }
export const creditRefundUsesColumns = columnsOf<CreditRefundUsesTable>()(['id', 'refund_id', 'credit_id', 'amount']);
/** What a refund has drawn after each of its uses; written only by the uses' trigger. */
export interface CreditRefundDrawnTable { refund_id: number; drawn: number }
export const creditRefundDrawnColumns = columnsOf<CreditRefundDrawnTable>()(['refund_id', 'drawn']);

// Reports and posting (schema 5, 7, 11).
/** Per account and month 'YYYY-MM', the posted lines' sums; written only by the posting path. */
export interface AccountMonthBalancesTable {
  association_id: number; account_id: number; month: string; debits: Generated<number>; credits: Generated<number>;
}
export const accountMonthBalancesColumns = columnsOf<AccountMonthBalancesTable>()([
  'association_id', 'account_id', 'month', 'debits', 'credits',
]);
/** The entry being posted, while its snapshots are written; empty between postings. */
export interface PostingInProgressTable { entry_id: number }
export const postingInProgressColumns = columnsOf<PostingInProgressTable>()(['entry_id']);
export interface FiscalYearClosingsTable {
  id: Generated<number>; association_id: number; fiscal_year: number; date: string;
  /** NULL when the year had nothing to close. */
  entry_id: number | null; closed_at: string; closed_by: string;
  voided_on: string | null; voided_at: string | null; voided_by: string | null; void_reason: string | null;
  void_entry_id: number | null;
}
export const fiscalYearClosingsColumns = columnsOf<FiscalYearClosingsTable>()([
  'id', 'association_id', 'fiscal_year', 'date', 'entry_id', 'closed_at', 'closed_by', 'voided_on', 'voided_at', 'voided_by',
  'void_reason', 'void_entry_id',
]);

export interface Schema extends ContractsTables, AcopioTables {
  associations: AssociationsTable;
  accounts: AccountsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  audit_log: AuditLogTable;
  parties: PartiesTable;
  contracts: ContractsTable;
  product_lines: ProductLinesTable;
  members: MembersTable;
  member_memberships: MemberMembershipsTable;
  officer_posts: OfficerPostsTable;
  contribution_types: ContributionTypesTable;
  charges: ChargesTable;
  receipts: ReceiptsTable;
  receipt_lines: ReceiptLinesTable;
  member_credits: MemberCreditsTable;
  in_kind_contributions: InKindContributionsTable;
  allocations: AllocationsTable;
  credit_refunds: CreditRefundsTable;
  credit_refund_uses: CreditRefundUsesTable;
  credit_refund_drawn: CreditRefundDrawnTable;
  account_month_balances: AccountMonthBalancesTable;
  posting_in_progress: PostingInProgressTable;
  fiscal_year_closings: FiscalYearClosingsTable;
  products: ProductsTable;
  stock_movements: StockMovementsTable;
  product_stock: ProductStockTable;
  stock_move_in_progress: StockMoveInProgressTable;
  stock_adjustments: StockAdjustmentsTable;
  purchases: PurchasesTable;
  purchase_lines: PurchaseLinesTable;
  joint_purchase_shares: JointPurchaseSharesTable;
  sales: SalesTable;
  sale_lines: SaleLinesTable;
  sale_collections: SaleCollectionsTable;
  collection_allocations: CollectionAllocationsTable;
  payment_vouchers: PaymentVouchersTable;
  voucher_allocations: VoucherAllocationsTable;
}

/**
 * kysely only builds and types the SQL; better-sqlite3 runs it synchronously, so a
 * posting and its checks stay inside one real transaction (kysely's own execution is async).
 */
export const query = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export function selectAll<Q extends Compilable>(db: LedgerDatabase, built: Q): InferResult<Q> {
  const { sql, parameters } = built.compile();
  return db.prepare(sql).all(...(parameters as unknown[])) as InferResult<Q>;
}

export function selectFirst<Q extends Compilable>(db: LedgerDatabase, built: Q): InferResult<Q>[number] | undefined {
  const { sql, parameters } = built.compile();
  return db.prepare(sql).get(...(parameters as unknown[])) as InferResult<Q>[number] | undefined;
}
