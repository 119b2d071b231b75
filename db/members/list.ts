import { sql, type Expression, type SqlBool } from 'kysely';
import { KhipuError } from '../../shared/errors';
import { foldText } from '../../shared/text';
import type {
  MemberCounts, MemberList, MemberView, MembershipPeriod, OfficerPostView, Sex,
} from '../../shared/operations/members';
import { escapeLike } from '../storage/text';
import { selectAll, selectFirst } from '../storage/schema';
import type { LedgerDatabase } from '../storage/open';
import { membersQuery } from './schema';
import { assertAssociation } from './rules';
import { activeOnExpression } from './active';

export interface MemberFilter {
  associationId: number;
  search?: string | undefined;
  active?: boolean | undefined;
  sex?: Sex | undefined;
  community?: string | undefined;
  asOf: string;
}

/** 1 when the member is active on the day (db/members/active.ts: the one rule). */
const activeOn = (asOf: string) => activeOnExpression('m.id', asOf);

function filtered(filter: MemberFilter) {
  let built = membersQuery
    .selectFrom('members as m')
    .selectAll('m')
    .select(activeOn(filter.asOf).as('active'))
    .where('m.association_id', '=', filter.associationId);
  const term = filter.search?.trim();
  if (term) {
    const folded = `%${escapeLike(foldText(term))}%`;
    const dniPrefix = `${escapeLike(term)}%`;
    built = built.where(sql<SqlBool>`(
      khipu_fold(m.given_names || ' ' || m.surnames) LIKE ${folded} ESCAPE '\\'
      OR khipu_fold(m.surnames || ' ' || m.given_names) LIKE ${folded} ESCAPE '\\'
      OR khipu_fold(m.full_name) LIKE ${folded} ESCAPE '\\'
      OR m.dni LIKE ${dniPrefix} ESCAPE '\\'
      OR khipu_fold(m.community) LIKE ${folded} ESCAPE '\\')`);
  }
  if (filter.sex) built = built.where('m.sex', '=', filter.sex);
  const community = filter.community?.trim();
  if (community) built = built.where(sql<SqlBool>`khipu_fold(m.community) = ${foldText(community)}`);
  if (filter.active !== undefined) {
    const condition: Expression<SqlBool> = sql<SqlBool>`${activeOn(filter.asOf)} = ${filter.active ? 1 : 0}`;
    built = built.where(condition);
  }
  return built;
}

type MemberRow = ReturnType<typeof rowsOf>[number];
const rowsOf = (db: LedgerDatabase, filter: MemberFilter) =>
  selectAll(db, filtered(filter).orderBy(sql`khipu_fold(m.surnames)`).orderBy(sql`khipu_fold(m.given_names)`).orderBy('m.id'));

export function countMembers(db: LedgerDatabase, filter: MemberFilter): MemberCounts {
  const built = membersQuery
    .selectFrom(filtered(filter).as('f'))
    .select([
      sql<number>`COUNT(*)`.as('total'),
      sql<number>`COALESCE(SUM(f.sex = 'F'), 0)`.as('women'),
      sql<number>`COALESCE(SUM(f.sex = 'M'), 0)`.as('men'),
      sql<number>`COALESCE(SUM(f.active), 0)`.as('active'),
    ]);
  return selectFirst(db, built) ?? { total: 0, women: 0, men: 0, active: 0 };
}

const POST_ORDER = sql<number>`CASE o.post WHEN 'presidente' THEN 1 WHEN 'vicepresidente' THEN 2 WHEN 'tesorero' THEN 3
  WHEN 'secretario' THEN 4 WHEN 'fiscal' THEN 5 ELSE 6 END`;

function postsQuery(associationId: number) {
  return membersQuery
    .selectFrom('officer_posts as o')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .select(['o.id', 'o.member_id as memberId', 'm.full_name as memberName', 'o.post', 'o.term_start as termStart', 'o.term_end as termEnd'])
    .where('m.association_id', '=', associationId)
    .orderBy(POST_ORDER)
    .orderBy('o.term_start')
    .orderBy('o.id');
}

/** Posts held on `asOf` (the term's first and last days included). */
export function listOfficers(db: LedgerDatabase, associationId: number, asOf: string): OfficerPostView[] {
  assertAssociation(db, associationId);
  return selectAll(
    db,
    postsQuery(associationId).where('o.term_start', '<=', asOf)
      .where((eb) => eb.or([eb('o.term_end', 'is', null), eb('o.term_end', '>=', asOf)])),
  );
}

export function getOfficerPost(db: LedgerDatabase, associationId: number, postId: number): OfficerPostView {
  const row = selectFirst(db, postsQuery(associationId).where('o.id', '=', postId));
  if (!row) throw new KhipuError('officer.postNotFound', { field: 'postId', params: { id: postId } });
  return row;
}

function toViews(db: LedgerDatabase, associationId: number, rows: MemberRow[], asOf: string, allPosts: boolean): MemberView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const periods = new Map<number, MembershipPeriod[]>();
  const posts = new Map<number, OfficerPostView[]>();
  // One query each for the whole association (or the one member), grouped here: no query per row.
  let periodQuery = membersQuery
    .selectFrom('member_memberships as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select(['p.id', 'p.member_id', 'p.joined_on as joinedOn', 'p.left_on as leftOn', 'p.leave_reason as leaveReason'])
    .where('m.association_id', '=', associationId)
    .orderBy('p.member_id')
    .orderBy('p.joined_on');
  let postQuery = postsQuery(associationId);
  if (ids.length === 1) {
    periodQuery = periodQuery.where('p.member_id', '=', ids[0]!);
    postQuery = postQuery.where('o.member_id', '=', ids[0]!);
  }
  if (!allPosts) {
    postQuery = postQuery.where('o.term_start', '<=', asOf)
      .where((eb) => eb.or([eb('o.term_end', 'is', null), eb('o.term_end', '>=', asOf)]));
  }
  for (const { member_id, ...period } of selectAll(db, periodQuery)) {
    const list = periods.get(member_id) ?? [];
    list.push(period);
    periods.set(member_id, list);
  }
  for (const post of selectAll(db, postQuery)) {
    const list = posts.get(post.memberId) ?? [];
    list.push(post);
    posts.set(post.memberId, list);
  }
  return rows.map((row) => {
    const memberships = periods.get(row.id) ?? [];
    const started = memberships.filter((p) => p.joinedOn <= asOf);
    const shown = started[started.length - 1] ?? memberships[memberships.length - 1];
    return {
      id: row.id,
      dni: row.dni,
      givenNames: row.given_names,
      surnames: row.surnames,
      fullName: row.full_name,
      sex: row.sex,
      birthDate: row.birth_date,
      community: row.community,
      phone: row.phone,
      active: row.active === 1,
      joinedOn: shown?.joinedOn ?? null,
      leftOn: shown?.leftOn ?? null,
      memberships,
      posts: posts.get(row.id) ?? [],
    };
  });
}

export function listMembers(db: LedgerDatabase, filter: MemberFilter): MemberList {
  assertAssociation(db, filter.associationId);
  return {
    members: toViews(db, filter.associationId, rowsOf(db, filter), filter.asOf, false),
    counts: countMembers(db, filter),
  };
}

/** One member with every period and every post ever held; unknown ids and other associations' members alike are "not found". */
export function getMember(db: LedgerDatabase, associationId: number, memberId: number, asOf: string, field = 'memberId'): MemberView {
  const row = selectFirst(db, filtered({ associationId, asOf }).where('m.id', '=', memberId));
  if (!row) throw new KhipuError('member.notFound', { field, params: { id: memberId } });
  return toViews(db, associationId, [row], asOf, true)[0]!;
}

export function listCommunities(db: LedgerDatabase, associationId: number): string[] {
  assertAssociation(db, associationId);
  const rows = db
    .prepare(
      `SELECT community FROM members WHERE association_id = ? AND community IS NOT NULL AND community <> ''
       GROUP BY khipu_fold(community) ORDER BY khipu_fold(community)`,
    )
    .all(associationId) as { community: string }[];
  return rows.map((r) => r.community);
}
