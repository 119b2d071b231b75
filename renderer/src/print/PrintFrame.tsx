import { useRef, type ReactNode } from 'react';
import type { PaperSize } from '../../../shared/bridge';
import { useT } from '../app/settings';
import { ErrorAlert } from '../components/ErrorAlert';
import { useRollPage } from './rollPage';
import { usePrintReady } from './usePrintReady';

interface PrintFrameProps {
  /** False when the print address lacks what the document needs. */
  valid: boolean;
  missingMessage: string;
  /** The reads the document is made of. */
  queries: readonly { isSuccess: boolean; error: { message: string } | null }[];
  autoprint: boolean;
  /** `ticket80`: roll paper, one page as long as the document (rollPage.ts). Sheets otherwise. */
  paper?: PaperSize;
  /** Rendered only once every query has answered. */
  children: () => ReactNode;
}

/**
 * What every print route shares: refuse a bad address, show an engine error,
 * wait for the data, then tell the shell (or a test) the page may be printed.
 */
export function PrintFrame({ valid, missingMessage, queries, autoprint, paper, children }: PrintFrameProps) {
  const t = useT();
  const ready = valid && queries.every((query) => query.isSuccess);
  const roll = paper === 'ticket80';
  const content = useRef<HTMLDivElement>(null);
  useRollPage(content, ready && roll);
  usePrintReady(ready, autoprint);
  if (!valid) return <ErrorAlert message={missingMessage} />;
  const error = queries.find((query) => query.error)?.error?.message;
  if (error) return <ErrorAlert message={error} />;
  if (!ready) return <p className="loading">{t('print.preparing')}</p>;
  if (roll) return <div ref={content} className="print-roll">{children()}</div>;
  return <>{children()}</>;
}
