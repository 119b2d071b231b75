import { KhipuError } from '../../shared/errors';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import type { PartiesTable } from '../storage/schema';

// Look-ups the documents naming a party share (purchases, vouchers, sales, collections). They run
// inside the caller's transaction.

export interface PartyRow {
  id: number; association_id: number; name: string; kind: PartiesTable['kind'];
  document_type: 'ruc' | 'dni' | 'none'; document_number: string | null; member_id: number | null;
  archived_at: string | null;
}

/** A party of this association, or null. */
export function findParty(db: LedgerDatabase, associationId: number, partyId: number): PartyRow | null {
  const row = prepared(db, `SELECT id, association_id, name, kind, document_type, document_number, member_id, archived_at
                              FROM parties WHERE id = ?`).get(partyId) as PartyRow | undefined;
  return row && row.association_id === associationId ? row : null;
}

/**
 * The party a new document names: of this association and not archived (an archived supplier or
 * buyer takes no new documents; `allowArchived` for reading or voiding old ones).
 * Refusals: party.notFound {id}, party.archived {name}, both on `field`.
 */
export function requireParty(
  db: LedgerDatabase, associationId: number, partyId: number, field = 'partyId', options: { allowArchived?: boolean } = {},
): PartyRow {
  const row = Number.isSafeInteger(partyId) ? findParty(db, associationId, partyId) : null;
  if (!row) throw new KhipuError('party.notFound', { field, params: { id: String(partyId) } });
  if (row.archived_at !== null && !options.allowArchived) {
    throw new KhipuError('party.archived', { field, params: { name: row.name } });
  }
  return row;
}
