import { useState } from 'react';
import { useClient } from '../app/client';
import { useT } from '../app/settings';
import { ErrorAlert } from './ErrorAlert';

type Outcome = { error: string } | { info: string } | null;

interface PrintActionsProps {
  /** A print route, e.g. `/print/statement?associationId=1&memberId=2`. */
  route: string;
  /** Proposed file name when saving as PDF. */
  suggestedName: string;
  /** A4 across, for the route whose @page is `A4 landscape`: the printer path needs it said. */
  landscape?: boolean;
}

/** Imprimir / Guardar PDF on A4 (upright or across) through the shell (Electron) or a new window (browser mode), saying how it went. */
export function PrintActions({ route, suggestedName, landscape = false }: PrintActionsProps) {
  const t = useT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const print = async (target: 'printer' | 'pdf') => {
    setBusy(true);
    setOutcome(null);
    try {
      const response = await client.print({ route, paper: 'A4', landscape, target, suggestedName });
      if (response.ok && response.path) setOutcome({ info: t('printing.saved', { path: response.path }) });
      // Browser mode cannot write the file: the print dialog opened, where the user saves it.
      else if (response.ok) setOutcome(target === 'pdf' && response.browserDialog ? { info: t('printing.pdfInDialog') } : null);
      else if (response.cancelled) setOutcome({ info: t('printing.cancelled') });
      else setOutcome({ error: response.error.message || t('app.unreachable') });
    } catch {
      setOutcome({ error: t('app.unreachable') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="print-actions no-print">
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => print('printer')}>{t('action.print')}</button>
        <button type="button" disabled={busy} onClick={() => print('pdf')}>{t('action.savePdf')}</button>
        {busy && <span>{t('printing.busy')}</span>}
      </div>
      <p role="status" className="print-actions__info">{outcome && 'info' in outcome ? outcome.info : null}</p>
      <ErrorAlert message={outcome && 'error' in outcome ? outcome.error : null} />
    </div>
  );
}
