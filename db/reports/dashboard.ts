import type { Dashboard, DashboardMonth } from '../../shared/operations/reports';
import { roundHalfAwayFromZero } from '../../shared/money';
import { memberPositions } from '../contributions/position';
import { closingLinesBetween } from '../closing/lines';
import type { LedgerDatabase } from '../storage/open';
import { accountTree, addMonths, fiscalStartMonth, monthBounds, postedLinesOnly } from './common';

// The treasurer's first screen: cash today, this month's dues, a year of income and expenses, arrears.

export function dashboard(db: LedgerDatabase, input: { associationId: number; today: string }): Dashboard {
  fiscalStartMonth(db, input.associationId);
  const tree = accountTree(db, input.associationId);
  const cashRoot = tree.byCode.get('10');
  const cashAccounts = cashRoot ? tree.postableUnder(cashRoot.id) : tree.accounts.filter((a) => a.postable && a.code.startsWith('10'));
  const { balance } = db
    .prepare(
      `SELECT COALESCE(SUM(l.amount), 0) AS balance
         FROM json_each(@ids) k CROSS JOIN journal_lines l ON l.account_id = k.value
         ${postedLinesOnly(db)}
        WHERE l.date <= @today`,
    )
    .get({ ids: JSON.stringify(cashAccounts.map((a) => a.id)), today: input.today }) as { balance: number };

  const month = input.today.slice(0, 7);
  const { first, last } = monthBounds(month);
  // Ordinary dues charged this month (live today) and what settled them by today.
  const dues = db
    .prepare(
      `SELECT COALESCE(SUM(c.amount), 0) AS charged,
              COALESCE(SUM((SELECT SUM(a.amount) FROM allocations a WHERE a.charge_id = c.id AND a.date <= @today
                              AND (a.voided_on IS NULL OR a.voided_on > @today))), 0) AS collected,
              group_concat(c.id) AS chargeIds
         FROM charges c JOIN contribution_types t ON t.id = c.contribution_type_id
        WHERE c.association_id = @associationId AND t.kind = 'ordinary_due' AND c.date >= @first AND c.date <= @last
          AND c.date <= @today AND (c.voided_on IS NULL OR c.voided_on > @today)`,
    )
    .get({ associationId: input.associationId, today: input.today, first, last }) as {
    charged: number; collected: number; chargeIds: string | null;
  };

  const firstMonth = addMonths(month, -11);
  const sums = db
    .prepare(
      `SELECT substr(l.date, 1, 7) AS month,
              COALESCE(SUM(CASE WHEN a.type = 'income' THEN -l.amount END), 0) AS income,
              COALESCE(SUM(CASE WHEN a.type = 'expense' THEN l.amount END), 0) AS expenses
         FROM accounts a CROSS JOIN journal_lines l ON l.account_id = a.id AND l.date >= @from AND l.date <= @today
         ${postedLinesOnly(db)}
        WHERE a.association_id = @associationId AND a.type IN ('income', 'expense')
        GROUP BY substr(l.date, 1, 7)`,
    )
    .all({ associationId: input.associationId, from: `${firstMonth}-01`, today: input.today }) as DashboardMonth[];
  const byMonth = new Map(sums.map((s) => [s.month, s]));
  // A closing entry is not income or an expense of its month (it moves the year's result to 59).
  for (const line of closingLinesBetween(db, input.associationId, `${firstMonth}-01`, input.today)) {
    const s = byMonth.get(line.date.slice(0, 7));
    if (s && line.type === 'income') s.income += line.amount;
    if (s && line.type === 'expense') s.expenses -= line.amount;
  }
  const months: DashboardMonth[] = Array.from({ length: 12 }, (_, i) => {
    const m = addMonths(firstMonth, i);
    const s = byMonth.get(m);
    const income = s?.income ?? 0;
    const expenses = s?.expenses ?? 0;
    return { month: m, income, expenses, result: income - expenses };
  });

  // Morosos: the members' positions today, from the one function every screen reads them from.
  const positions = memberPositions(db, input.associationId, input.today);
  return {
    associationId: input.associationId,
    today: input.today,
    cash: { balance, accountIds: cashAccounts.map((a) => a.id), accountId: cashRoot?.id ?? null },
    dues: {
      month,
      charged: dues.charged,
      collected: dues.collected,
      collectedBasisPoints: dues.charged === 0 ? null : roundHalfAwayFromZero(dues.collected * 10_000, dues.charged),
      chargeIds: dues.chargeIds === null ? [] : dues.chargeIds.split(',').map(Number),
    },
    months,
    arrears: { members: positions.totals.membersOverdue, amount: positions.totals.overdue },
  };
}
