import type { LedgerDatabase } from '../storage/open';
import { partyJournalBalance, tableCounts } from '../testing/fixture';

// Test support for the payment voucher tests: suppliers inserted straight into the parties register
// (the parties service is another folder's), and the figures a payment must keep.

let rucCounter = 0;
const rucs = ['20100070970', '20131312955', '20100047218', '20503644968', '20601234567'];

export function addSupplier(db: LedgerDatabase, associationId: number, name: string, document: { ruc?: string; dni?: string } = {}): number {
  const ruc = document.dni ? null : document.ruc ?? rucs[rucCounter++ % rucs.length]!;
  return Number(db.prepare(`INSERT INTO parties (association_id, name, kind, document_type, document_number, created_at, created_by)
      VALUES (?, ?, 'supplier', ?, ?, '2026-01-01T00:00:00Z', 'prueba')`)
    .run(associationId, name, document.dni ? 'dni' : 'ruc', document.dni ?? ruc).lastInsertRowid);
}

/** What the journal says the association owes a supplier: minus its lines on 421 and 424 with the party (owed > 0). */
export const owedToSupplier = (db: LedgerDatabase, partyId: number): number => partyJournalBalance(db, partyId, 'payable');

const countedTables = ['journal_entries', 'journal_lines', 'payment_vouchers', 'voucher_allocations', 'audit_log'] as const;

/** Rows in every table a payment touches: equal before and after a refused operation. */
export const paymentCounts = (db: LedgerDatabase) => tableCounts(db, countedTables);

export { khipuError as refusal } from '../../shared/testing/errors';
