import type { BalanceSheet, IncomeStatement } from '../../../../shared/operations/reports';
import { subtractCentimos } from '../../../../shared/money';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import type { StatementBlock } from './StatementTable';
import { unbreakableMoney } from './ReportParts';

type T = ReturnType<typeof useT>;

/** Activo (corriente, no corriente), Pasivo (corriente, no corriente), Patrimonio, with the totals a reader checks. */
export function balanceSheetBlocks(t: T, sheet: BalanceSheet): StatementBlock[] {
  const none = t('balanceSheet.none');
  return [
    { kind: 'heading', label: t('balanceSheet.assets') },
    { kind: 'section', label: t('balanceSheet.currentAssets'), section: sheet.assets.current, totalLabel: t('balanceSheet.totalCurrentAssets'), emptyLabel: none },
    { kind: 'section', label: t('balanceSheet.nonCurrentAssets'), section: sheet.assets.nonCurrent, totalLabel: t('balanceSheet.totalNonCurrentAssets'), emptyLabel: none },
    { kind: 'total', label: t('balanceSheet.totalAssets'), amount: sheet.totals.assets, prior: sheet.totals.priorAssets, testId: 'total-assets' },
    { kind: 'heading', label: t('balanceSheet.liabilities') },
    { kind: 'section', label: t('balanceSheet.currentLiabilities'), section: sheet.liabilities.current, totalLabel: t('balanceSheet.totalCurrentLiabilities'), emptyLabel: none },
    { kind: 'section', label: t('balanceSheet.nonCurrentLiabilities'), section: sheet.liabilities.nonCurrent, totalLabel: t('balanceSheet.totalNonCurrentLiabilities'), emptyLabel: none },
    { kind: 'total', label: t('balanceSheet.totalLiabilities'), amount: sheet.liabilities.total, prior: sheet.liabilities.prior, testId: 'total-liabilities' },
    { kind: 'heading', label: t('balanceSheet.equity') },
    { kind: 'section', label: null, section: sheet.equity, totalLabel: null, emptyLabel: none },
    { kind: 'total', label: t('balanceSheet.totalEquity'), amount: sheet.equity.total, prior: sheet.equity.prior, testId: 'total-equity' },
    {
      kind: 'total', label: t('balanceSheet.totalLiabilitiesAndEquity'), amount: sheet.totals.liabilitiesAndEquity,
      prior: sheet.totals.priorLiabilitiesAndEquity, testId: 'total-liabilities-equity',
    },
  ];
}

/** "Activo = Pasivo + Patrimonio" with the amounts, in words and never by colour alone. */
export function BalanceSheetStatus({ sheet }: { sheet: BalanceSheet }) {
  const t = useT();
  const { assets, liabilitiesAndEquity } = sheet.totals;
  const difference = subtractCentimos(assets, liabilitiesAndEquity);
  const balanced = difference === 0;
  return (
    <p className={`trial-balance__status ${balanced ? 'is-balanced' : 'is-unbalanced'}`} data-testid="balance-sheet-status">
      <span aria-hidden="true">{balanced ? '✓ ' : '✗ '}</span>
      {balanced
        ? t('balanceSheet.balanced', {
          assets: unbreakableMoney(assets), liabilities: unbreakableMoney(sheet.liabilities.total), equity: unbreakableMoney(sheet.equity.total),
        })
        : t('balanceSheet.unbalanced', {
          assets: unbreakableMoney(assets), liabilitiesAndEquity: unbreakableMoney(liabilitiesAndEquity), difference: unbreakableMoney(difference),
        })}
    </p>
  );
}

export const balanceSheetColumns = (t: T, sheet: BalanceSheet) => ({
  currentLabel: t('reports.atDate', { date: formatDate(sheet.date) }),
  priorLabel: sheet.priorDate ? t('reports.atDate', { date: formatDate(sheet.priorDate) }) : null,
});

/** Ingresos, Gastos, and the result of the period. */
export function incomeStatementBlocks(t: T, statement: IncomeStatement): StatementBlock[] {
  const none = t('incomeStatement.none');
  return [
    { kind: 'heading', label: t('incomeStatement.income') },
    { kind: 'section', label: null, section: statement.income, totalLabel: null, emptyLabel: none },
    { kind: 'total', label: t('incomeStatement.totalIncome'), amount: statement.income.total, prior: statement.income.prior, testId: 'total-income' },
    { kind: 'heading', label: t('incomeStatement.expenses') },
    { kind: 'section', label: null, section: statement.expenses, totalLabel: null, emptyLabel: none },
    { kind: 'total', label: t('incomeStatement.totalExpenses'), amount: statement.expenses.total, prior: statement.expenses.prior, testId: 'total-expenses' },
    {
      kind: 'total', label: statement.result < 0 ? t('incomeStatement.deficit') : t('incomeStatement.surplus'),
      amount: statement.result, prior: statement.priorResult, testId: 'income-result',
    },
  ];
}

export const incomeStatementColumns = (t: T, statement: IncomeStatement) => ({
  currentLabel: t('reports.period', { from: formatDate(statement.from), to: formatDate(statement.to) }),
  priorLabel: statement.priorFrom && statement.priorTo
    ? t('reports.period', { from: formatDate(statement.priorFrom), to: formatDate(statement.priorTo) })
    : null,
});

/** "Resultado del periodo: -S/ 150.00", for the line under the income statement. */
export const resultSentence = (t: T, statement: IncomeStatement) => `${t('incomeStatement.result')}: ${formatMoney(statement.result)}`;
