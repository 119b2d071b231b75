import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { formatDate, todayIso } from '../../format/format';
import { financialPrintRoute } from '../../print/financialRoutes';
import { DateForm, ReportHeading } from './ReportParts';
import { StatementTable } from './StatementTable';
import { balanceSheetBlocks, balanceSheetColumns, BalanceSheetStatus } from './statementBlocks';

/** Balance general at a date (today by default), beside the same date a year earlier. */
export function BalanceSheetReport({ associationId }: { associationId: number }) {
  const t = useT();
  const titleId = useId();
  const [date, setDate] = useState(todayIso);
  const sheet = useOperation('balanceSheet', { associationId, date, comparative: true }, { placeholderData: keepPreviousData });
  const data = sheet.isError ? undefined : sheet.data;
  return (
    <section className="reports__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('balanceSheet.title')}</h2>
      <p>{t('balanceSheet.lead')}</p>
      <DateForm fields={[{ name: 'date', label: t('reports.asOf'), initial: date }]} engineError={sheet.error}
        onApply={(dates) => setDate(dates.date!)} />
      {data && (
        <>
          <ReportHeading label={t('reports.atDate', { date: formatDate(data.date) })}
            printRoute={financialPrintRoute('balance-sheet', associationId, { date: data.date })}
            suggestedName={`balance-general-${data.date}.pdf`}
            exportRequest={{ report: 'balanceSheet', params: { associationId, date: data.date } }} />
          <BalanceSheetStatus sheet={data} />
          <p className="reports__hint">{t('reports.drillHint')}</p>
          <div className="reports__table">
            <StatementTable blocks={balanceSheetBlocks(t, data)} {...balanceSheetColumns(t, data)} labelledBy={titleId}
              drill={{
                associationId,
                resultLink: (range) => `/a/${associationId}/reportes/resultados?desde=${range.from ?? ''}&hasta=${range.to}`,
              }} />
          </div>
        </>
      )}
      {sheet.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
