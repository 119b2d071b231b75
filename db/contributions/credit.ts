import type { WriteContext } from '../audit/log';
import { insertEntry, type NewLine } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { roleAccount } from './common';

// Credit in favour (saldo a favor) and its one rule: whenever a member has both credit and open
// charges, the credit pays them, oldest due first. Charge creation applies it inside its own entry
// (planCreditUse); everything else that makes credit and open charges meet — a payment beyond the
// charges dated by then, a charge void that frees credit, a receipt or refund void — calls
// applyMemberCredit in the same transaction.

export const creditAppliedMemo = 'Saldo a favor aplicado';

export interface LiveCredit { id: number; date: string; accountId: number; remaining: number }

/**
 * A member's live credits with what is left of each (not applied to a live allocation, not drawn by
 * a live refund), oldest first. Only credits with something left.
 */
export function liveCredits(db: LedgerDatabase, memberId: number): LiveCredit[] {
  const rows = prepared(db,
    `SELECT c.id, c.date, c.account_id AS accountId,
            c.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.credit_id = c.id AND a.voided_on IS NULL), 0)
                     - COALESCE((SELECT SUM(u.amount) FROM credit_refund_uses u JOIN credit_refunds r ON r.id = u.refund_id
                                  WHERE u.credit_id = c.id AND r.voided_on IS NULL), 0) AS remaining
       FROM member_credits c
      WHERE c.member_id = ? AND c.voided_on IS NULL
      ORDER BY c.date, c.id`,
  ).all(memberId) as LiveCredit[];
  return rows.filter((c) => c.remaining > 0);
}

/** The account new credit in favour goes to (4418); older credit stays where it was posted (4419). */
export function memberCreditAccount(db: LedgerDatabase, associationId: number): number {
  return roleAccount(db, associationId, 'member_credit');
}

interface OpenChargeForCredit {
  id: number; date: string; due_date: string; description: string; receivable_account_id: number; open: number;
}

/** The order credit pays charges in: oldest due first, then date, then id. */
const chargeOrder = (c: { due_date: string; date: string; id: number }): string => `${c.due_date}|${c.date}|${String(c.id).padStart(12, '0')}`;

/** Every open, live charge of a member, oldest due first, read from the partial index charges_member_open. */
const openChargesSql = `
  SELECT c.id, c.date, c.due_date, c.description, c.receivable_account_id,
         c.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a
                               WHERE a.charge_id = c.id AND a.voided_on IS NULL), 0) AS open
    FROM charges c
   WHERE c.member_id = ? AND c.settled = 0 AND c.voided_on IS NULL
   ORDER BY c.due_date, c.date, c.id`;

const later = (...dates: string[]): string => dates.reduce((a, b) => (a > b ? a : b));

/**
 * Credit applied ahead of `eventDate` (to charges dated later) to a charge that comes after `oldestOpen`
 * in paying order is taken back, so that it can be applied again oldest first now that the operation
 * dated `eventDate` changed what she owes from that day on: a back-dated fine, a reopened charge.
 * Each use taken back is cancelled on its own date by an entry 'credit_release' (source: the credit):
 * Dr the charge's receivable / Cr the credit's account. Uses already in order stay as they are.
 */
function releaseCreditAhead(
  db: LedgerDatabase, context: WriteContext, associationId: number, memberId: number, eventDate: string,
  oldestOpen: OpenChargeForCredit,
): void {
  const ahead = (prepared(db,
    `SELECT a.id, a.credit_id AS creditId, a.date, a.amount, cr.account_id AS accountId,
            ch.receivable_account_id AS receivableAccountId, ch.description,
            ch.id AS chargeId, ch.due_date AS chargeDueDate, ch.date AS chargeDate
       FROM member_credits cr JOIN allocations a ON a.credit_id = cr.id JOIN charges ch ON ch.id = a.charge_id
      WHERE cr.member_id = ? AND a.voided_on IS NULL AND a.date > ?
      ORDER BY a.date, a.id`,
  ).all(memberId, eventDate) as {
    id: number; creditId: number; date: string; amount: number; accountId: number; receivableAccountId: number; description: string;
    chargeId: number; chargeDueDate: string; chargeDate: string;
  }[]).filter((use) => chargeOrder({ due_date: use.chargeDueDate, date: use.chargeDate, id: use.chargeId }) > chargeOrder(oldestOpen));
  if (ahead.length === 0) return;
  const groups = new Map<string, typeof ahead>();
  for (const use of ahead) {
    const key = `${use.creditId}|${use.date}`;
    groups.set(key, [...(groups.get(key) ?? []), use]);
  }
  for (const uses of groups.values()) {
    const { creditId, date } = uses[0]!;
    insertEntry(db, context, {
      associationId, date, sourceType: 'credit_release', sourceId: creditId,
      description: 'Saldo a favor reasignado a un cargo más antiguo',
      lines: uses.flatMap((use) => [
        { accountId: use.receivableAccountId, amount: use.amount, memberId, memo: use.description },
        { accountId: use.accountId, amount: -use.amount, memberId, memo: 'Saldo a favor reasignado' },
      ]),
    });
  }
  const release = prepared(db, 'UPDATE allocations SET voided_on = ? WHERE id = ?');
  for (const use of ahead) release.run(eventDate, use.id);
}

/**
 * Applies the member's credit to her open charges, oldest due first, until one of them runs out.
 * Each use is dated on the latest of the credit's date, the charge's date and `eventDate` (the day of
 * the operation that made them meet, already checked to be in an open period), so the position as of
 * any day never shows credit and debt at once nor credit used before it existed or was freed. The
 * uses of one credit on one day form one entry 'credit_application' (source: the credit):
 * Dr the account the credit sits in / Cr the charge's receivable, member dimension on both.
 * Credit applied ahead of `eventDate` is first taken back (releaseCreditAhead) and applied again in
 * order. Returns the céntimos applied.
 */
export function applyMemberCredit(
  db: LedgerDatabase, context: WriteContext, associationId: number, memberId: number, eventDate: string,
): number {
  const openCharges = () => (prepared(db, openChargesSql).all(memberId) as OpenChargeForCredit[]).filter((c) => c.open > 0);
  // With nothing open, taking credit back and applying it again would leave everything as it is:
  // the common case (a payment beyond what she owes) stops at one read of the open-charges index.
  const open = openCharges();
  if (open.length === 0) return 0;
  releaseCreditAhead(db, context, associationId, memberId, eventDate, open[0]!);
  const charges = openCharges();
  const credits = liveCredits(db, memberId);
  if (credits.length === 0) return 0;

  const groups = new Map<string, { credit: LiveCredit; date: string; uses: { charge: OpenChargeForCredit; amount: number }[] }>();
  let chargeIndex = 0;
  let total = 0;
  for (const credit of credits) {
    let left = credit.remaining;
    while (left > 0 && chargeIndex < charges.length) {
      const charge = charges[chargeIndex]!;
      const take = Math.min(left, charge.open);
      const date = later(credit.date, charge.date, eventDate);
      const key = `${credit.id}|${date}`;
      const group = groups.get(key) ?? { credit, date, uses: [] };
      group.uses.push({ charge, amount: take });
      groups.set(key, group);
      left -= take;
      charge.open -= take;
      total += take;
      if (charge.open === 0) chargeIndex += 1;
    }
    if (chargeIndex >= charges.length) break;
  }

  const insertAllocation = prepared(db,
    `INSERT INTO allocations (charge_id, source, credit_id, date, amount, entry_id) VALUES (?, 'credit', ?, ?, ?, ?)`,
  );
  const member = prepared(db, 'SELECT full_name FROM members WHERE id = ?').get(memberId) as { full_name: string };
  for (const { credit, date, uses } of groups.values()) {
    const lines: NewLine[] = uses.flatMap(({ charge, amount }) => [
      { accountId: credit.accountId, amount, memberId, memo: `${creditAppliedMemo}: ${charge.description}` },
      { accountId: charge.receivable_account_id, amount: -amount, memberId, memo: charge.description },
    ]);
    const entry = insertEntry(db, context, {
      associationId, date, lines, sourceType: 'credit_application', sourceId: credit.id,
      description: `${creditAppliedMemo} — ${member.full_name}`,
    });
    for (const { charge, amount } of uses) insertAllocation.run(charge.id, credit.id, date, amount, entry.id);
  }
  return total;
}

/**
 * After charges dated `date` were created for these members: credit dated after `date` could not be
 * used in their entry, and credit applied ahead to charges dated later must pay the new, older ones
 * first; apply it now. One query finds the few members who hold such credit.
 */
export function applyLaterCredit(
  db: LedgerDatabase, context: WriteContext, associationId: number, memberIds: readonly number[], date: string,
): number {
  const holders = prepared(db,
    `SELECT DISTINCT cr.member_id AS memberId FROM member_credits cr
      WHERE cr.association_id = @associationId AND cr.voided_on IS NULL
        AND (cr.date > @date
             OR EXISTS (SELECT 1 FROM allocations a WHERE a.credit_id = cr.id AND a.voided_on IS NULL AND a.date > @date))`,
  ).all({ associationId, date }) as { memberId: number }[];
  const charged = new Set(memberIds);
  let total = 0;
  for (const { memberId } of holders) {
    if (charged.has(memberId)) total += applyMemberCredit(db, context, associationId, memberId, date);
  }
  return total;
}
