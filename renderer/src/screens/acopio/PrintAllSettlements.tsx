import { useClient } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MAX_BATCH } from '../../print/PrintSettlement';
import { useDocumentPrint } from '../contributions/useDocumentPrint';

/**
 * Every liquidación of the period at once, one member to an A5 page: to the printer (each counted
 * as a paper copy first, so a second run says DUPLICADO) or to one PDF.
 */
export function PrintAllSettlements({ ids, suggestedName }: { ids: readonly number[]; suggestedName: string }) {
  const t = useT();
  const client = useClient();
  const printing = useDocumentPrint({
    saved: (path) => t('acopio.print.allSaved', { path }), printed: t('acopio.print.allPrinted'), cancelled: t('acopio.print.cancelled'),
  });
  if (ids.length === 0 || ids.length > MAX_BATCH) return null;
  const route = `/print/settlement?ids=${ids.join(',')}&size=a5`;
  const countPrints = async () => {
    for (const settlementId of ids) await client.call('recordSettlementPrint', { settlementId });
  };
  return (
    <>
      <ErrorAlert message={printing.error} />
      {printing.message && <p role="status">{printing.message}</p>}
      <div className="actions">
        <button type="button" onClick={() => void printing.print({ route, paper: 'A5', target: 'printer', suggestedName }, countPrints)}>
          {t('acopio.print.all', { count: ids.length })}
        </button>
        <button type="button" onClick={() => void printing.print({ route, paper: 'A5', target: 'pdf', suggestedName })}>
          {t('acopio.print.allPdf')}
        </button>
      </div>
    </>
  );
}
