import type { ParsedInput } from '../../shared/api';
import type { ContributionKind, ContributionTypeView, DueRule, DuesFrequency } from '../../shared/operations/contributions';
import { KhipuError } from '../../shared/errors';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';
import { requireAssociation, requirePositive, requireType, roleAccount } from './common';

/** The account each kind credits unless the treasurer picks another. Capital is equity (5221), the rest income (7599x). */
export const defaultAccountRole: Record<ContributionKind, string> = {
  ordinary_due: 'dues_income',
  extraordinary: 'extraordinary_income',
  capital: 'member_capital_contributions',
  fine: 'fines_income',
  in_kind: 'in_kind_income',
  levy_per_unit: 'levy_income',
};

const selectView = `
  SELECT t.id, t.association_id AS associationId, t.kind, t.name, t.default_amount AS defaultAmount,
         t.frequency, t.unit, t.amount_per_unit AS amountPerUnit, t.due_rule AS dueRule, t.due_value AS dueValue,
         t.account_id AS accountId,
         a.code AS accountCode, a.name AS accountName, t.archived_at IS NOT NULL AS archived
    FROM contribution_types t JOIN accounts a ON a.id = t.account_id`;

function toView(row: ContributionTypeView & { archived: number | boolean }): ContributionTypeView {
  return { ...row, archived: Boolean(row.archived) };
}

export function getContributionType(db: LedgerDatabase, id: number): ContributionTypeView {
  return toView(prepared(db, `${selectView} WHERE t.id = ?`).get(id) as ContributionTypeView);
}

export function listContributionTypes(db: LedgerDatabase, input: ParsedInput<'listContributionTypes'>): ContributionTypeView[] {
  requireAssociation(db, input.associationId);
  const rows = prepared(db, `${selectView} WHERE t.association_id = ? AND (? OR t.archived_at IS NULL) ORDER BY t.kind, t.name`)
    .all(input.associationId, input.includeArchived ? 1 : 0) as ContributionTypeView[];
  return rows.map(toView);
}

function requireCreditAccount(db: LedgerDatabase, associationId: number, accountId: number): void {
  const row = prepared(db, 'SELECT association_id, name, type, postable, archived_at FROM accounts WHERE id = ?').get(accountId) as
    | { association_id: number; name: string; type: string; postable: number; archived_at: string | null }
    | undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('account.notFound', { field: 'accountId', params: { id: accountId } });
  }
  if (!['income', 'equity'].includes(row.type) || row.postable !== 1 || row.archived_at !== null) {
    throw new KhipuError('contributionType.accountType', { field: 'accountId', params: { name: row.name } });
  }
}

function checkNameFree(db: LedgerDatabase, associationId: number, name: string, exceptId: number | null): void {
  const clash = prepared(db, 'SELECT id FROM contribution_types WHERE association_id = ? AND khipu_fold(name) = khipu_fold(?) AND id IS NOT ?')
    .get(associationId, name, exceptId);
  if (clash) throw new KhipuError('contributionType.nameTaken', { field: 'name', params: { name } });
}

/**
 * The due rule a dues type keeps (period_end for every other kind): day_of_month needs monthly dues and
 * a day 1-31, days_after_start a number of days 0-365, period_end no number.
 */
function checkedDueRule(
  kind: ContributionKind, frequency: DuesFrequency | null, rule: DueRule | undefined, value: number | null | undefined,
): { rule: DueRule; value: number | null } {
  if (kind !== 'ordinary_due' || rule === undefined || rule === 'period_end') {
    if (rule !== undefined && rule !== 'period_end' && kind !== 'ordinary_due') {
      throw new KhipuError('contributionType.dueRuleNotDues', { field: 'dueRule' });
    }
    return { rule: 'period_end', value: null };
  }
  if (rule === 'day_of_month') {
    if (frequency !== 'monthly') throw new KhipuError('contributionType.dueDayNeedsMonthly', { field: 'dueRule' });
    if (value === null || value === undefined || value < 1 || value > 31) {
      throw new KhipuError('contributionType.dueDay', { field: 'dueValue', params: { value: value ?? '' } });
    }
    return { rule, value };
  }
  if (value === null || value === undefined || value < 0 || value > 365) {
    throw new KhipuError('contributionType.dueDays', { field: 'dueValue', params: { value: value ?? '' } });
  }
  return { rule, value };
}

/** Inserts one type; the caller holds the transaction. */
function insertType(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'createContributionType'>,
): number {
  requireAssociation(db, input.associationId);
  checkNameFree(db, input.associationId, input.name, null);
  if (input.defaultAmount !== null && input.defaultAmount !== undefined) requirePositive(input.defaultAmount, 'defaultAmount');
  const frequency = input.kind === 'ordinary_due' ? (input.frequency ?? 'monthly') : null;
  let unit: string | null = null;
  let amountPerUnit: number | null = null;
  if (input.kind === 'levy_per_unit') {
    if (!input.unit) throw new KhipuError('contributionType.levyUnitRequired', { field: 'unit' });
    if (input.amountPerUnit === null || input.amountPerUnit === undefined) {
      throw new KhipuError('contributionType.levyUnitRequired', { field: 'amountPerUnit' });
    }
    requirePositive(input.amountPerUnit, 'amountPerUnit');
    unit = input.unit;
    amountPerUnit = input.amountPerUnit;
  } else if (input.kind === 'in_kind') {
    unit = input.unit ?? null;
  }
  const due = checkedDueRule(input.kind, frequency, input.dueRule, input.dueValue);
  const accountId = input.accountId ?? roleAccount(db, input.associationId, defaultAccountRole[input.kind]);
  requireCreditAccount(db, input.associationId, accountId);
  return Number(
    prepared(db, `INSERT INTO contribution_types (association_id, kind, name, default_amount, frequency, unit, amount_per_unit,
           due_rule, due_value, account_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        input.associationId, input.kind, input.name, input.defaultAmount ?? null, frequency, unit, amountPerUnit,
        due.rule, due.value, accountId, context.now().toISOString(),
      ).lastInsertRowid,
  );
}

export function createContributionType(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'createContributionType'>,
): ContributionTypeView {
  return writeTransaction(db, () => {
    const id = insertType(db, context, input);
    const view = getContributionType(db, id);
    appendAudit(db, context, 'createContributionType', input.associationId, view);
    return view;
  });
}

export function updateContributionType(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'updateContributionType'>,
): ContributionTypeView {
  return writeTransaction(db, () => {
    const type = requireType(db, input.associationId, input.contributionTypeId);
    if (input.name !== undefined) checkNameFree(db, input.associationId, input.name, type.id);
    if (input.defaultAmount !== null && input.defaultAmount !== undefined) requirePositive(input.defaultAmount, 'defaultAmount');
    const archivedAt =
      input.archived === undefined ? type.archived_at : input.archived ? (type.archived_at ?? context.now().toISOString()) : null;
    const due = input.dueRule === undefined
      ? { rule: type.due_rule, value: type.due_value }
      : checkedDueRule(type.kind, type.frequency, input.dueRule, input.dueValue);
    prepared(db, 'UPDATE contribution_types SET name = ?, default_amount = ?, archived_at = ?, due_rule = ?, due_value = ? WHERE id = ?').run(
      input.name ?? type.name,
      input.defaultAmount === undefined ? type.default_amount : input.defaultAmount,
      archivedAt,
      due.rule,
      due.value,
      type.id,
    );
    const view = getContributionType(db, type.id);
    appendAudit(db, context, 'updateContributionType', input.associationId, { before: type, after: view });
    return view;
  });
}

const defaults: ParsedInput<'createContributionType'>[] = [
  { associationId: 0, kind: 'ordinary_due', name: 'Cuota ordinaria mensual', defaultAmount: 1000, frequency: 'monthly' },
  { associationId: 0, kind: 'extraordinary', name: 'Aporte extraordinario' },
  { associationId: 0, kind: 'capital', name: 'Aporte de capital' },
  { associationId: 0, kind: 'fine', name: 'Multa por inasistencia' },
  { associationId: 0, kind: 'in_kind', name: 'Faena (aporte en especie)', unit: 'jornal' },
];

/** Creates the usual types that are missing (by name); running it again creates nothing. */
export function seedDefaultContributionTypes(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'seedDefaultContributionTypes'>,
): { created: number; types: ContributionTypeView[] } {
  return writeTransaction(db, () => {
    requireAssociation(db, input.associationId);
    const exists = prepared(db, 'SELECT 1 FROM contribution_types WHERE association_id = ? AND khipu_fold(name) = khipu_fold(?)');
    const created: number[] = [];
    for (const type of defaults) {
      if (exists.get(input.associationId, type.name)) continue;
      created.push(insertType(db, context, { ...type, associationId: input.associationId }));
    }
    appendAudit(db, context, 'seedDefaultContributionTypes', input.associationId, { created });
    return { created: created.length, types: listContributionTypes(db, { associationId: input.associationId }) };
  });
}
