import { createLedgerApi, type LedgerApi } from '../api';
import type { LedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';

// Test support for parties and stock: a fresh association on a real file, and its accounts by role.

export interface TradeFixture {
  env: ReturnType<typeof tempDatabase>;
  db: LedgerDatabase;
  api: LedgerApi;
  associationId: number;
  roleId: (role: string) => number;
}

export function tradeFixture(): TradeFixture {
  const env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  const associationId = api.createAssociation({
    name: 'Asociación de Productores Agropecuarios Señor de Huanca', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
  }).id;
  const accounts = api.listAccounts({ associationId });
  return { env, db: env.db, api, associationId, roleId: (role) => accounts.find((a) => a.role === role)!.id };
}

/** A member with a DNI, inserted into the padrón with SQL (the members service is tested elsewhere). */
export function insertMember(db: LedgerDatabase, associationId: number, fullName: string, dni: string | null): number {
  return Number(db.prepare(`INSERT INTO members (association_id, full_name, given_names, surnames, dni, created_at)
                            VALUES (?, ?, ?, '', ?, '2025-01-01T00:00:00Z')`).run(associationId, fullName, fullName, dni).lastInsertRowid);
}
