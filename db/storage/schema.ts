import {
  DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type Compilable, type Generated, type InferResult,
} from 'kysely';
import type { LedgerDatabase } from './open';

// Typed tables, kept in step with migrations.ts.
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
export interface Schema {
  associations: AssociationsTable;
  accounts: AccountsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  audit_log: AuditLogTable;
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
