import { describe, expect, it } from 'vitest';
import { expectCataloguedError, khipuError } from '../../shared/testing/errors';
import {
  DUE, FAENA, FINE, addMember, counts, entryLines, expectTrialBalanceZero, freshFixtureEachTest, type ContributionsFixture,
} from './testing';

// Mistakes a treasurer can undo, and dates from what she means (issue 11, class 2).

let f: ContributionsFixture;
let rosa: number;
freshFixtureEachTest((fixture, member) => { f = fixture; rosa = member; }, { fullName: 'Rosa Quispe', joinedOn: '2025-01-01' });


describe('generateDues dates', () => {
  it("dates the charges and their entry on the period's first day, whatever day the run is made", () => {
    const run = f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-02', date: '2026-03-10' });
    const [charge] = f.api.listCharges({ associationId: f.associationId, memberId: rosa });
    expect(charge).toMatchObject({ period: '2026-02', date: '2026-02-01', dueDate: '2026-02-28' });
    expect(f.api.getEntry({ entryId: run.entryId! }).date).toBe('2026-02-01');
    // Without a run date at all: the period says everything.
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03' });
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa })[1]).toMatchObject({ date: '2026-03-01', dueDate: '2026-03-31' });
  });

  it("falls due as the type says: a day of the month (clamped to short months) or days after the start", () => {
    const monthly = f.api.createContributionType({
      associationId: f.associationId, kind: 'ordinary_due', name: 'Cuota del día 31', defaultAmount: 500, dueRule: 'day_of_month', dueValue: 31,
    });
    expect(monthly).toMatchObject({ dueRule: 'day_of_month', dueValue: 31 });
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: monthly.id, period: '2028-02' });
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: monthly.id, period: '2026-04' });
    const tenDays = f.api.updateContributionType({
      associationId: f.associationId, contributionTypeId: f.typeId(DUE), dueRule: 'days_after_start', dueValue: 10,
    });
    expect(tenDays).toMatchObject({ dueRule: 'days_after_start', dueValue: 10 });
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: tenDays.id, period: '2026-12' });
    const yearly = f.api.createContributionType({
      associationId: f.associationId, kind: 'ordinary_due', name: 'Cuota anual', defaultAmount: 5000, frequency: 'yearly',
      dueRule: 'days_after_start', dueValue: 45,
    });
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: yearly.id, period: '2027' });
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa }).map((c) => [c.period, c.date, c.dueDate])).toEqual([
      ['2026-04', '2026-04-01', '2026-04-30'],
      ['2026-12', '2026-12-01', '2026-12-11'],
      ['2027', '2027-01-01', '2027-02-15'],
      ['2028-02', '2028-02-01', '2028-02-29'],
    ]);
    expectCataloguedError(
      khipuError(() => f.api.updateContributionType({ associationId: f.associationId, contributionTypeId: yearly.id, dueRule: 'day_of_month', dueValue: 5 })),
      'contributionType.dueDayNeedsMonthly', 'dueRule',
    );
    expectCataloguedError(
      khipuError(() => f.api.updateContributionType({ associationId: f.associationId, contributionTypeId: monthly.id, dueRule: 'days_after_start' })),
      'contributionType.dueDays', 'dueValue',
    );
    expectCataloguedError(
      khipuError(() => f.api.createContributionType({ associationId: f.associationId, kind: 'fine', name: 'Multa', dueRule: 'day_of_month', dueValue: 3 })),
      'contributionType.dueRuleNotDues', 'dueRule',
    );
  });

  it("refuses a period whose first day is on or before the lock date, naming the period", () => {
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-02-01' });
    const before = counts(f.db);
    const error = khipuError(() => f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-02', date: '2026-02-20' }));
    expectCataloguedError(error, 'dues.periodLocked', 'period');
    expect(error.message).toContain('02/2026');
    expect(counts(f.db)).toEqual(before);
    expect(f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03' }).created).toBe(1);
  });

  it('does not charge a member who leaves on the last day of the period: that day she is no longer a member', () => {
    const leaves = addMember(f.db, f.associationId, 'Juana Mamani', '2025-01-01', '2026-02-28');
    const stays = addMember(f.db, f.associationId, 'Elena Huamán', '2025-01-01', '2026-03-01');
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-02' });
    const charged = new Set(f.api.listCharges({ associationId: f.associationId }).map((c) => c.memberId));
    expect(charged).toEqual(new Set([rosa, stays]));
    expect(charged.has(leaves)).toBe(false);
  });
});

describe('createCharge duplicates', () => {
  it('asks before charging the same type to the same member on the same day; records it once confirmed', () => {
    const input = { associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FINE), date: '2026-03-10', amount: 2000 };
    f.api.createCharge(input);
    const before = counts(f.db);
    const error = khipuError(() => f.api.createCharge(input));
    expectCataloguedError(error, 'charge.possibleDuplicate', 'confirmDuplicate');
    expect(error.message).toContain('Rosa Quispe');
    expect(counts(f.db)).toEqual(before);
    // Another day, or another member, is no duplicate; a confirmed second charge is recorded.
    f.api.createCharge({ ...input, date: '2026-03-11' });
    f.api.createCharge({ ...input, confirmDuplicate: true });
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa }).map((c) => c.date)).toEqual(['2026-03-10', '2026-03-10', '2026-03-11']);
  });

  it('does not count a voided charge as the duplicate', () => {
    const input = { associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FINE), date: '2026-03-10', amount: 2000 };
    const first = f.api.createCharge(input);
    f.api.voidCharge({ chargeId: first.id, date: '2026-03-10', reason: 'Monto equivocado' });
    expect(f.api.createCharge({ ...input, amount: 1500 }).amount).toBe(1500);
    const all = f.api.listCharges({ associationId: f.associationId, memberId: rosa, includeVoided: true });
    expect(all.map((c) => [c.amount, c.voided?.reason ?? null])).toEqual([[2000, 'Monto equivocado'], [1500, null]]);
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa })).toHaveLength(1);
  });
});

describe('voidInKind', () => {
  it('reverses the entry (linked both ways), keeps the record with its reason and reopens the charge it paid', () => {
    const fine = f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FINE), date: '2026-03-01', amount: 3000 });
    const work = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FAENA), date: '2026-03-08',
      description: 'Limpieza del canal', quantity: 1000, value: 3000, chargeId: fine.id,
    });
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa, openOnly: true })).toHaveLength(0);

    const voided = f.api.voidInKind({ inKindId: work.id, date: '2026-03-09', reason: 'La faena fue de otra socia' });
    expect(voided).toMatchObject({ id: work.id, value: 3000, voided: { date: '2026-03-09', reason: 'La faena fue de otra socia' } });
    const original = f.api.getEntry({ entryId: work.entryId });
    const reversal = f.api.getEntry({ entryId: voided.voided!.entryId });
    expect(original.reversedByEntryId).toBe(reversal.id);
    expect(reversal).toMatchObject({ reversesEntryId: original.id, sourceType: 'in_kind_void', sourceId: work.id, date: '2026-03-09' });
    expect(entryLines(f.db, reversal.id).map((l) => l.amount)).toEqual(entryLines(f.db, original.id).map((l) => -l.amount));
    expect(f.api.listCharges({ associationId: f.associationId, memberId: rosa, openOnly: true })).toMatchObject([{ id: fine.id, open: 3000 }]);
    expect(f.api.listInKindContributions({ associationId: f.associationId })).toMatchObject([{ id: work.id, memberName: 'Rosa Quispe', voided: { reason: 'La faena fue de otra socia' } }]);
    // Paid again by another faena: the released allocation no longer counts.
    f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FAENA), date: '2026-03-10',
      description: 'Limpieza del canal', value: 3000, chargeId: fine.id,
    });
    expectTrialBalanceZero(f);

    expectCataloguedError(khipuError(() => f.api.voidInKind({ inKindId: work.id, date: '2026-03-12', reason: 'otra vez' })), 'inKind.alreadyVoided', 'inKindId');
    expectCataloguedError(khipuError(() => f.api.voidInKind({ inKindId: 999, date: '2026-03-12', reason: 'x' })), 'inKind.notFound', 'inKindId');
  });

  it('refuses a void dated before the contribution or in the closed period, writing nothing', () => {
    const work = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FAENA), date: '2026-03-08', description: 'Faena', value: 2000,
    });
    const before = counts(f.db);
    expectCataloguedError(khipuError(() => f.api.voidInKind({ inKindId: work.id, date: '2026-03-07', reason: 'error' })), 'inKind.voidBeforeDate', 'date');
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-03-10' });
    expectCataloguedError(khipuError(() => f.api.voidInKind({ inKindId: work.id, date: '2026-03-10', reason: 'error' })), 'entry.locked', 'date');
    expect(counts(f.db).journal_entries).toBe(before.journal_entries);
  });

  it('stops counting a voided faena in the contributions report from the day it is voided', () => {
    const work = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FAENA), date: '2026-03-08', description: 'Faena', value: 2000,
    });
    f.api.voidInKind({ inKindId: work.id, date: '2026-04-02', reason: 'error' });
    const report = (to: string) => f.api.contributionsByMember({ associationId: f.associationId, from: '2026-03-01', to }).totals.inKind;
    expect(report('2026-03-31')).toBe(2000);
    expect(report('2026-04-30')).toBe(0);
  });

    it('lets raw SQL neither change an in-kind record nor mark it voided without its void entry', () => {
    const work = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FAENA), date: '2026-03-08', description: 'Faena', value: 2000,
    });
    expect(() => f.db.prepare('UPDATE in_kind_contributions SET value = 1 WHERE id = ?').run(work.id)).toThrow('inKind.immutable');
    expect(() => f.db.prepare(`UPDATE in_kind_contributions SET voided_on = '2026-03-09', voided_at = 'x', void_reason = 'x', void_entry_id = ? WHERE id = ?`)
      .run(work.entryId, work.id)).toThrow('inKind.immutable');
    const voided = f.api.voidInKind({ inKindId: work.id, date: '2026-03-09', reason: 'error' });
    expect(() => f.db.prepare('UPDATE in_kind_contributions SET voided_on = NULL, void_entry_id = NULL WHERE id = ?').run(work.id)).toThrow('inKind.immutable');
    expect(f.api.listInKindContributions({ associationId: f.associationId })[0]!.voided).toMatchObject({ entryId: voided.voided!.entryId });
  });
});
