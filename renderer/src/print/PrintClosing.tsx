import type { ClosingAccountRow, FiscalYearClosingView } from '../../../shared/operations/closing';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { positiveId } from '../format/params';
import { FinancialDocument } from './FinancialDocument';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';

type T = ReturnType<typeof useT>;

/** `/print/closing?associationId=1&fiscalYear=2025[&closingId=3]`: the address of a year's closing on A4. */
export function closingPrintRoute(associationId: number, fiscalYear: number, closingId?: number | null): string {
  const search = new URLSearchParams({ associationId: String(associationId), fiscalYear: String(fiscalYear) });
  if (closingId) search.set('closingId', String(closingId));
  return `/print/closing?${search.toString()}`;
}

function readClosingParams(params: URLSearchParams): { associationId: number; fiscalYear: number; closingId: number | null } | null {
  const associationId = positiveId(params.get('associationId'));
  const fiscalYear = positiveId(params.get('fiscalYear')) ?? 0;
  const closingText = params.get('closingId');
  const closingId = positiveId(closingText);
  if (associationId === null || fiscalYear < 1900 || fiscalYear > 9999) return null;
  if (closingText !== null && closingId === null) return null;
  return { associationId, fiscalYear, closingId };
}

function AccountsTable({ caption, rows, totalLabel, total, testId, t }: {
  caption: string; rows: ClosingAccountRow[]; totalLabel: string; total: number; testId: string; t: T;
}) {
  return (
    <table className="print-fr__table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">{t('closing.account')}</th><th scope="col" className="num">{t('closing.amount')}</th></tr>
      </thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={2}>{t('closing.none')}</td></tr>}
        {rows.map((row) => (
          <tr key={row.accountId}>
            <th scope="row">{row.code} {row.name}</th>
            <td className="num">{formatMoney(row.amount)}</td>
          </tr>
        ))}
        <tr className="fin-statement__total">
          <th scope="row">{totalLabel}</th>
          <td className="num">{formatMoney(total)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function statusLine(view: FiscalYearClosingView, t: T): string {
  const closing = view.closing;
  if (!closing) return t('closing.printPreview');
  if (closing.entryNumber === null) return t('closing.printClosedNoEntry', { date: formatDate(closing.date), by: closing.closedBy });
  return t('closing.printClosedOn', { date: formatDate(closing.date), number: closing.entryNumber, by: closing.closedBy });
}

function resultLine(view: FiscalYearClosingView, t: T): string {
  const amount = formatMoney(Math.abs(view.result));
  if (view.result > 0) return t('closing.resultSurplus', { amount });
  if (view.result < 0) return t('closing.resultDeficit', { amount });
  return t('closing.resultZero');
}

/** The closing of a fiscal year: the accounts closed with their amounts, the result and where it went, signatures. */
export function PrintClosing() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint(readClosingParams);
  const view = useOperation('getFiscalYearClosing', {
    associationId, fiscalYear: request?.fiscalYear ?? 2000, closingId: request?.closingId ?? null,
  }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('closing.printMissing')} queries={[association, view]} autoprint={autoprint}>
      {() => {
        const data = view.data!;
        return (
          <FinancialDocument association={association.data!} title={t('closing.printTitle', { year: data.fiscalYear })} signatures
            period={t('reports.period', { from: formatDate(data.from), to: formatDate(data.to) })}>
            <p className="print-fr__status" data-testid="closing-status">{statusLine(data, t)}</p>
            {data.closing?.voidedOn && (
              <p className="print-fr__status" data-testid="closing-voided">
                {t('closing.printVoided', { date: formatDate(data.closing.voidedOn), reason: data.closing.voidReason ?? '' })}
              </p>
            )}
            <AccountsTable caption={t('closing.income')} rows={data.income} totalLabel={t('closing.totalIncome')}
              total={data.totalIncome} testId="closing-income" t={t} />
            <AccountsTable caption={t('closing.expenses')} rows={data.expenses} totalLabel={t('closing.totalExpenses')}
              total={data.totalExpenses} testId="closing-expenses" t={t} />
            <p className="print-fr__status" data-testid="closing-result">
              {resultLine(data, t)}
              {data.resultAccount && ` ${t('closing.resultTo', { code: data.resultAccount.code, name: data.resultAccount.name })}`}
            </p>
          </FinancialDocument>
        );
      }}
    </PrintFrame>
  );
}
