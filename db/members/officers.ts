import { KhipuError } from '../../shared/errors';
import { displayDate } from '../../shared/dates';
import type { OfficerPost, OfficerPostView } from '../../shared/operations/members';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';
import { getMember, getOfficerPost } from './list';
import { limaToday } from './rules';

/** Posts one person holds at a time; the assembly may elect several vocales. */
const SINGLE_HOLDER: ReadonlySet<OfficerPost> = new Set(['presidente', 'vicepresidente', 'tesorero', 'secretario', 'fiscal']);

const open = (date: string | null) => (date === null ? '…' : displayDate(date));

/**
 * Terms include their first and last day, so two terms overlap when each starts on or before the other ends:
 * a new president starts the day after the previous term ends.
 */
export function assignOfficerPost(
  db: LedgerDatabase,
  context: WriteContext,
  input: { associationId: number; memberId: number; post: OfficerPost; termStart: string; termEnd?: string | null | undefined },
): OfficerPostView {
  return writeTransaction(db, () => {
    const termEnd = input.termEnd ?? null;
    const member = getMember(db, input.associationId, input.memberId, input.termStart);
    if (termEnd !== null && termEnd < input.termStart) {
      throw new KhipuError('officer.termEndBeforeStart', {
        field: 'termEnd', params: { termEnd: displayDate(termEnd), termStart: displayDate(input.termStart) },
      });
    }
    if (!member.active) {
      throw new KhipuError('officer.memberNotActive', {
        field: 'termStart', params: { name: member.fullName, date: displayDate(input.termStart) },
      });
    }
    const overlapping = prepared(db,
      `SELECT o.id, o.member_id AS memberId, m.full_name AS name, o.term_start AS termStart, o.term_end AS termEnd
       FROM officer_posts o JOIN members m ON m.id = o.member_id
       WHERE m.association_id = ? AND o.post = ? AND o.term_start <= COALESCE(?, '9999-12-31')
         AND COALESCE(o.term_end, '9999-12-31') >= ?
       ORDER BY o.term_start`,
    ).all(input.associationId, input.post, termEnd, input.termStart) as
      { id: number; memberId: number; name: string; termStart: string; termEnd: string | null }[];
    const same = overlapping.find((o) => o.memberId === member.id);
    if (same) {
      throw new KhipuError('officer.alreadyHolds', {
        field: 'post', params: { name: member.fullName, post: input.post, termStart: displayDate(same.termStart), termEnd: open(same.termEnd) },
      });
    }
    const other = overlapping[0];
    if (other && SINGLE_HOLDER.has(input.post)) {
      throw new KhipuError('officer.postTaken', {
        field: 'post', params: { post: input.post, name: other.name, termStart: displayDate(other.termStart), termEnd: open(other.termEnd) },
      });
    }
    const id = Number(
      prepared(db, 'INSERT INTO officer_posts (member_id, post, term_start, term_end) VALUES (?, ?, ?, ?)')
        .run(member.id, input.post, input.termStart, termEnd).lastInsertRowid,
    );
    appendAudit(db, context, 'assignOfficerPost', input.associationId, { id, memberId: member.id, post: input.post, termStart: input.termStart, termEnd });
    return getOfficerPost(db, input.associationId, id);
  });
}

/** Ends a term early or on schedule; a term already ended keeps its date. */
export function endOfficerPost(
  db: LedgerDatabase, context: WriteContext, input: { associationId: number; postId: number; termEnd: string },
): OfficerPostView {
  return writeTransaction(db, () => {
    const post = getOfficerPost(db, input.associationId, input.postId);
    if (post.termEnd !== null && post.termEnd < limaToday(context.now())) {
      throw new KhipuError('officer.alreadyEnded', { field: 'postId', params: { name: post.memberName, termEnd: displayDate(post.termEnd) } });
    }
    if (input.termEnd < post.termStart) {
      throw new KhipuError('officer.termEndBeforeStart', {
        field: 'termEnd', params: { termEnd: displayDate(input.termEnd), termStart: displayDate(post.termStart) },
      });
    }
    // Moving the end later must not reach into the next holder's term.
    const other = SINGLE_HOLDER.has(post.post)
      ? (prepared(db,
        `SELECT m.full_name AS name, o.term_start AS termStart, o.term_end AS termEnd
         FROM officer_posts o JOIN members m ON m.id = o.member_id
         WHERE m.association_id = ? AND o.post = ? AND o.id <> ? AND o.term_start <= ? AND COALESCE(o.term_end, '9999-12-31') >= ?`,
      ).get(input.associationId, post.post, post.id, input.termEnd, post.termStart) as
        { name: string; termStart: string; termEnd: string | null } | undefined)
      : undefined;
    if (other) {
      throw new KhipuError('officer.postTaken', {
        field: 'termEnd', params: { post: post.post, name: other.name, termStart: displayDate(other.termStart), termEnd: open(other.termEnd) },
      });
    }
    prepared(db, 'UPDATE officer_posts SET term_end = ? WHERE id = ?').run(input.termEnd, post.id);
    appendAudit(db, context, 'endOfficerPost', input.associationId, { id: post.id, from: post.termEnd, termEnd: input.termEnd });
    return getOfficerPost(db, input.associationId, post.id);
  });
}
