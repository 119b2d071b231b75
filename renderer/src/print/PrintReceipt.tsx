import { useSearchParams } from 'react-router';
import type { PaperSize } from '../../../shared/bridge';
import type { ReceiptView } from '../../../shared/operations/contributions';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { moneyPlaceWords } from './accountWords';
import { PrintFrame } from './PrintFrame';
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
  const place = [data.association.district, data.association.province, data.association.department].filter(Boolean).join(', ');
  return (
    <article className={`receipt receipt--${paper === 'A5' ? 'a5' : 'ticket'}`}>
      <header className="receipt__header">
        <div>
          <div className="receipt__association">{data.association.name}</div>
          {data.association.ruc && <div>{t('print.receipt.ruc', { ruc: data.association.ruc })}</div>}
          {data.association.address && <div>{data.association.address}</div>}
          <div>{place}</div>
        </div>
        <div className="receipt__number-box">
          <div>{t('print.receipt.heading')}</div>
          <div className="receipt__number">N° {data.formattedNumber}</div>
        </div>
      </header>
      {data.status === 'voided' && (
        <div className="receipt__stamp">
          {t('print.receipt.voided')}
          {data.voided && <div className="receipt__stamp-detail">{t('print.receipt.voidedDetail', { date: formatDate(data.voided.date), reason: data.voided.reason })}</div>}
        </div>
      )}
      {data.status === 'valid' && data.printCount > 1 && <div className="receipt__stamp">{t('print.receipt.duplicate')}</div>}
      <dl className="receipt__who">
        <dt>{t('print.receipt.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('print.receipt.received')}</dt><dd>{data.member.fullName}</dd>
        {data.member.dni && <><dt>{t('print.receipt.dni')}</dt><dd>{data.member.dni}</dd></>}
        <dt>{t('print.receipt.account')}</dt><dd>{moneyPlaceWords(t, data.accountKind, data.accountName)}</dd>
        {data.receivedBy && <><dt>{t('print.receipt.receivedBy')}</dt><dd>{data.receivedBy}</dd></>}
      </dl>
      <table className="receipt__lines">
        <thead><tr><th>{t('print.receipt.concept')}</th><th className="num">{t('print.receipt.amount')}</th></tr></thead>
        <tbody>
          {data.lines.map((line) => <tr key={line.lineNo}><td>{line.description}</td><td className="num">{formatMoney(line.amount)}</td></tr>)}
          <tr className="receipt__total"><td>{t('print.receipt.total')}</td><td className="num">{formatMoney(data.total)}</td></tr>
        </tbody>
      </table>
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
        <div><span className="receipt__line" /><span className="receipt__signer">{data.treasurerName ?? ''}</span>{t('print.receipt.treasurer')}</div>
        <div><span className="receipt__line" /><span className="receipt__signer">{data.member.fullName}</span>{t('print.receipt.member')}</div>
      </footer>
    </article>
  );
}
