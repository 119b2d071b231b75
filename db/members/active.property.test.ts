import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import { isActiveOn, type MembershipDates } from './active';

// One rule decides who is a member on a day (db/members/active.ts). For random membership histories,
// the dues run, the padrón's filter, the counts by sex and the ODEL summary must all agree with it.

const months = Array.from({ length: 6 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);
/** The days where an off-by-one shows: each month's first, 15th and last day. */
const days = months.flatMap((m) => [`${m}-01`, `${m}-15`, lastDay(m)]);

/** One to three membership periods in order, each leaving on or after it joined; the last may stay open. */
const history: fc.Arbitrary<MembershipDates[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: days.length - 1 }), { minLength: 1, maxLength: 6 })
  .chain((indexes) => fc.tuple(fc.constant([...indexes].sort((a, b) => a - b)), fc.boolean(), fc.boolean()))
  .map(([sorted, stillIn, sameDayLeave]) => {
    const periods: MembershipDates[] = [];
    for (let i = 0; i < sorted.length; i += 2) {
      const joinedOn = days[sorted[i]!]!;
      const leftIndex = sorted[i + 1];
      periods.push({ joinedOn, leftOn: leftIndex === undefined ? null : days[leftIndex]! });
    }
    const last = periods[periods.length - 1]!;
    if (last.leftOn !== null && stillIn) last.leftOn = null;
    // A member who leaves the very day she joined: never active.
    if (sameDayLeave && last.leftOn !== null) last.leftOn = last.joinedOn;
    return periods;
  })
  .filter((periods) => periods.every((p, i) => i === 0 || periods[i - 1]!.leftOn !== null && periods[i - 1]!.leftOn! < p.joinedOn));

const member = fc.record({ sex: fc.constantFrom<'F' | 'M'>('F', 'M'), periods: history });

describe('who is active on a day', () => {
  it('dues, padrón, counts by sex and ODEL agree with the one rule for random membership histories', () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), fc.constantFrom(...months), (members, month) => {
        const env = tempDatabase();
        try {
          const api = createLedgerApi(env.db, testContext);
          const { id: associationId } = api.createAssociation({ name: 'Asociación Sumaq', legalForm: 'asociacion', ubigeo: '030601' });
          const { types } = api.seedDefaultContributionTypes({ associationId });
          const insertMember = env.db.prepare(
            `INSERT INTO members (association_id, full_name, given_names, surnames, dni, sex, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          );
          const insertPeriod = env.db.prepare('INSERT INTO member_memberships (member_id, joined_on, left_on) VALUES (?, ?, ?)');
          const ids = members.map((m, i) => {
            const id = Number(insertMember.run(associationId, `Socia ${i}`, 'Socia', String(i), String(41000000 + i), m.sex, '2025-01-01T00:00:00Z').lastInsertRowid);
            for (const p of m.periods) insertPeriod.run(id, p.joinedOn, p.leftOn);
            return id;
          });
          const day = lastDay(month);
          const expected = new Set(ids.filter((_, i) => isActiveOn(members[i]!.periods, day)));
          const women = ids.filter((id, i) => expected.has(id) && members[i]!.sex === 'F').length;
          const men = expected.size - women;

          const padron = api.listMembers({ associationId, active: true, asOf: day });
          expect(new Set(padron.members.map((m) => m.id))).toEqual(expected);
          expect(padron.members.every((m) => m.active)).toBe(true);
          expect(api.listMembers({ associationId, active: false, asOf: day }).members.some((m) => expected.has(m.id))).toBe(false);

          expect(api.membersBySex({ associationId, asOf: day }).active).toMatchObject({ women, men, total: expected.size });
          expect(api.odelSummary({ from: `${month}-01`, to: day }).total).toMatchObject({ women, men, members: expected.size });

          const dues = types.find((t) => t.kind === 'ordinary_due')!;
          api.generateDues({ associationId, contributionTypeId: dues.id, period: month });
          expect(new Set(api.listCharges({ associationId }).map((c) => c.memberId))).toEqual(expected);
        } finally {
          env.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the day she leaves is her first day out; the day she joins, her first day in', () => {
    const periods = [{ joinedOn: '2025-03-10', leftOn: '2025-06-30' }];
    expect([isActiveOn(periods, '2025-03-09'), isActiveOn(periods, '2025-03-10'), isActiveOn(periods, '2025-06-29'), isActiveOn(periods, '2025-06-30')])
      .toEqual([false, true, true, false]);
  });
});
