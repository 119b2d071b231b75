import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import { EXAMPLE_ASSOCIATION } from './example';

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
beforeEach(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now }); // today = 15/03/2026
});
afterEach(() => env.cleanup());

describe('openExampleAssociation', () => {
  it('creates a balanced year of activity once, then opens the same association', () => {
    const first = api.openExampleAssociation({});
    expect(first.created).toBe(true);
    const again = api.openExampleAssociation({});
    expect(again).toEqual({ id: first.id, created: false });
    expect(api.listAssociations({}).map((a) => a.name)).toEqual([EXAMPLE_ASSOCIATION.name]);

    const journal = api.listJournal({ associationId: first.id, limit: 1000 });
    // 1 capital entry; per month dues, sale and feed (36); 11 collections; 4 freights; 3 fine batches.
    expect(journal.total).toBe(55);
    expect(journal.entries[0]).toMatchObject({ date: '2025-03-01', description: 'Aportes de capital de los socios fundadores, depositados en la cooperativa' });
    expect(journal.entries.at(-1)!.date < '2026-03-01').toBe(true);
    // Numbers follow the calendar within each fiscal year.
    for (const year of new Set(journal.entries.map((e) => e.fiscalYear))) {
      const numbers = journal.entries.filter((e) => e.fiscalYear === year).map((e) => e.number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }

    const trial = api.trialBalance({ associationId: first.id, to: '2026-12-31' });
    expect(trial.totals.debits).toBe(trial.totals.credits);
    expect(trial.totals.debitBalances).toBe(trial.totals.creditBalances);
    // Neither cash nor bank is ever overdrawn: check every month end.
    for (let month = 3; month <= 14; month += 1) {
      const date = new Date(Date.UTC(2025, month, 0)).toISOString().slice(0, 10);
      const balances = api.accountBalances({ associationId: first.id, date });
      for (const code of ['101', '104']) expect(balances.find((b) => b.code === code)!.balance, `${code} ${date}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('builds the same figures every time (fixed seed)', () => {
    const other = tempDatabase();
    try {
      const otherApi = createLedgerApi(other.db, { actor: testContext.actor, now: testContext.now });
      const a = api.openExampleAssociation({});
      const b = otherApi.openExampleAssociation({});
      const amounts = (x: LedgerApi, id: number) =>
        x.listJournal({ associationId: id, limit: 1000 }).entries.map((e) => [e.date, e.description, e.lines.map((l) => l.amount)]);
      expect(amounts(otherApi, b.id)).toEqual(amounts(api, a.id));
    } finally {
      other.cleanup();
    }
  });
});
