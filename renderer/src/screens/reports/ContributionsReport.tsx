import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { todayIso } from '../../format/format';
import { financialPrintRoute } from '../../print/financialRoutes';
import { fiscalYearStart } from './drillDown';
import { DateForm, ReportHeading, usePeriodLabel } from './ReportParts';
import { ContributionsTable } from './SummaryTables';

/** Aportes por socio for the fiscal year to date by default. */
export function ContributionsReport({ associationId, fiscalYearStartMonth }: { associationId: number; fiscalYearStartMonth: number }) {
  const t = useT();
  const titleId = useId();
  const periodLabel = usePeriodLabel();
  const [period, setPeriod] = useState(() => ({ from: fiscalYearStart(todayIso(), fiscalYearStartMonth), to: todayIso() }));
  const report = useOperation('contributionsByMember', { associationId, ...period }, { placeholderData: keepPreviousData });
  const data = report.isError ? undefined : report.data;
  return (
    <section className="reports__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('contributionsReport.title')}</h2>
      <p>{t('contributionsReport.lead')}</p>
      <DateForm
        fields={[{ name: 'from', label: t('reports.from'), initial: period.from }, { name: 'to', label: t('reports.to'), initial: period.to }]}
        engineError={report.error} onApply={(dates) => setPeriod({ from: dates.from!, to: dates.to! })} />
      {data && (
        <>
          <ReportHeading label={periodLabel(data.from, data.to)}
            printRoute={financialPrintRoute('contributions', associationId, { from: data.from, to: data.to })}
            suggestedName={`aportes-por-socio-${data.from}-${data.to}.pdf`}
            exportRequest={{ report: 'contributionsByMember', params: { associationId, from: data.from, to: data.to } }} />
          {data.rows.length === 0
            ? <p className="notice">{t('contributionsReport.empty')}</p>
            : <div className="reports__table"><ContributionsTable report={data} associationId={associationId} labelledBy={titleId} /></div>}
        </>
      )}
      {report.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
