import { addMember } from '../contributions/testing';
import type { LedgerDatabase } from '../storage/open';
import { associationFixture, freshEachTest, tableCounts, type AssociationFixture } from '../testing/fixture';

// Test support for the acopio tests: a milk association with its default contribution types, fresh
// milk as a raw material priced S/ 1.20 a litre from 2026-01-01, a levy of S/ 0.05 a litre, and
// members inserted into the padrón.

export interface AcopioFixture extends AssociationFixture {
  milk: number;
  levyTypeId: number;
  member: (name: string, joinedOn?: string, leftOn?: string | null) => number;
  typeId: (name: string) => number;
}

export function acopioFixture(): AcopioFixture {
  const base = associationFixture('Asociación de Productores Lecheros Sumaq Q\'oy', { contributionTypes: true });
  const { api, associationId } = base;
  const milk = api.createProduct({ associationId, name: 'Leche fresca', unit: 'l', category: 'raw_material' }).id;
  api.setAcopioPrice({ associationId, productId: milk, validFrom: '2026-01-01', price: 120 });
  const levyTypeId = api.createContributionType({
    associationId, kind: 'levy_per_unit', name: 'Retención por litro de acopio', unit: 'litro', amountPerUnit: 5,
  }).id;
  api.setAcopioLevy({ associationId, productId: milk, levyTypeId, validFrom: '2026-01-01' });
  const types = api.listContributionTypes({ associationId });
  return {
    ...base, milk, levyTypeId,
    member: (name, joinedOn = '2025-01-01', leftOn = null) => addMember(base.db, associationId, name, joinedOn, leftOn),
    typeId: (name) => types.find((t) => t.name === name)!.id,
  };
}

export const freshAcopioFixture = (use: (fixture: AcopioFixture) => void): void => freshEachTest(acopioFixture, use);

const countedTables = ['journal_entries', 'journal_lines', 'acopio_days', 'acopio_rows', 'settlements', 'settlement_lines',
  'settlement_payments', 'receipts', 'allocations', 'payment_vouchers', 'stock_movements', 'acopio_prices', 'audit_log'] as const;

/** Rows in every table an acopio write touches: equal before and after a refused operation. */
export const counts = (db: LedgerDatabase) => tableCounts(db, countedTables);

/** What the journal says the association owes a member on 4419 (credit positive). */
export function payableTo(db: LedgerDatabase, memberId: number): number {
  return 0 - (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS s FROM journal_lines l JOIN accounts a ON a.id = l.account_id
      WHERE l.member_id = ? AND a.role = 'payable_members'`).get(memberId) as { s: number }).s;
}
