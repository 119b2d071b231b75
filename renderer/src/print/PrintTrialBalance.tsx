import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../shared/dates';
import type { AssociationDetails, TrialBalance } from '../../../shared/results';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { TrialBalanceStatus, TrialBalanceTable } from '../screens/reports/TrialBalanceTable';
import { PrintFrame } from './PrintFrame';
import { PrintHeader } from './PrintHeader';
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
  return (
    <PrintFrame valid={request !== null} missingMessage={t('trialBalance.printMissing')} queries={[association, balance]} autoprint={autoprint}>
      {() => <TrialBalanceDocument request={request!} association={association.data!} balance={balance.data!} />}
    </PrintFrame>
  );
}

/** Rendered once every read has answered (PrintFrame). */
function TrialBalanceDocument({ request, association, balance }: { request: PrintRequestParams; association: AssociationDetails; balance: TrialBalance }) {
  const t = useT();
  return (
    <article className="print-tb">
      <PrintHeader association={association} />
      <h1 id="print-tb-title">{t('trialBalance.title')}</h1>
      <p className="print-tb__period">
        {request.from
          ? t('trialBalance.periodFrom', { from: formatDate(request.from), to: formatDate(request.to) })
          : t('trialBalance.periodTo', { to: formatDate(request.to) })}
        {' · '}
        {t('trialBalance.amounts')}
      </p>
      {balance.rows.length === 0 ? (
        <p>{t('trialBalance.empty')}</p>
      ) : (
        <TrialBalanceTable balance={balance} showOpening={request.from !== null} className="print-tb__table" labelledBy="print-tb-title" />
      )}
      <TrialBalanceStatus balance={balance} />
    </article>
  );
}
