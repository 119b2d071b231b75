import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

export interface WriteContext {
  actor: string;
  now: () => Date;
}

/** Append-only (triggers refuse UPDATE and DELETE). Call inside the write's transaction. */
export function appendAudit(
  db: LedgerDatabase,
  context: WriteContext,
  operation: string,
  associationId: number | null,
  details: unknown,
): void {
  prepared(
    db,
    'INSERT INTO audit_log (at, actor, association_id, operation, details) VALUES (?, ?, ?, ?, ?)',
  ).run(context.now().toISOString(), context.actor, associationId, operation, JSON.stringify(details));
}
