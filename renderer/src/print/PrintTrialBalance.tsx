import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../shared/dates';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { TrialBalanceStatus, TrialBalanceTable, trialBalancePeriodLabel } from '../screens/reports/TrialBalanceTable';
import { FinancialDocument } from './FinancialDocument';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';
import './trial-balance.css';

/** `/print/trial-balance?associationId=1&from=2026-01-01&to=2026-03-31` (`from` optional): the trial balance on A4. */
export function PrintTrialBalance() {
  const t = useT();
  const [params] = useSearchParams();
  const request = readPrintParams(params, ['to']);
  const from = params.get('from') || null;
  const enabled = request !== null && (from === null || isIsoDate(from));
  const associationId = request?.associationId ?? 0;
  const period = { from, to: request?.dates.to ?? '' };
  const association = useOperation('getAssociation', { associationId }, { enabled });
  const balance = useOperation('trialBalance', { associationId, ...period }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('reports.printMissing')} queries={[association, balance]} autoprint={params.get('autoprint') === '1'}>
      {() => (
        <FinancialDocument association={association.data!} title={t('trialBalance.title')} period={trialBalancePeriodLabel(t, period)}>
          {balance.data!.rows.length === 0
            ? <p>{t('trialBalance.empty')}</p>
            : <TrialBalanceTable balance={balance.data!} showOpening={from !== null} className="print-fr__table" labelledBy="print-fr-title" />}
          <TrialBalanceStatus balance={balance.data!} />
        </FinancialDocument>
      )}
    </PrintFrame>
  );
}
