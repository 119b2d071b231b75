import { useState } from 'react';
import type { PrintRequest } from '../../../../shared/bridge';
import { useClient } from '../../app/client';
import { useT } from '../../app/settings';

/** How printing a numbered document went, in that document's own words. */
export interface DocumentPrintWords {
  saved(path: string): string;
  printed: string;
  cancelled: string;
}

/**
 * Prints a numbered document (receipt, credit refund) through the shell and says how it went: saved
 * where, printed, cancelled, or why it failed. `beforePrint` runs first, inside the same attempt
 * (a receipt counts its paper copies there), so its failure is said the same way.
 */
export function useDocumentPrint(words: DocumentPrintWords) {
  const t = useT();
  const client = useClient();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const print = async (request: PrintRequest, beforePrint?: () => Promise<unknown>) => {
    setMessage(null);
    setError(null);
    try {
      if (beforePrint) await beforePrint();
      const answer = await client.print(request);
      if (answer.ok && answer.path) setMessage(words.saved(answer.path));
      else if (answer.ok) setMessage(request.target === 'pdf' ? t('printing.pdfInDialog') : words.printed);
      else if (answer.cancelled) setMessage(words.cancelled);
      else setError(answer.error.message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('app.unreachable'));
    }
  };
  return { message, error, print };
}
