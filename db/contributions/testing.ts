import { expect } from 'vitest';
import type { LedgerDatabase } from '../storage/open';
import { associationFixture, freshEachTest, tableCounts, type AssociationFixture } from '../testing/fixture';

// Test support for the contribution tests: a fresh association with the default types, and
// members inserted straight into the padrón tables (the members service is built elsewhere).

export interface ContributionsFixture extends AssociationFixture {
  typeId: (name: string) => number;
}

export function contributionsFixture(): ContributionsFixture {
  const base = associationFixture('Asociación de Productores Lecheros Sumaq Q\'oy', { contributionTypes: true });
  const types = base.api.listContributionTypes({ associationId: base.associationId });
  return {
    ...base,
    typeId: (name) => types.find((t) => t.name === name)!.id,
  };
}

/** Names of default contribution types the tests charge. */
export const DUE = 'Cuota ordinaria mensual';
export const FINE = 'Multa por inasistencia';
export const FAENA = 'Faena (aporte en especie)';

/**
 * Gives every test a fresh association with one member (Rosa, unless another is named) and removes
 * its file after the test; `use` hands the test file the fixture and the member's id.
 */
export function freshFixtureEachTest(
  use: (fixture: ContributionsFixture, memberId: number) => void,
  member: { fullName: string; joinedOn: string } = { fullName: 'Rosa Quispe Huamán', joinedOn: '2024-05-01' },
): void {
  freshEachTest(contributionsFixture, (fixture) => {
    use(fixture, addMember(fixture.db, fixture.associationId, member.fullName, member.joinedOn));
  });
}

let dniCounter = 40000000;

/** A member with one membership period (left_on optional), inserted with SQL. */
export function addMember(
  db: LedgerDatabase, associationId: number, fullName: string, joinedOn = '2025-01-01', leftOn: string | null = null,
): number {
  const [givenNames = fullName, ...rest] = fullName.split(' ');
  const id = Number(
    db
      .prepare(
        `INSERT INTO members (association_id, full_name, given_names, surnames, dni, sex, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(associationId, fullName, givenNames, rest.join(' '), String(dniCounter++), 'F', '2025-01-01T00:00:00Z')
      .lastInsertRowid,
  );
  db.prepare('INSERT INTO member_memberships (member_id, joined_on, left_on) VALUES (?, ?, ?)').run(id, joinedOn, leftOn);
  return id;
}

const countedTables = [
  'journal_entries', 'journal_lines', 'receipts', 'receipt_lines', 'charges', 'allocations', 'member_credits',
  'in_kind_contributions', 'audit_log', 'credit_refunds', 'credit_refund_uses',
] as const;

/** Rows in every table a contribution write touches: equal before and after a refused operation. */
export const counts = (db: LedgerDatabase) => tableCounts(db, countedTables);

/**
 * What the journal says a member owes: her lines on the members' receivables (1421, 1429) less credit in
 * favour, in its own account (4418) and, for credit older than version 10, in 4419.
 */
export function journalBalanceOf(db: LedgerDatabase, memberId: number): number {
  return (db
    .prepare(
      `SELECT COALESCE(SUM(l.amount), 0) AS balance FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE l.member_id = ? AND a.role IN ('receivable_members', 'member_contributions_receivable', 'payable_members', 'member_credit')`,
    )
    .get(memberId) as { balance: number }).balance;
}

export function expectTrialBalanceZero(fixture: ContributionsFixture): void {
  const trial = fixture.api.trialBalance({ associationId: fixture.associationId, to: '2099-12-31' });
  expect(trial.totals.debits).toBe(trial.totals.credits);
  expect(trial.totals.debitBalances).toBe(trial.totals.creditBalances);
  const sum = (fixture.db.prepare('SELECT COALESCE(SUM(amount), 0) AS s FROM journal_lines').get() as { s: number }).s;
  expect(sum).toBe(0);
}

export interface LineRow { role: string | null; code: string; amount: number; member_id: number | null }

export function entryLines(db: LedgerDatabase, entryId: number): LineRow[] {
  return db
    .prepare(
      `SELECT a.role, a.code, l.amount, l.member_id FROM journal_lines l JOIN accounts a ON a.id = l.account_id
        WHERE l.entry_id = ? ORDER BY l.line_no`,
    )
    .all(entryId) as LineRow[];
}
