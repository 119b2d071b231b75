import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatMoney } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';
import { IssuedDocumentActions, receiptPrintButtons, receiptPrintWords, receiptVoidLabels } from '../contributions/IssuedDocumentActions';

/**
 * A collection from a buyer as issued (Recibo de ingreso 002-…): the sales it paid, the amount
 * in words, printing (DUPLICADO after the first paper copy) and voiding with a reason.
 */
export function CollectionPanel({ collectionId }: { collectionId: number }) {
  const t = useT();
  const collection = useOperation('getSaleCollection', { collectionId });
  const recordPrint = useWrite('recordCollectionPrint');
  const voidCollection = useWrite('voidSaleCollection');
  const data = collection.data;
  if (!data) return <ErrorAlert message={collection.error?.message} />;
  return (
    <section className="panel receipt-panel" aria-labelledby={`collection-${collectionId}`}>
      <h2 id={`collection-${collectionId}`}>{t('receipt.title', { number: data.formattedNumber })}</h2>
      <p>{data.buyer.name}{data.buyer.documentNumber ? ` — ${data.buyer.documentType.toUpperCase()} ${data.buyer.documentNumber}` : ''} · {formatDate(data.date)}</p>
      {data.voided && <p className="alert alert--error">{t('receipt.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
      <table className="data">
        <tbody>
          {data.lines.map((line) => (
            <tr key={line.saleId}>
              <td>{`${t(`sale.document.${line.documentKind}`)}${line.formattedNumber ? ` ${line.formattedNumber}` : ''} — ${formatDate(line.date)}`}</td>
              <td className="num">{formatMoney(line.amount)}</td>
            </tr>
          ))}
          {data.advance > 0 && <tr><td>{t('collect.advanceLine')}</td><td className="num">{formatMoney(data.advance)}</td></tr>}
        </tbody>
        <tfoot>
          <tr><td>{t('print.receipt.total')}</td><td className="num" data-testid="collection-total">{formatMoney(data.amount)}</td></tr>
        </tfoot>
      </table>
      <p className="subtitle">{data.amountInWords}</p>
      {data.status === 'valid' && (
        <p data-testid="collection-after">{data.owedAfter > 0 ? t('collect.stillOwes', { amount: formatMoney(data.owedAfter) }) : t('collect.settled')}</p>
      )}
      <p>{t('receipt.account', { account: moneyPlaceWords(t, data.accountKind, data.accountName) })}</p>
      <IssuedDocumentActions
        printWords={receiptPrintWords(t)}
        buttons={receiptPrintButtons(t)}
        route={(paper) => `/print/sale-collection?id=${collectionId}&size=${paper === 'ticket80' ? '80mm' : 'a5'}`}
        suggestedName={`recibo-${data.formattedNumber}.pdf`}
        recordPrint={() => recordPrint.mutateAsync({ collectionId })}
        voidable={data.status === 'valid'}
        voiding={{
          button: t('receipt.void'), explain: t('collect.voidExplain'), labels: receiptVoidLabels(t),
          onVoid: (input) => voidCollection.mutateAsync({ collectionId, ...input }),
        }} />
    </section>
  );
}
