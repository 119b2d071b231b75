import type {
  BalanceSheet, IncomeStatement, ReportRange, StatementAccountRow, StatementGroup, StatementSection,
} from '../../shared/operations/reports';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { formatSoles, sumCentimos } from '../../shared/money';
import type { AccountView } from '../../shared/results';
import type { LedgerDatabase } from '../storage/open';
import { accountTree, checkPeriod, dayBefore, fiscalStartMonth, fiscalYearStart, yearEarlier, type AccountTree, postedLinesOnly } from './common';
import { prepared } from '../storage/statements';
import { closingLinesBetween, closingLinesOfYear } from '../closing/lines';
import { fiscalYearOf } from '../journal/post';

// Estado de situación financiera and estado de resultados. Sums per postable
// account come from ONE grouped query each (journal_lines_account_date index);
// the small chart is then grouped by 2-digit PCGE heading in memory.

/**
 * Where a balance-sheet account goes. PCGE classifies by nature, not by term, so the split is by element:
 * assets 10–29 (classes 1–2: cash, receivables, inventories) are current, 30–39 (class 3: fixed and
 * biological assets, with 39 depreciation as a negative) non-current. Liabilities 40–47 (taxes, wages,
 * suppliers, members, loans, other payables) are current: what these associations owe falls due within
 * the year; 48 (provisions) and 49 (deferred income: grants recognised over the life of what they paid for)
 * are non-current. A long CAC loan booked in 45 therefore shows as current: an accountant who needs its
 * long-term part apart must open it in 48/49-style sub-accounts or read the loan schedule.
 */
export type BalanceSection = 'currentAssets' | 'nonCurrentAssets' | 'currentLiabilities' | 'nonCurrentLiabilities' | 'equity';

export function balanceSectionOf(account: Pick<AccountView, 'code' | 'type'>): BalanceSection | null {
  const element = account.code.slice(0, 2);
  switch (account.type) {
    case 'asset':
      return element < '30' ? 'currentAssets' : 'nonCurrentAssets';
    case 'liability':
      return element < '48' ? 'currentLiabilities' : 'nonCurrentLiabilities';
    case 'equity':
      return 'equity';
    default:
      return null;
  }
}

interface Figure { amount: number; prior: number | null }

/** Negates without producing -0 (which would print and compare differently from 0). */
const negate = (x: number) => 0 - x;
const signed = (sign: 1 | -1, x: number) => (sign === 1 ? x : negate(x));

/** Groups postable accounts with a figure by their 2-digit heading; zero rows in both columns are left out. */
function groupAccounts(
  tree: AccountTree,
  accounts: readonly AccountView[],
  figure: (account: AccountView) => Figure,
  comparative: boolean,
  range: ReportRange,
  priorRange: ReportRange | null,
): StatementGroup[] {
  const groups = new Map<string, StatementGroup>();
  for (const account of accounts) {
    const { amount, prior } = figure(account);
    if (amount === 0 && (prior ?? 0) === 0) continue;
    const heading = tree.groupOf(account);
    let group = groups.get(heading.code);
    if (!group) {
      group = {
        key: `group:${heading.code}`, kind: 'accounts', code: heading.code, name: heading.pcgeName, accountId: heading.id,
        accountIds: [], amount: 0, prior: comparative ? 0 : null, range, priorRange, accounts: [],
      };
      groups.set(heading.code, group);
    }
    const row: StatementAccountRow = { accountId: account.id, code: account.code, name: account.name, amount, prior };
    group.accounts.push(row);
    group.accountIds.push(account.id);
    group.amount += amount;
    if (group.prior !== null) group.prior += prior ?? 0;
  }
  return [...groups.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

function section(key: string, groups: StatementGroup[], comparative: boolean): StatementSection {
  return {
    key, groups,
    total: sumCentimos(groups.map((g) => g.amount)),
    prior: comparative ? sumCentimos(groups.map((g) => g.prior ?? 0)) : null,
  };
}

interface BalanceSums { accountId: number; upToDate: number; beforeYear: number; upToPrior: number; beforePriorYear: number }

/**
 * Per postable account of the association, the balance of every line dated on or before `date`
 * (or strictly before it): whole months from the monthly snapshots (primary key), the lines of
 * `date`'s own month from journal_lines_account_date. The cost does not grow with the years before.
 */
function balancesThrough(db: LedgerDatabase, associationId: number, date: string, inclusive: boolean): Map<number, number> {
  if (date === '') return new Map();
  const rows = prepared(
    db,
    `SELECT account_id AS accountId, SUM(amount) AS amount FROM (
       SELECT s.account_id AS account_id, s.debits - s.credits AS amount
         FROM accounts a CROSS JOIN account_month_balances s ON s.account_id = a.id AND s.month < @month
        WHERE a.association_id = @associationId
       UNION ALL
       SELECT l.account_id, l.amount
         FROM accounts a CROSS JOIN journal_lines l
           ON l.account_id = a.id AND l.date >= @monthStart AND l.date <= @date AND (@inclusive OR l.date < @date)
         ${postedLinesOnly(db)}
        WHERE a.association_id = @associationId
     ) GROUP BY account_id`,
  ).all({ associationId, month: date.slice(0, 7), monthStart: `${date.slice(0, 7)}-00`, date, inclusive: inclusive ? 1 : 0 }) as
    { accountId: number; amount: number }[];
  return new Map(rows.map((r) => [r.accountId, r.amount]));
}

/**
 * Per postable account: everything up to `date`, before the fiscal year of `date`, and the same two
 * figures for the prior date.
 */
function balanceSums(
  db: LedgerDatabase, associationId: number, dates: { date: string; yearStart: string; prior: string; priorYearStart: string },
): Map<number, BalanceSums> {
  const upToDate = balancesThrough(db, associationId, dates.date, true);
  const beforeYear = balancesThrough(db, associationId, dates.yearStart, false);
  const upToPrior = balancesThrough(db, associationId, dates.prior, true);
  const beforePriorYear = balancesThrough(db, associationId, dates.priorYearStart, false);
  const ids = new Set([...upToDate.keys(), ...beforeYear.keys(), ...upToPrior.keys(), ...beforePriorYear.keys()]);
  return new Map([...ids].map((accountId) => [accountId, {
    accountId,
    upToDate: upToDate.get(accountId) ?? 0,
    beforeYear: beforeYear.get(accountId) ?? 0,
    upToPrior: upToPrior.get(accountId) ?? 0,
    beforePriorYear: beforePriorYear.get(accountId) ?? 0,
  }]));
}

export function balanceSheet(
  db: LedgerDatabase, input: { associationId: number; date: string; comparative?: boolean },
): BalanceSheet {
  const comparative = input.comparative ?? true;
  const startMonth = fiscalStartMonth(db, input.associationId);
  const tree = accountTree(db, input.associationId);
  const date = input.date;
  const yearStart = fiscalYearStart(date, startMonth);
  const priorDate = comparative ? yearEarlier(date) : null;
  const priorYearStart = priorDate === null ? null : fiscalYearStart(priorDate, startMonth);
  // '' sorts before every date: without a comparative column the prior sums are 0.
  const sums = balanceSums(db, input.associationId, {
    date, yearStart, prior: priorDate ?? '', priorYearStart: priorYearStart ?? '',
  });
  // The closing entry of the date's own fiscal year is left out, so the year's result shows as the
  // result of the year, before and after closing. Earlier years' closings stay: their results sit in 591/592.
  const leaveOut = (at: string, pick: 'upToDate' | 'upToPrior') => {
    for (const line of closingLinesOfYear(db, input.associationId, fiscalYearOf(at, startMonth), at)) {
      const sum = sums.get(line.accountId);
      if (sum) sum[pick] -= line.amount;
    }
  };
  leaveOut(date, 'upToDate');
  if (priorDate !== null) leaveOut(priorDate, 'upToPrior');
  const zero: BalanceSums = { accountId: 0, upToDate: 0, beforeYear: 0, upToPrior: 0, beforePriorYear: 0 };
  const sumsOf = (account: AccountView) => sums.get(account.id) ?? zero;

  const range: ReportRange = { from: null, to: date };
  const priorRange: ReportRange | null = priorDate === null ? null : { from: null, to: priorDate };
  const postable = tree.accounts.filter((a) => a.postable);
  const bySection = (wanted: BalanceSection) => {
    const accounts = postable.filter((a) => balanceSectionOf(a) === wanted);
    // Assets are debit balances; liabilities and equity credit balances: shown positive.
    const sign: 1 | -1 = wanted === 'currentAssets' || wanted === 'nonCurrentAssets' ? 1 : -1;
    return groupAccounts(
      tree, accounts,
      (a) => ({ amount: signed(sign, sumsOf(a).upToDate), prior: comparative ? signed(sign, sumsOf(a).upToPrior) : null }),
      comparative, range, priorRange,
    );
  };

  // Income and expenses never closed into 59 by an entry: before the fiscal year they are prior years'
  // results (resultados acumulados); within it, the period's result. Income − expenses = −(sum of lines).
  const resultAccounts = postable.filter((a) => a.type === 'income' || a.type === 'expense');
  const resultIds = resultAccounts.map((a) => a.id);
  const total = (pick: (s: BalanceSums) => number) => negate(sumCentimos(resultAccounts.map((a) => pick(sumsOf(a)))));
  const priorYears = { amount: total((s) => s.beforeYear), prior: comparative ? total((s) => s.beforePriorYear) : null };
  const period = {
    amount: total((s) => s.upToDate - s.beforeYear),
    prior: comparative ? total((s) => s.upToPrior - s.beforePriorYear) : null,
  };
  const accumulated = tree.byCode.get('59');
  const equityGroups = bySection('equity');
  if (priorYears.amount !== 0 || (priorYears.prior ?? 0) !== 0) {
    equityGroups.push({
      key: 'priorResults', kind: 'priorResults', code: accumulated?.code ?? '59',
      name: 'Resultados de ejercicios anteriores no cerrados', accountId: null, accountIds: resultIds,
      ...priorYears,
      range: { from: null, to: dayBefore(yearStart) },
      priorRange: priorYearStart === null ? null : { from: null, to: dayBefore(priorYearStart) },
      accounts: [],
    });
  }
  equityGroups.push({
    key: 'periodResult', kind: 'periodResult', code: '', name: 'Resultado del ejercicio', accountId: null,
    accountIds: resultIds, ...period,
    range: { from: yearStart, to: date },
    priorRange: priorDate === null || priorYearStart === null ? null : { from: priorYearStart, to: priorDate },
    accounts: [],
  });

  const currentAssets = section('currentAssets', bySection('currentAssets'), comparative);
  const nonCurrentAssets = section('nonCurrentAssets', bySection('nonCurrentAssets'), comparative);
  const currentLiabilities = section('currentLiabilities', bySection('currentLiabilities'), comparative);
  const nonCurrentLiabilities = section('nonCurrentLiabilities', bySection('nonCurrentLiabilities'), comparative);
  const equity = section('equity', equityGroups, comparative);
  const addPrior = (...xs: (number | null)[]) => (comparative ? sumCentimos(xs.map((x) => x ?? 0)) : null);

  const assets = {
    current: currentAssets, nonCurrent: nonCurrentAssets,
    total: currentAssets.total + nonCurrentAssets.total, prior: addPrior(currentAssets.prior, nonCurrentAssets.prior),
  };
  const liabilities = {
    current: currentLiabilities, nonCurrent: nonCurrentLiabilities,
    total: currentLiabilities.total + nonCurrentLiabilities.total,
    prior: addPrior(currentLiabilities.prior, nonCurrentLiabilities.prior),
  };
  const totals = {
    assets: assets.total,
    liabilitiesAndEquity: liabilities.total + equity.total,
    priorAssets: assets.prior,
    priorLiabilitiesAndEquity: addPrior(liabilities.prior, equity.prior),
  };
  // Every entry sums to zero, so this holds whatever was posted; if it ever fails, refuse to print a wrong statement.
  assertBalanced(date, totals.assets, totals.liabilitiesAndEquity);
  if (priorDate !== null) assertBalanced(priorDate, totals.priorAssets ?? 0, totals.priorLiabilitiesAndEquity ?? 0);

  return {
    associationId: input.associationId, date, priorDate, fiscalYearStart: yearStart, priorFiscalYearStart: priorYearStart,
    assets, liabilities, equity, totals,
  };
}

function assertBalanced(date: string, assets: number, liabilitiesAndEquity: number): void {
  if (assets !== liabilitiesAndEquity) {
    throw new KhipuError('report.unbalanced', {
      params: { date: displayDate(date), assets: formatSoles(assets), liabilitiesAndEquity: formatSoles(liabilitiesAndEquity) },
    });
  }
}

export function incomeStatement(
  db: LedgerDatabase, input: { associationId: number; from: string; to: string; comparative?: boolean },
): IncomeStatement {
  checkPeriod(input.from, input.to);
  const comparative = input.comparative ?? true;
  const tree = accountTree(db, input.associationId);
  const priorFrom = comparative ? yearEarlier(input.from) : null;
  const priorTo = comparative ? yearEarlier(input.to) : null;
  const rows = db
    .prepare(
      `SELECT l.account_id AS accountId,
              COALESCE(SUM(CASE WHEN l.date >= @from THEN l.amount END), 0) AS now,
              COALESCE(SUM(CASE WHEN l.date >= @priorFrom AND l.date <= @priorTo THEN l.amount END), 0) AS prior
         FROM accounts a CROSS JOIN journal_lines l ON l.account_id = a.id AND l.date >= @low AND l.date <= @to
         ${postedLinesOnly(db)}
        WHERE a.association_id = @associationId AND a.type IN ('income', 'expense')
        GROUP BY a.id`,
    )
    .all({
      associationId: input.associationId, from: input.from, to: input.to,
      priorFrom: priorFrom ?? '9999-99-99', priorTo: priorTo ?? '', low: priorFrom ?? input.from,
    }) as { accountId: number; now: number; prior: number }[];
  const sums = new Map(rows.map((r) => [r.accountId, r]));
  // Closing entries (and reopenings) are left out: a year's income statement is the same before and after closing.
  for (const line of closingLinesBetween(db, input.associationId, priorFrom ?? input.from, input.to)) {
    const sum = sums.get(line.accountId);
    if (!sum) continue; // balance-sheet accounts (591/592) are not in this statement
    if (line.date >= input.from) sum.now -= line.amount;
    if (priorFrom !== null && priorTo !== null && line.date >= priorFrom && line.date <= priorTo) sum.prior -= line.amount;
  }
  const range: ReportRange = { from: input.from, to: input.to };
  const priorRange: ReportRange | null = priorFrom === null || priorTo === null ? null : { from: priorFrom, to: priorTo };
  const postable = tree.accounts.filter((a) => a.postable);
  const build = (type: 'income' | 'expense') => {
    const sign: 1 | -1 = type === 'expense' ? 1 : -1; // income is a credit balance, shown positive
    return groupAccounts(
      tree, postable.filter((a) => a.type === type),
      (a) => ({
        amount: signed(sign, sums.get(a.id)?.now ?? 0),
        prior: comparative ? signed(sign, sums.get(a.id)?.prior ?? 0) : null,
      }),
      comparative, range, priorRange,
    );
  };
  const income = section('income', build('income'), comparative);
  const expenses = section('expenses', build('expense'), comparative);
  return {
    associationId: input.associationId, from: input.from, to: input.to, priorFrom, priorTo, income, expenses,
    result: income.total - expenses.total,
    priorResult: comparative ? (income.prior ?? 0) - (expenses.prior ?? 0) : null,
  };
}
