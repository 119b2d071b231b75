import { useSearchParams } from 'react-router';
import type { CreditRefundView } from '../../../shared/operations/contributions';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { moneyPlaceWords } from './accountWords';
import { PrintFrame } from './PrintFrame';
import { ReceiptHead, ReceiptLines, ReceiptSignature } from './ReceiptParts';
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
  return (
    <article className="receipt receipt--a5 credit-refund">
      <ReceiptHead document={data} keys={{
        ruc: 'print.refund.ruc', heading: 'print.refund.heading', voided: 'print.refund.voided', voidedDetail: 'print.refund.voidedDetail',
      }} />
      <dl className="receipt__who">
        <dt>{t('print.refund.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('print.refund.to')}</dt><dd>{data.member.fullName}</dd>
        {data.member.dni && <><dt>{t('print.refund.dni')}</dt><dd>{data.member.dni}</dd></>}
        <dt>{t('print.refund.from')}</dt><dd>{moneyPlaceWords(t, data.accountKind, data.accountName)}</dd>
        <dt>{t('print.refund.paidBy')}</dt><dd>{paidBy}</dd>
      </dl>
      <ReceiptLines heads={{ concept: t('print.refund.concept'), amount: t('print.refund.amount'), total: t('print.refund.total') }}
        lines={[{ key: 'refund', text: `${t('print.refund.conceptText')}${data.reason ? ` — ${data.reason}` : ''}`, amount: data.amount }]}
        total={data.amount} />
      <p className="receipt__words">{data.amountInWords}</p>
      <footer className="receipt__signatures">
        <ReceiptSignature signer={paidBy}>
          {t('print.refund.gave')}
          <span className="receipt__role">{t('print.refund.treasurer')}</span>
        </ReceiptSignature>
        <ReceiptSignature signer={data.member.fullName}>
          {t('print.refund.received')}
          <span className="receipt__role">{t('print.refund.member')}</span>
        </ReceiptSignature>
      </footer>
    </article>
  );
}
