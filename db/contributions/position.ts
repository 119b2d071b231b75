import type {
  MemberPosition, MemberPositions, MemberPositionSummary, OpenChargePosition,
} from '../../shared/operations/contributions';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { requireAssociation, requireMember } from './common';

// A member's position as of a day: what she owes (open charges), what is overdue, and her credit in
// favour. Cobrar, the statement's closing figures, arrears, Consulta de socio and Inicio all read it
// from here, through the two SQL texts below, so no two screens can show different figures.
//
// "As of" follows the documents' own dates: a charge counts from its date until the day it is voided;
// an allocation (payment, credit applied, in kind) from its date until the day it is voided; credit in
// favour from its receipt's date, less what was applied or refunded by then.

/** The day after every movement: statements without an end date and the position "after everything". */
export const endOfTime = '9999-12-31';

/**
 * Open charges as of @asOf with what is still unpaid of each, for one member (@memberId) or every
 * member of an association (@memberId NULL). Arrears reads the same text.
 */
export const openChargesAsOfSql = `
  SELECT c.id AS chargeId, c.member_id AS memberId, c.description, c.date, c.due_date AS dueDate, c.amount,
         c.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a
                               WHERE a.charge_id = c.id AND a.date <= @asOf
                                 AND (a.voided_on IS NULL OR a.voided_on > @asOf)), 0) AS open,
         MAX(0, CAST(julianday(@asOf) - julianday(c.due_date) AS INTEGER)) AS overdueDays
    FROM charges c
   WHERE c.association_id = @associationId AND (@memberId IS NULL OR c.member_id = @memberId)
     AND c.date <= @asOf AND (c.voided_on IS NULL OR c.voided_on > @asOf)`;

/**
 * Credit in favour as of @asOf per member: each advance (dated, not voided by then) less what was
 * applied to charges or refunded by then. It reads member_credits alone, whatever account the credit
 * sits in (4419 for credit recorded before version 10, the member-credit sub-account after).
 */
export const creditAsOfSql = `
  SELECT cr.member_id AS memberId,
         SUM(cr.amount
             - COALESCE((SELECT SUM(a.amount) FROM allocations a
                          WHERE a.credit_id = cr.id AND a.date <= @asOf
                            AND (a.voided_on IS NULL OR a.voided_on > @asOf)), 0)
             - COALESCE((SELECT SUM(u.amount) FROM credit_refund_uses u JOIN credit_refunds r ON r.id = u.refund_id
                          WHERE u.credit_id = cr.id AND r.date <= @asOf
                            AND (r.voided_on IS NULL OR r.voided_on > @asOf)), 0)) AS available
    FROM member_credits cr
   WHERE cr.association_id = @associationId AND (@memberId IS NULL OR cr.member_id = @memberId)
     AND cr.date <= @asOf AND (cr.voided_on IS NULL OR cr.voided_on > @asOf)
   GROUP BY cr.member_id`;

export interface OpenChargeAsOf extends OpenChargePosition { memberId: number }

function chargesAsOf(db: LedgerDatabase, associationId: number, memberId: number | null, asOf: string): OpenChargeAsOf[] {
  return prepared(db, `${openChargesAsOfSql} ORDER BY c.due_date, c.date, c.id`)
    .all({ associationId, memberId, asOf }) as OpenChargeAsOf[];
}

export function openChargesAsOf(
  db: LedgerDatabase, associationId: number, memberId: number | null, asOf: string,
): OpenChargeAsOf[] {
  return chargesAsOf(db, associationId, memberId, asOf).filter((row) => row.open > 0);
}

/**
 * Charges paid beyond their amount as of a past day, per member. Today no charge is (a trigger refuses
 * it), but a payment back-dated after a void can make a past day show more paid than owed: that
 * excess is what the association held for her that day, so it counts as her credit then.
 */
function overpaidAsOf(rows: readonly OpenChargeAsOf[]): Map<number, number> {
  const overpaid = new Map<number, number>();
  for (const row of rows) if (row.open < 0) overpaid.set(row.memberId, (overpaid.get(row.memberId) ?? 0) - row.open);
  return overpaid;
}

export function creditAsOf(db: LedgerDatabase, associationId: number, memberId: number | null, asOf: string): Map<number, number> {
  const rows = prepared(db, creditAsOfSql).all({ associationId, memberId, asOf }) as { memberId: number; available: number }[];
  return new Map(rows.filter((r) => r.available !== 0).map((r) => [r.memberId, r.available]));
}

/** The one function a member's figures come from. */
export function memberPosition(db: LedgerDatabase, associationId: number, memberId: number, asOf: string): MemberPosition {
  requireAssociation(db, associationId);
  const member = requireMember(db, associationId, memberId);
  const charges = chargesAsOf(db, associationId, member.id, asOf);
  const openCharges = charges.filter((c) => c.open > 0).map(({ memberId: _member, ...charge }) => charge);
  const owed = openCharges.reduce((sum, c) => sum + c.open, 0);
  const overdue = openCharges.reduce((sum, c) => sum + (c.dueDate < asOf ? c.open : 0), 0);
  const creditAvailable = (creditAsOf(db, associationId, member.id, asOf).get(member.id) ?? 0)
    + (overpaidAsOf(charges).get(member.id) ?? 0);
  return { memberId: member.id, fullName: member.full_name, asOf, owed, overdue, openCharges, creditAvailable, net: owed - creditAvailable };
}

/** Every member who owes or holds credit as of a day: two queries for the whole association. */
export function memberPositions(db: LedgerDatabase, associationId: number, asOf: string): MemberPositions {
  requireAssociation(db, associationId);
  const byMember = new Map<number, MemberPositionSummary>();
  const names = prepared(db, 'SELECT id, full_name, dni FROM members WHERE association_id = ?')
    .all(associationId) as { id: number; full_name: string; dni: string | null }[];
  const members = new Map(names.map((m) => [m.id, m]));
  const rowOf = (memberId: number): MemberPositionSummary => {
    let row = byMember.get(memberId);
    if (!row) {
      const member = members.get(memberId);
      row = {
        memberId, fullName: member?.full_name ?? '', dni: member?.dni ?? null, owed: 0, overdue: 0, openCharges: 0,
        oldestDueDate: null, creditAvailable: 0, net: 0,
      };
      byMember.set(memberId, row);
    }
    return row;
  };
  const charges = chargesAsOf(db, associationId, null, asOf);
  for (const charge of charges) {
    if (charge.open <= 0) continue;
    const row = rowOf(charge.memberId);
    row.owed += charge.open;
    if (charge.dueDate < asOf) row.overdue += charge.open;
    row.openCharges += 1;
    if (row.oldestDueDate === null || charge.dueDate < row.oldestDueDate) row.oldestDueDate = charge.dueDate;
  }
  for (const [memberId, available] of creditAsOf(db, associationId, null, asOf)) rowOf(memberId).creditAvailable += available;
  for (const [memberId, overpaid] of overpaidAsOf(charges)) rowOf(memberId).creditAvailable += overpaid;
  const rows = [...byMember.values()]
    .map((row) => ({ ...row, net: row.owed - row.creditAvailable }))
    .sort((a, b) => b.net - a.net || a.fullName.localeCompare(b.fullName, 'es') || a.memberId - b.memberId);
  const totals = { owed: 0, overdue: 0, creditAvailable: 0, members: rows.length, membersOverdue: 0 };
  for (const row of rows) {
    totals.owed += row.owed;
    totals.overdue += row.overdue;
    totals.creditAvailable += row.creditAvailable;
    if (row.overdue > 0) totals.membersOverdue += 1;
  }
  return { asOf, rows, totals };
}
