import { describe, expect, it } from 'vitest';
import { DUE, freshFixtureEachTest, type ContributionsFixture } from './testing';
import { oldestOpenChargesSql } from './receipts';

// charges.settled is derived by triggers on allocations (schema 7); payments find open charges
// through the partial index charges_member_open, whatever the member's years of paid dues.

let f: ContributionsFixture;
let rosa: number;
freshFixtureEachTest((fixture, member) => { f = fixture; rosa = member; });

const marks = () =>
  (f.db.prepare('SELECT period, settled FROM charges WHERE member_id = ? ORDER BY period').all(rosa) as { period: string; settled: number }[])
    .map((c) => `${c.period}:${c.settled}`);

describe('settled charges', () => {
  it('are marked when fully paid, unmarked when the payment is voided, and never by hand', () => {
    for (const month of ['01', '02', '03']) {
      f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: `2026-${month}`, date: `2026-${month}-02` });
    }
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-05', amount: 1500 });
    expect(marks()).toEqual(['2026-01:1', '2026-02:0', '2026-03:0']); // February is half paid
    // Paying more than is owed leaves credit in favour, which settles the next month's dues when they are generated.
    f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-06', amount: 2500 });
    expect(marks()).toEqual(['2026-01:1', '2026-02:1', '2026-03:1']);
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-04', date: '2026-04-02' });
    expect(marks()).toEqual(['2026-01:1', '2026-02:1', '2026-03:1', '2026-04:1']);

    expect(() => f.db.prepare('UPDATE charges SET settled = 0 WHERE member_id = ?').run(rosa)).toThrow(/charge.settledDerived/);
    expect(() => f.db.prepare("UPDATE charges SET settled = 1 WHERE period = '2026-02'").run()).not.toThrow(); // already true
    expect(marks()).toEqual(['2026-01:1', '2026-02:1', '2026-03:1', '2026-04:1']);

    // The first receipt is voided: what it paid is open again (its credit was not involved).
    f.api.voidReceipt({ receiptId: receipt.id, date: '2026-04-03', reason: 'Monto mal registrado' });
    expect(marks()).toEqual(['2026-01:0', '2026-02:0', '2026-03:1', '2026-04:1']);
    expect(f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-04-04', amount: 1000 }).lines
      .map((l) => l.description)).toEqual(['Cuota ordinaria mensual 01/2026']);
  });

  it('are found through the index of open charges, not by reading every charge of the member', () => {
    const plan = (f.db.prepare(`EXPLAIN QUERY PLAN ${oldestOpenChargesSql}`).all(rosa, '2026-03-05') as { detail: string }[])
      .map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH c USING INDEX charges_member_open \(member_id=\?\)/);
    expect(plan).not.toMatch(/SCAN c\b/);
  });
});
