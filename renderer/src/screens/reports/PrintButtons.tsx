import { useState } from 'react';
import { useClient } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { trialBalancePrintRoute, type TrialBalancePeriod } from '../../print/trialBalanceRoute';

type Outcome = { error: string } | { info: string } | null;

/** Printing goes through the shell (Electron) or a new window (browser mode); both answer how it went. */
export function PrintButtons({ associationId, period }: { associationId: number; period: TrialBalancePeriod }) {
  const t = useT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const print = async (target: 'printer' | 'pdf') => {
    setBusy(true);
    setOutcome(null);
    try {
      const response = await client.print({
        route: trialBalancePrintRoute(associationId, period),
        paper: 'A4',
        target,
        suggestedName: `balance-de-comprobacion-${period.to}.pdf`,
      });
      if (response.ok) setOutcome(response.path ? { info: t('trialBalance.pdfSaved', { path: response.path }) } : null);
      else if (response.cancelled) setOutcome({ info: t('trialBalance.printCancelled') });
      else setOutcome({ error: response.error.message || t('app.unreachable') });
    } catch {
      setOutcome({ error: t('app.unreachable') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reports__print">
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => print('printer')}>{t('action.print')}</button>
        <button type="button" disabled={busy} onClick={() => print('pdf')}>{t('action.savePdf')}</button>
        {busy && <span>{t('trialBalance.printing')}</span>}
      </div>
      <p role="status" className="reports__print-info">{outcome && 'info' in outcome ? outcome.info : null}</p>
      <ErrorAlert message={outcome && 'error' in outcome ? outcome.error : null} />
    </div>
  );
}
