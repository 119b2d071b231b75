import { useSearchParams } from 'react-router';
import type { PaperSize } from '../../../shared/bridge';
import type { PaymentVoucherLine, PaymentVoucherView } from '../../../shared/operations/payments';
import { formatQuantity } from '../../../shared/stock-cost';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import type { MessageKey } from '../i18n/messages';
import { moneyPlaceWords } from './accountWords';
import { PrintFrame } from './PrintFrame';
import { paperOf, ReceiptHead, ReceiptLines, receiptClass } from './ReceiptParts';
import './receipt.css';
import './payment-voucher.css';

/**
 * The "Recibo de egreso" on A5 or an 80 mm ticket (/print/payment-voucher?id=…&size=a5|80mm), black
 * on white: who was paid (name, DNI or RUC), for what (the purchases it settled by their documents, a
 * day's labour, a refund), the total in figures and in words, whether it left the caja or the bank,
 * and the two signatures. A reprint says DUPLICADO (the print was counted before this page opened,
 * recordVoucherPrint; a saved PDF is not counted); a voided voucher keeps its number and says ANULADO.
 */
export function PrintPaymentVoucher() {
  const t = useT();
  const [params] = useSearchParams();
  const voucherId = Number(params.get('id'));
  const paper = paperOf(params.get('size'));
  const valid = Number.isSafeInteger(voucherId) && voucherId > 0;
  const voucher = useOperation('getPaymentVoucher', { voucherId: valid ? voucherId : 0 }, { enabled: valid });
  return (
    <PrintFrame valid={valid} missingMessage={t('voucherPrint.missing')} queries={[voucher]} autoprint={params.get('autoprint') === '1'} paper={paper}>
      {() => <PaymentVoucherDocument data={voucher.data!} paper={paper} />}
    </PrintFrame>
  );
}

type Translate = ReturnType<typeof useT>;

/** "Factura F001-123 del 02/03/2026", as the supplier's document says it. */
function purchaseWords(t: Translate, line: PaymentVoucherLine): string {
  const date = formatDate(line.date);
  if (line.documentNumber === null) return t('voucherPrint.purchaseNoDocument', { date });
  const document = t(`voucherPrint.doc.${line.documentKind}` as MessageKey, { number: line.documentNumber });
  return t('voucherPrint.purchaseOf', { document, date });
}

/** The concept lines and their amounts: the purchases settled and any advance, or the one concept. */
function conceptLines(t: Translate, data: PaymentVoucherView): { key: string; text: string; amount: number }[] {
  if (data.kind === 'supplier' && data.lines.length > 0) {
    const lines = data.lines.map((line) => ({ key: `p${line.purchaseId}`, text: purchaseWords(t, line), amount: line.amount }));
    return data.advance > 0 ? [...lines, { key: 'advance', text: t('voucherPrint.advance'), amount: data.advance }] : lines;
  }
  const days = data.days === null ? '' : ` — ${data.days === 1000 ? t('voucherPrint.oneDay') : t('voucherPrint.days', { days: formatQuantity(data.days) })}`;
  return [{ key: 'concept', text: `${data.concept}${days}`, amount: data.amount }];
}

function PaymentVoucherDocument({ data, paper }: { data: PaymentVoucherView; paper: PaperSize }) {
  const t = useT();
  const payeeDocument = data.payee.ruc
    ? `${t('voucherPrint.rucLabel')} ${data.payee.ruc}`
    : data.payee.dni ? `${t('voucherPrint.dni')} ${data.payee.dni}` : null;
  const lines = conceptLines(t, data);
  // The concept as typed heads the lines when they name purchases; otherwise it is the one line.
  const showConcept = data.kind === 'supplier' && data.lines.length > 0;
  return (
    <article className={receiptClass(paper, 'payment-voucher')}>
      <ReceiptHead document={data} keys={{
        ruc: 'voucherPrint.ruc', heading: 'voucherPrint.heading', voided: 'voucherPrint.voided',
        voidedDetail: 'voucherPrint.voidedDetail', duplicate: 'voucherPrint.duplicate',
      }} />
      <dl className="receipt__who">
        <dt>{t('voucherPrint.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('voucherPrint.paidTo')}</dt><dd>{data.payee.name}</dd>
        {data.payee.ruc && <><dt>{t('voucherPrint.rucLabel')}</dt><dd>{data.payee.ruc}</dd></>}
        {!data.payee.ruc && data.payee.dni && <><dt>{t('voucherPrint.dni')}</dt><dd>{data.payee.dni}</dd></>}
        <dt>{t('voucherPrint.paidFrom')}</dt><dd>{moneyPlaceWords(t, data.accountKind, data.accountName)}</dd>
      </dl>
      {showConcept && <p className="payment-voucher__concept">{data.concept}</p>}
      <ReceiptLines heads={{ concept: t('voucherPrint.concept'), amount: t('voucherPrint.amount'), total: t('voucherPrint.total') }}
        lines={lines} total={data.amount} />
      <p className="receipt__words">{data.amountInWords}</p>
      <footer className="receipt__signatures">
        <div>
          <span className="receipt__line" />
          <span className="receipt__role">{t('voucherPrint.gave')}</span>
          <span className="receipt__signer">{data.paidBy}</span>
          {data.treasurerName && <span className="receipt__role">{t('voucherPrint.treasurer')}</span>}
        </div>
        <div>
          <span className="receipt__line" />
          <span className="receipt__role">{t('voucherPrint.received')}</span>
          <span className="receipt__signer">{data.payee.name}</span>
          {payeeDocument && <span className="receipt__role">{payeeDocument}</span>}
        </div>
      </footer>
    </article>
  );
}
