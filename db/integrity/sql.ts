import type { LedgerDatabase } from '../storage/open';

// What the checks share: each rule is ONE statement whose rows are the things found wrong.

export function columnsOf(db: LedgerDatabase, table: string): Set<string> {
  return new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name));
}

/** How many rows `sql` answers; `@associationId` is bound when the statement names it. */
export function count(db: LedgerDatabase, sql: string, associationId: number | null): number {
  const statement = db.prepare(`SELECT COUNT(*) AS n FROM (${sql})`);
  const row = (sql.includes('@associationId') ? statement.get({ associationId }) : statement.get()) as { n: number };
  return row.n;
}

/** Rows of `alias` in the association asked for, or every association. */
export const inScope = (alias: string) => `(@associationId IS NULL OR ${alias}.association_id = @associationId)`;
