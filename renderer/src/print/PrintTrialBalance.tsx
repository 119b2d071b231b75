import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../shared/dates';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate, todayIso } from '../format/format';
import { TrialBalanceStatus, TrialBalanceTable } from '../screens/reports/TrialBalanceTable';
import { usePrintReady } from './usePrintReady';
import './trial-balance.css';

interface PrintRequestParams {
  associationId: number;
  from: string | null;
  to: string;
}

/** `?associationId=1&from=2026-01-01&to=2026-03-31`; null when something is missing or malformed. */
function readParams(params: URLSearchParams): PrintRequestParams | null {
  const associationId = Number(params.get('associationId'));
  const from = params.get('from') || null;
  const to = params.get('to') ?? '';
  if (!Number.isSafeInteger(associationId) || associationId <= 0) return null;
  if (!isIsoDate(to) || (from !== null && !isIsoDate(from))) return null;
  return { associationId, from, to };
}

/** The trial balance on A4, black on white, outside the Shell: what the shell prints or saves as PDF. */
export function PrintTrialBalance() {
  const t = useT();
  const [params] = useSearchParams();
  const request = readParams(params);
  const autoprint = params.get('autoprint') === '1';
  const enabled = request !== null;
  const associationId = request?.associationId ?? 0;
  const association = useOperation('getAssociation', { associationId }, { enabled });
  const balance = useOperation('trialBalance', { associationId, from: request?.from ?? null, to: request?.to ?? '' }, { enabled });
  const ready = association.isSuccess && balance.isSuccess;

  usePrintReady(ready, autoprint);

  if (!request) return <ErrorAlert message={t('trialBalance.printMissing')} />;
  const error = association.error?.message ?? balance.error?.message;
  if (error) return <ErrorAlert message={error} />;
  if (!ready) return <p className="loading">{t('print.preparing')}</p>;

  const details = association.data;
  return (
    <article className="print-tb">
      <header className="print-tb__header">
        <div>
          <div className="print-tb__association">{details.name}</div>
          {details.ruc && <div>{t('home.ruc', { ruc: details.ruc })}</div>}
          <div>{t('home.place', { district: details.district, province: details.province, department: details.department })}</div>
        </div>
        <div className="print-tb__printed">{t('print.printedOn', { date: formatDate(todayIso()) })}</div>
      </header>
      <h1 id="print-tb-title">{t('trialBalance.title')}</h1>
      <p className="print-tb__period">
        {request.from
          ? t('trialBalance.periodFrom', { from: formatDate(request.from), to: formatDate(request.to) })
          : t('trialBalance.periodTo', { to: formatDate(request.to) })}
        {' · '}
        {t('trialBalance.amounts')}
      </p>
      {balance.data.rows.length === 0 ? (
        <p>{t('trialBalance.empty')}</p>
      ) : (
        <TrialBalanceTable balance={balance.data} showOpening={request.from !== null} className="print-tb__table" labelledBy="print-tb-title" />
      )}
      <TrialBalanceStatus balance={balance.data} />
    </article>
  );
}
