import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../../shared/dates';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { formatMoney, todayIso } from '../../format/format';
import { financialPrintRoute } from '../../print/financialRoutes';
import { fiscalYearStart } from './drillDown';
import { DateForm, ReportHeading, usePeriodLabel } from './ReportParts';
import { StatementTable } from './StatementTable';
import { incomeStatementBlocks, incomeStatementColumns } from './statementBlocks';

/**
 * Estado de resultados for the fiscal year to date by default, beside the same period a year earlier.
 * `?desde=&hasta=` in the address (the balance sheet's "result of the year" links here) sets the period.
 */
export function IncomeStatementReport({ associationId, fiscalYearStartMonth }: { associationId: number; fiscalYearStartMonth: number }) {
  const t = useT();
  const titleId = useId();
  const periodLabel = usePeriodLabel();
  const [params] = useSearchParams();
  const [period, setPeriod] = useState(() => {
    const today = todayIso();
    const from = params.get('desde') ?? '';
    const to = params.get('hasta') ?? '';
    return isIsoDate(from) && isIsoDate(to) ? { from, to } : { from: fiscalYearStart(today, fiscalYearStartMonth), to: today };
  });
  const statement = useOperation('incomeStatement', { associationId, ...period, comparative: true }, { placeholderData: keepPreviousData });
  const data = statement.isError ? undefined : statement.data;
  return (
    <section className="reports__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('incomeStatement.title')}</h2>
      <p>{t('incomeStatement.lead')}</p>
      <DateForm
        fields={[{ name: 'from', label: t('reports.from'), initial: period.from }, { name: 'to', label: t('reports.to'), initial: period.to }]}
        engineError={statement.error} onApply={(dates) => setPeriod({ from: dates.from!, to: dates.to! })} />
      {data && (
        <>
          <ReportHeading label={periodLabel(data.from, data.to)}
            printRoute={financialPrintRoute('income-statement', associationId, { from: data.from, to: data.to })}
            suggestedName={`estado-de-resultados-${data.from}-${data.to}.pdf`}
            exportRequest={{ report: 'incomeStatement', params: { associationId, from: data.from, to: data.to } }} />
          <p className="reports__result" data-testid="income-result-line">
            {data.result < 0 ? t('incomeStatement.deficit') : t('incomeStatement.surplus')}: {formatMoney(data.result)}
          </p>
          <p className="reports__hint">{t('reports.drillHint')}</p>
          <div className="reports__table">
            <StatementTable blocks={incomeStatementBlocks(t, data)} {...incomeStatementColumns(t, data)} labelledBy={titleId}
              drill={{ associationId }} />
          </div>
        </>
      )}
      {statement.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
