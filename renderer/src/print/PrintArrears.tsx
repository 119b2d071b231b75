import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../shared/dates';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../format/format';
import { ArrearsTable } from '../screens/arrears/ArrearsTable';
import { PrintHeader, positiveId } from '../screens/statement/printSupport';
import { usePrintReady } from './usePrintReady';
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
  const ready = association.isSuccess && report.isSuccess;
  usePrintReady(ready, autoprint);

  if (!request) return <ErrorAlert message={t('arrears.printMissing')} />;
  const error = association.error?.message ?? report.error?.message;
  if (error) return <ErrorAlert message={error} />;
  if (!ready) return <p className="loading">{t('print.preparing')}</p>;

  const data = report.data;
  return (
    <article className="print-doc print-doc--arrears">
      <PrintHeader association={association.data} />
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
