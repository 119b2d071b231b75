import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { khipuError, expectCataloguedError } from '../../shared/testing/errors';
import { membersEnv, socia, type MembersEnv } from './testing';

let t: MembersEnv;
beforeEach(() => { t = membersEnv(); });
afterEach(() => t.env.cleanup());

function seedPadron(associationId: number) {
  const add = (givenNames: string, surnames: string, sex: 'F' | 'M', community: string | null, dni?: string) =>
    t.api.createMember(socia(associationId, { givenNames, surnames, sex, community, ...(dni ? { dni } : {}) }));
  return {
    sumaq: add("Sumaq Q'oy", 'Mamani Quispe', 'F', 'Ccochaccasa', '41230001'),
    tika: add('Tika Pallana', 'Núñez Ccahuana', 'F', 'Huayllabamba', '41230002'),
    misky: add('Misky Llankaq', 'Ñahui Condori', 'F', 'Ccochaccasa', '42000003'),
    wayra: add('Wayra', 'Cusi Yupanqui', 'M', 'Huayllabamba'),
    inti: add('Inti', 'Taipe Huarcaya', 'M', null),
  };
}

describe('listMembers', () => {
  it('counts women, men and active members in SQL, over the same filter as the rows', () => {
    const { associationId } = t;
    const p = seedPadron(associationId);
    t.api.memberLeaves({ associationId, memberId: p.inti.id, leftOn: '2025-12-31', reason: 'Cambió de actividad' });
    expect(t.api.listMembers({ associationId }).counts).toEqual({ total: 5, women: 3, men: 2, active: 4 });
    expect(t.api.listMembers({ associationId, active: true }).counts).toEqual({ total: 4, women: 3, men: 1, active: 4 });
    expect(t.api.listMembers({ associationId, active: false }).members.map((m) => m.givenNames)).toEqual(['Inti']);
    expect(t.api.listMembers({ associationId, sex: 'M' }).counts).toEqual({ total: 2, women: 0, men: 2, active: 1 });
    expect(t.api.listMembers({ associationId, asOf: '2025-06-01' }).counts.active).toBe(5);
    // Another association's members never show up in the list or the counts.
    const other = t.newAssociation('Asociación de Cuyes Wayra');
    t.api.createMember(socia(other, { sex: 'F' }));
    expect(t.api.listMembers({ associationId }).counts.total).toBe(5);
    expect(t.api.listMembers({ associationId: other }).counts).toEqual({ total: 1, women: 1, men: 0, active: 1 });
  });

  it('sorts by surnames, then given names', () => {
    seedPadron(t.associationId);
    expect(t.api.listMembers({ associationId: t.associationId }).members.map((m) => m.surnames)).toEqual([
      'Cusi Yupanqui', 'Mamani Quispe', 'Ñahui Condori', 'Núñez Ccahuana', 'Taipe Huarcaya',
    ]);
  });

  it('searches without caring for case, accents, ñ or apostrophes, by DNI prefix and by community', () => {
    const { associationId } = t;
    seedPadron(associationId);
    const names = (search: string) => t.api.listMembers({ associationId, search }).members.map((m) => m.fullName);
    expect(names('nunez')).toEqual(['Tika Pallana Núñez Ccahuana']);
    expect(names('NÚÑEZ')).toEqual(['Tika Pallana Núñez Ccahuana']);
    expect(names('qoy')).toEqual(["Sumaq Q'oy Mamani Quispe"]);
    expect(names("q'oy mamani")).toEqual(["Sumaq Q'oy Mamani Quispe"]);
    expect(names('nahui')).toEqual(['Misky Llankaq Ñahui Condori']);
    expect(names('4123')).toEqual(["Sumaq Q'oy Mamani Quispe", 'Tika Pallana Núñez Ccahuana']);
    expect(names('huayllabamba')).toEqual(['Wayra Cusi Yupanqui', 'Tika Pallana Núñez Ccahuana']);
    expect(names('%')).toEqual([]);
    expect(t.api.listMembers({ associationId, search: 'quispe', community: 'CCOCHACCASA' }).counts.total).toBe(1);
    expect(t.api.listMembers({ associationId, community: 'ccochaccasa' }).members.map((m) => m.givenNames))
      .toEqual(["Sumaq Q'oy", 'Misky Llankaq']);
  });

  it('lists the distinct communities for the filter', () => {
    seedPadron(t.associationId);
    expect(t.api.listCommunities({ associationId: t.associationId })).toEqual(['Ccochaccasa', 'Huayllabamba']);
    expect(dispatch(t.api, 'listCommunities', { associationId: 999 })).toMatchObject({ ok: false, error: { code: 'association.notFound' } });
  });
});

describe('officer posts', () => {
  it('refuses an overlapping term for single-holder posts but allows several vocales', () => {
    const { associationId } = t;
    const p = seedPadron(associationId);
    const president = t.api.assignOfficerPost({ associationId, memberId: p.sumaq.id, post: 'presidente', termStart: '2024-01-01', termEnd: '2025-12-31' });
    expect(president).toMatchObject({ memberName: "Sumaq Q'oy Mamani Quispe", post: 'presidente', termEnd: '2025-12-31' });
    const before = t.auditCount();
    const taken = khipuError(() =>
      t.api.assignOfficerPost({ associationId, memberId: p.tika.id, post: 'presidente', termStart: '2025-12-31', termEnd: '2027-12-31' }));
    expectCataloguedError(taken, 'officer.postTaken', 'post');
    expect(taken.message).toBe("El puesto de presidente en la junta directiva lo ocupa «Sumaq Q'oy Mamani Quispe» del 01/01/2024 al 31/12/2025; los periodos no pueden superponerse.");
    expect(t.auditCount()).toBe(before);
    // The next term starts the day after.
    t.api.assignOfficerPost({ associationId, memberId: p.tika.id, post: 'presidente', termStart: '2026-01-01', termEnd: '2027-12-31' });
    t.api.assignOfficerPost({ associationId, memberId: p.wayra.id, post: 'vocal', termStart: '2026-01-01' });
    t.api.assignOfficerPost({ associationId, memberId: p.misky.id, post: 'vocal', termStart: '2026-01-01' });
    expectCataloguedError(khipuError(() =>
      t.api.assignOfficerPost({ associationId, memberId: p.misky.id, post: 'vocal', termStart: '2026-02-01' })), 'officer.alreadyHolds', 'post');
    expect(t.api.listOfficers({ associationId }).map((o) => [o.post, o.memberName])).toEqual([
      ['presidente', 'Tika Pallana Núñez Ccahuana'], ['vocal', 'Wayra Cusi Yupanqui'], ['vocal', 'Misky Llankaq Ñahui Condori'],
    ]);
    expect(t.api.listOfficers({ associationId, asOf: '2025-06-01' }).map((o) => o.memberName)).toEqual(["Sumaq Q'oy Mamani Quispe"]);
    // Current posts appear on the member; getMember shows past ones too.
    expect(t.api.listMembers({ associationId, search: 'sumaq' }).members[0]!.posts).toEqual([]);
    expect(t.api.getMember({ associationId, memberId: p.sumaq.id }).posts.map((o) => o.termStart)).toEqual(['2024-01-01']);
  });

  it('needs an active member, a sensible term, and ends terms early or when the member leaves', () => {
    const { associationId } = t;
    const p = seedPadron(associationId);
    expect(dispatch(t.api, 'assignOfficerPost', { associationId, memberId: p.inti.id, post: 'fiscal', termStart: '2019-01-01' }))
      .toMatchObject({ ok: false, error: { code: 'officer.memberNotActive', field: 'termStart' } });
    expect(dispatch(t.api, 'assignOfficerPost', { associationId, memberId: p.inti.id, post: 'fiscal', termStart: '2026-01-01', termEnd: '2025-01-01' }))
      .toMatchObject({ ok: false, error: { code: 'officer.termEndBeforeStart', field: 'termEnd' } });
    const treasurer = t.api.assignOfficerPost({ associationId, memberId: p.tika.id, post: 'tesorero', termStart: '2024-01-01' });
    const ended = t.api.endOfficerPost({ associationId, postId: treasurer.id, termEnd: '2025-06-30' });
    expect(ended.termEnd).toBe('2025-06-30');
    expect(dispatch(t.api, 'endOfficerPost', { associationId, postId: treasurer.id, termEnd: '2025-07-30' }))
      .toMatchObject({ ok: false, error: { code: 'officer.alreadyEnded' } });
    expect(dispatch(t.api, 'endOfficerPost', { associationId: t.newAssociation('Otra'), postId: treasurer.id, termEnd: '2025-07-30' }))
      .toMatchObject({ ok: false, error: { code: 'officer.postNotFound', field: 'postId' } });
    const fiscal = t.api.assignOfficerPost({ associationId, memberId: p.wayra.id, post: 'fiscal', termStart: '2025-01-01' });
    t.api.memberLeaves({ associationId, memberId: p.wayra.id, leftOn: '2026-02-28', reason: 'Renunció' });
    expect(t.api.getMember({ associationId, memberId: p.wayra.id }).posts).toEqual([{ ...fiscal, termEnd: '2026-02-28' }]);
    expect(t.api.listOfficers({ associationId })).toEqual([]);
  });
});
