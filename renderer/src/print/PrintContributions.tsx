import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { ContributionsTable } from '../screens/reports/SummaryTables';
import { FinancialDocument } from './FinancialDocument';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';

/** `/print/contributions?associationId=1&from=…&to=…`: aportes por socio on A4. */
export function PrintContributions() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint((params) => readPrintParams(params, ['from', 'to']));
  const report = useOperation('contributionsByMember', { associationId, from: request?.dates.from ?? '', to: request?.dates.to ?? '' }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('reports.printMissing')} queries={[association, report]} autoprint={autoprint}>
      {() => (
        <FinancialDocument association={association.data!} title={t('contributionsReport.title')}
          period={t('reports.period', { from: formatDate(report.data!.from), to: formatDate(report.data!.to) })}>
          {report.data!.rows.length === 0
            ? <p>{t('contributionsReport.empty')}</p>
            : <ContributionsTable report={report.data!} className="print-fr__table" labelledBy="print-fr-title" />}
        </FinancialDocument>
      )}
    </PrintFrame>
  );
}
