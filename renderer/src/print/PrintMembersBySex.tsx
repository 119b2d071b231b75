import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { SexCountsTable } from '../screens/reports/SummaryTables';
import { FinancialDocument } from './FinancialDocument';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';

/** `/print/members-by-sex?associationId=1&asOf=2026-03-15`: socios por sexo on A4. */
export function PrintMembersBySex() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint((params) => readPrintParams(params, ['asOf']));
  const report = useOperation('membersBySex', { associationId, asOf: request?.dates.asOf ?? '' }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('reports.printMissing')} queries={[association, report]} autoprint={autoprint}>
      {() => {
        const date = formatDate(report.data!.asOf);
        return (
          <FinancialDocument association={association.data!} title={t('membersBySex.title')} amounts={false} period={t('reports.atDate', { date })}>
            <SexCountsTable counts={report.data!.active} caption={t('membersBySex.active', { date })} testId="members-active" className="print-fr__table" />
            <SexCountsTable counts={report.data!.registered} caption={t('membersBySex.registered', { date })} testId="members-registered" className="print-fr__table" />
          </FinancialDocument>
        );
      }}
    </PrintFrame>
  );
}
