import { expect } from 'vitest';
import { dispatch } from '../api';
import { addMember } from '../contributions/testing';
import type { LedgerDatabase } from '../storage/open';
import {
  associationFixture, freshEachTest, partyJournalBalance, tableCounts, type AssociationFixture,
} from '../testing/fixture';

// Test support for the purchases tests: a fresh association on a real file with its default
// contribution types, a supplier and members, and helpers to read what a purchase wrote.

export interface PurchasesFixture extends AssociationFixture {
  supplierId: number;
  member: (fullName: string) => number;
  product: (name: string, category?: 'goods' | 'product' | 'raw_material' | 'supply') => number;
}

export function purchasesFixture(): PurchasesFixture {
  const base = associationFixture('Asociación de Criadores de Cuyes Wiñay Wasi', { contributionTypes: true });
  const { env, api, associationId } = base;
  const supplierId = api.createParty({
    associationId, name: 'Agroveterinaria Los Andes EIRL', kind: 'supplier', documentType: 'ruc', documentNumber: '20100070970',
  }).id;
  return {
    ...base, supplierId,
    member: (fullName) => addMember(env.db, associationId, fullName, '2024-01-01'),
    product: (name, category = 'supply') => api.createProduct({ associationId, name, unit: 'kg', category }).id,
  };
}

export const freshPurchasesFixture = (use: (fixture: PurchasesFixture) => void): void => freshEachTest(purchasesFixture, use);

const countedTables = [
  'journal_entries', 'journal_lines', 'purchases', 'purchase_lines', 'joint_purchase_shares', 'charges', 'allocations',
  'contribution_types', 'stock_movements', 'payment_vouchers', 'voucher_allocations', 'audit_log',
] as const;

/** Rows in every table a purchase write touches: equal before and after a refused operation. */
export const counts = (db: LedgerDatabase): Record<string, number> => tableCounts(db, countedTables);

/** Dispatches an operation expected to be refused; checks nothing was written and returns the error. */
export function refused(f: PurchasesFixture, operation: string, input: unknown): { code: string; field?: string; message: string } {
  const before = counts(f.db);
  const answer = dispatch(f.api, operation, input);
  expect(answer.ok).toBe(false);
  expect(counts(f.db)).toEqual(before);
  return (answer as { ok: false; error: { code: string; field?: string; message: string } }).error;
}

export function entryLines(db: LedgerDatabase, entryId: number): { role: string | null; amount: number; party_id: number | null; member_id: number | null }[] {
  return db.prepare(`SELECT a.role, l.amount, l.party_id, l.member_id FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE l.entry_id = ? ORDER BY l.line_no`).all(entryId) as { role: string | null; amount: number; party_id: number | null; member_id: number | null }[];
}

/** What the journal says the association owes a supplier: their lines on 421 and 424 (credit positive). */
export const payableTo = (db: LedgerDatabase, partyId: number): number => partyJournalBalance(db, partyId, 'payable');

export { onHand, roleBalance } from '../testing/fixture';
