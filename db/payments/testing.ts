import type { LedgerDatabase } from '../storage/open';

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
export function owedToSupplier(db: LedgerDatabase, partyId: number): number {
  return 0 - (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS balance FROM journal_lines l JOIN accounts a ON a.id = l.account_id
      WHERE l.party_id = ? AND a.role IN ('payable_suppliers', 'fees_payable')`).get(partyId) as { balance: number }).balance;
}

const countedTables = ['journal_entries', 'journal_lines', 'payment_vouchers', 'voucher_allocations', 'audit_log'] as const;

/** Rows in every table a payment touches: equal before and after a refused operation. */
export function paymentCounts(db: LedgerDatabase): Record<(typeof countedTables)[number], number> {
  return Object.fromEntries(
    countedTables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
  ) as Record<(typeof countedTables)[number], number>;
}
