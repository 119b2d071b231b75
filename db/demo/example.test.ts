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
  it('opens beside associations already in the file, even one holding the example\'s RUC, and only once', () => {
    const mine = api.createAssociation({ name: 'Asociación Misky Llankaq', ruc: EXAMPLE_ASSOCIATION.ruc, legalForm: 'asociacion', ubigeo: '030601' });
    const example = api.openExampleAssociation({});
    expect(example.created).toBe(true);
    expect(api.getAssociation({ associationId: example.id })).toMatchObject({ name: EXAMPLE_ASSOCIATION.name, ruc: null });
    expect(api.getAssociation({ associationId: mine.id }).ruc).toBe(EXAMPLE_ASSOCIATION.ruc);
    expect(api.openExampleAssociation({})).toEqual({ id: example.id, created: false });
    expect(api.listAssociations({}).map((a) => a.name).sort()).toEqual(['Asociación Misky Llankaq', EXAMPLE_ASSOCIATION.name].sort());
  });

  it('creates a year of a milk association once — members, dues, receipts, sales — then opens the same one', () => {
    const first = api.openExampleAssociation({});
    expect(first.created).toBe(true);
    expect(api.openExampleAssociation({})).toEqual({ id: first.id, created: false });
    expect(api.listAssociations({}).map((a) => a.name)).toEqual([EXAMPLE_ASSOCIATION.name]);
    const associationId = first.id;

    // Twenty families (twelve women), one of whom left; counted from the rows.
    const everyone = api.listMembers({ associationId, asOf: '2026-03-15' });
    expect(everyone.counts).toMatchObject({ total: 20, women: 12, men: 8, active: 19 });
    expect(api.listMembers({ associationId, active: false, asOf: '2026-03-15' }).members).toHaveLength(1);
    expect(api.listOfficers({ associationId, asOf: '2026-03-15' }).map((o) => o.post)).toEqual(
      expect.arrayContaining(['presidente', 'tesorero', 'secretario', 'fiscal', 'vocal']),
    );

    // Receipts numbered 1..n without gaps; twelve months of dues; a few members behind.
    const receipts = api.listReceipts({ associationId });
    expect(receipts.length).toBeGreaterThan(150);
    expect(receipts.map((r) => r.number).sort((a, b) => a - b)).toEqual(receipts.map((_, i) => i + 1));
    const arrears = api.arrears({ associationId, asOf: '2026-03-15' });
    expect(arrears.rows.length).toBeGreaterThan(0);
    expect(arrears.rows.length).toBeLessThan(19);

    // The journal: numbers follow the calendar within each fiscal year; the books balance.
    const journal = api.listJournal({ associationId, limit: 1000 });
    expect(journal.total).toBeGreaterThan(200);
    for (const year of new Set(journal.entries.map((e) => e.fiscalYear))) {
      const entries = journal.entries.filter((e) => e.fiscalYear === year);
      expect(entries.map((e) => e.number)).toEqual(entries.map((_, i) => i + 1));
      expect(entries.map((e) => e.date)).toEqual(entries.map((e) => e.date).sort());
    }
    const trial = api.trialBalance({ associationId, to: '2026-12-31' });
    expect(trial.totals.debits).toBe(trial.totals.credits);
    // Neither cash nor bank is ever overdrawn: every month end.
    for (let month = 1; month <= 14; month += 1) {
      const date = new Date(Date.UTC(2025, month, 0)).toISOString().slice(0, 10);
      const balances = api.accountBalances({ associationId, date });
      for (const code of ['101', '104']) expect(balances.find((b) => b.code === code)!.balance, `${code} ${date}`).toBeGreaterThanOrEqual(0);
    }
    // Credit from the cooperative: the cooling tank on the books, S/ 2,000.00 still owed, interest paid.
    const atEnd = api.accountBalances({ associationId, date: '2026-12-31' });
    const balanceOf = (code: string) => atEnd.find((b) => b.code === code)!.balance;
    expect([balanceOf('333'), balanceOf('451')]).toEqual([1_100_000, -200_000]);
    expect(balanceOf('673')).toBeGreaterThan(0);
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
