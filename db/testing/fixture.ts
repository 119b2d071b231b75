import { afterEach, beforeEach } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import type { LedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from './temp-db';

// What the domains' test fixtures share: an association on a real file with its accounts by role,
// a fresh one for every test, and the journal's own figures the tests compare documents against.

export interface AssociationFixture {
  env: ReturnType<typeof tempDatabase>;
  db: LedgerDatabase;
  api: LedgerApi;
  associationId: number;
  /** The association's account with this role, as created with it (or with its default contribution types). */
  roleId: (role: string) => number;
}

/** A new association named `name` on its own temporary file; `contributionTypes` seeds the default ones first. */
export function associationFixture(
  name: string, options: { now?: () => Date; contributionTypes?: boolean } = {},
): AssociationFixture {
  const env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: options.now ?? testContext.now });
  const associationId = api.createAssociation({ name, ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601' }).id;
  if (options.contributionTypes) api.seedDefaultContributionTypes({ associationId });
  const accounts = api.listAccounts({ associationId });
  const roleId = (role: string) => {
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`no account with role ${role}`);
    return account.id;
  };
  return { env, db: env.db, api, associationId, roleId };
}

/** A fresh fixture for every test of the file, its file removed afterwards; `use` hands it to the tests. */
export function freshEachTest<Fixture extends { env: { cleanup: () => void } }>(
  make: () => Fixture, use: (fixture: Fixture) => void,
): void {
  let fixture: Fixture | undefined;
  beforeEach(() => {
    fixture = make();
    use(fixture);
  });
  afterEach(() => fixture?.env.cleanup());
}

/** Rows in each of `tables`: equal before and after a refused operation. */
export function tableCounts<Table extends string>(db: LedgerDatabase, tables: readonly Table[]): Record<Table, number> {
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
  ) as Record<Table, number>;
}

/**
 * What the journal says about a party up to a day: owed to it, −Σ its lines on 421/424 (payable), or
 * owed by it, Σ its lines on 121 (receivable).
 */
export function partyJournalBalance(
  db: LedgerDatabase, partyId: number, side: 'payable' | 'receivable', to = '9999-12-31',
): number {
  const roles = side === 'payable' ? ['payable_suppliers', 'fees_payable'] : ['receivable_customers'];
  const { sum } = db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS sum FROM journal_lines l JOIN accounts a ON a.id = l.account_id
      WHERE l.party_id = ? AND a.role IN (SELECT value FROM json_each(?)) AND l.date <= ?`)
    .get(partyId, JSON.stringify(roles), to) as { sum: number };
  return side === 'payable' ? 0 - sum : sum;
}

/** Sum of the association's lines on the accounts with `role` (debit positive). */
export function roleBalance(db: LedgerDatabase, associationId: number, role: string): number {
  return (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS balance FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE a.association_id = ? AND a.role = ?`).get(associationId, role) as { balance: number }).balance;
}

/** A product's stock as the store holds it (nothing yet: zero). */
export function onHand(db: LedgerDatabase, productId: number): { quantity: number; value: number } {
  return (db.prepare('SELECT quantity, value FROM product_stock WHERE product_id = ?').get(productId) as
    { quantity: number; value: number } | undefined) ?? { quantity: 0, value: 0 };
}
