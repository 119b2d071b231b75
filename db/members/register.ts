import { KhipuError } from '../../shared/errors';
import { displayDate } from '../../shared/dates';
import type { MemberView, Sex } from '../../shared/operations/members';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';
import { getMember } from './list';
import {
  assertAssociation, checkBirthDate, checkDni, cleanPhone, fullName, limaToday, optionalClean, requireName,
} from './rules';

export interface NewMember {
  associationId: number;
  dni: string;
  givenNames: string;
  surnames: string;
  sex: Sex;
  birthDate?: string | null | undefined;
  community?: string | null | undefined;
  phone?: string | null | undefined;
  joinedOn: string;
  /** Import only: a member who had already left (from an exported padrón). */
  leftOn?: string | null | undefined;
}

/** Inserts one member and its first period; the caller holds the transaction and writes the audit. */
export function insertMember(db: LedgerDatabase, context: WriteContext, input: NewMember): { id: number; values: Record<string, unknown> } {
  const today = limaToday(context.now());
  const dni = checkDni(db, input.associationId, input.dni);
  const givenNames = requireName(input.givenNames, 'givenNames');
  const surnames = requireName(input.surnames, 'surnames');
  const birthDate = input.birthDate ?? null;
  checkBirthDate(birthDate, input.joinedOn, today);
  const community = optionalClean(input.community);
  const phone = cleanPhone(input.phone);
  const leftOn = input.leftOn ?? null;
  if (leftOn !== null && leftOn < input.joinedOn) {
    throw new KhipuError('member.leaveBeforeJoin', {
      field: 'leftOn', params: { leftOn: displayDate(leftOn), joinedOn: displayDate(input.joinedOn) },
    });
  }
  const id = Number(
    prepared(db,
      `INSERT INTO members (association_id, full_name, dni, given_names, surnames, sex, birth_date, community, phone, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.associationId, fullName(givenNames, surnames), dni, givenNames, surnames, input.sex, birthDate, community, phone,
      context.now().toISOString(),
    ).lastInsertRowid,
  );
  prepared(db, 'INSERT INTO member_memberships (member_id, joined_on, left_on) VALUES (?, ?, ?)').run(id, input.joinedOn, leftOn);
  return { id, values: { dni, givenNames, surnames, sex: input.sex, birthDate, community, phone, joinedOn: input.joinedOn, leftOn } };
}

/**
 * Registers a member. Her joining date is what the treasurer says it is: with no date the member is
 * refused, naming the field, rather than given today's date (which would charge or count her wrongly).
 */
export function createMember(
  db: LedgerDatabase, context: WriteContext, input: Omit<NewMember, 'joinedOn'> & { joinedOn?: string | null | undefined },
): MemberView {
  return writeTransaction(db, () => {
    assertAssociation(db, input.associationId);
    const joinedOn = input.joinedOn;
    if (!joinedOn) throw new KhipuError('member.joinedOnRequired', { field: 'joinedOn' });
    const { id, values } = insertMember(db, context, { ...input, joinedOn, leftOn: null });
    appendAudit(db, context, 'createMember', input.associationId, { id, ...values });
    return getMember(db, input.associationId, id, limaToday(context.now()));
  });
}

export interface MemberChanges {
  associationId: number;
  memberId: number;
  dni?: string | undefined;
  givenNames?: string | undefined;
  surnames?: string | undefined;
  sex?: Sex | undefined;
  birthDate?: string | null | undefined;
  community?: string | null | undefined;
  phone?: string | null | undefined;
}

export function updateMember(db: LedgerDatabase, context: WriteContext, input: MemberChanges): MemberView {
  return writeTransaction(db, () => {
    const today = limaToday(context.now());
    const before = getMember(db, input.associationId, input.memberId, today);
    const dni = input.dni === undefined ? before.dni : checkDni(db, input.associationId, input.dni, before.id);
    const givenNames = input.givenNames === undefined ? before.givenNames : requireName(input.givenNames, 'givenNames');
    const surnames = input.surnames === undefined ? before.surnames : requireName(input.surnames, 'surnames');
    const sex = input.sex ?? before.sex;
    const birthDate = input.birthDate === undefined ? before.birthDate : input.birthDate;
    const firstJoined = before.memberships[0]?.joinedOn ?? null;
    if (input.birthDate !== undefined) checkBirthDate(birthDate, firstJoined, today);
    const community = input.community === undefined ? before.community : optionalClean(input.community);
    const phone = input.phone === undefined ? before.phone : cleanPhone(input.phone);
    const name = givenNames || surnames ? fullName(givenNames, surnames) : before.fullName;
    prepared(db,
      `UPDATE members SET full_name = ?, dni = ?, given_names = ?, surnames = ?, sex = ?, birth_date = ?, community = ?, phone = ?
       WHERE id = ?`,
    ).run(name, dni, givenNames, surnames, sex, birthDate, community, phone, before.id);
    const after = { dni, givenNames, surnames, sex, birthDate, community, phone };
    const changed = Object.fromEntries(
      Object.entries(after).filter(([key, value]) => before[key as keyof typeof after] !== value)
        .map(([key, value]) => [key, { from: before[key as keyof typeof after], to: value }]),
    );
    appendAudit(db, context, 'updateMember', input.associationId, { id: before.id, changed });
    return getMember(db, input.associationId, before.id, today);
  });
}

/** Closes the open period; the member's open officer posts end the same day. */
export function memberLeaves(
  db: LedgerDatabase, context: WriteContext, input: { associationId: number; memberId: number; leftOn: string; reason: string },
): MemberView {
  return writeTransaction(db, () => {
    const today = limaToday(context.now());
    const member = getMember(db, input.associationId, input.memberId, today);
    const open = member.memberships.find((p) => p.leftOn === null);
    if (!open) throw new KhipuError('member.notActive', { field: 'memberId', params: { name: member.fullName } });
    if (input.leftOn < open.joinedOn) {
      throw new KhipuError('member.leaveBeforeJoin', {
        field: 'leftOn', params: { leftOn: displayDate(input.leftOn), joinedOn: displayDate(open.joinedOn) },
      });
    }
    const reason = input.reason.replace(/\s+/g, ' ').trim();
    prepared(db, 'UPDATE member_memberships SET left_on = ?, leave_reason = ? WHERE id = ?').run(input.leftOn, reason, open.id);
    const ended = prepared(db,
      `UPDATE officer_posts SET term_end = ? WHERE member_id = ? AND term_start <= ? AND (term_end IS NULL OR term_end > ?)`,
    ).run(input.leftOn, member.id, input.leftOn, input.leftOn).changes;
    appendAudit(db, context, 'memberLeaves', input.associationId, {
      id: member.id, periodId: open.id, leftOn: input.leftOn, reason, postsEnded: ended,
    });
    return getMember(db, input.associationId, member.id, today);
  });
}

/** Opens a new period after the last one closed; the old periods stay as they were. */
export function memberRejoins(
  db: LedgerDatabase, context: WriteContext, input: { associationId: number; memberId: number; joinedOn: string },
): MemberView {
  return writeTransaction(db, () => {
    const today = limaToday(context.now());
    const member = getMember(db, input.associationId, input.memberId, today);
    if (member.memberships.some((p) => p.leftOn === null)) {
      throw new KhipuError('member.alreadyActive', { field: 'memberId', params: { name: member.fullName } });
    }
    const lastLeft = member.memberships.reduce<string | null>((last, p) => (p.leftOn && (!last || p.leftOn > last) ? p.leftOn : last), null);
    if (lastLeft !== null && input.joinedOn <= lastLeft) {
      throw new KhipuError('member.rejoinBeforeLeave', {
        field: 'joinedOn', params: { joinedOn: displayDate(input.joinedOn), leftOn: displayDate(lastLeft) },
      });
    }
    const periodId = Number(
      prepared(db, 'INSERT INTO member_memberships (member_id, joined_on) VALUES (?, ?)').run(member.id, input.joinedOn).lastInsertRowid,
    );
    appendAudit(db, context, 'memberRejoins', input.associationId, { id: member.id, periodId, joinedOn: input.joinedOn });
    return getMember(db, input.associationId, member.id, today);
  });
}
