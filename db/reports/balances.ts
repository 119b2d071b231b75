import { KhipuError } from '../../shared/errors';
import { displayDate } from '../../shared/dates';
import type { LedgerDatabase } from '../storage/open';
import { listAccounts } from '../accounts/service';
import type { AccountBalance, AccountView, BalanceAtDate, TrialBalance } from '../../shared/results';
import { closingLinesOfYear } from '../closing/lines';
import { fiscalYearOf } from '../journal/post';
import { prepared } from '../storage/statements';
import { fiscalStartMonth, fiscalYearStart, resultsAccountFor, resultsBefore, postedLinesOnly } from './common';

export type { AccountBalance, TrialBalance };


/**
 * The months a period [from, to] touches. Months strictly between from's month and to's month are
 * whole and come from account_month_balances; the two boundary months come from the lines
 * (journal_lines_account_date): from the first day of from's month to min(to, end of that month), and
 * from the first day of to's month to to (an empty range, '~' sorts after every date, when both are
 * the same month). Days are compared as text: '-00' and '-99' bound any day of a month.
 */
export function monthBounds(from: string, to: string): {
  fromMonth: string; toMonth: string; fromMonthStart: string; fromMonthEnd: string; toMonthStart: string;
} {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const endOfFromMonth = `${fromMonth}-99`;
  return {
    fromMonth, toMonth,
    fromMonthStart: `${fromMonth}-00`,
    fromMonthEnd: to < endOfFromMonth ? to : endOfFromMonth,
    toMonthStart: toMonth > fromMonth ? `${toMonth}-00` : '~',
  };
}

interface Sums { opening: number; debits: number; credits: number }

/**
 * Sums per postable account in SQL: every posted line, closing entries included. Whole months come
 * from the monthly snapshots (primary key range), the boundary months from journal_lines_account_date,
 * so the cost does not grow with the years before the period. A line counts only when its entry is
 * posted: a tool that leaves foreign keys off (sqlite3, Python) can leave a draft's lines behind.
 */
function postableSums(
  db: LedgerDatabase, associationId: number, from: string, to: string,
): Map<number, Sums> {
  if (from > to) throw new KhipuError('period.invalid', { field: 'from', params: { from: displayDate(from), to: displayDate(to) } });
  const rows = prepared(
    db,
    `SELECT account_id, SUM(opening) AS opening, SUM(debits) AS debits, SUM(credits) AS credits
       FROM (
         SELECT s.account_id AS account_id,
                CASE WHEN s.month < @fromMonth THEN s.debits - s.credits ELSE 0 END AS opening,
                CASE WHEN s.month > @fromMonth THEN s.debits ELSE 0 END AS debits,
                CASE WHEN s.month > @fromMonth THEN s.credits ELSE 0 END AS credits
           FROM accounts a CROSS JOIN account_month_balances s ON s.account_id = a.id AND s.month < @toMonth
          WHERE a.association_id = @associationId
         UNION ALL
         SELECT l.account_id,
                CASE WHEN l.date < @from THEN l.amount ELSE 0 END,
                CASE WHEN l.date >= @from AND l.amount > 0 THEN l.amount ELSE 0 END,
                CASE WHEN l.date >= @from AND l.amount < 0 THEN -l.amount ELSE 0 END
           FROM accounts a CROSS JOIN journal_lines l ON l.account_id = a.id AND l.date >= @fromMonthStart AND l.date <= @fromMonthEnd
           ${postedLinesOnly(db)}
          WHERE a.association_id = @associationId
         UNION ALL
         SELECT l.account_id, 0,
                CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END,
                CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END
           FROM accounts a CROSS JOIN journal_lines l ON l.account_id = a.id AND l.date >= @toMonthStart AND l.date <= @to
           ${postedLinesOnly(db)}
          WHERE a.association_id = @associationId
       )
      GROUP BY account_id`,
  ).all({ associationId, from, to, ...monthBounds(from, to) }) as {
    account_id: number; opening: number; debits: number; credits: number;
  }[];
  return new Map(rows.map((r) => [r.account_id, { opening: r.opening, debits: r.debits, credits: r.credits }]));
}

/** Every account of the chart with its postable descendants' sums rolled up (the chart is small). */
function rollUp(accounts: readonly AccountView[], sums: ReadonlyMap<number, Sums>): AccountBalance[] {
  const byId = new Map(accounts.map((a) => [a.id, { account: a, opening: 0, debits: 0, credits: 0 }]));
  for (const [accountId, sum] of sums) {
    // Add to the account and every ancestor.
    for (let id: number | null = accountId; id !== null; ) {
      const node = byId.get(id);
      if (!node) break;
      node.opening += sum.opening;
      node.debits += sum.debits;
      node.credits += sum.credits;
      id = node.account.parentId;
    }
  }
  return accounts.map((a) => {
    const node = byId.get(a.id)!;
    return {
      accountId: a.id, code: a.code, name: a.name, type: a.type, postable: a.postable,
      opening: node.opening, debits: node.debits, credits: node.credits,
      closing: node.opening + node.debits - node.credits,
    };
  });
}

/** Opening, debits, credits and closing of every account over [from, to]: every posted line as it stands. */
export function accountActivity(
  db: LedgerDatabase,
  input: { associationId: number; from?: string | null; to: string },
): AccountBalance[] {
  const sums = postableSums(db, input.associationId, input.from ?? '0000-00-00', input.to);
  return rollUp(listAccounts(db, input.associationId), sums);
}

export function balancesAt(db: LedgerDatabase, input: { associationId: number; date: string }): BalanceAtDate[] {
  return accountActivity(db, { associationId: input.associationId, to: input.date }).map((b) => ({
    accountId: b.accountId, code: b.code, name: b.name, type: b.type, postable: b.postable, balance: b.closing,
  }));
}


/**
 * Balance de comprobación over [from, to], as the accountant's worksheet reads it:
 *  - income and expense accounts open at zero on the first day of the fiscal year of `from`: what
 *    they held before (the results of earlier years not closed by an entry) opens in 591 (a surplus)
 *    or 592 (a deficit), where closing those years would put it;
 *  - the closing entry of the fiscal year of `to` is left out (a trial balance at the year's last
 *    day is the one before closing, from which the statements are read), so every account agrees
 *    with the balance sheet and the income statement for the same dates. Closings of earlier years
 *    are ordinary movements.
 * Without `from` it sums every line since the first entry (nothing opens, nothing is carried).
 */
export function trialBalance(
  db: LedgerDatabase,
  input: { associationId: number; from?: string | null; to: string },
): TrialBalance {
  const startMonth = fiscalStartMonth(db, input.associationId);
  const from = input.from ?? null;
  const sums = postableSums(db, input.associationId, from ?? '0000-00-00', input.to);
  const accounts = listAccounts(db, input.associationId);
  const sumsOf = (accountId: number) => {
    let sum = sums.get(accountId);
    if (!sum) sums.set(accountId, (sum = { opening: 0, debits: 0, credits: 0 }));
    return sum;
  };
  for (const line of closingLinesOfYear(db, input.associationId, fiscalYearOf(input.to, startMonth), input.to)) {
    const sum = sumsOf(line.accountId);
    if (from !== null && line.date < from) sum.opening -= line.amount;
    else if (line.amount > 0) sum.debits -= line.amount;
    else sum.credits += line.amount;
  }
  if (from !== null) {
    const earlier = resultsBefore(db, input.associationId, fiscalYearStart(from, startMonth));
    for (const [accountId, amount] of earlier.byAccount) sumsOf(accountId).opening -= amount;
    if (earlier.total !== 0) sumsOf(resultsAccountFor(accounts, earlier.total).id).opening += earlier.total;
  }
  const rows = rollUp(accounts, sums).filter(
    (r) => r.postable && (r.opening !== 0 || r.debits !== 0 || r.credits !== 0),
  );
  const totals = { debits: 0, credits: 0, debitBalances: 0, creditBalances: 0 };
  for (const r of rows) {
    totals.debits += r.debits + Math.max(r.opening, 0);
    totals.credits += r.credits + Math.max(-r.opening, 0);
    if (r.closing > 0) totals.debitBalances += r.closing;
    else totals.creditBalances -= r.closing;
  }
  return { rows, totals };
}
