import { isIsoDate } from '../../../shared/dates';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { TrialBalanceStatus, TrialBalanceTable, trialBalancePeriodLabel } from '../screens/reports/TrialBalanceTable';
import { FinancialDocument } from './FinancialDocument';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';
import './trial-balance.css';

/** The `to` date like every report, and an optional `from` (none: since the first movement). */
function readTrialBalanceParams(params: URLSearchParams) {
  const request = readPrintParams(params, ['to']);
  const from = params.get('from') || null;
  return request !== null && (from === null || isIsoDate(from)) ? { ...request, from } : null;
}

/** `/print/trial-balance?associationId=1&from=2026-01-01&to=2026-03-31` (`from` optional): the trial balance on A4. */
export function PrintTrialBalance() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint(readTrialBalanceParams);
  const period = { from: request?.from ?? null, to: request?.dates.to ?? '' };
  const balance = useOperation('trialBalance', { associationId, ...period }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('reports.printMissing')} queries={[association, balance]} autoprint={autoprint}>
      {() => (
        <FinancialDocument association={association.data!} title={t('trialBalance.title')} period={trialBalancePeriodLabel(t, period)}>
          {balance.data!.rows.length === 0
            ? <p>{t('trialBalance.empty')}</p>
            : <TrialBalanceTable balance={balance.data!} showOpening={period.from !== null} className="print-fr__table" labelledBy="print-fr-title" />}
          <TrialBalanceStatus balance={balance.data!} />
        </FinancialDocument>
      )}
    </PrintFrame>
  );
}
