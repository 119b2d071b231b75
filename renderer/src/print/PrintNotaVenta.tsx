import { useSearchParams } from 'react-router';
import type { PaperSize } from '../../../shared/bridge';
import type { SaleView } from '../../../shared/operations/sales';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { moneyPlaceWords } from './accountWords';
import { PrintFrame } from './PrintFrame';
import { paperOf, ReceiptHead, ReceiptSignature, receiptClass } from './ReceiptParts';
import { buyerDocument, formatQuantity, salesHeadKeys, unitKey } from './salesPrintShared';
import './receipt.css';
import './sales-print.css';

/**
 * Khipu's own nota de venta on A5 or an 80 mm ticket (/print/nota-venta?id=…&size=a5|80mm), black on
 * white: who bought, each product with its quantity and price, the total in figures and in words,
 * cash or credit, and the two signatures. A reprint says DUPLICADO (counted before this page opened);
 * a voided sale keeps its number and says ANULADO.
 */
export function PrintNotaVenta() {
  const t = useT();
  const [params] = useSearchParams();
  const saleId = Number(params.get('id'));
  const paper = paperOf(params.get('size'));
  const valid = Number.isSafeInteger(saleId) && saleId > 0;
  const sale = useOperation('getSale', { saleId: valid ? saleId : 0 }, { enabled: valid });
  return (
    <PrintFrame valid={valid} missingMessage={t('salesPrint.nota.missing')} queries={[sale]} autoprint={params.get('autoprint') === '1'} paper={paper}>
      {() => <NotaVentaDocument data={sale.data!} paper={paper} />}
    </PrintFrame>
  );
}

function NotaVentaDocument({ data, paper }: { data: SaleView; paper: PaperSize }) {
  const t = useT();
  if (data.documentKind !== 'nota_venta') {
    const document = data.documentKind === 'none'
      ? t('salesPrint.nota.otherDocument.none')
      : t(`salesPrint.nota.otherDocument.${data.documentKind}`, { number: data.documentNumber ?? '' });
    return <p role="alert">{t('salesPrint.nota.notANota', { document })}</p>;
  }
  const idDocument = buyerDocument(data.buyer);
  return (
    <article className={receiptClass(paper, 'sales-print')}>
      <ReceiptHead document={data} keys={{ ...salesHeadKeys, heading: 'salesPrint.nota.heading' }} />
      <dl className="receipt__who">
        <dt>{t('salesPrint.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('salesPrint.nota.buyer')}</dt><dd>{data.buyer?.name ?? t('salesPrint.nota.public')}</dd>
        {idDocument && <><dt>{t('salesPrint.nota.document')}</dt><dd>{idDocument}</dd></>}
      </dl>
      <table className="receipt__lines sales-print__lines">
        <thead>
          <tr>
            <th>{t('salesPrint.nota.product')}</th>
            <th className="num">{t('salesPrint.nota.quantity')}</th>
            <th className="num">{t('salesPrint.nota.price')}</th>
            <th className="num">{t('salesPrint.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line) => (
            <tr key={line.lineNo}>
              <td>{line.productName}</td>
              <td className="num">{formatQuantity(line.quantity)} {t(unitKey(line.unit))}</td>
              <td className="num">{formatMoney(line.unitPrice)}</td>
              <td className="num">{formatMoney(line.amount)}</td>
            </tr>
          ))}
          {data.igv > 0 && (
            <>
              <tr className="sales-print__sub"><td colSpan={3}>{t('salesPrint.nota.subtotal')}</td><td className="num">{formatMoney(data.subtotal)}</td></tr>
              <tr className="sales-print__sub"><td colSpan={3}>{t('salesPrint.nota.igv')}</td><td className="num">{formatMoney(data.igv)}</td></tr>
            </>
          )}
          <tr className="receipt__total"><td colSpan={3}>{t('salesPrint.total')}</td><td className="num">{formatMoney(data.total)}</td></tr>
        </tbody>
      </table>
      <p className="receipt__words">{data.totalInWords}</p>
      {data.payment === 'cash' && data.accountKind && (
        <p>{t('salesPrint.nota.cash', { place: moneyPlaceWords(t, data.accountKind, data.accountName ?? '') })}</p>
      )}
      {data.payment === 'credit' && data.dueDate && (
        <>
          <p className="receipt__after">{t('salesPrint.nota.credit', { date: formatDate(data.dueDate) })}</p>
          {data.status === 'valid' && data.open !== data.total && <p>{t('salesPrint.nota.creditOpen', { amount: formatMoney(data.open) })}</p>}
        </>
      )}
      {data.note && <p>{data.note}</p>}
      <footer className="receipt__signatures">
        <ReceiptSignature signer={data.treasurerName ?? ''}>
          <span className="receipt__role">{t('salesPrint.nota.delivered')}</span>{t('salesPrint.nota.seller')}
        </ReceiptSignature>
        <ReceiptSignature signer={data.buyer?.name ?? ''}>
          <span className="receipt__role">{t('salesPrint.nota.received')}</span>{t('salesPrint.nota.customer')}
        </ReceiptSignature>
      </footer>
    </article>
  );
}
