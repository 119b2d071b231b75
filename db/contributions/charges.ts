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
import {
  checkNotLocked, insertCreditUses, nextId, planCreditUse, receivableRoleFor, requireActiveType, requireAssociation,
  requireMember, requirePositive, roleAccount, type ChargeRow, type NewCharge,
} from './common';

/** The period's last day and how it reads on a receipt: '2026-02' → 2026-02-28, '02/2026'; '2026' → 2026-12-31, '2026'. */
export function periodBounds(period: string, frequency: 'monthly' | 'yearly'): { lastDay: string; label: string } | null {
  if (frequency === 'yearly') {
    return /^\d{4}$/.test(period) ? { lastDay: `${period}-12-31`, label: period } : null;
  }
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month
  return { lastDay: `${period}-${String(days).padStart(2, '0')}`, label: `${match[2]}/${match[1]}` };
}

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
        WHERE c.association_id = @associationId AND c.voided_on IS NULL
          AND (@memberId IS NULL OR c.member_id = @memberId)
        ORDER BY c.due_date, c.date, c.id`)
    .all({ associationId: input.associationId, memberId: input.memberId ?? null }) as ChargeViewRow[];
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
 * One charge per member active on the period's last day, in ONE entry: Dr members' receivable (1429)
 * per member, Cr the type's income account; credit in favour is applied at once in the same entry.
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
    const dueDate = input.dueDate ?? (bounds.lastDay >= input.date ? bounds.lastDay : input.date);
    checkDueDate(input.date, dueDate);
    checkNotLocked(association, input.date);

    const active = prepared(db, `SELECT m.id FROM members m
          WHERE m.association_id = @associationId
            AND EXISTS (SELECT 1 FROM member_memberships p WHERE p.member_id = m.id
                          AND p.joined_on <= @lastDay AND (p.left_on IS NULL OR p.left_on >= @lastDay))
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
    const credit = planCreditUse(db, input.associationId, charges);
    const lines: NewLine[] = [
      ...charges.map((c) => ({ accountId: receivable, amount: c.amount, memberId: c.memberId, memo: description })),
      { accountId: type.account_id, amount: -total, memo: description },
      ...credit.lines,
    ];
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, lines, sourceType: 'dues', sourceId: type.id,
      description: `${description} (${charges.length} ${charges.length === 1 ? 'socio' : 'socios'})`,
    });
    insertCharges(
      db, context,
      charges.map((charge) => ({
        charge, associationId: input.associationId, typeId: type.id, period: input.period, date: input.date, dueDate,
      })),
      entry.id,
    );
    insertCreditUses(db, credit.uses, input.date, entry.id);
    const result = { created: charges.length, skipped, total, entryId: entry.id, creditApplied: credit.total };
    appendAudit(db, context, 'generateDues', input.associationId, { ...input, ...result });
    return result;
  });
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

    const receivable = roleAccount(db, input.associationId, receivableRoleFor(type.kind));
    const description = input.description?.trim() || type.name;
    const charge: NewCharge = {
      id: nextId(db, 'charges'), memberId: member.id, amount: input.amount, receivableAccountId: receivable, description,
    };
    const credit = planCreditUse(db, input.associationId, [charge]);
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
export function voidCharge(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidCharge'>): ChargeView {
  return writeTransaction(db, () => {
    const charge = prepared(db, 'SELECT * FROM charges WHERE id = ?').get(input.chargeId) as ChargeRow | undefined;
    if (!charge) throw new KhipuError('charge.notFound', { field: 'chargeId', params: { id: input.chargeId } });
    if (charge.voided_on !== null) {
      throw new KhipuError('charge.alreadyVoided', {
        field: 'chargeId', params: { description: charge.description, date: displayDate(charge.voided_on) },
      });
    }
    if (input.date < charge.date) {
      throw new KhipuError('charge.voidBeforeDate', { field: 'date', params: { date: displayDate(charge.date) } });
    }
    checkNotLocked(requireAssociation(db, charge.association_id), input.date);
    const paid = prepared(db, `SELECT COALESCE(SUM(amount), 0) AS paid FROM allocations WHERE charge_id = ? AND voided_on IS NULL AND source <> 'credit'`)
      .get(charge.id) as { paid: number };
    if (paid.paid > 0) {
      throw new KhipuError('charge.hasPayments', {
        field: 'chargeId', params: { description: charge.description, amount: formatSoles(paid.paid) },
      });
    }
    const credit = prepared(db, `SELECT COALESCE(SUM(amount), 0) AS used FROM allocations WHERE charge_id = ? AND voided_on IS NULL AND source = 'credit'`)
      .get(charge.id) as { used: number };
    const type = prepared(db, 'SELECT account_id FROM contribution_types WHERE id = ?').get(charge.contribution_type_id) as { account_id: number };
    const member = requireMember(db, charge.association_id, charge.member_id);
    const reason = input.reason.trim();
    const lines: NewLine[] = [
      { accountId: type.account_id, amount: charge.amount, memberId: member.id, memo: charge.description },
      { accountId: charge.receivable_account_id, amount: -charge.amount, memberId: member.id, memo: charge.description },
    ];
    if (credit.used > 0) {
      lines.push(
        { accountId: charge.receivable_account_id, amount: credit.used, memberId: member.id, memo: 'Saldo a favor devuelto' },
        { accountId: roleAccount(db, charge.association_id, 'payable_members'), amount: -credit.used, memberId: member.id, memo: 'Saldo a favor devuelto' },
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
    appendAudit(db, context, 'voidCharge', charge.association_id, { ...input, entryId: entry.id, creditRestored: credit.used });
    return getCharge(db, charge.id);
  });
}
