import type {
  RendicionCashPlace, RendicionConceptRow, RendicionDeCuentas, RendicionInConcept, RendicionMemberRow, RendicionOfficer,
  RendicionOutConcept,
} from '../../shared/operations/trade';
import { getAssociation } from '../associations/service';
import { memberPositions } from '../contributions/position';
import { listOfficers } from '../members/list';
import { checkPeriod, postedLinesOnly } from '../reports/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { agingReport } from './aging';
import { classifyCashEntries, type AccountInfo, type CashEntry, type ConceptKey } from './rendicion-concepts';

// The treasurer's report to the general assembly: the cash at the start, what came in and went out by concept,
// the cash at the end by place, what each member paid and owes, what the association owes and is owed, and
// who signs. Cash is element 10; an entry that only moves money between caja and bank is no income nor expense.

const IN_ORDER: readonly RendicionInConcept[] = [
  'dues', 'fines', 'extraordinary', 'capital', 'entranceFees', 'levies', 'jointPurchaseShares', 'memberAdvances', 'sales',
  'collections', 'loans', 'grants', 'donations', 'otherIncome',
];
const OUT_ORDER: readonly RendicionOutConcept[] = [
  'purchases', 'supplierAdvances', 'labour', 'transport', 'services', 'refunds', 'loanRepayments', 'taxes', 'bankFees',
  'otherExpenses',
];
/** Purchase categories in the order of the purchase form (shared/operations/purchases.ts); unknown ones last. */
const CATEGORY_ORDER = ['stock', 'supplies_consumed', 'services', 'transport', 'day_labour', 'equipment', 'animals', 'other', 'joint'];

const SIGNATURE_POSTS = ['presidente', 'tesorero', 'fiscal'] as const;

function cashPlaces(db: LedgerDatabase, accounts: readonly { id: number; name: string; code: string }[], before: string, inclusive: boolean) {
  const balances = new Map(
    (prepared(db, `SELECT l.account_id AS id, COALESCE(SUM(l.amount), 0) AS amount
                     FROM json_each(?) k CROSS JOIN journal_lines l ON l.account_id = k.value
                     ${postedLinesOnly(db)}
                    WHERE l.date ${inclusive ? '<=' : '<'} ? GROUP BY l.account_id`)
      .all(JSON.stringify(accounts.map((a) => a.id)), before) as { id: number; amount: number }[]).map((b) => [b.id, b.amount]),
  );
  const places: RendicionCashPlace[] = accounts.map((a) => ({
    accountId: a.id, name: a.name, kind: a.code.startsWith('101') ? 'cash' : 'bank', amount: balances.get(a.id) ?? 0,
  }));
  return { places, total: places.reduce((sum, p) => sum + p.amount, 0) };
}

export function rendicionDeCuentas(db: LedgerDatabase, input: { associationId: number; from: string; to: string }): RendicionDeCuentas {
  const association = getAssociation(db, input.associationId);
  checkPeriod(input.from, input.to);
  const chart = prepared(db, 'SELECT id, code, name, role, postable, archived_at FROM accounts WHERE association_id = ? ORDER BY code')
    .all(input.associationId) as { id: number; code: string; name: string; role: string | null; postable: number; archived_at: string | null }[];
  const accounts = new Map<number, AccountInfo>(chart.map((a) => [a.id, { role: a.role, code: a.code }]));
  const cashAccounts = chart.filter((a) => a.postable === 1 && a.code.startsWith('10'));

  const cashAtStart = cashPlaces(db, cashAccounts, input.from, false);
  const cashAtEnd = cashPlaces(db, cashAccounts, input.to, true);
  // Places with nothing at either end and no movement are left out of the print (the chart lists many).
  const used = new Set([...cashAtStart.places, ...cashAtEnd.places].filter((p) => p.amount !== 0).map((p) => p.accountId));

  const entries = (prepared(db, `
      SELECT l.entry_id AS entryId, je.source_type AS sourceType, je.source_id AS sourceId, SUM(l.amount) AS cash,
             group_concat(DISTINCT l.account_id) AS cashAccounts
        FROM json_each(@ids) k CROSS JOIN journal_lines l ON l.account_id = k.value AND l.date >= @from AND l.date <= @to
        ${postedLinesOnly(db)}
        JOIN journal_entries je ON je.id = l.entry_id
       GROUP BY l.entry_id`)
    .all({ ids: JSON.stringify(cashAccounts.map((a) => a.id)), from: input.from, to: input.to }) as (CashEntry & { cashAccounts: string })[]);
  for (const e of entries) for (const id of e.cashAccounts.split(',')) used.add(Number(id));
  // Money moved between caja and bank nets to zero in its entry: not a concept.
  const moving = entries.filter((e) => e.cash !== 0);

  const inRows = new Map<string, RendicionConceptRow<RendicionInConcept>>();
  const outRows = new Map<string, RendicionConceptRow<RendicionOutConcept>>();
  classifyCashEntries(db, moving, accounts, (key: ConceptKey, cashIn: number) => {
    if (key.direction === 'in') {
      const row = inRows.get(key.concept) ?? { concept: key.concept, category: null, amount: 0 };
      row.amount += cashIn;
      inRows.set(key.concept, row);
    } else {
      const id = `${key.concept}:${key.category ?? ''}`;
      const row = outRows.get(id) ?? { concept: key.concept, category: key.category, amount: 0 };
      row.amount -= cashIn;
      outRows.set(id, row);
    }
  });
  const categoryRank = (c: string | null) => (c === null ? CATEGORY_ORDER.length + 1 : CATEGORY_ORDER.indexOf(c) + 1 || CATEGORY_ORDER.length);
  const incomeRows = [...inRows.values()].filter((r) => r.amount !== 0)
    .sort((a, b) => IN_ORDER.indexOf(a.concept) - IN_ORDER.indexOf(b.concept));
  const expenseRows = [...outRows.values()].filter((r) => r.amount !== 0)
    .sort((a, b) => OUT_ORDER.indexOf(a.concept) - OUT_ORDER.indexOf(b.concept) || categoryRank(a.category) - categoryRank(b.category));

  const keepUsed = (c: typeof cashAtStart) => ({ places: c.places.filter((p) => used.has(p.accountId)), total: c.total });
  const payables = agingReport(db, { associationId: input.associationId, side: 'payable', asOf: input.to }).totals;
  const receivables = agingReport(db, { associationId: input.associationId, side: 'receivable', asOf: input.to }).totals;
  const officers = listOfficers(db, input.associationId, input.to);

  return {
    association,
    from: input.from,
    to: input.to,
    cashAtStart: keepUsed(cashAtStart),
    income: { rows: incomeRows, total: incomeRows.reduce((sum, r) => sum + r.amount, 0) },
    expenses: { rows: expenseRows, total: expenseRows.reduce((sum, r) => sum + r.amount, 0) },
    cashAtEnd: keepUsed(cashAtEnd),
    members: membersOfPeriod(db, input.associationId, input.from, input.to),
    owedByAssociation: { total: payables.total, overdue: payables.total - payables.notDue, parties: payables.parties },
    owedToAssociation: { total: receivables.total, overdue: receivables.total - receivables.notDue, parties: receivables.parties },
    officers: SIGNATURE_POSTS.map((post): RendicionOfficer => ({
      post, fullName: officers.find((o) => o.post === post)?.memberName ?? null,
    })),
  };
}

/** What each member paid in the period (receipts still valid at its end) and her position at its end. */
function membersOfPeriod(db: LedgerDatabase, associationId: number, from: string, to: string): RendicionDeCuentas['members'] {
  const paid = prepared(db, `SELECT r.member_id AS memberId, m.full_name AS fullName, m.dni, SUM(r.total) AS paid
        FROM receipts r JOIN members m ON m.id = r.member_id
       WHERE r.association_id = ? AND r.date >= ? AND r.date <= ? AND (r.voided_on IS NULL OR r.voided_on > ?)
       GROUP BY r.member_id`)
    .all(associationId, from, to, to) as { memberId: number; fullName: string; dni: string | null; paid: number }[];
  const rows = new Map<number, RendicionMemberRow>(
    paid.map((p) => [p.memberId, { ...p, owes: 0, overdue: 0, credit: 0 }]),
  );
  for (const p of memberPositions(db, associationId, to).rows) {
    const row = rows.get(p.memberId) ?? { memberId: p.memberId, fullName: p.fullName, dni: p.dni, paid: 0, owes: 0, overdue: 0, credit: 0 };
    row.owes = p.owed;
    row.overdue = p.overdue;
    row.credit = p.creditAvailable;
    rows.set(p.memberId, row);
  }
  const list = [...rows.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'es') || a.memberId - b.memberId);
  const totals = { paid: 0, owes: 0, overdue: 0, credit: 0 };
  for (const r of list) {
    totals.paid += r.paid;
    totals.owes += r.owes;
    totals.overdue += r.overdue;
    totals.credit += r.credit;
  }
  return { rows: list, totals };
}
