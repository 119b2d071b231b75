import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { khipuError, expectCataloguedError } from '../../shared/testing/errors';
import { membersEnv, socia, type MembersEnv } from './testing';

let t: MembersEnv;
beforeEach(() => { t = membersEnv(); });
afterEach(() => t.env.cleanup());

describe('createMember / updateMember', () => {
  it('keeps Quechua and Spanish names as typed, tidies spaces, and writes full_name', () => {
    const sumaq = t.api.createMember(socia(t.associationId, {
      dni: '01234567', givenNames: '  Sumaq   Q\'oy ', surnames: 'Ñahui  Núñez', sex: 'F', birthDate: '1985-11-03',
      community: ' Ccochaccasa ', phone: '+51 987 654 321', joinedOn: '2015-03-15',
    }));
    expect(sumaq).toMatchObject({
      dni: '01234567', givenNames: "Sumaq Q'oy", surnames: 'Ñahui Núñez', fullName: "Sumaq Q'oy Ñahui Núñez", sex: 'F',
      birthDate: '1985-11-03', community: 'Ccochaccasa', phone: '+51 987 654 321', active: true, joinedOn: '2015-03-15',
      leftOn: null, posts: [],
    });
    expect(sumaq.memberships).toEqual([{ id: expect.any(Number), joinedOn: '2015-03-15', leftOn: null, leaveReason: null }]);
    const row = t.env.db.prepare('SELECT full_name, created_at FROM members WHERE id = ?').get(sumaq.id);
    expect(row).toEqual({ full_name: "Sumaq Q'oy Ñahui Núñez", created_at: '2026-03-15T12:00:00.000Z' });

    const updated = t.api.updateMember({ associationId: t.associationId, memberId: sumaq.id, surnames: 'Núñez Ñahui', phone: null, dni: '01234568' });
    expect(updated).toMatchObject({ dni: '01234568', surnames: 'Núñez Ñahui', fullName: "Sumaq Q'oy Núñez Ñahui", phone: null, community: 'Ccochaccasa' });
    const audit = t.env.db.prepare("SELECT details FROM audit_log WHERE operation = 'updateMember'").get() as { details: string };
    expect(JSON.parse(audit.details).changed).toEqual({
      dni: { from: '01234567', to: '01234568' }, surnames: { from: 'Ñahui Núñez', to: 'Núñez Ñahui' },
      phone: { from: '+51 987 654 321', to: null },
    });
  });

  it('refuses a DNI already in the association, naming the other member, and writes nothing', () => {
    t.api.createMember(socia(t.associationId, { dni: '41234567', givenNames: 'Tika', surnames: 'Pallana' }));
    const before = t.auditCount();
    const error = khipuError(() => t.api.createMember(socia(t.associationId, { dni: ' 41234567 ', givenNames: 'Otra' })));
    expectCataloguedError(error, 'member.dniTaken', 'dni');
    expect(error.message).toBe('El DNI 41234567 ya está registrado para el socio «Tika Pallana» en esta asociación.');
    expect(t.auditCount()).toBe(before);
    expect(t.api.listMembers({ associationId: t.associationId }).counts.total).toBe(1);
    // Another association may register the same person.
    const other = t.newAssociation('Asociación de Cuyes Wayra');
    expect(t.api.createMember(socia(other, { dni: '41234567' })).dni).toBe('41234567');
    // An update cannot take someone else's DNI either.
    const second = t.api.createMember(socia(t.associationId, { dni: '41234568' }));
    expectCataloguedError(khipuError(() => t.api.updateMember({ associationId: t.associationId, memberId: second.id, dni: '41234567' })), 'member.dniTaken', 'dni');
  });

  it('refuses a bad DNI, names, phone and dates with the field named', () => {
    const before = t.auditCount();
    const dni = dispatch(t.api, 'createMember', socia(t.associationId, { dni: '4567890' }));
    expect(dni).toMatchObject({ ok: false, error: { code: 'peru.dni.format', field: 'dni' } });
    if (!dni.ok) expect(dni.error.message).toContain('«4567890»');
    expect(dispatch(t.api, 'createMember', socia(t.associationId, { givenNames: '   ' })))
      .toMatchObject({ ok: false, error: { code: 'input.required', field: 'givenNames' } });
    expect(dispatch(t.api, 'createMember', socia(t.associationId, { phone: '987-654-321' })))
      .toMatchObject({ ok: false, error: { code: 'member.phoneInvalid', field: 'phone' } });
    const future = dispatch(t.api, 'createMember', socia(t.associationId, { birthDate: '2026-03-16' }));
    expect(future).toMatchObject({ ok: false, error: { code: 'member.birthDateFuture', field: 'birthDate' } });
    if (!future.ok) expect(future.error.message).toBe('La fecha de nacimiento 16/03/2026 es posterior a hoy.');
    expect(dispatch(t.api, 'createMember', socia(t.associationId, { birthDate: '2021-01-01', joinedOn: '2020-01-10' })))
      .toMatchObject({ ok: false, error: { code: 'member.birthDateAfterJoin', field: 'birthDate' } });
    expect(dispatch(t.api, 'createMember', socia(t.associationId, { sex: 'X' as 'F' })))
      .toMatchObject({ ok: false, error: { field: 'sex' } });
    expect(t.auditCount()).toBe(before);
    expect(t.env.db.prepare('SELECT COUNT(*) AS n FROM members').get()).toEqual({ n: 0 });
  });

  it('answers an unknown member or another association\'s member as not found, changing nothing', () => {
    const other = t.newAssociation('Asociación de Cuyes Wayra');
    const foreign = t.api.createMember(socia(other, { givenNames: 'Wayra' }));
    const before = t.auditCount();
    for (const memberId of [foreign.id, 999]) {
      const error = khipuError(() => t.api.updateMember({ associationId: t.associationId, memberId, givenNames: 'Intruso' }));
      expectCataloguedError(error, 'member.notFound', 'memberId');
      expect(dispatch(t.api, 'memberLeaves', { associationId: t.associationId, memberId, leftOn: '2026-01-01', reason: 'x' }))
        .toMatchObject({ ok: false, error: { code: 'member.notFound' } });
      expect(dispatch(t.api, 'getMember', { associationId: t.associationId, memberId }))
        .toMatchObject({ ok: false, error: { code: 'member.notFound', field: 'memberId' } });
    }
    expect(t.auditCount()).toBe(before);
    expect(t.api.getMember({ associationId: other, memberId: foreign.id }).givenNames).toBe('Wayra');
  });

  it('never deletes a member or a membership period (trigger answers member.noDelete)', () => {
    const rosa = t.api.createMember(socia(t.associationId));
    expect(() => t.env.db.prepare('DELETE FROM members WHERE id = ?').run(rosa.id)).toThrow('member.noDelete');
    expect(() => t.env.db.prepare('DELETE FROM member_memberships').run()).toThrow('member.noDelete');
    expect(t.api.getMember({ associationId: t.associationId, memberId: rosa.id }).memberships).toHaveLength(1);
  });
});

describe('memberLeaves / memberRejoins', () => {
  it('keeps both periods and answers "active" by date', () => {
    const { associationId } = t;
    const rosa = t.api.createMember(socia(associationId, { joinedOn: '2018-02-01' }));
    const left = t.api.memberLeaves({ associationId, memberId: rosa.id, leftOn: '2021-06-30', reason: 'Migró a Lima' });
    expect(left).toMatchObject({ active: false, joinedOn: '2018-02-01', leftOn: '2021-06-30' });
    expect(dispatch(t.api, 'memberLeaves', { associationId, memberId: rosa.id, leftOn: '2022-01-01', reason: 'otra vez' }))
      .toMatchObject({ ok: false, error: { code: 'member.notActive', field: 'memberId' } });
    const early = dispatch(t.api, 'memberRejoins', { associationId, memberId: rosa.id, joinedOn: '2021-06-30' });
    expect(early).toMatchObject({ ok: false, error: { code: 'member.rejoinBeforeLeave', field: 'joinedOn' } });
    if (!early.ok) expect(early.error.message).toContain('(30/06/2021)');

    const back = t.api.memberRejoins({ associationId, memberId: rosa.id, joinedOn: '2023-03-01' });
    expect(back).toMatchObject({ active: true, joinedOn: '2023-03-01', leftOn: null });
    expect(back.memberships.map((p) => [p.joinedOn, p.leftOn, p.leaveReason])).toEqual([
      ['2018-02-01', '2021-06-30', 'Migró a Lima'], ['2023-03-01', null, null],
    ]);
    expect(dispatch(t.api, 'memberRejoins', { associationId, memberId: rosa.id, joinedOn: '2024-01-01' }))
      .toMatchObject({ ok: false, error: { code: 'member.alreadyActive' } });

    const activeOn = (asOf: string) => t.api.listMembers({ associationId, asOf }).members[0]!.active;
    expect(activeOn('2018-01-31')).toBe(false);
    expect(activeOn('2018-02-01')).toBe(true);
    expect(activeOn('2021-06-29')).toBe(true);
    expect(activeOn('2021-06-30')).toBe(false);
    expect(activeOn('2022-12-31')).toBe(false);
    expect(activeOn('2023-03-01')).toBe(true);
    expect(t.api.listMembers({ associationId, asOf: '2022-01-01', active: false }).counts).toMatchObject({ total: 1, active: 0 });
  });

  it('refuses a leaving date before joining, writing nothing', () => {
    const rosa = t.api.createMember(socia(t.associationId, { joinedOn: '2020-01-10' }));
    const before = t.auditCount();
    expect(dispatch(t.api, 'memberLeaves', { associationId: t.associationId, memberId: rosa.id, leftOn: '2020-01-09', reason: 'x' }))
      .toMatchObject({ ok: false, error: { code: 'member.leaveBeforeJoin', field: 'leftOn' } });
    expect(t.auditCount()).toBe(before);
    expect(t.api.getMember({ associationId: t.associationId, memberId: rosa.id }).active).toBe(true);
  });
});

describe('joining date', () => {
  it('is required with no default: a member without it is refused, naming the field, and nothing is written', () => {
    const member = { associationId: t.associationId, dni: '41234599', givenNames: 'Rosa', surnames: 'Quispe', sex: 'F' as const };
    expectCataloguedError(khipuError(() => t.api.createMember(member)), 'member.joinedOnRequired', 'joinedOn');
    expectCataloguedError(khipuError(() => t.api.createMember({ ...member, joinedOn: null })), 'member.joinedOnRequired', 'joinedOn');
    expect(t.api.listMembers({ associationId: t.associationId, search: '41234599' }).members).toEqual([]);
    expect(t.api.createMember({ ...member, joinedOn: '2025-01-10' }).joinedOn).toBe('2025-01-10');
  });
});
