import type { AssociationDetails } from '../../../shared/results';
import type { ArrearsReport } from '../../../shared/operations/contributions';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { ArrearsTable } from '../screens/arrears/ArrearsTable';
import { PrintHeader } from './PrintHeader';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';
import './member-print.css';

/** Socios con cuotas vencidas on A4, for the general assembly, with lines for the signatures. */
export function PrintArrears() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint((params) => readPrintParams(params, ['asOf']));
  const report = useOperation('arrears', { associationId, asOf: request?.dates.asOf ?? '' }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('arrears.printMissing')} queries={[association, report]} autoprint={autoprint}>
      {() => <ArrearsDocument association={association.data!} data={report.data!} />}
    </PrintFrame>
  );
}

/** Rendered once every read has answered (PrintFrame). */
function ArrearsDocument({ association, data }: { association: AssociationDetails; data: ArrearsReport }) {
  const t = useT();
  return (
    <article className="print-doc print-doc--arrears">
      <PrintHeader association={association} />
      <h1 id="print-arrears-title">{t('arrears.printTitle')}</h1>
      <p className="print-doc__period">{t('arrears.asOfLabel', { date: formatDate(data.asOf) })}</p>
      {data.rows.length === 0 ? (
        <p>{t('arrears.empty', { date: formatDate(data.asOf) })}</p>
      ) : (
        <ArrearsTable report={data} className="print-doc__table" labelledBy="print-arrears-title" />
      )}
      <div className="print-doc__signatures">
        <div className="print-doc__signature">{t('arrears.signature.treasurer')}</div>
        <div className="print-doc__signature">{t('arrears.signature.fiscal')}</div>
      </div>
    </article>
  );
}
