import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../shared/dates';
import type { AssociationDetails } from '../../../shared/results';
import type { ArrearsReport } from '../../../shared/operations/contributions';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { ArrearsTable } from '../screens/arrears/ArrearsTable';
import { PrintHeader } from './PrintHeader';
import { positiveId } from '../format/params';
import { PrintFrame } from './PrintFrame';
import './member-print.css';

/** `?associationId=1&asOf=2026-03-15`; null when something is missing or malformed. */
function readParams(params: URLSearchParams): { associationId: number; asOf: string } | null {
  const associationId = positiveId(params.get('associationId'));
  const asOf = params.get('asOf') ?? '';
  if (associationId === null || !isIsoDate(asOf)) return null;
  return { associationId, asOf };
}

/** Socios con cuotas vencidas on A4, for the general assembly, with lines for the signatures. */
export function PrintArrears() {
  const t = useT();
  const [params] = useSearchParams();
  const request = readParams(params);
  const autoprint = params.get('autoprint') === '1';
  const enabled = request !== null;
  const associationId = request?.associationId ?? 0;
  const association = useOperation('getAssociation', { associationId }, { enabled });
  const report = useOperation('arrears', { associationId, asOf: request?.asOf ?? '' }, { enabled });
  return (
    <PrintFrame valid={request !== null} missingMessage={t('arrears.printMissing')} queries={[association, report]} autoprint={autoprint}>
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
