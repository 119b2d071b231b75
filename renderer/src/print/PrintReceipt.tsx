import { useSearchParams } from 'react-router';
import type { PaperSize } from '../../../shared/bridge';
import type { ReceiptView } from '../../../shared/operations/contributions';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { moneyPlaceWords } from './accountWords';
import { PrintFrame } from './PrintFrame';
import { ReceiptHead, ReceiptLines, ReceiptSignature, receiptClass } from './ReceiptParts';
import './receipt.css';

/**
 * The recibo de ingreso on A5 or an 80 mm ticket, black on white: what was paid, what is still
 * owed after it, where the money went and who received it. A reprint says DUPLICADO (the print
 * was counted before this page opened); a voided receipt keeps its number and says ANULADO.
 */
export function PrintReceipt() {
  const t = useT();
  const [params] = useSearchParams();
  const receiptId = Number(params.get('receiptId'));
  const paper: PaperSize = params.get('paper') === 'ticket80' ? 'ticket80' : 'A5';
  const valid = Number.isSafeInteger(receiptId) && receiptId > 0;
  const receipt = useOperation('getReceipt', { receiptId: valid ? receiptId : 0 }, { enabled: valid });
  return (
    <PrintFrame valid={valid} missingMessage={t('print.receipt.missing')} queries={[receipt]} autoprint={params.get('autoprint') === '1'} paper={paper}>
      {() => <ReceiptDocument data={receipt.data!} paper={paper} />}
    </PrintFrame>
  );
}

/** Rendered once the receipt has been read (PrintFrame). */
function ReceiptDocument({ data, paper }: { data: ReceiptView; paper: PaperSize }) {
  const t = useT();
  return (
    <article className={receiptClass(paper)}>
      <ReceiptHead document={data} keys={{
        ruc: 'print.receipt.ruc', heading: 'print.receipt.heading', voided: 'print.receipt.voided',
        voidedDetail: 'print.receipt.voidedDetail', duplicate: 'print.receipt.duplicate',
      }} />
      <dl className="receipt__who">
        <dt>{t('print.receipt.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('print.receipt.received')}</dt><dd>{data.member.fullName}</dd>
        {data.member.dni && <><dt>{t('print.receipt.dni')}</dt><dd>{data.member.dni}</dd></>}
        <dt>{t('print.receipt.account')}</dt><dd>{moneyPlaceWords(t, data.accountKind, data.accountName)}</dd>
        {data.receivedBy && <><dt>{t('print.receipt.receivedBy')}</dt><dd>{data.receivedBy}</dd></>}
      </dl>
      <ReceiptLines heads={{ concept: t('print.receipt.concept'), amount: t('print.receipt.amount'), total: t('print.receipt.total') }}
        lines={data.lines.map((line) => ({ key: line.lineNo, text: line.description, amount: line.amount }))} total={data.total} />
      <p className="receipt__words">{t('print.receipt.inWords', { words: data.totalInWords })}</p>
      {/* A voided receipt paid nothing: no credit it created and no balance after it are left to show. */}
      {data.status === 'valid' && (
        <>
          {data.creditCreated > 0 && <p>{t('print.receipt.credit', { amount: formatMoney(data.creditCreated) })}</p>}
          <p className="receipt__after">
            {data.owedAfter > 0 ? t('print.receipt.pending', { amount: formatMoney(data.owedAfter) }) : t('print.receipt.settledAfter')}
          </p>
        </>
      )}
      {data.note && <p>{data.note}</p>}
      <footer className="receipt__signatures">
        <ReceiptSignature signer={data.treasurerName ?? ''}>{t('print.receipt.treasurer')}</ReceiptSignature>
        <ReceiptSignature signer={data.member.fullName}>{t('print.receipt.member')}</ReceiptSignature>
      </footer>
    </article>
  );
}
