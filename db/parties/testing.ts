import type { LedgerDatabase } from '../storage/open';
import { associationFixture, type AssociationFixture } from '../testing/fixture';

// Test support for parties and stock: a fresh association on a real file, and its accounts by role.

export type TradeFixture = AssociationFixture;

export const tradeFixture = (): TradeFixture => associationFixture('Asociación de Productores Agropecuarios Señor de Huanca');

/** A member with a DNI, inserted into the padrón with SQL (the members service is tested elsewhere). */
export function insertMember(db: LedgerDatabase, associationId: number, fullName: string, dni: string | null): number {
  return Number(db.prepare(`INSERT INTO members (association_id, full_name, given_names, surnames, dni, created_at)
                            VALUES (?, ?, ?, '', ?, '2025-01-01T00:00:00Z')`).run(associationId, fullName, fullName, dni).lastInsertRowid);
}
