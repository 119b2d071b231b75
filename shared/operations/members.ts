import { z } from 'zod';
import { id, isoDate, optionalText, text } from './schemas';

// Members: the padrón de socios, its import and export.
// The DNI is checked by the engine (shared/peru/dni.ts) so its refusal names the field and the value.

export const SEXES = ['F', 'M'] as const;
export const OFFICER_POSTS = ['presidente', 'vicepresidente', 'tesorero', 'secretario', 'fiscal', 'vocal'] as const;

const sex = z.enum(SEXES);
const dni = z.string().max(30);
const names = text(120);
const importFile = {
  associationId: id,
  fileName: text(255),
  /** The file's bytes in base64 (CSV in UTF-8 or Latin-1, or XLSX); at most 5 MB once decoded. */
  contentBase64: z.string().min(1),
  /** Language of the row messages in the preview. */
  locale: z.enum(['es', 'en']).optional(),
};

export const membersOperations = {
  createMember: {
    input: z.object({
      associationId: id,
      dni,
      givenNames: names,
      surnames: names,
      sex,
      birthDate: isoDate.nullish(),
      community: optionalText(120),
      phone: optionalText(30),
      /** Required, with no default: the engine refuses a member without it (member.joinedOnRequired). */
      joinedOn: isoDate.nullish(),
    }),
  },
  /** Fields left out keep their value; `null` clears an optional one. Joining dates change through leave / rejoin. */
  updateMember: {
    input: z.object({
      associationId: id,
      memberId: id,
      dni: dni.optional(),
      givenNames: names.optional(),
      surnames: names.optional(),
      sex: sex.optional(),
      birthDate: isoDate.nullish(),
      community: optionalText(120),
      phone: optionalText(30),
    }),
  },
  memberLeaves: { input: z.object({ associationId: id, memberId: id, leftOn: isoDate, reason: text(300) }) },
  memberRejoins: { input: z.object({ associationId: id, memberId: id, joinedOn: isoDate }) },
  listMembers: {
    input: z.object({
      associationId: id,
      search: z.string().max(100).optional(),
      active: z.boolean().optional(),
      sex: sex.optional(),
      community: z.string().trim().max(120).optional(),
      /** The day "active" refers to; today (Lima) when left out. */
      asOf: isoDate.optional(),
    }),
  },
  getMember: { input: z.object({ associationId: id, memberId: id }) },
  listCommunities: { input: z.object({ associationId: id }) },
  assignOfficerPost: {
    input: z.object({
      associationId: id, memberId: id, post: z.enum(OFFICER_POSTS), termStart: isoDate, termEnd: isoDate.nullish(),
    }),
  },
  endOfficerPost: { input: z.object({ associationId: id, postId: id, termEnd: isoDate }) },
  listOfficers: { input: z.object({ associationId: id, asOf: isoDate.optional() }) },
  previewMemberImport: { input: z.object(importFile) },
  /** All rows or none: any row with an error refuses the whole file. */
  importMembers: { input: z.object(importFile) },
  exportMembers: {
    input: z.object({ associationId: id, format: z.enum(['xlsx', 'csv']), active: z.boolean().optional() }),
  },
} as const;

export type Sex = (typeof SEXES)[number];
export type OfficerPost = (typeof OFFICER_POSTS)[number];

export interface MembershipPeriod {
  id: number;
  joinedOn: string;
  leftOn: string | null;
  leaveReason: string | null;
}

export interface OfficerPostView {
  id: number;
  memberId: number;
  /** The member's full name, for lists of officers. */
  memberName: string;
  post: OfficerPost;
  termStart: string;
  termEnd: string | null;
}

export interface MemberView {
  id: number;
  /** null only for members recorded before the padrón existed (schema version 1). */
  dni: string | null;
  givenNames: string;
  surnames: string;
  fullName: string;
  sex: Sex | null;
  birthDate: string | null;
  community: string | null;
  phone: string | null;
  /** A member on the day asked for (listMembers' asOf; today otherwise). */
  active: boolean;
  /** The current period's, or the last one's. */
  joinedOn: string | null;
  leftOn: string | null;
  memberships: MembershipPeriod[];
  /** Posts held on that day; getMember gives every post ever held. */
  posts: OfficerPostView[];
}

export interface MemberCounts {
  total: number;
  women: number;
  men: number;
  active: number;
}

export interface MemberList {
  members: MemberView[];
  /** Over the same filter as `members`, computed in SQL. */
  counts: MemberCounts;
}

export type ImportField =
  | 'dni' | 'givenNames' | 'surnames' | 'sex' | 'birthDate' | 'community' | 'phone' | 'joinedOn' | 'leftOn';

export interface ImportRowError {
  field: ImportField;
  code: string;
  message: string;
}

export interface MemberImportRow {
  /** As the user sees it in the sheet: the header is row 1. */
  rowNumber: number;
  /** Cleaned values; dates as yyyy-mm-dd when they could be read, else as written. */
  values: Record<ImportField, string | null>;
  errors: ImportRowError[];
}

export interface MemberImportPreview {
  format: 'csv' | 'xlsx';
  /** Headers recognised, in the file's order, with the field each one fills. */
  columns: { header: string; field: ImportField | 'surname1' | 'surname2' }[];
  /** Headers Khipu does not use (N°, Estado, Cargo…); they are ignored. */
  ignoredColumns: string[];
  rows: MemberImportRow[];
  validRows: number;
  errorRows: number;
}

export interface MemberImportResult {
  imported: number;
  memberIds: number[];
}

export interface MemberExport {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface MembersResults {
  createMember: MemberView;
  updateMember: MemberView;
  memberLeaves: MemberView;
  memberRejoins: MemberView;
  listMembers: MemberList;
  getMember: MemberView;
  listCommunities: string[];
  assignOfficerPost: OfficerPostView;
  endOfficerPost: OfficerPostView;
  listOfficers: OfficerPostView[];
  previewMemberImport: MemberImportPreview;
  importMembers: MemberImportResult;
  exportMembers: MemberExport;
}
