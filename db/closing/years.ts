import type { ClosingDocument } from '../../shared/operations/closing';
import { KhipuError } from '../../shared/errors';
import { displayDate } from '../../shared/dates';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { dayBefore } from '../reports/common';

// Fiscal years and their closing documents: the bounds of a year (it follows the association's
// start month), the closings of a year, and the year's income and expense balances.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** First and last day of fiscal year `year` (named by the calendar year it starts in). */
export function fiscalYearBounds(year: number, startMonth: number): { from: string; to: string } {
  return { from: `${pad(year, 4)}-${pad(startMonth)}-01`, to: dayBefore(`${pad(year + 1, 4)}-${pad(startMonth)}-01`) };
}

export interface ClosingRow {
  id: number; association_id: number; fiscal_year: number; date: string; entry_id: number | null;
  closed_at: string; closed_by: string; voided_on: string | null; voided_at: string | null; voided_by: string | null;
  void_reason: string | null; void_entry_id: number | null;
}

export function liveClosing(db: LedgerDatabase, associationId: number, fiscalYear: number): ClosingRow | undefined {
  return prepared(db, 'SELECT * FROM fiscal_year_closings WHERE association_id = ? AND fiscal_year = ? AND voided_on IS NULL')
    .get(associationId, fiscalYear) as ClosingRow | undefined;
}

/** The closings of a year, oldest first (at most one live). */
export function closingsOfYear(db: LedgerDatabase, associationId: number, fiscalYear: number): ClosingRow[] {
  return prepared(db, 'SELECT * FROM fiscal_year_closings WHERE association_id = ? AND fiscal_year = ? ORDER BY id')
    .all(associationId, fiscalYear) as ClosingRow[];
}

/** The latest fiscal year with a live closing, or null. */
export function latestClosedYear(db: LedgerDatabase, associationId: number): number | null {
  const row = prepared(db, 'SELECT MAX(fiscal_year) AS year FROM fiscal_year_closings WHERE association_id = ? AND voided_on IS NULL')
    .get(associationId) as { year: number | null };
  return row.year;
}

/** The first and last fiscal years with an entry (null when the association has none). */
export function yearsWithEntries(db: LedgerDatabase, associationId: number): { first: number; last: number } | null {
  const row = prepared(db, 'SELECT MIN(fiscal_year) AS first, MAX(fiscal_year) AS last FROM journal_entries WHERE association_id = ?')
    .get(associationId) as { first: number | null; last: number | null };
  return row.first === null || row.last === null ? null : { first: row.first, last: row.last };
}

export function hasEntries(db: LedgerDatabase, associationId: number, fiscalYear: number): boolean {
  return prepared(db, 'SELECT 1 FROM journal_entries WHERE association_id = ? AND fiscal_year = ? LIMIT 1')
    .get(associationId, fiscalYear) !== undefined;
}

/**
 * Per postable income and expense account, the sum of its lines in the fiscal year (debit positive),
 * from the monthly snapshots alone: a fiscal year is whole months.
 */
export function yearResultBalances(
  db: LedgerDatabase, associationId: number, bounds: { from: string; to: string },
): { accountId: number; amount: number }[] {
  return prepared(
    db,
    `SELECT s.account_id AS accountId, SUM(s.debits - s.credits) AS amount
       FROM accounts a CROSS JOIN account_month_balances s
         ON s.account_id = a.id AND s.month >= @fromMonth AND s.month <= @toMonth
      WHERE a.association_id = @associationId AND a.type IN ('income', 'expense')
      GROUP BY a.id HAVING SUM(s.debits - s.credits) <> 0
      ORDER BY a.code`,
  ).all({ associationId, fromMonth: bounds.from.slice(0, 7), toMonth: bounds.to.slice(0, 7) }) as { accountId: number; amount: number }[];
}

export function closingDocument(db: LedgerDatabase, row: ClosingRow): ClosingDocument {
  const numberOf = (entryId: number | null) => entryId === null ? null
    : (prepared(db, 'SELECT number FROM journal_entries WHERE id = ?').get(entryId) as { number: number }).number;
  return {
    id: row.id, entryId: row.entry_id, entryNumber: numberOf(row.entry_id), date: row.date,
    closedAt: row.closed_at, closedBy: row.closed_by, voidedOn: row.voided_on, voidReason: row.void_reason,
    voidEntryId: row.void_entry_id, voidEntryNumber: numberOf(row.void_entry_id),
  };
}

/** A closing or reopening on or before the lock date is refused, naming the date. */
export function checkNotLocked(lockDate: string | null, date: string): void {
  if (lockDate !== null && date <= lockDate) {
    throw new KhipuError('closing.locked', { field: 'date', params: { date: displayDate(date), lockDate: displayDate(lockDate) } });
  }
}
