import { useState } from 'react';
import type { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDocumentPrint, type DocumentPrintWords } from './useDocumentPrint';
import { VoidDocumentForm } from './VoidDocumentForm';

type Paper = 'A5' | 'ticket80';

interface IssuedDocumentActionsProps {
  /** How printing went, in this document's words. */
  printWords: DocumentPrintWords;
  /** The three print buttons' words; null where Khipu prints no paper of its own (a sale with a boleta). */
  buttons: { a5: string; ticket: string; pdf: string } | null;
  route(paper: Paper): string;
  suggestedName: string;
  /** Counts a paper copy before it prints; a saved PDF is no copy handed over, so no DUPLICADO after it. */
  recordPrint(): Promise<unknown>;
  /** False once voided: nothing left to void. */
  voidable: boolean;
  voiding: {
    button: string;
    explain: string;
    labels: { date: string; reason: string; submit: string };
    onVoid(input: { date: string; reason: string }): Promise<unknown>;
  };
}

/**
 * Under an issued numbered document (receipt, collection, sale, payment voucher): print on A5, on the
 * 80 mm roll or to PDF, how that went, and voiding with a date and a reason in place of the buttons.
 */
export function IssuedDocumentActions({ printWords, buttons, route, suggestedName, recordPrint, voidable, voiding }: IssuedDocumentActionsProps) {
  const printing = useDocumentPrint(printWords);
  const [open, setOpen] = useState(false);
  const print = (paper: Paper, target: 'printer' | 'pdf') => printing.print(
    { route: route(paper), paper, target, suggestedName },
    target === 'printer' ? recordPrint : undefined,
  );
  return (
    <>
      <ErrorAlert message={printing.error} />
      {printing.message && <p role="status">{printing.message}</p>}
      {open ? (
        <VoidDocumentForm
          explain={voiding.explain}
          labels={voiding.labels}
          onVoid={voiding.onVoid}
          onVoided={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <div className="actions">
          {buttons && (
            <>
              <button type="button" className="button--primary" onClick={() => void print('A5', 'printer')}>{buttons.a5}</button>
              <button type="button" onClick={() => void print('ticket80', 'printer')}>{buttons.ticket}</button>
              <button type="button" onClick={() => void print('A5', 'pdf')}>{buttons.pdf}</button>
            </>
          )}
          {voidable && <button type="button" className="button--danger" onClick={() => setOpen(true)}>{voiding.button}</button>}
        </div>
      )}
    </>
  );
}

type Translate = ReturnType<typeof useT>;

// A member's receipt and a buyer's collection are both a "Recibo de ingreso": the same words.
export const receiptPrintWords = (t: Translate): DocumentPrintWords => ({
  saved: (path) => t('receipt.saved', { path }), printed: t('receipt.printed'), cancelled: t('receipt.cancelled'),
});
export const receiptPrintButtons = (t: Translate) => ({ a5: t('receipt.printA5'), ticket: t('receipt.printTicket'), pdf: t('receipt.pdf') });
export const receiptVoidLabels = (t: Translate) => ({ date: t('receipt.voidDate'), reason: t('receipt.voidReason'), submit: t('receipt.voidSubmit') });
