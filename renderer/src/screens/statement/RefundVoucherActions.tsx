import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { voucherRoute } from '../purchases/VoucherPanel';
import { useDocumentPrint } from '../contributions/useDocumentPrint';

/**
 * The "Recibo de egreso" that records the money handed back, printed from the refund itself: the member
 * signs "Recibí conforme" on it. Paper copies after the first say DUPLICADO, as for any voucher.
 */
export function RefundVoucherActions({ voucherId }: { voucherId: number }) {
  const t = useT();
  const voucher = useOperation('getPaymentVoucher', { voucherId });
  const recordPrint = useWrite('recordVoucherPrint');
  const printing = useDocumentPrint({
    saved: (path) => t('purchase.voucher.saved', { path }), printed: t('purchase.voucher.printed'), cancelled: t('purchase.voucher.cancelled'),
  });
  const data = voucher.data;
  if (!data) return <ErrorAlert message={voucher.error?.message} />;
  const print = (paper: 'A5' | 'ticket80') => printing.print(
    { route: voucherRoute(voucherId, paper), paper, target: 'printer', suggestedName: `recibo-de-egreso-${data.formattedNumber}.pdf` },
    () => recordPrint.mutateAsync({ voucherId }),
  );
  return (
    <div className="refund-voucher" data-testid="refund-voucher">
      <p>{t('refund.voucher', { number: data.formattedNumber })}</p>
      <ErrorAlert message={printing.error} />
      {printing.message && <p role="status">{printing.message}</p>}
      <div className="actions">
        <button type="button" onClick={() => void print('A5')}>{t('refund.voucherPrintA5')}</button>
        <button type="button" onClick={() => void print('ticket80')}>{t('refund.voucherPrintTicket')}</button>
      </div>
    </div>
  );
}
