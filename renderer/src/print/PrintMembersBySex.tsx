import { useSearchParams } from 'react-router';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { SexCountsTable } from '../screens/reports/SummaryTables';
import { FinancialDocument } from './FinancialDocument';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';

/** `/print/members-by-sex?associationId=1&asOf=2026-03-15`: socios por sexo on A4. */
export function PrintMembersBySex() {
  const t = useT();
  const [params] = useSearchParams();
  const request = readPrintParams(params, ['asOf']);
  const enabled = request !== null;
  const associationId = request?.associationId ?? 0;
  const association = useOperation('getAssociation', { associationId }, { enabled });
  const report = useOperation('membersBySex', { associationId, asOf: request?.dates.asOf ?? '' }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('reports.printMissing')} queries={[association, report]} autoprint={params.get('autoprint') === '1'}>
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
