import type { ParsedInput } from '../../shared/api';
import type { InKindContributionView } from '../../shared/operations/contributions';
import { KhipuError } from '../../shared/errors';
import { formatSoles } from '../../shared/money';
import { appendAudit, type WriteContext } from '../audit/log';
import { insertEntry } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';
import {
  checkNotLocked, nextId, openAmount, requireActiveType, requireAssociation, requireCharge, requireMember,
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
 * services_expense 6399: a work day is a service the association consumes; goods kept in store
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
    const debitAccountId = input.debitAccountId ?? roleAccount(db, input.associationId, 'services_expense');
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
    const view: InKindContributionView = {
      id, memberId: member.id, contributionTypeId: type.id, date: input.date, description,
      quantity: input.quantity ?? null, unit: input.unit ?? type.unit ?? null, value: input.value, chargeId,
      debitAccountId, creditAccountId, entryId: entry.id,
    };
    appendAudit(db, context, 'recordInKindContribution', input.associationId, view);
    return view;
  });
}
