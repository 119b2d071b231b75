import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import type { AccountView } from '../../shared/results';
import { listAccounts } from '../accounts/service';
import { getAssociation } from '../associations/service';
import { fiscalYearOf } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

/**
 * The join that keeps only the lines of posted entries, or nothing when the file holds no draft.
 * Inside Khipu a draft never outlives its transaction (schema 9's deferred key), but a tool that
 * leaves foreign keys off (sqlite3, Python) can leave one behind with its lines. The join costs a
 * look-up per line read, so it is paid only while such a draft exists; asking is one probe of the
 * partial index journal_entries_drafts, empty in a healthy file.
 */
export function postedLinesOnly(db: LedgerDatabase): string {
  const draft = prepared(db, 'SELECT 1 FROM journal_entries WHERE posted = 0 LIMIT 1').get();
  return draft === undefined ? '' : 'CROSS JOIN journal_entries e ON e.id = l.entry_id AND e.posted = 1';
}

// Dates and the account tree the reports share. Dates are yyyy-mm-dd strings,
// handled as text and integers so no time zone can move a day.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month
}

/** The same day one year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysIn(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The day before (for "up to the day before the fiscal year"). */
export function dayBefore(date: string): string {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  let day = Number(date.slice(8, 10)) - 1;
  if (day === 0) {
    month -= 1;
    if (month === 0) { month = 12; year -= 1; }
    day = daysIn(year, month);
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** 'yyyy-mm' shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export function monthBounds(month: string): { first: string; last: string } {
  return { first: `${month}-01`, last: `${month}-${pad(daysIn(Number(month.slice(0, 4)), Number(month.slice(5, 7))))}` };
}

/** First day of the fiscal year that contains `date`. */
export function fiscalYearStart(date: string, startMonth: number): string {
  return `${pad(fiscalYearOf(date, startMonth), 4)}-${pad(startMonth)}-01`;
}

export function checkPeriod(from: string, to: string): void {
  if (from > to) throw new KhipuError('period.invalid', { field: 'from', params: { from: displayDate(from), to: displayDate(to) } });
}

export function fiscalStartMonth(db: LedgerDatabase, associationId: number): number {
  return getAssociation(db, associationId).fiscalYearStartMonth;
}

/** The chart with a fast way to find an account's 2-digit PCGE heading and its postable descendants. */
export interface AccountTree {
  accounts: AccountView[];
  byId: Map<number, AccountView>;
  byCode: Map<string, AccountView>;
  /** The account's 2-digit heading (PCGE "cuenta"), or the account itself when it has none. */
  groupOf: (account: AccountView) => AccountView;
  /** Postable accounts at or below `accountId`, in code order. */
  postableUnder: (accountId: number) => AccountView[];
}

export function accountTree(db: LedgerDatabase, associationId: number): AccountTree {
  const accounts = listAccounts(db, associationId);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  const groupOf = (account: AccountView) => byCode.get(account.code.slice(0, 2)) ?? account;
  const postableUnder = (accountId: number) => {
    const root = byId.get(accountId);
    if (!root) return [];
    return accounts.filter((a) => a.postable && a.code.startsWith(root.code));
  };
  return { accounts, byId, byCode, groupOf, postableUnder };
}

export function requireAccount(tree: AccountTree, accountId: number): AccountView {
  const account = tree.byId.get(accountId);
  if (!account) throw new KhipuError('account.notFound', { field: 'accountId', params: { id: accountId } });
  return account;
}

/**
 * Earlier fiscal years' results still sitting in income and expense accounts before `yearStart`
 * (the first day of a fiscal year, so whole months of snapshots): per postable account, and their
 * sum. A closed year's closing entry brought its accounts back to zero, so this is exactly the
 * result of the years not closed by an entry.
 */
export function resultsBefore(
  db: LedgerDatabase, associationId: number, yearStart: string,
): { byAccount: Map<number, number>; total: number } {
  const rows = prepared(
    db,
    `SELECT s.account_id AS accountId, SUM(s.debits - s.credits) AS amount
       FROM accounts a CROSS JOIN account_month_balances s ON s.account_id = a.id AND s.month < @month
      WHERE a.association_id = @associationId AND a.type IN ('income', 'expense')
      GROUP BY s.account_id`,
  ).all({ associationId, month: yearStart.slice(0, 7) }) as { accountId: number; amount: number }[];
  const byAccount = new Map(rows.filter((r) => r.amount !== 0).map((r) => [r.accountId, r.amount]));
  let total = 0;
  for (const amount of byAccount.values()) total += amount;
  return { byAccount, total };
}

/**
 * Where earlier years' results are carried, as a closing would book them (PCGE 59): a surplus (a credit,
 * negative sum of lines) to 591 Excedentes acumulados, a deficit to 592 Déficits acumulados.
 */
export function resultsAccountFor(accounts: readonly AccountView[], signedResult: number): AccountView {
  const role = signedResult <= 0 ? 'accumulated_results' : 'accumulated_losses';
  const account = accounts.find((a) => a.role === role);
  if (!account) throw new KhipuError('closing.noResultsAccount', { params: { name: role === 'accumulated_results' ? '591' : '592' } });
  return account;
}
