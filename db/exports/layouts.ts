import { displayDate } from '../../shared/dates';
import { sumCentimos } from '../../shared/money';
import type {
  AccountBook, BalanceSheet, ContributionsByMember, IncomeStatement, MembersBySex, StatementGroup, StatementSection,
} from '../../shared/operations/reports';
import type { OdelFigures, OdelSummary } from '../../shared/operations/odel';
import type { AssociationDetails, TrialBalance } from '../../shared/results';
import type { ExportReportName } from '../../shared/operations/exports';
import { count, date, money, percent, text, type ExportCell, type ExportColumn, type ExportDocument, type ExportRow } from './document';
import { fill, type ExportLabels } from './labels';

// Each report's table as on screen: same columns, same order, same totals.
// Pure layout over the engine's result: no figure is computed here except
// splitting a signed balance into its debit and credit side, as the screen does.

export interface LayoutContext {
  labels: ExportLabels;
  /** yyyy-mm-dd, Lima time. */
  printedOn: string;
}

/** The header block: association, RUC, place, title, period lines, printing date. */
export function header(
  ctx: LayoutContext, report: ExportReportName, who: string[], period: string[],
): Pick<ExportDocument, 'header' | 'titleLine' | 'sheetName'> {
  const amounts = report === 'membersBySex' ? [] : [ctx.labels.amounts]; // counts only: no soles to announce
  const lines = [...who, ctx.labels.title[report], ...period, ...amounts, fill(ctx.labels.printedOn, { date: displayDate(ctx.printedOn) })];
  return { header: lines, titleLine: who.length, sheetName: ctx.labels.sheet[report] };
}

export function associationLines(ctx: LayoutContext, association: AssociationDetails): string[] {
  const { labels } = ctx;
  return [
    association.name,
    ...(association.ruc ? [fill(labels.ruc, { ruc: association.ruc })] : []),
    fill(labels.place, { district: association.district, province: association.province, department: association.department }),
  ];
}

export const periodLine = (ctx: LayoutContext, from: string, to: string) =>
  fill(ctx.labels.period, { from: displayDate(from), to: displayDate(to) });

// ------------------------------------------------------------ statements

/** Heading row, detail accounts, then the group's figure as a subtotal: columns code, name, amount[, prior]. */
function statementGroupRows(ctx: LayoutContext, group: StatementGroup, comparative: boolean): ExportRow[] {
  const figures = (amount: number, prior: number | null): ExportCell[] =>
    comparative ? [money(amount), money(prior ?? 0)] : [money(amount)];
  const name = group.kind === 'priorResults' ? ctx.labels.row.priorResults
    : group.kind === 'periodResult' ? ctx.labels.row.periodResult : group.name;
  const rows: ExportRow[] = [{ cells: [text(group.code), text(name), ...figures(group.amount, group.prior)], style: 'heading' }];
  for (const account of group.accounts) {
    rows.push({ cells: [text(account.code), text(account.name), ...figures(account.amount, account.prior)] });
  }
  return rows;
}

function sectionRows(
  ctx: LayoutContext, section: StatementSection, comparative: boolean, title: string | null, totalLabel: string,
): ExportRow[] {
  return [
    ...(title === null ? [] : [{ cells: [null, text(title)], style: 'heading' as const }]),
    ...section.groups.flatMap((g) => statementGroupRows(ctx, g, comparative)),
    totalRow(totalLabel, section.total, comparative ? section.prior : undefined),
  ];
}

/** prior undefined: no comparative column. */
function totalRow(label: string, amount: number, prior?: number | null): ExportRow {
  return { cells: [null, text(label), money(amount), ...(prior === undefined ? [] : [money(prior ?? 0)])], style: 'total' };
}

function statementColumns(ctx: LayoutContext, current: string, prior: string | null): ExportColumn[] {
  return [
    { title: ctx.labels.col.code, width: 10 },
    { title: ctx.labels.col.name, width: 48 },
    { title: current, width: 18 },
    ...(prior === null ? [] : [{ title: prior, width: 18 }]),
  ];
}

export function balanceSheetDocument(ctx: LayoutContext, association: AssociationDetails, sheet: BalanceSheet): ExportDocument {
  const { row } = ctx.labels;
  const comparative = sheet.priorDate !== null;
  const atDate = (d: string) => fill(ctx.labels.atDate, { date: displayDate(d) });
  const prior = (x: number | null) => (comparative ? x : undefined);
  const heading = (label: string): ExportRow => ({ cells: [null, text(label)], style: 'heading' });
  return {
    ...header(ctx, 'balanceSheet', associationLines(ctx, association), [atDate(sheet.date)]),
    columns: statementColumns(ctx, atDate(sheet.date), sheet.priorDate === null ? null : atDate(sheet.priorDate)),
    rows: [
      heading(row.assets),
      ...sectionRows(ctx, sheet.assets.current, comparative, row.currentAssets, row.totalCurrentAssets),
      ...sectionRows(ctx, sheet.assets.nonCurrent, comparative, row.nonCurrentAssets, row.totalNonCurrentAssets),
      totalRow(row.totalAssets, sheet.totals.assets, prior(sheet.totals.priorAssets)),
      { cells: [] },
      heading(row.liabilities),
      ...sectionRows(ctx, sheet.liabilities.current, comparative, row.currentLiabilities, row.totalCurrentLiabilities),
      ...sectionRows(ctx, sheet.liabilities.nonCurrent, comparative, row.nonCurrentLiabilities, row.totalNonCurrentLiabilities),
      totalRow(row.totalLiabilities, sheet.liabilities.total, prior(sheet.liabilities.prior)),
      { cells: [] },
      ...sectionRows(ctx, sheet.equity, comparative, row.equity, row.totalEquity),
      { cells: [] },
      totalRow(row.totalLiabilitiesAndEquity, sheet.totals.liabilitiesAndEquity, prior(sheet.totals.priorLiabilitiesAndEquity)),
    ],
  };
}

export function incomeStatementDocument(ctx: LayoutContext, association: AssociationDetails, statement: IncomeStatement): ExportDocument {
  const { row } = ctx.labels;
  const comparative = statement.priorFrom !== null && statement.priorTo !== null;
  const current = periodLine(ctx, statement.from, statement.to);
  const prior = comparative ? periodLine(ctx, statement.priorFrom!, statement.priorTo!) : null;
  return {
    ...header(ctx, 'incomeStatement', associationLines(ctx, association), [current]),
    columns: statementColumns(ctx, current, prior),
    rows: [
      ...sectionRows(ctx, statement.income, comparative, row.income, row.totalIncome),
      { cells: [] },
      ...sectionRows(ctx, statement.expenses, comparative, row.expenses, row.totalExpenses),
      { cells: [] },
      totalRow(row.result, statement.result, comparative ? statement.priorResult : undefined),
    ],
  };
}

// ----------------------------------------------------------------- books

/** Libro caja y bancos and libro mayor: date, entry, account, description, counter accounts, debit, credit, balance. */
export function accountBookDocument(
  ctx: LayoutContext, report: 'cashBook' | 'generalLedger', association: AssociationDetails, book: AccountBook,
): ExportDocument {
  const { col, row } = ctx.labels;
  const entry = (fiscalYear: number, number: number) => `${fiscalYear}-${String(number).padStart(4, '0')}`;
  return {
    ...header(ctx, report, associationLines(ctx, association), [`${book.code} ${book.name}`, periodLine(ctx, book.from, book.to)]),
    columns: [
      { title: col.date, width: 12 }, { title: col.entry, width: 11 }, { title: col.account, width: 10 },
      { title: col.description, width: 44 }, { title: col.counter, width: 22 }, { title: col.debit, width: 15 },
      { title: col.credit, width: 15 }, { title: col.balance, width: 16 },
    ],
    rows: [
      { cells: [date(book.from), null, null, text(row.opening), null, null, null, money(book.opening)], style: 'heading' },
      ...book.movements.map((m): ExportRow => ({
        cells: [
          date(m.date), text(entry(m.fiscalYear, m.number)), text(m.code), text(m.description),
          text(m.counterAccounts.map((c) => c.code).join(', ')), money(m.debit), money(m.credit), money(m.balance),
        ],
      })),
      { cells: [date(book.to), null, null, text(row.totals), null, money(book.totals.debits), money(book.totals.credits), money(book.closing)], style: 'total' },
    ],
  };
}

/** Balance de comprobación: opening (when the period has a start), movements, closing, each balance on its side. */
export function trialBalanceDocument(
  ctx: LayoutContext, association: AssociationDetails, balance: TrialBalance, period: { from: string | null; to: string },
): ExportDocument {
  const { col, row } = ctx.labels;
  const showOpening = period.from !== null;
  const debitSide = (signed: number) => (signed > 0 ? signed : 0);
  const creditSide = (signed: number) => (signed < 0 ? 0 - signed : 0);
  const amounts = (opening: number, debits: number, credits: number, closing: number): ExportCell[] => [
    ...(showOpening ? [money(debitSide(opening)), money(creditSide(opening))] : []),
    money(debits), money(credits), money(debitSide(closing)), money(creditSide(closing)),
  ];
  // The totals row is the column sums, as on screen; the closing sides are the engine's own totals (the same sums).
  const sum = (pick: (r: TrialBalance['rows'][number]) => number) => sumCentimos(balance.rows.map(pick));
  const periodText = period.from === null
    ? fill(ctx.labels.sinceStart, { to: displayDate(period.to) })
    : periodLine(ctx, period.from, period.to);
  return {
    ...header(ctx, 'trialBalance', associationLines(ctx, association), [periodText]),
    columns: [
      { title: col.code, width: 10 }, { title: col.name, width: 40 },
      ...(showOpening ? [{ title: col.openingDebit, width: 16 }, { title: col.openingCredit, width: 16 }] : []),
      { title: col.debit, width: 16 }, { title: col.credit, width: 16 },
      { title: col.closingDebit, width: 16 }, { title: col.closingCredit, width: 16 },
    ],
    rows: [
      ...balance.rows.map((r): ExportRow => ({ cells: [text(r.code), text(r.name), ...amounts(r.opening, r.debits, r.credits, r.closing)] })),
      {
        cells: [
          null, text(row.totals),
          ...(showOpening ? [money(sum((r) => debitSide(r.opening))), money(sum((r) => creditSide(r.opening)))] : []),
          money(sum((r) => r.debits)), money(sum((r) => r.credits)),
          money(balance.totals.debitBalances), money(balance.totals.creditBalances),
        ],
        style: 'total',
      },
    ],
  };
}

// ------------------------------------------------------- members, ODEL

export function contributionsDocument(ctx: LayoutContext, association: AssociationDetails, report: ContributionsByMember): ExportDocument {
  const { col, row } = ctx.labels;
  const figures = (t: { charged: number; paid: number; inKind: number; open: number }): ExportCell[] =>
    [money(t.charged), money(t.paid), money(t.inKind), money(t.open)];
  return {
    ...header(ctx, 'contributionsByMember', associationLines(ctx, association), [periodLine(ctx, report.from, report.to)]),
    columns: [
      { title: col.member, width: 34 }, { title: col.dni, width: 11 }, { title: col.type, width: 24 },
      { title: col.charged, width: 14 }, { title: col.paid, width: 14 }, { title: col.inKind, width: 14 }, { title: col.open, width: 14 },
    ],
    rows: [
      ...report.rows.map((r): ExportRow => ({ cells: [text(r.fullName), text(r.dni), text(r.typeName), ...figures(r)] })),
      { cells: [text(row.totals), null, null, ...figures(report.totals)], style: 'total' },
      { cells: [] },
      { cells: [text(row.byType)], style: 'heading' },
      ...report.byType.map((t): ExportRow => ({ cells: [null, null, text(t.typeName), ...figures(t)] })),
    ],
  };
}

export function membersBySexDocument(ctx: LayoutContext, association: AssociationDetails, report: MembersBySex): ExportDocument {
  const { col, row } = ctx.labels;
  const { active, registered } = report;
  const line = (label: string, a: number, aBp: number, r: number, rBp: number, style?: 'total'): ExportRow => ({
    cells: [text(label), count(a), percent(aBp), count(r), percent(rBp)], ...(style ? { style } : {}),
  });
  const total = (n: number) => (n === 0 ? 0 : 10_000);
  return {
    ...header(ctx, 'membersBySex', associationLines(ctx, association), [fill(ctx.labels.atDate, { date: displayDate(report.asOf) })]),
    columns: [
      { title: col.category, width: 16 }, { title: col.active, width: 15 }, { title: col.activeShare, width: 12 },
      { title: col.registered, width: 15 }, { title: col.registeredShare, width: 14 },
    ],
    rows: [
      line(row.women, active.women, active.womenBasisPoints, registered.women, registered.womenBasisPoints),
      line(row.men, active.men, active.menBasisPoints, registered.men, registered.menBasisPoints),
      line(row.unknown, active.unknown, active.unknownBasisPoints, registered.unknown, registered.unknownBasisPoints),
      line(row.total, active.total, total(active.total), registered.total, total(registered.total), 'total'),
    ],
  };
}

const ODEL_MONEY = ['income', 'sales', 'contractSales', 'expenses', 'result', 'cash', 'receivables', 'debts', 'financialDebts'] as const;

export function odelSummaryDocument(ctx: LayoutContext, summary: OdelSummary, place: string | null): ExportDocument {
  const { col, row } = ctx.labels;
  const figures = (f: OdelFigures): ExportCell[] => [count(f.women), count(f.men), count(f.members), ...ODEL_MONEY.map((k) => money(f[k]))];
  return {
    ...header(ctx, 'odelSummary', [place ?? ctx.labels.odelScopeAll], [
      periodLine(ctx, summary.from, summary.to), fill(ctx.labels.odelAsOf, { date: displayDate(summary.asOf) }),
    ]),
    columns: [
      { title: col.association, width: 40 }, { title: col.ruc, width: 13 }, { title: col.women, width: 9 },
      { title: col.men, width: 9 }, { title: col.members, width: 9 },
      ...ODEL_MONEY.map((k) => ({ title: col[k], width: 15 })),
    ],
    rows: [
      ...summary.districts.flatMap((d): ExportRow[] => [
        { cells: [text(`${d.district} (${d.province}, ${d.department}) — ${d.ubigeo}`)], style: 'heading' },
        ...d.associations.map((a): ExportRow => ({ cells: [text(a.name), text(a.ruc), ...figures(a)] })),
        { cells: [text(fill(row.subtotal, { district: d.district })), null, ...figures(d.subtotal)], style: 'total' },
      ]),
      { cells: [text(row.total), null, ...figures(summary.total)], style: 'total' },
    ],
  };
}
