import type { Generated } from 'kysely';
import { columnsOf } from '../storage/columns';
import { query } from '../storage/schema';
import type { OfficerPost, Sex } from '../../shared/operations/members';

// The padrón's tables (migration 2), added to the shared compile-only kysely instance.
export interface MembersTable {
  id: Generated<number>; association_id: number; full_name: string; dni: string | null;
  given_names: string; surnames: string; sex: Sex | null; birth_date: string | null; community: string | null;
  phone: string | null; created_at: string;
}
export interface MemberMembershipsTable {
  id: Generated<number>; member_id: number; joined_on: string; left_on: string | null; leave_reason: string | null;
}
export interface OfficerPostsTable {
  id: Generated<number>; member_id: number; post: OfficerPost; term_start: string; term_end: string | null;
}

export const membersColumns = columnsOf<MembersTable>()([
  'id', 'association_id', 'full_name', 'dni', 'given_names', 'surnames', 'sex', 'birth_date', 'community', 'phone', 'created_at',
]);
export const memberMembershipsColumns = columnsOf<MemberMembershipsTable>()(['id', 'member_id', 'joined_on', 'left_on', 'leave_reason']);
export const officerPostsColumns = columnsOf<OfficerPostsTable>()(['id', 'member_id', 'post', 'term_start', 'term_end']);

export const membersQuery = query.withTables<{
  members: MembersTable;
  member_memberships: MemberMembershipsTable;
  officer_posts: OfficerPostsTable;
}>();
