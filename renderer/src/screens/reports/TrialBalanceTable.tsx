import type { TrialBalance } from '../../../../shared/results';
import { formatAmount } from '../../../../shared/money';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { trialBalanceFigures, type TrialBalanceAmounts } from './trialBalanceFigures';

/** «Del 01/03/2026 al 15/03/2026» or, with no start, «Desde el inicio hasta el 15/03/2026»: screen and paper alike. */
export function trialBalancePeriodLabel(t: ReturnType<typeof useT>, period: { from: string | null; to: string }): string {
  return period.from
    ? t('reports.period', { from: formatDate(period.from), to: formatDate(period.to) })
    : t('trialBalance.periodTo', { to: formatDate(period.to) });
}

interface TableProps {
  balance: TrialBalance;
  /** Opening columns only make sense when the period has a start date. */
  showOpening: boolean;
  className?: string;
  labelledBy?: string;
}

/** Shared by the Reportes screen and the print route, so what is printed is what was seen. */
export function TrialBalanceTable({ balance, showOpening, className = 'data', labelledBy }: TableProps) {
  const t = useT();
  const { lines, totals } = trialBalanceFigures(balance);
  const keys: (keyof TrialBalanceAmounts)[] = [
    ...(showOpening ? (['openingDebit', 'openingCredit'] as const) : []),
    'debits', 'credits', 'closingDebit', 'closingCredit',
  ];
  // Blank rather than 0.00 on the side a balance is not on: easier to read down a column.
  const cell = (centimos: number) => (centimos === 0 ? '' : formatAmount(centimos));
  const group = (label: string) => <th scope="colgroup" colSpan={2} className="trial-balance__group">{label}</th>;
  const side = (label: string) => <th scope="col" className="num">{label}</th>;
  return (
    <table className={`${className} trial-balance`} aria-labelledby={labelledBy}>
      <colgroup span={2} />
      {showOpening && <colgroup span={2} />}
      <colgroup span={2} />
      <colgroup span={2} />
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>{t('trialBalance.col.code')}</th>
          <th scope="col" rowSpan={2}>{t('trialBalance.col.name')}</th>
          {showOpening && group(t('trialBalance.col.opening'))}
          {group(t('trialBalance.col.movements'))}
          {group(t('trialBalance.col.closing'))}
        </tr>
        <tr>
          {showOpening && <>{side(t('trialBalance.col.debitBalance'))}{side(t('trialBalance.col.creditBalance'))}</>}
          {side(t('trialBalance.col.debit'))}
          {side(t('trialBalance.col.credit'))}
          {side(t('trialBalance.col.debitBalance'))}
          {side(t('trialBalance.col.creditBalance'))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.accountId} data-code={line.code}>
            <td className="code">{line.code}</td>
            <td>{line.name}</td>
            {keys.map((key) => <td key={key} className="num">{cell(line[key])}</td>)}
          </tr>
        ))}
        {/* In the body, not a <tfoot>: Chromium repeats a tfoot on every printed page. */}
        <tr className="trial-balance__totals" data-testid="trial-balance-totals">
          <th scope="row" colSpan={2}>{t('trialBalance.totals')}</th>
          {keys.map((key) => <td key={key} className="num">{formatMoney(totals[key])}</td>)}
        </tr>
      </tbody>
    </table>
  );
}

/** `S/ 1,234.56` that never breaks after the `S/` when a sentence wraps. */
const unbreakable = (centimos: number) => formatMoney(centimos).replace(' ', '\u00a0');

/** "Cuadra" or "No cuadra: diferencia S/ x", in words and never by colour alone. */
export function TrialBalanceStatus({ balance }: { balance: TrialBalance }) {
  const t = useT();
  const { balanced, difference, total } = trialBalanceFigures(balance);
  return (
    <p className={`trial-balance__status ${balanced ? 'is-balanced' : 'is-unbalanced'}`} data-testid="trial-balance-status">
      <span aria-hidden="true">{balanced ? '✓ ' : '✗ '}</span>
      {balanced
        ? t('trialBalance.balanced', { total: unbreakable(total) })
        : t('trialBalance.unbalanced', { difference: unbreakable(difference) })}
    </p>
  );
}
