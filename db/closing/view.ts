import type { ClosingAccountRow, FiscalYearClosingView, FiscalYearRow } from '../../shared/operations/closing';
import { KhipuError } from '../../shared/errors';
import { sumCentimos } from '../../shared/money';
import type { AccountView } from '../../shared/results';
import { listAccounts } from '../accounts/service';
import { getAssociation } from '../associations/service';
import { fiscalYearOf } from '../journal/post';
import { resultsAccountFor } from '../reports/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import {
  closingDocument, closingsOfYear, fiscalYearBounds, liveClosing, yearResultBalances, yearsWithEntries, type ClosingRow,
} from './years';

/** What a closing moves: per income or expense account, its balance for the year (debit positive). */
export interface YearBalances { accounts: AccountView[]; balances: { accountId: number; amount: number }[] }

/** The balances a closing entry closed: its lines on income and expense accounts, negated back. */
function closedBalances(db: LedgerDatabase, accounts: AccountView[], entryId: number): YearBalances['balances'] {
  const types = new Map(accounts.map((a) => [a.id, a.type]));
  const lines = prepared(db, 'SELECT account_id AS accountId, amount FROM journal_lines WHERE entry_id = ? ORDER BY line_no')
    .all(entryId) as { accountId: number; amount: number }[];
  return lines
    .filter((l) => types.get(l.accountId) === 'income' || types.get(l.accountId) === 'expense')
    .map((l) => ({ accountId: l.accountId, amount: -l.amount }));
}

export function buildView(
  db: LedgerDatabase, associationId: number, fiscalYear: number, shown: ClosingRow | undefined,
): FiscalYearClosingView {
  const association = getAssociation(db, associationId);
  const bounds = fiscalYearBounds(fiscalYear, association.fiscalYearStartMonth);
  const accounts = listAccounts(db, associationId);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const live = liveClosing(db, associationId, fiscalYear);
  // A closing shows what it closed; an open year what closing it would move now.
  const balances = shown === undefined ? yearResultBalances(db, associationId, bounds)
    : shown.entry_id === null ? [] : closedBalances(db, accounts, shown.entry_id);
  const rowsOf = (type: 'income' | 'expense'): ClosingAccountRow[] =>
    balances.flatMap(({ accountId, amount }) => {
      const account = byId.get(accountId);
      if (!account || account.type !== type) return [];
      return [{ accountId, code: account.code, name: account.name, type, amount: type === 'income' ? 0 - amount : amount }];
    });
  const income = rowsOf('income');
  const expenses = rowsOf('expense');
  const totalIncome = sumCentimos(income.map((r) => r.amount));
  const totalExpenses = sumCentimos(expenses.map((r) => r.amount));
  const result = totalIncome - totalExpenses;
  const resultAccount = result === 0 ? null : resultsAccountFor(accounts, -result);
  return {
    associationId, associationName: association.name, fiscalYear, ...bounds,
    status: live ? 'closed' : 'open',
    closing: shown ? closingDocument(db, shown) : null,
    income, expenses, totalIncome, totalExpenses, result,
    resultAccount: resultAccount && { accountId: resultAccount.id, code: resultAccount.code, name: resultAccount.name },
  };
}

export function getFiscalYearClosing(
  db: LedgerDatabase, input: { associationId: number; fiscalYear: number; closingId?: number | null | undefined },
): FiscalYearClosingView {
  getAssociation(db, input.associationId); // the association must exist
  let shown: ClosingRow | undefined;
  if (input.closingId != null) {
    shown = closingsOfYear(db, input.associationId, input.fiscalYear).find((c) => c.id === input.closingId);
    if (!shown) throw new KhipuError('closing.notFound', { field: 'closingId', params: { year: input.fiscalYear } });
  } else {
    shown = liveClosing(db, input.associationId, input.fiscalYear);
  }
  return buildView(db, input.associationId, input.fiscalYear, shown);
}

/** Every fiscal year from the first entry's (or today's, with none) to today's or the last entry's. */
export function listFiscalYearClosings(db: LedgerDatabase, input: { associationId: number }, today: string): FiscalYearRow[] {
  const { fiscalYearStartMonth } = getAssociation(db, input.associationId);
  const current = fiscalYearOf(today, fiscalYearStartMonth);
  const span = yearsWithEntries(db, input.associationId);
  const first = Math.min(span?.first ?? current, current);
  const last = Math.max(span?.last ?? current, current);
  const rows: FiscalYearRow[] = [];
  for (let year = last; year >= first; year -= 1) {
    const closings = closingsOfYear(db, input.associationId, year);
    const live = closings.find((c) => c.voided_on === null);
    rows.push({
      fiscalYear: year, ...fiscalYearBounds(year, fiscalYearStartMonth), status: live ? 'closed' : 'open',
      closing: live ? closingDocument(db, live) : null,
      reopened: closings.filter((c) => c.voided_on !== null).map((c) => closingDocument(db, c)),
    });
  }
  return rows;
}
