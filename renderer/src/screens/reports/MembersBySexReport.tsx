import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { formatDate, todayIso } from '../../format/format';
import { financialPrintRoute } from '../../print/financialRoutes';
import { DateForm, ReportHeading } from './ReportParts';
import { SexCountsTable } from './SummaryTables';

/** Socios por sexo at a date (today by default): the active members, and everyone registered by then. */
export function MembersBySexReport({ associationId }: { associationId: number }) {
  const t = useT();
  const titleId = useId();
  const [asOf, setAsOf] = useState(todayIso);
  const report = useOperation('membersBySex', { associationId, asOf }, { placeholderData: keepPreviousData });
  const data = report.isError ? undefined : report.data;
  return (
    <section className="reports__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('membersBySex.title')}</h2>
      <p>{t('membersBySex.lead')}</p>
      <DateForm fields={[{ name: 'asOf', label: t('reports.asOf'), initial: asOf }]} engineError={report.error}
        onApply={(dates) => setAsOf(dates.asOf!)} />
      {data && (
        <>
          <ReportHeading label={t('reports.atDate', { date: formatDate(data.asOf) })}
            printRoute={financialPrintRoute('members-by-sex', associationId, { asOf: data.asOf })}
            suggestedName={`socios-por-sexo-${data.asOf}.pdf`} amounts={false}
            exportRequest={{ report: 'membersBySex', params: { associationId, asOf: data.asOf } }} />
          <div className="reports__tables">
            <SexCountsTable counts={data.active} caption={t('membersBySex.active', { date: formatDate(data.asOf) })} testId="members-active" />
            <SexCountsTable counts={data.registered} caption={t('membersBySex.registered', { date: formatDate(data.asOf) })} testId="members-registered" />
          </div>
        </>
      )}
      {report.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
