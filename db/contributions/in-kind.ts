import type { ParsedInput } from '../../shared/api';
import type { InKindContributionView } from '../../shared/operations/contributions';
import { KhipuError } from '../../shared/errors';
import { formatSoles } from '../../shared/money';
import { appendAudit, type WriteContext } from '../audit/log';
import { insertEntry } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';
import { reverseDocumentEntry } from './receipts';
import { applyMemberCredit } from './credit';
import {
  checkNotLocked, checkVoidable, nextId, openAmount, requireActiveType, requireAssociation, requireCharge, requireMember,
  requirePositive, roleAccount,
} from './common';

function requireDebitAccount(db: LedgerDatabase, associationId: number, accountId: number): void {
  const row = prepared(db, 'SELECT association_id, name, postable, archived_at FROM accounts WHERE id = ?').get(accountId) as
    | { association_id: number; name: string; postable: number; archived_at: string | null }
    | undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('account.notFound', { field: 'debitAccountId', params: { id: accountId } });
  }
  if (row.postable !== 1) throw new KhipuError('account.notPostable', { field: 'debitAccountId', params: { name: row.name } });
  if (row.archived_at !== null) throw new KhipuError('account.archived', { field: 'debitAccountId', params: { name: row.name } });
}

/**
 * A faena (work day) or goods given by a member, valued in soles. Dr the debit account (default
 * member_work_expense 6598 "Faenas y trabajo de los socios": the members' own work, not a third
 * party's service; goods kept in store
 * pass debitAccountId = inventory_supplies) / Cr in_kind_income (75994) — or Cr the charge's
 * receivable when the contribution settles a charge (e.g. a fine paid with a work day).
 */
export function recordInKindContribution(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordInKindContribution'>,
): InKindContributionView {
  return writeTransaction(db, () => {
    const association = requireAssociation(db, input.associationId);
    const member = requireMember(db, input.associationId, input.memberId);
    const type = requireActiveType(db, input.associationId, input.contributionTypeId);
    if (type.kind !== 'in_kind') {
      throw new KhipuError('inKind.typeNotInKind', { field: 'contributionTypeId', params: { name: type.name } });
    }
    requirePositive(input.value, 'value');
    checkNotLocked(association, input.date);
    const debitAccountId = input.debitAccountId ?? roleAccount(db, input.associationId, 'member_work_expense');
    requireDebitAccount(db, input.associationId, debitAccountId);

    let creditAccountId = type.account_id;
    let chargeId: number | null = null;
    if (input.chargeId) {
      const charge = requireCharge(db, input.associationId, input.chargeId, 'chargeId');
      if (charge.member_id !== member.id) {
        const owner = prepared(db, 'SELECT full_name FROM members WHERE id = ?').get(charge.member_id) as { full_name: string };
        throw new KhipuError('payment.chargeOtherMember', { field: 'chargeId', params: { id: charge.id, otherMember: owner.full_name } });
      }
      const open = openAmount(db, charge.id);
      if (input.value > open) {
        throw new KhipuError('inKind.exceedsCharge', {
          field: 'value', params: { value: formatSoles(input.value), open: formatSoles(open) },
        });
      }
      creditAccountId = charge.receivable_account_id;
      chargeId = charge.id;
    }

    const id = nextId(db, 'in_kind_contributions');
    const description = input.description.trim();
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, sourceType: 'in_kind', sourceId: id,
      description: `Aporte en especie: ${description} — ${member.full_name}`,
      lines: [
        { accountId: debitAccountId, amount: input.value, memberId: member.id, memo: description },
        { accountId: creditAccountId, amount: -input.value, memberId: member.id, memo: description },
      ],
    });
    prepared(db,
      `INSERT INTO in_kind_contributions (id, association_id, member_id, contribution_type_id, date, description, quantity,
         unit, value, charge_id, debit_account_id, credit_account_id, entry_id, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id, input.associationId, member.id, type.id, input.date, description, input.quantity ?? null,
      input.unit ?? type.unit ?? null, input.value, chargeId, debitAccountId, creditAccountId, entry.id,
      context.now().toISOString(), context.actor,
    );
    if (chargeId !== null) {
      prepared(db,
        `INSERT INTO allocations (charge_id, source, in_kind_id, date, amount, entry_id) VALUES (?, 'in_kind', ?, ?, ?, ?)`,
      ).run(chargeId, id, input.date, input.value, entry.id);
    }
    const view = getInKindContribution(db, id);
    appendAudit(db, context, 'recordInKindContribution', input.associationId, view);
    return view;
  });
}

const inKindViewSelect = `
  SELECT k.id, k.member_id AS memberId, m.full_name AS memberName, k.contribution_type_id AS contributionTypeId,
         t.name AS typeName, k.date, k.description, k.quantity, k.unit, k.value, k.charge_id AS chargeId,
         k.debit_account_id AS debitAccountId, k.credit_account_id AS creditAccountId, k.entry_id AS entryId,
         k.voided_on AS voidedOn, k.void_reason AS voidReason, k.void_entry_id AS voidEntryId
    FROM in_kind_contributions k JOIN members m ON m.id = k.member_id JOIN contribution_types t ON t.id = k.contribution_type_id`;

type InKindViewRow = Omit<InKindContributionView, 'voided'> & {
  voidedOn: string | null; voidReason: string | null; voidEntryId: number | null;
};
const toView = ({ voidedOn, voidReason, voidEntryId, ...row }: InKindViewRow): InKindContributionView => ({
  ...row,
  voided: voidedOn === null ? null : { date: voidedOn, reason: voidReason ?? '', entryId: voidEntryId ?? 0 },
});

export function getInKindContribution(db: LedgerDatabase, id: number): InKindContributionView {
  return toView(prepared(db, `${inKindViewSelect} WHERE k.id = ?`).get(id) as InKindViewRow);
}

export function listInKindContributions(
  db: LedgerDatabase, input: ParsedInput<'listInKindContributions'>,
): InKindContributionView[] {
  requireAssociation(db, input.associationId);
  if (input.memberId) requireMember(db, input.associationId, input.memberId);
  const rows = prepared(db, `${inKindViewSelect}
        WHERE k.association_id = @associationId AND (@memberId IS NULL OR k.member_id = @memberId)
        ORDER BY k.date DESC, k.id DESC`)
    .all({ associationId: input.associationId, memberId: input.memberId ?? null }) as InKindViewRow[];
  return rows.map(toView);
}

/**
 * Voids an in-kind contribution recorded in error: its entry is reversed through the engine (linked
 * both ways, source 'in_kind_void'), the row keeps its data and says why it was voided, and the charge
 * it paid is owed again (its allocation is released).
 */
export function voidInKind(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidInKind'>): InKindContributionView {
  return writeTransaction(db, () => {
    const row = prepared(db, 'SELECT id, association_id, member_id, date, description, entry_id, voided_on FROM in_kind_contributions WHERE id = ?')
      .get(input.inKindId) as
      | { id: number; association_id: number; member_id: number; date: string; description: string; entry_id: number; voided_on: string | null }
      | undefined;
    if (!row) throw new KhipuError('inKind.notFound', { field: 'inKindId', params: { id: input.inKindId } });
    checkVoidable(db, row, input.date, { kind: 'inKind', field: 'inKindId', named: { description: row.description } });
    const member = requireMember(db, row.association_id, row.member_id);
    const reason = input.reason.trim();
    const reversal = reverseDocumentEntry(db, context, row.entry_id, input.date, {
      description: `Anulación del aporte en especie «${row.description}» — ${member.full_name}: ${reason}`,
      sourceType: 'in_kind_void', sourceId: row.id,
    });
    // The document first, then its allocation: a release is valid only for a voided source.
    prepared(db, 'UPDATE in_kind_contributions SET voided_on = ?, voided_at = ?, void_reason = ?, void_entry_id = ? WHERE id = ?')
      .run(input.date, context.now().toISOString(), reason, reversal.id, row.id);
    prepared(db, 'UPDATE allocations SET voided_on = ? WHERE in_kind_id = ? AND voided_on IS NULL').run(input.date, row.id);
    // The reopened charge is paid at once from any credit in favour she holds.
    const creditReapplied = applyMemberCredit(db, context, row.association_id, row.member_id, input.date);
    appendAudit(db, context, 'voidInKind', row.association_id, { ...input, reversalEntryId: reversal.id, creditReapplied });
    return getInKindContribution(db, row.id);
  });
}
