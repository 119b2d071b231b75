import type { ParsedInput } from '../../shared/api';
import type { ChargeView, DuesGeneration } from '../../shared/operations/contributions';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { formatSoles, sumCentimos } from '../../shared/money';
import { appendAudit, type WriteContext } from '../audit/log';
import { insertEntry, type NewLine } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';
import { activeOnSql } from '../members/active';
import { dueDateFor, periodBounds } from './dues-dates';
import { applyLaterCredit, applyMemberCredit } from './credit';
import {
  checkNotLocked, checkVoidable, insertCreditUses, nextId, planCreditUse, receivableRoleFor, requireActiveType, requireAssociation,
  requireMember, requirePositive, roleAccount, type ChargeRow, type MemberRow, type NewCharge, type TypeRow,
} from './common';

const chargeViewSelect = `
  SELECT c.id, c.member_id AS memberId, m.full_name AS memberName, c.contribution_type_id AS contributionTypeId,
         t.name AS typeName, t.kind, c.period, c.date, c.due_date AS dueDate, c.description, c.amount,
         COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.charge_id = c.id AND a.voided_on IS NULL), 0) AS settled,
         c.entry_id AS entryId, c.voided_on AS voidedOn, c.void_reason AS voidReason, c.void_entry_id AS voidEntryId
    FROM charges c JOIN members m ON m.id = c.member_id JOIN contribution_types t ON t.id = c.contribution_type_id`;

type ChargeViewRow = Omit<ChargeView, 'open' | 'voided'> & {
  voidedOn: string | null; voidReason: string | null; voidEntryId: number | null;
};
const withOpen = ({ voidedOn, voidReason, voidEntryId, ...row }: ChargeViewRow): ChargeView => ({
  ...row,
  open: voidedOn === null ? row.amount - row.settled : 0,
  voided: voidedOn === null ? null : { date: voidedOn, reason: voidReason ?? '', entryId: voidEntryId ?? 0 },
});

export function getCharge(db: LedgerDatabase, chargeId: number): ChargeView {
  return withOpen(prepared(db, `${chargeViewSelect} WHERE c.id = ?`).get(chargeId) as ChargeViewRow);
}

export function listCharges(db: LedgerDatabase, input: ParsedInput<'listCharges'>): ChargeView[] {
  requireAssociation(db, input.associationId);
  if (input.memberId) requireMember(db, input.associationId, input.memberId);
  const rows = prepared(db, `${chargeViewSelect}
        WHERE c.association_id = @associationId AND (@includeVoided OR c.voided_on IS NULL)
          AND (@memberId IS NULL OR c.member_id = @memberId)
        ORDER BY c.due_date, c.date, c.id`)
    .all({
      associationId: input.associationId, memberId: input.memberId ?? null, includeVoided: input.includeVoided ? 1 : 0,
    }) as ChargeViewRow[];
  const charges = rows.map(withOpen);
  return input.openOnly ? charges.filter((c) => c.open > 0) : charges;
}

function insertCharges(
  db: LedgerDatabase, context: WriteContext,
  rows: { charge: NewCharge; associationId: number; typeId: number; period: string | null; date: string; dueDate: string }[],
  entryId: number,
): void {
  const insert = prepared(db,
    `INSERT INTO charges (id, association_id, member_id, contribution_type_id, period, date, due_date, description, amount,
       receivable_account_id, entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = context.now().toISOString();
  for (const { charge, associationId, typeId, period, date, dueDate } of rows) {
    insert.run(
      charge.id, associationId, charge.memberId, typeId, period, date, dueDate, charge.description, charge.amount,
      charge.receivableAccountId, entryId, at, context.actor,
    );
  }
}

function checkDueDate(date: string, dueDate: string): void {
  if (dueDate < date) {
    throw new KhipuError('charge.dueBeforeDate', {
      field: 'dueDate', params: { dueDate: displayDate(dueDate), date: displayDate(date) },
    });
  }
}

/**
 * One charge per member active on the period's last day (db/members/active.ts), in ONE entry dated on
 * the period's FIRST day, whatever day it is run: Dr members' receivable (1429) per member, Cr the
 * type's income account; credit in favour is applied at once in the same entry. The charges fall due
 * by the type's due rule unless the run names a due date.
 */
export function generateDues(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'generateDues'>): DuesGeneration {
  return writeTransaction(db, () => {
    const association = requireAssociation(db, input.associationId);
    const type = requireActiveType(db, input.associationId, input.contributionTypeId);
    if (type.kind !== 'ordinary_due' || type.frequency === null) {
      throw new KhipuError('dues.notDue', { field: 'contributionTypeId', params: { name: type.name } });
    }
    const bounds = periodBounds(input.period, type.frequency);
    if (!bounds) throw new KhipuError('dues.periodFormat', { field: 'period', params: { period: input.period } });
    const amount = input.amount ?? type.default_amount;
    if (amount === null) throw new KhipuError('dues.amountRequired', { field: 'amount', params: { name: type.name } });
    requirePositive(amount, 'amount');
    const date = bounds.firstDay;
    if (association.lock_date !== null && date <= association.lock_date) {
      throw new KhipuError('dues.periodLocked', {
        field: 'period', params: { period: bounds.label, date: displayDate(date), lockDate: displayDate(association.lock_date) },
      });
    }
    const dueDate = input.dueDate ?? dueDateFor(bounds, type.due_rule, type.due_value);
    checkDueDate(date, dueDate);

    const active = prepared(db, `SELECT m.id FROM members m
          WHERE m.association_id = @associationId AND ${activeOnSql('m.id', '@lastDay')}
          ORDER BY m.id`)
      .all({ associationId: input.associationId, lastDay: bounds.lastDay }) as { id: number }[];
    const charged = new Set(
      (prepared(db, `SELECT member_id FROM charges WHERE association_id = ? AND contribution_type_id = ? AND period = ?
             AND voided_on IS NULL`)
        .all(input.associationId, type.id, input.period) as { member_id: number }[]).map((r) => r.member_id),
    );
    const members = active.filter((m) => !charged.has(m.id));
    const skipped = active.length - members.length;
    if (members.length === 0) {
      appendAudit(db, context, 'generateDues', input.associationId, { ...input, created: 0, skipped });
      return { created: 0, skipped, total: 0, entryId: null, creditApplied: 0 };
    }

    const receivable = roleAccount(db, input.associationId, receivableRoleFor(type.kind));
    const description = `${type.name} ${bounds.label}`;
    let id = nextId(db, 'charges');
    const charges: NewCharge[] = members.map((m) => ({
      id: id++, memberId: m.id, amount, receivableAccountId: receivable, description,
    }));
    const total = sumCentimos(charges.map((c) => c.amount));
    const credit = planCreditUse(db, input.associationId, charges, date);
    const lines: NewLine[] = [
      ...charges.map((c) => ({ accountId: receivable, amount: c.amount, memberId: c.memberId, memo: description })),
      { accountId: type.account_id, amount: -total, memo: description },
      ...credit.lines,
    ];
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date, lines, sourceType: 'dues', sourceId: type.id,
      description: `${description} (${charges.length} ${charges.length === 1 ? 'socio' : 'socios'})`,
    });
    insertCharges(
      db, context,
      charges.map((charge) => ({
        charge, associationId: input.associationId, typeId: type.id, period: input.period, date, dueDate,
      })),
      entry.id,
    );
    insertCreditUses(db, credit.uses, date, entry.id);
    const laterCredit = applyLaterCredit(db, context, input.associationId, charges.map((c) => c.memberId), date);
    const result = { created: charges.length, skipped, total, entryId: entry.id, creditApplied: credit.total + laterCredit };
    appendAudit(db, context, 'generateDues', input.associationId, { ...input, chargeDate: date, dueDate, ...result });
    return result;
  });
}

/**
 * The same type to the same member on the same day is usually a double click or a second try after
 * a slow answer: it is refused until the caller confirms it is really a second charge.
 */
function refuseUnconfirmedDuplicate(db: LedgerDatabase, member: MemberRow, type: TypeRow, date: string): void {
  const same = prepared(db, `SELECT amount FROM charges WHERE member_id = ? AND contribution_type_id = ? AND date = ?
         AND voided_on IS NULL ORDER BY id LIMIT 1`)
    .get(member.id, type.id, date) as { amount: number } | undefined;
  if (same) {
    throw new KhipuError('charge.possibleDuplicate', {
      field: 'confirmDuplicate',
      params: { type: type.name, name: member.full_name, date: displayDate(date), amount: formatSoles(same.amount) },
    });
  }
}

/** A fine, extraordinary or capital contribution: Dr receivable (1429, or 1421 for capital) / Cr the type's account. */
export function createCharge(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'createCharge'>): ChargeView {
  return writeTransaction(db, () => {
    const association = requireAssociation(db, input.associationId);
    const member = requireMember(db, input.associationId, input.memberId);
    const type = requireActiveType(db, input.associationId, input.contributionTypeId);
    if (!['extraordinary', 'capital', 'fine'].includes(type.kind)) {
      throw new KhipuError('charge.kindNotAllowed', { field: 'contributionTypeId', params: { name: type.name } });
    }
    requirePositive(input.amount, 'amount');
    const dueDate = input.dueDate ?? input.date;
    checkDueDate(input.date, dueDate);
    checkNotLocked(association, input.date);
    if (!input.confirmDuplicate) refuseUnconfirmedDuplicate(db, member, type, input.date);

    const receivable = roleAccount(db, input.associationId, receivableRoleFor(type.kind));
    const description = input.description?.trim() || type.name;
    const charge: NewCharge = {
      id: nextId(db, 'charges'), memberId: member.id, amount: input.amount, receivableAccountId: receivable, description,
    };
    const credit = planCreditUse(db, input.associationId, [charge], input.date);
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, sourceType: 'charge', sourceId: charge.id,
      description: `${description} — ${member.full_name}`,
      lines: [
        { accountId: receivable, amount: input.amount, memberId: member.id, memo: description },
        { accountId: type.account_id, amount: -input.amount, memberId: member.id, memo: description },
        ...credit.lines,
      ],
    });
    insertCharges(
      db, context,
      [{ charge, associationId: input.associationId, typeId: type.id, period: null, date: input.date, dueDate }],
      entry.id,
    );
    insertCreditUses(db, credit.uses, input.date, entry.id);
    applyMemberCredit(db, context, input.associationId, member.id, input.date);
    const view = getCharge(db, charge.id);
    appendAudit(db, context, 'createCharge', input.associationId, { ...input, chargeId: charge.id, entryId: entry.id, creditApplied: credit.total });
    return view;
  });
}

/**
 * Cancels a charge made in error with a counter-entry (Dr the type's account / Cr the receivable);
 * credit in favour that the charge used goes back to the member (Dr receivable / Cr payable_members).
 * A charge paid by a receipt or in kind is refused: void those first. A dues run posted many
 * members in one entry, so the charge is cancelled by its own entry rather than by reversing that one.
 */
export function voidCharge(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidCharge'>, options: { byPurchaseVoid?: boolean } = {},
): ChargeView {
  return writeTransaction(db, () => {
    const charge = prepared(db, 'SELECT * FROM charges WHERE id = ?').get(input.chargeId) as ChargeRow | undefined;
    if (!charge) throw new KhipuError('charge.notFound', { field: 'chargeId', params: { id: input.chargeId } });
    checkVoidable(db, charge, input.date, { kind: 'charge', field: 'chargeId', named: { description: charge.description } });
    // A member's share of a live joint purchase: voided alone, the purchase would stay recharged to nobody.
    const joint = options.byPurchaseVoid ? undefined : prepared(db, `SELECT p.date FROM joint_purchase_shares s
        JOIN purchases p ON p.id = s.purchase_id WHERE s.charge_id = ? AND p.voided_on IS NULL`).get(charge.id) as { date: string } | undefined;
    if (joint) {
      throw new KhipuError('charge.jointShare', { field: 'chargeId', params: { description: charge.description, date: displayDate(joint.date) } });
    }
    const paid = prepared(db, `SELECT COALESCE(SUM(amount), 0) AS paid FROM allocations WHERE charge_id = ? AND voided_on IS NULL AND source <> 'credit'`)
      .get(charge.id) as { paid: number };
    if (paid.paid > 0) {
      throw new KhipuError('charge.hasPayments', {
        field: 'chargeId', params: { description: charge.description, amount: formatSoles(paid.paid) },
      });
    }
    // Credit in favour the charge used goes back to the account it sits in, credit by credit.
    const creditUsed = prepared(db, `SELECT cr.account_id AS accountId, SUM(a.amount) AS used
           FROM allocations a JOIN member_credits cr ON cr.id = a.credit_id
          WHERE a.charge_id = ? AND a.voided_on IS NULL AND a.source = 'credit'
          GROUP BY cr.account_id ORDER BY cr.account_id`)
      .all(charge.id) as { accountId: number; used: number }[];
    const credit = { used: creditUsed.reduce((sum, c) => sum + c.used, 0) };
    const type = prepared(db, 'SELECT account_id FROM contribution_types WHERE id = ?').get(charge.contribution_type_id) as { account_id: number };
    const member = requireMember(db, charge.association_id, charge.member_id);
    const reason = input.reason.trim();
    const lines: NewLine[] = [
      { accountId: type.account_id, amount: charge.amount, memberId: member.id, memo: charge.description },
      { accountId: charge.receivable_account_id, amount: -charge.amount, memberId: member.id, memo: charge.description },
    ];
    for (const { accountId, used } of creditUsed) {
      lines.push(
        { accountId: charge.receivable_account_id, amount: used, memberId: member.id, memo: 'Saldo a favor devuelto' },
        { accountId, amount: -used, memberId: member.id, memo: 'Saldo a favor devuelto' },
      );
    }
    const entry = insertEntry(
      db, context,
      {
        associationId: charge.association_id, date: input.date, lines, sourceType: 'charge_void', sourceId: charge.id,
        description: `Anulación del cargo «${charge.description}» — ${member.full_name}: ${reason}`,
      },
      { allowArchived: true },
    );
    prepared(db, 'UPDATE charges SET voided_on = ?, void_reason = ?, void_entry_id = ? WHERE id = ?')
      .run(input.date, reason, entry.id, charge.id);
    prepared(db, `UPDATE allocations SET voided_on = ? WHERE charge_id = ? AND source = 'credit' AND voided_on IS NULL`)
      .run(input.date, charge.id);
    // The credit freed goes at once to her other open charges, oldest first.
    const creditReapplied = applyMemberCredit(db, context, charge.association_id, member.id, input.date);
    appendAudit(db, context, 'voidCharge', charge.association_id, {
      ...input, entryId: entry.id, creditRestored: credit.used, creditReapplied,
    });
    return getCharge(db, charge.id);
  });
}
