import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatMoney } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';
import { IssuedDocumentActions, receiptPrintButtons, receiptPrintWords, receiptVoidLabels } from './IssuedDocumentActions';

/**
 * A receipt as issued: its lines and total, printing (each paper print after the
 * first is a DUPLICADO; saving a PDF is not a print) and voiding with a reason (the number is kept).
 */
export function ReceiptPanel({ receiptId }: { receiptId: number }) {
  const t = useT();
  const receipt = useOperation('getReceipt', { receiptId });
  const recordPrint = useWrite('recordReceiptPrint');
  const voidReceipt = useWrite('voidReceipt');
  const data = receipt.data;
  if (!data) return <ErrorAlert message={receipt.error?.message} />;
  return (
    <section className="panel receipt-panel" aria-labelledby={`receipt-${receiptId}`}>
      <h2 id={`receipt-${receiptId}`}>{t('receipt.title', { number: data.formattedNumber })}</h2>
      <p>{data.member.fullName}{data.member.dni ? ` — DNI ${data.member.dni}` : ''} · {formatDate(data.date)}</p>
      {data.voided && <p className="alert alert--error">{t('receipt.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
      <table className="data">
        <tbody>
          {data.lines.map((line) => (
            <tr key={line.lineNo}><td>{line.description}</td><td className="num">{formatMoney(line.amount)}</td></tr>
          ))}
        </tbody>
        <tfoot>
          <tr><td>{t('print.receipt.total')}</td><td className="num" data-testid="receipt-total">{formatMoney(data.total)}</td></tr>
        </tfoot>
      </table>
      <p className="subtitle">{data.totalInWords}</p>
      {/* A voided receipt paid nothing: no credit it created and no balance after it are left to show. */}
      {data.status === 'valid' && (
        <div data-testid="receipt-after">
          {data.creditCreated > 0 && <p>{t('receipt.credit', { amount: formatMoney(data.creditCreated) })}</p>}
          <p>{data.owedAfter > 0 ? t('receipt.pending', { amount: formatMoney(data.owedAfter) }) : t('receipt.settledAfter')}</p>
        </div>
      )}
      <p data-testid="receipt-account">{t('receipt.account', { account: moneyPlaceWords(t, data.accountKind, data.accountName) })}</p>
      {data.receivedBy && <p data-testid="receipt-received-by">{t('receipt.receivedBy', { name: data.receivedBy })}</p>}
      <IssuedDocumentActions
        printWords={receiptPrintWords(t)}
        buttons={receiptPrintButtons(t)}
        route={(paper) => `/print/receipt?receiptId=${receiptId}&paper=${paper}`}
        suggestedName={`recibo-${data.formattedNumber}.pdf`}
        recordPrint={() => recordPrint.mutateAsync({ receiptId })}
        voidable={data.status === 'valid'}
        voiding={{
          button: t('receipt.void'), explain: t('receipt.voidExplain'), labels: receiptVoidLabels(t),
          onVoid: (input) => voidReceipt.mutateAsync({ receiptId, ...input }),
        }} />
    </section>
  );
}
