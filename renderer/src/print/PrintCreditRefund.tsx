import { useSearchParams } from 'react-router';
import type { CreditRefundView } from '../../../shared/operations/contributions';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { moneyPlaceWords } from './accountWords';
import { PrintFrame } from './PrintFrame';
import './receipt.css';

/**
 * The "Devolución de saldo a favor" on A5, black on white, laid out like the receipt: the
 * association hands the member back her credit in cash and both sign ("Entregué conforme",
 * "Recibí conforme"). A voided refund keeps its number and says ANULADO.
 */
export function PrintCreditRefund() {
  const t = useT();
  const [params] = useSearchParams();
  const refundId = Number(params.get('refundId'));
  const valid = Number.isSafeInteger(refundId) && refundId > 0;
  const refund = useOperation('getCreditRefund', { refundId: valid ? refundId : 0 }, { enabled: valid });
  return (
    <PrintFrame valid={valid} missingMessage={t('print.refund.missing')} queries={[refund]} autoprint={params.get('autoprint') === '1'}>
      {() => <CreditRefundDocument data={refund.data!} />}
    </PrintFrame>
  );
}

/** Rendered once the refund has been read (PrintFrame). */
function CreditRefundDocument({ data }: { data: CreditRefundView }) {
  const t = useT();
  // Who handed the money over: the treasurer on duty that day, else whoever recorded it.
  const paidBy = data.treasurerName ?? data.createdBy;
  const place = [data.association.district, data.association.province, data.association.department].filter(Boolean).join(', ');
  return (
    <article className="receipt receipt--a5 credit-refund">
      <header className="receipt__header">
        <div>
          <div className="receipt__association">{data.association.name}</div>
          {data.association.ruc && <div>{t('print.refund.ruc', { ruc: data.association.ruc })}</div>}
          {data.association.address && <div>{data.association.address}</div>}
          <div>{place}</div>
        </div>
        <div className="receipt__number-box">
          <div>{t('print.refund.heading')}</div>
          <div className="receipt__number">N° {data.formattedNumber}</div>
        </div>
      </header>
      {data.status === 'voided' && (
        <div className="receipt__stamp">
          {t('print.refund.voided')}
          {data.voided && <div className="receipt__stamp-detail">{t('print.refund.voidedDetail', { date: formatDate(data.voided.date), reason: data.voided.reason })}</div>}
        </div>
      )}
      <dl className="receipt__who">
        <dt>{t('print.refund.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('print.refund.to')}</dt><dd>{data.member.fullName}</dd>
        {data.member.dni && <><dt>{t('print.refund.dni')}</dt><dd>{data.member.dni}</dd></>}
        <dt>{t('print.refund.from')}</dt><dd>{moneyPlaceWords(t, data.accountKind, data.accountName)}</dd>
        <dt>{t('print.refund.paidBy')}</dt><dd>{paidBy}</dd>
      </dl>
      <table className="receipt__lines">
        <thead><tr><th>{t('print.refund.concept')}</th><th className="num">{t('print.refund.amount')}</th></tr></thead>
        <tbody>
          <tr><td>{t('print.refund.conceptText')}{data.reason ? ` — ${data.reason}` : ''}</td><td className="num">{formatMoney(data.amount)}</td></tr>
          <tr className="receipt__total"><td>{t('print.refund.total')}</td><td className="num">{formatMoney(data.amount)}</td></tr>
        </tbody>
      </table>
      <p className="receipt__words">{data.amountInWords}</p>
      <footer className="receipt__signatures">
        <div>
          <span className="receipt__line" />
          <span className="receipt__signer">{paidBy}</span>
          {t('print.refund.gave')}
          <span className="receipt__role">{t('print.refund.treasurer')}</span>
        </div>
        <div>
          <span className="receipt__line" />
          <span className="receipt__signer">{data.member.fullName}</span>
          {t('print.refund.received')}
          <span className="receipt__role">{t('print.refund.member')}</span>
        </div>
      </footer>
    </article>
  );
}
