import { sql, type RawBuilder } from 'kysely';

// THE rule of who is a member on a given day. Dues, the padrón, the counts by sex and the ODEL
// summary all decide activity through this file, so no two of them can disagree about a member.
//
// A member is active on day D when one of her membership periods covers D: she joined on or
// before D and has not left, or left AFTER D. The day she leaves (left_on) is her first day out.

export interface MembershipDates {
  joinedOn: string;
  leftOn: string | null;
}

/** The rule on a member's periods, for code that already holds them. */
export function isActiveOn(periods: readonly MembershipDates[], day: string): boolean {
  return periods.some((p) => p.joinedOn <= day && (p.leftOn === null || p.leftOn > day));
}

/**
 * The same rule as an SQL condition, for hand-written statements:
 * `activeOnSql('m.id', '@asOf')` is true when member m.id is active on the bound day @asOf.
 */
export function activeOnSql(memberIdColumn: string, day: string): string {
  return `EXISTS (SELECT 1 FROM member_memberships p WHERE p.member_id = ${memberIdColumn}
                    AND p.joined_on <= ${day} AND (p.left_on IS NULL OR p.left_on > ${day}))`;
}

const HOLE = '\u0000';

/**
 * The same rule for kysely queries, with the day bound as a parameter: the text of activeOnSql is
 * cut where the day goes and handed to kysely's sql tag, so the rule is written once.
 */
export function activeOnExpression(memberIdColumn: string, day: string): RawBuilder<number> {
  const parts = activeOnSql(memberIdColumn, HOLE).split(HOLE);
  const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  return sql<number>(strings, ...parts.slice(1).map(() => day));
}
