import { useSearchParams } from 'react-router';
import type { PaperSize } from '../../../shared/bridge';
import type { SaleCollectionView } from '../../../shared/operations/sales';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { moneyPlaceWords } from './accountWords';
import { PrintFrame } from './PrintFrame';
import { buyerDocument, paperOf } from './salesPrintShared';
import './receipt.css';
import './sales-print.css';

/**
 * The "Recibo de ingreso" a buyer gets for money paid on credit sales (series 002), on A5 or an 80 mm
 * ticket (/print/sale-collection?id=…&size=a5|80mm): the sales it paid, any advance, what the buyer
 * still owes after it, where the money went, and the signatures. DUPLICADO on a reprint; ANULADO
 * when voided, with the number kept.
 */
export function PrintSaleCollection() {
  const t = useT();
  const [params] = useSearchParams();
  const collectionId = Number(params.get('id'));
  const paper = paperOf(params.get('size'));
  const valid = Number.isSafeInteger(collectionId) && collectionId > 0;
  const collection = useOperation('getSaleCollection', { collectionId: valid ? collectionId : 0 }, { enabled: valid });
  return (
    <PrintFrame valid={valid} missingMessage={t('salesPrint.collection.missing')} queries={[collection]} autoprint={params.get('autoprint') === '1'} paper={paper}>
      {() => <SaleCollectionDocument data={collection.data!} paper={paper} />}
    </PrintFrame>
  );
}

function SaleCollectionDocument({ data, paper }: { data: SaleCollectionView; paper: PaperSize }) {
  const t = useT();
  const place = [data.association.district, data.association.province, data.association.department].filter(Boolean).join(', ');
  const idDocument = buyerDocument(data.buyer);
  return (
    <article className={`receipt sales-print receipt--${paper === 'A5' ? 'a5' : 'ticket'}`}>
      <header className="receipt__header">
        <div>
          <div className="receipt__association">{data.association.name}</div>
          {data.association.ruc && <div>{t('salesPrint.ruc', { ruc: data.association.ruc })}</div>}
          {data.association.address && <div>{data.association.address}</div>}
          <div>{place}</div>
        </div>
        <div className="receipt__number-box">
          <div>{t('salesPrint.collection.heading')}</div>
          <div className="receipt__number">N° {data.formattedNumber}</div>
        </div>
      </header>
      {data.status === 'voided' && (
        <div className="receipt__stamp">
          {t('salesPrint.voided')}
          {data.voided && <div className="receipt__stamp-detail">{t('salesPrint.voidedDetail', { date: formatDate(data.voided.date), reason: data.voided.reason })}</div>}
        </div>
      )}
      {data.status === 'valid' && data.printCount > 1 && <div className="receipt__stamp">{t('salesPrint.duplicate')}</div>}
      <dl className="receipt__who">
        <dt>{t('salesPrint.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('salesPrint.collection.from')}</dt><dd>{data.buyer.name}</dd>
        {idDocument && <><dt>{t('salesPrint.nota.document')}</dt><dd>{idDocument}</dd></>}
        <dt>{t('salesPrint.collection.account')}</dt><dd>{moneyPlaceWords(t, data.accountKind, data.accountName)}</dd>
        <dt>{t('salesPrint.collection.receivedBy')}</dt><dd>{data.receivedBy}</dd>
      </dl>
      <table className="receipt__lines">
        <thead><tr><th>{t('salesPrint.collection.concept')}</th><th className="num">{t('salesPrint.amount')}</th></tr></thead>
        <tbody>
          {data.lines.map((line) => (
            <tr key={line.saleId}>
              <td>
                {line.formattedNumber
                  ? t('salesPrint.collection.sale', { number: line.formattedNumber, date: formatDate(line.date) })
                  : t('salesPrint.collection.saleNoNumber', { date: formatDate(line.date) })}
              </td>
              <td className="num">{formatMoney(line.amount)}</td>
            </tr>
          ))}
          {data.advance > 0 && <tr><td>{t('salesPrint.collection.advance')}</td><td className="num">{formatMoney(data.advance)}</td></tr>}
          <tr className="receipt__total"><td>{t('salesPrint.total')}</td><td className="num">{formatMoney(data.amount)}</td></tr>
        </tbody>
      </table>
      <p className="receipt__words">{data.amountInWords}</p>
      {data.status === 'valid' && (
        <p className="receipt__after">
          {data.owedAfter > 0
            ? t('salesPrint.collection.pending', { amount: formatMoney(data.owedAfter) })
            : t('salesPrint.collection.settledAfter')}
        </p>
      )}
      {data.note && <p>{data.note}</p>}
      <footer className="receipt__signatures">
        <div><span className="receipt__line" /><span className="receipt__signer">{data.treasurerName ?? ''}</span>{t('salesPrint.collection.treasurer')}</div>
        <div><span className="receipt__line" /><span className="receipt__signer">{data.buyer.name}</span>{t('salesPrint.collection.payer')}</div>
      </footer>
    </article>
  );
}
