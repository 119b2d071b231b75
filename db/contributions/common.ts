import type { ContributionKind, DueRule, DuesFrequency, PaymentAccountKind } from '../../shared/operations/contributions';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { formatSoles } from '../../shared/money';
import type { NewLine } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// Look-ups and checks the contribution services share. All run inside the caller's transaction.

export interface AssociationRow { id: number; name: string; lock_date: string | null }
export interface MemberRow { id: number; association_id: number; full_name: string; dni: string | null }
export interface TypeRow {
  id: number; association_id: number; kind: ContributionKind; name: string; default_amount: number | null;
  frequency: DuesFrequency | null; unit: string | null; amount_per_unit: number | null; account_id: number;
  archived_at: string | null; due_rule: DueRule; due_value: number | null;
}
export interface ChargeRow {
  id: number; association_id: number; member_id: number; contribution_type_id: number; period: string | null;
  date: string; due_date: string; description: string; amount: number; receivable_account_id: number;
  entry_id: number; voided_on: string | null;
}

export function requireAssociation(db: LedgerDatabase, associationId: number): AssociationRow {
  const row = prepared(db, 'SELECT id, name, lock_date FROM associations WHERE id = ?').get(associationId) as
    | AssociationRow
    | undefined;
  if (!row) throw new KhipuError('association.notFound', { field: 'associationId', params: { id: associationId } });
  return row;
}

export function requireMember(db: LedgerDatabase, associationId: number, memberId: number, field = 'memberId'): MemberRow {
  const row = prepared(db, 'SELECT id, association_id, full_name, dni FROM members WHERE id = ?').get(memberId) as
    | MemberRow
    | undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('contribution.memberNotFound', { field, params: { id: memberId } });
  }
  return row;
}

export function requireType(db: LedgerDatabase, associationId: number, typeId: number, field = 'contributionTypeId'): TypeRow {
  const row = prepared(db, 'SELECT * FROM contribution_types WHERE id = ?').get(typeId) as TypeRow | undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('contributionType.notFound', { field, params: { id: typeId } });
  }
  return row;
}

export function requireActiveType(db: LedgerDatabase, associationId: number, typeId: number): TypeRow {
  const type = requireType(db, associationId, typeId);
  if (type.archived_at !== null) {
    throw new KhipuError('contributionType.archived', { field: 'contributionTypeId', params: { name: type.name } });
  }
  return type;
}

export function requireCharge(db: LedgerDatabase, associationId: number, chargeId: number, field: string): ChargeRow {
  const row = prepared(db, 'SELECT * FROM charges WHERE id = ?').get(chargeId) as ChargeRow | undefined;
  if (!row || row.association_id !== associationId || row.voided_on !== null) {
    throw new KhipuError('charge.notFound', { field, params: { id: chargeId } });
  }
  return row;
}

export function roleAccount(db: LedgerDatabase, associationId: number, role: string): number {
  const row = prepared(db, 'SELECT id FROM accounts WHERE association_id = ? AND role = ?').get(associationId, role) as
    | { id: number }
    | undefined;
  if (!row) throw new KhipuError('contribution.accountRoleMissing', { params: { role } });
  return row.id;
}

export function requirePositive(amount: number, field: string): void {
  if (amount <= 0) throw new KhipuError('contribution.amountNotPositive', { field, params: { amount: formatSoles(amount) } });
}

/** Refuses before anything is written; insertEntry checks again. */
export function checkNotLocked(association: AssociationRow, date: string, field = 'date'): void {
  if (association.lock_date !== null && date <= association.lock_date) {
    throw new KhipuError('entry.locked', {
      field, params: { date: displayDate(date), lockDate: displayDate(association.lock_date) },
    });
  }
}

/**
 * What every void refuses (codes `<kind>.alreadyVoided`, `<kind>.voidBeforeDate`): voiding twice,
 * a void dated before the document, and a void inside the closed period. `named` says which document
 * the refusal speaks of ({number} or {description}).
 */
export function checkVoidable(
  db: LedgerDatabase,
  document: { association_id: number; date: string; voided_on: string | null },
  voidDate: string,
  refusal: {
    kind: 'receipt' | 'creditRefund' | 'charge' | 'inKind' | 'paymentVoucher' | 'purchase' | 'sale' | 'saleCollection';
    field: string; named: Record<string, string>;
  },
): void {
  if (document.voided_on !== null) {
    throw new KhipuError(`${refusal.kind}.alreadyVoided`, {
      field: refusal.field, params: { ...refusal.named, date: displayDate(document.voided_on) },
    });
  }
  if (voidDate < document.date) {
    throw new KhipuError(`${refusal.kind}.voidBeforeDate`, { field: 'date', params: { date: displayDate(document.date) } });
  }
  checkNotLocked(requireAssociation(db, document.association_id), voidDate);
}

/** What a charge still owes: its amount less every live allocation (payments, credit, in kind). */
export function openAmount(db: LedgerDatabase, chargeId: number): number {
  const row = prepared(db, `SELECT c.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a
                                    WHERE a.charge_id = c.id AND a.voided_on IS NULL), 0) AS open
         FROM charges c WHERE c.id = ?`)
    .get(chargeId) as { open: number };
  return row.open;
}

/** The id the next row of an append-only table will get, so an entry can name its document before it is written. */
export function nextId(db: LedgerDatabase, table: 'charges' | 'receipts' | 'in_kind_contributions' | 'credit_refunds'): number {
  return (prepared(db, `SELECT COALESCE(MAX(id), 0) + 1 AS next FROM ${table}`).get() as { next: number }).next;
}

/** Receivable account a charge of this kind debits: capital subscriptions (1421) or dues and fines (1429). */
export function receivableRoleFor(kind: ContributionKind): string {
  return kind === 'capital' ? 'member_contributions_receivable' : 'receivable_members';
}

export interface NewCharge { id: number; memberId: number; amount: number; receivableAccountId: number; description: string }
export interface PlannedCreditUse { chargeId: number; creditId: number; amount: number }

/**
 * Applies a member's credit in favour (advances, oldest first) to charges being created on `date`:
 * Dr the account the credit sits in (4418, or 4419 for credit older than version 10) / Cr receivable,
 * member dimension on both. Only credit that existed by `date` is used here, in the charge's own
 * entry; credit dated later is applied on its own date by applyMemberCredit. Returns the lines to add
 * to the caller's entry and the allocations to record once it is posted.
 */
export function planCreditUse(
  db: LedgerDatabase, _associationId: number, charges: readonly NewCharge[], date = '9999-12-31',
): { lines: NewLine[]; uses: PlannedCreditUse[]; total: number } {
  const lines: NewLine[] = [];
  const uses: PlannedCreditUse[] = [];
  const creditsOf = prepared(db,
    `SELECT c.id, c.account_id AS accountId,
            c.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.credit_id = c.id AND a.voided_on IS NULL), 0)
                     - COALESCE((SELECT SUM(u.amount) FROM credit_refund_uses u JOIN credit_refunds r ON r.id = u.refund_id
                                  WHERE u.credit_id = c.id AND r.voided_on IS NULL), 0) AS remaining
       FROM member_credits c
      WHERE c.member_id = ? AND c.voided_on IS NULL AND c.date <= ?
      ORDER BY c.date, c.id`,
  );
  const used = new Map<number, number>();
  let total = 0;
  for (const charge of charges) {
    let due = charge.amount;
    const credits = creditsOf.all(charge.memberId, date) as { id: number; accountId: number; remaining: number }[];
    for (const credit of credits) {
      if (due === 0) break;
      const left = credit.remaining - (used.get(credit.id) ?? 0);
      if (left <= 0) continue;
      const take = Math.min(left, due);
      used.set(credit.id, (used.get(credit.id) ?? 0) + take);
      uses.push({ chargeId: charge.id, creditId: credit.id, amount: take });
      due -= take;
      total += take;
      lines.push(
        { accountId: credit.accountId, amount: take, memberId: charge.memberId, memo: `Saldo a favor aplicado: ${charge.description}` },
        { accountId: charge.receivableAccountId, amount: -take, memberId: charge.memberId, memo: charge.description },
      );
    }
  }
  return { lines, uses, total };
}

export function insertCreditUses(db: LedgerDatabase, uses: readonly PlannedCreditUse[], date: string, entryId: number): void {
  const insert = prepared(db,
    `INSERT INTO allocations (charge_id, source, credit_id, date, amount, entry_id) VALUES (?, 'credit', ?, ?, ?, ?)`,
  );
  for (const use of uses) insert.run(use.chargeId, use.creditId, date, use.amount, entryId);
}

/** Account a payment enters: cash by default, or any postable, active account under 10 (Caja y bancos). */
export function requireCashAccount(db: LedgerDatabase, associationId: number, accountId: number | null | undefined): { id: number; name: string } {
  const id = accountId ?? roleAccount(db, associationId, 'cash');
  const row = prepared(db, 'SELECT id, association_id, code, name, postable, archived_at FROM accounts WHERE id = ?').get(id) as
    | { id: number; association_id: number; code: string; name: string; postable: number; archived_at: string | null }
    | undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('account.notFound', { field: 'accountId', params: { id } });
  }
  if (!row.code.startsWith('10') || row.postable !== 1 || row.archived_at !== null) {
    throw new KhipuError('payment.accountNotCash', { field: 'accountId', params: { name: row.name } });
  }
  return { id: row.id, name: row.name };
}

/** Where the money of a receipt or refund went, in plain words: the cash box (101) or a bank account. */
export function paymentAccountKind(db: LedgerDatabase, accountId: number): PaymentAccountKind {
  const row = prepared(db, 'SELECT code FROM accounts WHERE id = ?').get(accountId) as { code: string };
  return row.code.startsWith('101') ? 'cash' : 'bank';
}

/** The member who held the treasurer's post on a day, if the padrón names one. */
export function treasurerOn(db: LedgerDatabase, associationId: number, date: string): string | null {
  const row = prepared(db, `SELECT m.full_name FROM officer_posts o JOIN members m ON m.id = o.member_id
        WHERE m.association_id = ? AND o.post = 'tesorero' AND o.term_start <= ?
          AND (o.term_end IS NULL OR o.term_end >= ?)
        ORDER BY o.term_start DESC, o.id DESC LIMIT 1`)
    .get(associationId, date, date) as { full_name: string } | undefined;
  return row?.full_name ?? null;
}
