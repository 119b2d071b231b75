import type { AccountBook, BookMovement, CounterAccount } from '../../shared/operations/reports';
import { KhipuError } from '../../shared/errors';
import type { AccountView } from '../../shared/results';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { accountTree, checkPeriod, fiscalStartMonth, fiscalYearStart, requireAccount, resultsAccountFor, resultsBefore, postedLinesOnly } from './common';

// Libro caja y bancos and libro mayor: the lines of some accounts in a period,
// with the opening balance (monthly snapshots) and a running balance computed in SQL (window function).

interface MovementRow {
  entryId: number; fiscalYear: number; number: number; lineNo: number; date: string; description: string;
  accountId: number; code: string; accountName: string; amount: number; balance: number;
}

/**
 * The accounts of each entry, by code, read once per entry: a line's counter-accounts are its entry's
 * other accounts. (Asked per line, a milk collection's twenty member lines each re-read all
 * twenty-one lines of their entry: 76 ms for a year's ledger of the members' account.)
 */
function entryAccounts(db: LedgerDatabase, entryIds: number[]): Map<number, CounterAccount[]> {
  const byEntry = new Map<number, CounterAccount[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = prepared(
    db,
    `SELECT DISTINCT o.entry_id AS entryId, oa.id AS accountId, oa.code, oa.name
       FROM (SELECT DISTINCT value AS entry_id FROM json_each(?)) k
       CROSS JOIN journal_lines o ON o.entry_id = k.entry_id
       JOIN accounts oa ON oa.id = o.account_id
      ORDER BY o.entry_id, oa.code`,
  ).all(JSON.stringify(entryIds)) as (CounterAccount & { entryId: number })[];
  for (const { entryId, ...account } of rows) {
    const list = byEntry.get(entryId);
    if (list) list.push(account);
    else byEntry.set(entryId, [account]);
  }
  return byEntry;
}

/**
 * The accounts' balance before `from` (from `openingFrom` on, when given: the first day of a month).
 * Whole months come from the monthly snapshots, only `from`'s own month from lines, so opening a
 * book in year ten reads no more than in year one.
 */
function openingBalance(db: LedgerDatabase, ids: string, from: string, openingFrom: string | null): number {
  if (openingFrom !== null && !openingFrom.endsWith('-01')) throw new Error(`report: opening must start a month (${openingFrom})`);
  const { opening } = prepared(
    db,
    `SELECT COALESCE(SUM(amount), 0) AS opening FROM (
       SELECT s.debits - s.credits AS amount
         FROM json_each(@ids) k CROSS JOIN account_month_balances s ON s.account_id = k.value
          AND s.month >= @openingMonth AND s.month < @fromMonth
       UNION ALL
       SELECT l.amount
         FROM json_each(@ids) k CROSS JOIN journal_lines l ON l.account_id = k.value
          AND l.date >= @fromMonthStart AND l.date < @from AND l.date >= @openingFrom
         ${postedLinesOnly(db)})`,
  ).get({
    ids, from, fromMonth: from.slice(0, 7), fromMonthStart: `${from.slice(0, 7)}-00`,
    openingFrom: openingFrom ?? '', openingMonth: openingFrom?.slice(0, 7) ?? '',
  }) as { opening: number };
  return opening;
}

function accountBook(
  db: LedgerDatabase,
  input: {
    associationId: number; from: string; to: string; accounts: AccountView[]; openingFrom: string | null;
    /** Earlier years' results carried into this book's opening (591/592 and their headings). */
    carried?: number;
    header: { accountId: number | null; code: string; name: string };
  },
): AccountBook {
  checkPeriod(input.from, input.to);
  const ids = JSON.stringify(input.accounts.map((a) => a.id));
  const opening = openingBalance(db, ids, input.from, input.openingFrom) + (input.carried ?? 0);
  const rows = prepared(
    db,
    `SELECT l.entry_id AS entryId, e.fiscal_year AS fiscalYear, e.number, l.line_no AS lineNo, l.date, e.description,
            l.account_id AS accountId, a.code, a.name AS accountName, l.amount,
            @opening + SUM(l.amount) OVER (ORDER BY l.date, e.fiscal_year, e.number, l.line_no
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS balance
       FROM json_each(@ids) k
       CROSS JOIN journal_lines l ON l.account_id = k.value
       JOIN journal_entries e ON e.id = l.entry_id AND e.posted = 1
       JOIN accounts a ON a.id = l.account_id
      WHERE l.date >= @from AND l.date <= @to
      ORDER BY l.date, e.fiscal_year, e.number, l.line_no`,
  ).all({ ids, from: input.from, to: input.to, opening }) as MovementRow[];
  const accountsOf = entryAccounts(db, rows.map((r) => r.entryId));
  let debits = 0;
  let credits = 0;
  const movements: BookMovement[] = rows.map(({ amount, ...row }) => {
    const debit = amount > 0 ? amount : 0;
    const credit = amount < 0 ? -amount : 0;
    debits += debit;
    credits += credit;
    const counterAccounts = (accountsOf.get(row.entryId) ?? []).filter((a) => a.accountId !== row.accountId);
    return { ...row, counterAccounts, debit, credit };
  });
  const closing = opening + debits - credits;
  const last = movements[movements.length - 1];
  if (last && last.balance !== closing) throw new Error('report: running balance disagrees with the totals');
  return {
    associationId: input.associationId, from: input.from, to: input.to, ...input.header,
    accountIds: input.accounts.map((a) => a.id), opening, openingFrom: input.openingFrom, movements,
    totals: { debits, credits }, closing,
  };
}

/** Libro caja y bancos: one account under element 10 (a heading takes its sub-accounts), or all of 10. */
export function cashBook(
  db: LedgerDatabase, input: { associationId: number; from: string; to: string; accountId?: number | null },
): AccountBook {
  fiscalStartMonth(db, input.associationId); // the association must exist
  const tree = accountTree(db, input.associationId);
  let root: AccountView | undefined;
  if (input.accountId) {
    root = requireAccount(tree, input.accountId);
    if (!root.code.startsWith('10')) {
      throw new KhipuError('report.notCashAccount', { field: 'accountId', params: { name: root.name } });
    }
  } else {
    root = tree.byCode.get('10');
  }
  const accounts = root ? tree.postableUnder(root.id) : tree.accounts.filter((a) => a.postable && a.code.startsWith('10'));
  return accountBook(db, {
    associationId: input.associationId, from: input.from, to: input.to, accounts, openingFrom: null,
    header: { accountId: input.accountId ?? null, code: root?.code ?? '10', name: root?.name ?? 'Caja y bancos' },
  });
}

/**
 * Libro mayor of one account and its sub-accounts. Balance accounts open with everything before `from`;
 * income and expense accounts open at the start of the fiscal year of `from`, and what they held
 * before (earlier years not closed by an entry) opens in 591 or 592 (and the headings above them),
 * as in the trial balance. Closing entries are movements like any other: the mayor shows them.
 */
export function generalLedger(
  db: LedgerDatabase, input: { associationId: number; accountId: number; from: string; to: string },
): AccountBook {
  const startMonth = fiscalStartMonth(db, input.associationId);
  const tree = accountTree(db, input.associationId);
  const account = requireAccount(tree, input.accountId);
  const resultAccount = account.type === 'income' || account.type === 'expense';
  const yearStart = fiscalYearStart(input.from, startMonth);
  const accounts = tree.postableUnder(account.id);
  let carried = 0;
  if (account.type === 'equity') {
    const earlier = resultsBefore(db, input.associationId, yearStart);
    const target = earlier.total === 0 ? null : resultsAccountFor(tree.accounts, earlier.total);
    if (target && accounts.some((a) => a.id === target.id)) carried = earlier.total;
  }
  return accountBook(db, {
    associationId: input.associationId, from: input.from, to: input.to, accounts,
    openingFrom: resultAccount ? yearStart : null, carried,
    header: { accountId: account.id, code: account.code, name: account.name },
  });
}
