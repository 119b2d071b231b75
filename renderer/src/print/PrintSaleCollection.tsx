import { useSearchParams } from 'react-router';
import type { PaperSize } from '../../../shared/bridge';
import type { SaleCollectionView } from '../../../shared/operations/sales';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { moneyPlaceWords } from './accountWords';
import { PrintFrame } from './PrintFrame';
import { paperOf, ReceiptHead, ReceiptLines, ReceiptSignature, receiptClass } from './ReceiptParts';
import { buyerDocument, salesHeadKeys } from './salesPrintShared';
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
  const idDocument = buyerDocument(data.buyer);
  return (
    <article className={receiptClass(paper, 'sales-print')}>
      <ReceiptHead document={data} keys={{ ...salesHeadKeys, heading: 'salesPrint.collection.heading' }} />
      <dl className="receipt__who">
        <dt>{t('salesPrint.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('salesPrint.collection.from')}</dt><dd>{data.buyer.name}</dd>
        {idDocument && <><dt>{t('salesPrint.nota.document')}</dt><dd>{idDocument}</dd></>}
        <dt>{t('salesPrint.collection.account')}</dt><dd>{moneyPlaceWords(t, data.accountKind, data.accountName)}</dd>
        <dt>{t('salesPrint.collection.receivedBy')}</dt><dd>{data.receivedBy}</dd>
      </dl>
      <ReceiptLines
        heads={{ concept: t('salesPrint.collection.concept'), amount: t('salesPrint.amount'), total: t('salesPrint.total') }}
        lines={[
          ...data.lines.map((line) => ({
            key: line.saleId,
            text: line.formattedNumber
              ? t('salesPrint.collection.sale', { number: line.formattedNumber, date: formatDate(line.date) })
              : t('salesPrint.collection.saleNoNumber', { date: formatDate(line.date) }),
            amount: line.amount,
          })),
          ...(data.advance > 0 ? [{ key: 'advance', text: t('salesPrint.collection.advance'), amount: data.advance }] : []),
        ]}
        total={data.amount} />
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
        <ReceiptSignature signer={data.treasurerName ?? ''}>{t('salesPrint.collection.treasurer')}</ReceiptSignature>
        <ReceiptSignature signer={data.buyer.name}>{t('salesPrint.collection.payer')}</ReceiptSignature>
      </footer>
    </article>
  );
}
