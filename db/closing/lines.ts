import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// The lines of closing entries (and of their reversals, when a year was reopened), for the reports
// that leave them out. The monthly snapshots count every posted line, closing lines included, so a
// report that reads snapshots subtracts these: one entry of a few dozen lines per fiscal year, read
// through the closing documents, then the entries' own lines by their key (alias o, as every read of an
// entry's lines already found is named in db/reports/query-plans.test.ts), never by scanning the journal.

export interface ClosingLine { accountId: number; code: string; type: string; date: string; amount: number }

const ofYear = `
  SELECT o.account_id AS accountId, a.code, a.type, o.date, o.amount
    FROM fiscal_year_closings c
    CROSS JOIN journal_lines o ON o.entry_id = c.entry_id OR o.entry_id = c.void_entry_id
    JOIN accounts a ON a.id = o.account_id
   WHERE c.association_id = @associationId AND c.fiscal_year = @fiscalYear AND o.date <= @to`;

const between = `
  SELECT o.account_id AS accountId, a.code, a.type, o.date, o.amount
    FROM fiscal_year_closings c
    CROSS JOIN journal_lines o ON o.entry_id = c.entry_id OR o.entry_id = c.void_entry_id
    JOIN accounts a ON a.id = o.account_id
   WHERE c.association_id = @associationId AND o.date >= @from AND o.date <= @to`;

/** Closing lines of one fiscal year dated on or before `to`: what a report of that year ending on `to` leaves out. */
export function closingLinesOfYear(db: LedgerDatabase, associationId: number, fiscalYear: number, to: string): ClosingLine[] {
  return prepared(db, ofYear).all({ associationId, fiscalYear, to }) as ClosingLine[];
}

/** Closing lines of every year dated in [from, to]: what the income statement of that range leaves out. */
export function closingLinesBetween(db: LedgerDatabase, associationId: number, from: string, to: string): ClosingLine[] {
  return prepared(db, between).all({ associationId, from, to }) as ClosingLine[];
}

/** Sums lines per account. */
export function sumByAccount(lines: readonly ClosingLine[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const line of lines) sums.set(line.accountId, (sums.get(line.accountId) ?? 0) + line.amount);
  return sums;
}
