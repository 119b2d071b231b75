import { afterEach, beforeEach, expect } from 'vitest';
import { createLedgerApi, dispatch, type LedgerApi } from '../api';
import { addMember } from '../contributions/testing';
import type { LedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';

// Test support for the purchases tests: a fresh association on a real file with its default
// contribution types, a supplier and members, and helpers to read what a purchase wrote.

export interface PurchasesFixture {
  env: ReturnType<typeof tempDatabase>;
  db: LedgerDatabase;
  api: LedgerApi;
  associationId: number;
  supplierId: number;
  roleId: (role: string) => number;
  member: (fullName: string) => number;
  product: (name: string, category?: 'goods' | 'product' | 'raw_material' | 'supply') => number;
}

export function purchasesFixture(): PurchasesFixture {
  const env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  const associationId = api.createAssociation({
    name: 'Asociación de Criadores de Cuyes Wiñay Wasi', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
  }).id;
  api.seedDefaultContributionTypes({ associationId });
  const accounts = api.listAccounts({ associationId });
  const supplierId = api.createParty({
    associationId, name: 'Agroveterinaria Los Andes EIRL', kind: 'supplier', documentType: 'ruc', documentNumber: '20100070970',
  }).id;
  return {
    env, db: env.db, api, associationId, supplierId,
    roleId: (role) => accounts.find((a) => a.role === role)!.id,
    member: (fullName) => addMember(env.db, associationId, fullName, '2024-01-01'),
    product: (name, category = 'supply') => api.createProduct({ associationId, name, unit: 'kg', category }).id,
  };
}

export function freshPurchasesFixture(use: (fixture: PurchasesFixture) => void): void {
  let fixture: PurchasesFixture | undefined;
  beforeEach(() => {
    fixture = purchasesFixture();
    use(fixture);
  });
  afterEach(() => fixture?.env.cleanup());
}

const countedTables = [
  'journal_entries', 'journal_lines', 'purchases', 'purchase_lines', 'joint_purchase_shares', 'charges', 'allocations',
  'contribution_types', 'stock_movements', 'payment_vouchers', 'voucher_allocations', 'audit_log',
] as const;

/** Rows in every table a purchase write touches: equal before and after a refused operation. */
export function counts(db: LedgerDatabase): Record<string, number> {
  return Object.fromEntries(countedTables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

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

export function onHand(db: LedgerDatabase, productId: number): { quantity: number; value: number } {
  return (db.prepare('SELECT quantity, value FROM product_stock WHERE product_id = ?').get(productId) as
    { quantity: number; value: number } | undefined) ?? { quantity: 0, value: 0 };
}

/** What the journal says the association owes a supplier: their lines on 421 and 424 (credit positive). */
export function payableTo(db: LedgerDatabase, partyId: number): number {
  return 0 - (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS balance FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE l.party_id = ? AND a.role IN ('payable_suppliers', 'fees_payable')`).get(partyId) as { balance: number }).balance;
}

export function roleBalance(db: LedgerDatabase, associationId: number, role: string): number {
  return (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS balance FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE a.association_id = ? AND a.role = ?`).get(associationId, role) as { balance: number }).balance;
}
