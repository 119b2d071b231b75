import { z } from 'zod';
import { id, isoDate } from './schemas';

// Financial reports over the journal (estado de situación financiera, estado de
// resultados, libro caja y bancos, libro mayor) and the association's own
// summaries (contributions per member, members by sex, the dashboard).
// All read-only. Money is integer céntimos; percentages are basis points (1 % = 100).

export const reportsOperations = {
  /** Estado de situación financiera at `date`, with the same date one year earlier beside it. */
  balanceSheet: { input: z.object({ associationId: id, date: isoDate, comparative: z.boolean().default(true) }) },
  /** Estado de resultados for [from, to], with the same period one year earlier beside it. */
  incomeStatement: {
    input: z.object({ associationId: id, from: isoDate, to: isoDate, comparative: z.boolean().default(true) }),
  },
  /** Libro caja y bancos: one cash or bank account (or heading under 10), or all of element 10. */
  cashBook: { input: z.object({ associationId: id, from: isoDate, to: isoDate, accountId: id.nullish() }) },
  /** Libro mayor of one account and its sub-accounts. */
  generalLedger: { input: z.object({ associationId: id, accountId: id, from: isoDate, to: isoDate }) },
  contributionsByMember: { input: z.object({ associationId: id, from: isoDate, to: isoDate }) },
  membersBySex: { input: z.object({ associationId: id, asOf: isoDate }) },
  dashboard: { input: z.object({ associationId: id, today: isoDate }) },
} as const;

// ------------------------------------------------------------------ results

/** Journal range behind a figure: listJournal({ accountId, from, to }) shows the entries. `from` null: since the first entry. */
export interface ReportRange { from: string | null; to: string }

/** A detail (postable) account under a PCGE heading. */
export interface StatementAccountRow {
  accountId: number;
  code: string;
  name: string;
  /** Céntimos in the report's natural sign: assets and expenses as debit balances, the rest as credit balances. */
  amount: number;
  /** The same figure in the comparative column; null when the report is not comparative. */
  prior: number | null;
}

export type StatementGroupKind = 'accounts' | 'priorResults' | 'periodResult';

/** A 2-digit PCGE heading (e.g. 10 Efectivo y equivalentes de efectivo) with its detail accounts. */
export interface StatementGroup {
  /** Stable key for the UI: 'group:10', 'priorResults', 'periodResult'. */
  key: string;
  kind: StatementGroupKind;
  code: string;
  name: string;
  /** The heading account itself (listJournal includes its sub-accounts); null for computed rows. */
  accountId: number | null;
  /** Every postable account whose lines make up the figure. */
  accountIds: number[];
  amount: number;
  prior: number | null;
  range: ReportRange;
  priorRange: ReportRange | null;
  accounts: StatementAccountRow[];
}

export interface StatementSection {
  key: string;
  groups: StatementGroup[];
  total: number;
  prior: number | null;
}

export interface BalanceSheet {
  associationId: number;
  date: string;
  /** Same day one year earlier (29 Feb → 28 Feb); null when not comparative. */
  priorDate: string | null;
  fiscalYearStart: string;
  priorFiscalYearStart: string | null;
  assets: { current: StatementSection; nonCurrent: StatementSection; total: number; prior: number | null };
  liabilities: { current: StatementSection; nonCurrent: StatementSection; total: number; prior: number | null };
  /** 50–58, then 59 (with prior years' results not yet closed) and the result of the fiscal year to date. */
  equity: StatementSection;
  totals: {
    assets: number; liabilitiesAndEquity: number;
    priorAssets: number | null; priorLiabilitiesAndEquity: number | null;
  };
}

export interface IncomeStatement {
  associationId: number;
  from: string;
  to: string;
  priorFrom: string | null;
  priorTo: string | null;
  /** Classes 7 by 2-digit account (70 ventas, 75 otros ingresos de gestión, 77 financieros…), credit balances positive. */
  income: StatementSection;
  /** Classes 6 by 2-digit account (60–68, 69 costo de ventas), debit balances positive. */
  expenses: StatementSection;
  /** Income − expenses. */
  result: number;
  priorResult: number | null;
}

export interface CounterAccount { accountId: number; code: string; name: string }

export interface BookMovement {
  entryId: number;
  fiscalYear: number;
  number: number;
  lineNo: number;
  date: string;
  description: string;
  accountId: number;
  code: string;
  accountName: string;
  /** The entry's other accounts (contrapartidas). */
  counterAccounts: CounterAccount[];
  debit: number;
  credit: number;
  /** Signed, debit positive: opening + every line up to this one. */
  balance: number;
}

export interface AccountBook {
  associationId: number;
  from: string;
  to: string;
  /** The account asked for (null: all of element 10). */
  accountId: number | null;
  code: string;
  name: string;
  accountIds: number[];
  /** Signed, debit positive. */
  opening: number;
  /** Date the opening is counted from (null: the first entry); income and expense accounts start at their fiscal year. */
  openingFrom: string | null;
  movements: BookMovement[];
  totals: { debits: number; credits: number };
  closing: number;
}

export interface ContributionsByMemberRow {
  memberId: number;
  fullName: string;
  dni: string | null;
  contributionTypeId: number;
  typeName: string;
  kind: string;
  /** Charges dated in the period, live at `to`. */
  charged: number;
  /** What receipts and credit in favour settled of those charges by `to`. */
  paid: number;
  /** In-kind settlements of those charges; for in-kind types, the value of work days or goods given in the period. */
  inKind: number;
  /** charged − paid − in-kind settlements, at `to`. */
  open: number;
  chargeIds: number[];
  entryIds: number[];
}

export interface ContributionTotals { charged: number; paid: number; inKind: number; open: number }

export interface ContributionsByMember {
  associationId: number;
  from: string;
  to: string;
  rows: ContributionsByMemberRow[];
  byType: (ContributionTotals & { contributionTypeId: number; typeName: string; kind: string })[];
  totals: ContributionTotals;
}

export interface SexCounts {
  women: number; men: number; unknown: number; total: number;
  /** Basis points summing to exactly 10,000 (all 0 when total is 0). */
  womenBasisPoints: number; menBasisPoints: number; unknownBasisPoints: number;
}

export interface MembersBySex {
  associationId: number;
  asOf: string;
  /** Members with a membership period covering `asOf`. */
  active: SexCounts;
  /** Everyone registered by `asOf`: joined at least once on or before it, whether still a member or not. */
  registered: SexCounts;
}

export interface DashboardMonth { month: string; income: number; expenses: number; result: number }

export interface Dashboard {
  associationId: number;
  today: string;
  cash: { balance: number; accountIds: number[]; accountId: number | null };
  dues: {
    month: string;
    charged: number;
    /** What settled them by today: receipts, credit in favour and work days in kind. */
    collected: number;
    /** collected / charged in basis points, rounded half away from zero; null when nothing was charged. */
    collectedBasisPoints: number | null;
    chargeIds: number[];
  };
  /** The 12 months ending with today's month, oldest first, zero-filled. */
  months: DashboardMonth[];
  arrears: { members: number; amount: number };
}

export interface ReportsResults {
  balanceSheet: BalanceSheet;
  incomeStatement: IncomeStatement;
  cashBook: AccountBook;
  generalLedger: AccountBook;
  contributionsByMember: ContributionsByMember;
  membersBySex: MembersBySex;
  dashboard: Dashboard;
}
