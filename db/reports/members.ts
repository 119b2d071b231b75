import type {
  ContributionTotals, ContributionsByMember, ContributionsByMemberRow, MembersBySex, SexCounts,
} from '../../shared/operations/reports';
import { allocate, sumCentimos } from '../../shared/money';
import { activeOnSql } from '../members/active';
import type { LedgerDatabase } from '../storage/open';
import { checkPeriod, fiscalStartMonth } from './common';

// Reports from the contribution documents and the padrón de socios.

const ids = (list: string | null): number[] =>
  list === null || list === '' ? [] : [...new Set(list.split(',').map(Number))].sort((a, b) => a - b);

type Row = Omit<ContributionsByMemberRow, 'chargeIds' | 'entryIds'> & { chargeIds: string | null; entryIds: string | null };

/**
 * Per member and contribution type: charges dated in [from, to] as they stood at `to` (voided later still
 * count), what receipts and credit in favour paid of them by `to` (voided receipts' allocations drop out on
 * their void date), what was settled in kind, and what is open. In-kind contributions that settle no charge
 * (faenas given freely) count in `inKind` of their own type and leave `open` alone.
 */
export function contributionsByMember(
  db: LedgerDatabase, input: { associationId: number; from: string; to: string },
): ContributionsByMember {
  checkPeriod(input.from, input.to);
  fiscalStartMonth(db, input.associationId);
  const rows = db
    .prepare(
      `WITH c AS (
         SELECT id, member_id, contribution_type_id, amount, entry_id FROM charges
          WHERE association_id = @associationId AND date >= @from AND date <= @to
            AND (voided_on IS NULL OR voided_on > @to)
       ), s AS (
         SELECT a.charge_id,
                SUM(CASE WHEN a.source = 'in_kind' THEN 0 ELSE a.amount END) AS paid,
                SUM(CASE WHEN a.source = 'in_kind' THEN a.amount ELSE 0 END) AS in_kind,
                group_concat(DISTINCT a.entry_id) AS entries
           FROM allocations a
          WHERE a.charge_id IN (SELECT id FROM c) AND a.date <= @to AND (a.voided_on IS NULL OR a.voided_on > @to)
          GROUP BY a.charge_id
       ), r AS (
         SELECT c.member_id, c.contribution_type_id, c.id AS charge_id, c.amount AS charged,
                COALESCE(s.paid, 0) AS paid, COALESCE(s.in_kind, 0) AS in_kind,
                c.amount - COALESCE(s.paid, 0) - COALESCE(s.in_kind, 0) AS open,
                c.entry_id || COALESCE(',' || s.entries, '') AS entries
           FROM c LEFT JOIN s ON s.charge_id = c.id
         UNION ALL
         SELECT member_id, contribution_type_id, NULL, 0, 0, value, 0, CAST(entry_id AS TEXT)
           FROM in_kind_contributions
          WHERE association_id = @associationId AND charge_id IS NULL AND date >= @from AND date <= @to
            AND (voided_on IS NULL OR voided_on > @to)
       )
       SELECT r.member_id AS memberId, m.full_name AS fullName, m.dni, r.contribution_type_id AS contributionTypeId,
              t.name AS typeName, t.kind, SUM(r.charged) AS charged, SUM(r.paid) AS paid, SUM(r.in_kind) AS inKind,
              SUM(r.open) AS open, group_concat(r.charge_id) AS chargeIds, group_concat(r.entries) AS entryIds
         FROM r JOIN members m ON m.id = r.member_id JOIN contribution_types t ON t.id = r.contribution_type_id
        GROUP BY r.member_id, r.contribution_type_id
        ORDER BY khipu_fold(m.surnames), khipu_fold(m.given_names), m.id, t.kind, t.name`,
    )
    .all({ associationId: input.associationId, from: input.from, to: input.to }) as Row[];
  const result: ContributionsByMemberRow[] = rows.map((r) => ({ ...r, chargeIds: ids(r.chargeIds), entryIds: ids(r.entryIds) }));
  const totalsOf = (list: readonly ContributionsByMemberRow[]): ContributionTotals => ({
    charged: sumCentimos(list.map((r) => r.charged)),
    paid: sumCentimos(list.map((r) => r.paid)),
    inKind: sumCentimos(list.map((r) => r.inKind)),
    open: sumCentimos(list.map((r) => r.open)),
  });
  const types = new Map<number, ContributionsByMemberRow[]>();
  for (const row of result) types.set(row.contributionTypeId, [...(types.get(row.contributionTypeId) ?? []), row]);
  const byType = [...types.values()]
    .map((list) => ({
      contributionTypeId: list[0]!.contributionTypeId, typeName: list[0]!.typeName, kind: list[0]!.kind, ...totalsOf(list),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.typeName.localeCompare(b.typeName, 'es'));
  return { associationId: input.associationId, from: input.from, to: input.to, rows: result, byType, totals: totalsOf(result) };
}

function withPercentages(women: number, men: number, unknown: number): SexCounts {
  const total = women + men + unknown;
  // Largest remainder: the three shares always add up to exactly 10,000 basis points.
  const [w, m, u] = total === 0 ? [0, 0, 0] : allocate(10_000, [women, men, unknown]);
  return { women, men, unknown, total, womenBasisPoints: w!, menBasisPoints: m!, unknownBasisPoints: u! };
}

/** Active members on `asOf` (a membership period covers the day; left_on is the first day out) and everyone registered by then. */
export function membersBySex(db: LedgerDatabase, input: { associationId: number; asOf: string }): MembersBySex {
  fiscalStartMonth(db, input.associationId);
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(active AND sex = 'F'), 0) AS activeWomen, COALESCE(SUM(active AND sex = 'M'), 0) AS activeMen,
              COALESCE(SUM(active AND sex IS NULL), 0) AS activeUnknown,
              COALESCE(SUM(sex = 'F'), 0) AS women, COALESCE(SUM(sex = 'M'), 0) AS men,
              COALESCE(SUM(sex IS NULL), 0) AS unknown
         FROM (SELECT m.sex,
                      ${activeOnSql('m.id', '@asOf')} AS active
                 FROM members m
                WHERE m.association_id = @associationId
                  AND EXISTS (SELECT 1 FROM member_memberships p WHERE p.member_id = m.id AND p.joined_on <= @asOf))`,
    )
    .get({ associationId: input.associationId, asOf: input.asOf }) as Record<'activeWomen' | 'activeMen' | 'activeUnknown' | 'women' | 'men' | 'unknown', number>;
  return {
    associationId: input.associationId, asOf: input.asOf,
    active: withPercentages(row.activeWomen, row.activeMen, row.activeUnknown),
    registered: withPercentages(row.women, row.men, row.unknown),
  };
}
