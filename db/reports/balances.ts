import { KhipuError } from '../../shared/errors';
import { displayDate } from '../../shared/dates';
import type { LedgerDatabase } from '../storage/open';
import { listAccounts } from '../accounts/service';
import type { AccountBalance, BalanceAtDate, TrialBalance } from '../../shared/results';

export type { AccountBalance, TrialBalance };


/** Sums per account in SQL (index journal_lines_account_date), then rolls up the small account tree. */
export function accountActivity(
  db: LedgerDatabase,
  input: { associationId: number; from?: string | null; to: string },
): AccountBalance[] {
  const from = input.from ?? '0000-00-00';
  if (from > input.to) throw new KhipuError('period.invalid', { field: 'from', params: { from: displayDate(from), to: displayDate(input.to) } });
  const sums = db
    .prepare(
      `SELECT a.id AS account_id,
              COALESCE(SUM(CASE WHEN l.date < @from THEN l.amount END), 0) AS opening,
              COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount > 0 THEN l.amount END), 0) AS debits,
              COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount < 0 THEN -l.amount END), 0) AS credits
         FROM accounts a JOIN journal_lines l ON l.account_id = a.id AND l.date <= @to
        WHERE a.association_id = @associationId
        GROUP BY a.id`,
    )
    .all({ associationId: input.associationId, from, to: input.to }) as {
    account_id: number; opening: number; debits: number; credits: number;
  }[];
  const accounts = listAccounts(db, input.associationId);
  const byId = new Map(
    accounts.map((a) => [a.id, { account: a, opening: 0, debits: 0, credits: 0 }]),
  );
  for (const row of sums) {
    // Add to the account and every ancestor.
    for (let id: number | null = row.account_id; id !== null; ) {
      const node = byId.get(id);
      if (!node) break;
      node.opening += row.opening;
      node.debits += row.debits;
      node.credits += row.credits;
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

export function balancesAt(db: LedgerDatabase, input: { associationId: number; date: string }): BalanceAtDate[] {
  return accountActivity(db, { associationId: input.associationId, to: input.date }).map((b) => ({
    accountId: b.accountId, code: b.code, name: b.name, type: b.type, postable: b.postable, balance: b.closing,
  }));
}


/** Balance de comprobación: postable accounts with movement; totals must match to the céntimo. */
export function trialBalance(
  db: LedgerDatabase,
  input: { associationId: number; from?: string | null; to: string },
): TrialBalance {
  const rows = accountActivity(db, input).filter(
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
