import { useState } from 'react';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatMoney } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';
import { useDocumentPrint } from '../contributions/useDocumentPrint';
import { VoidDocumentForm } from '../contributions/VoidDocumentForm';
import { RefundVoucherActions } from './RefundVoucherActions';
import './statement.css';

/** The print route of a "Devolución de saldo a favor" (A5). */
export function creditRefundPrintRoute(refundId: number): string {
  return `/print/credit-refund?refundId=${refundId}`;
}

/**
 * A credit refund as issued: who received how much, from where and who handed it over; printing
 * and voiding with a reason (the number is kept, the credit comes back to the member).
 */
export function CreditRefundPanel({ refundId }: { refundId: number }) {
  const t = useT();
  const refund = useOperation('getCreditRefund', { refundId });
  const voidRefund = useWrite('voidCreditRefund');
  const [voiding, setVoiding] = useState(false);
  const printing = useDocumentPrint({
    saved: (path) => t('refund.saved', { path }), printed: t('refund.printed'), cancelled: t('refund.cancelled'),
  });
  const data = refund.data;
  const print = async (target: 'printer' | 'pdf') => {
    if (!data) return;
    await printing.print({
      route: creditRefundPrintRoute(refundId), paper: 'A5', target, suggestedName: `devolucion-${data.formattedNumber}.pdf`,
    });
  };
  if (!data) return <ErrorAlert message={refund.error?.message} />;
  return (
    <section className="panel receipt-panel" aria-labelledby={`refund-${refundId}`}>
      <h2 id={`refund-${refundId}`}>{t('refund.docTitle', { number: data.formattedNumber })}</h2>
      <p>{data.member.fullName}{data.member.dni ? ` — DNI ${data.member.dni}` : ''} · {formatDate(data.date)}</p>
      {data.voided && <p className="alert alert--error">{t('refund.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
      <p className="refund-panel__amount" data-testid="refund-amount">{formatMoney(data.amount)}</p>
      <p className="subtitle">{data.amountInWords}</p>
      <p>{t('refund.paidFrom', { account: moneyPlaceWords(t, data.accountKind, data.accountName) })}</p>
      <p>{t('refund.paidBy', { name: data.treasurerName ?? data.createdBy })}</p>
      <p>{t('refund.reasonShown', { reason: data.reason })}</p>
      {data.paymentVoucherId !== null && <RefundVoucherActions voucherId={data.paymentVoucherId} />}
      <ErrorAlert message={printing.error} />
      {printing.message && <p role="status">{printing.message}</p>}
      {voiding ? (
        <VoidDocumentForm
          explain={t('refund.voidExplain')}
          labels={{ date: t('refund.voidDate'), reason: t('refund.voidReason'), submit: t('refund.voidSubmit') }}
          onVoid={(input) => voidRefund.mutateAsync({ refundId, ...input })}
          onVoided={() => setVoiding(false)}
          onCancel={() => setVoiding(false)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button--primary" onClick={() => void print('printer')}>{t('refund.print')}</button>
          <button type="button" onClick={() => void print('pdf')}>{t('refund.pdf')}</button>
          {data.status === 'valid' && <button type="button" className="button--danger" onClick={() => setVoiding(true)}>{t('refund.void')}</button>}
        </div>
      )}
    </section>
  );
}
