import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatMoney } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';
import { IssuedDocumentActions } from '../contributions/IssuedDocumentActions';
import { purchaseDocumentWords } from './purchaseWords';

/** The print route of a payment voucher, on A5 or an 80 mm ticket. */
export function voucherRoute(voucherId: number, paper: 'A5' | 'ticket80'): string {
  return `/print/payment-voucher?id=${voucherId}&size=${paper === 'A5' ? 'a5' : '80mm'}`;
}

/**
 * A payment voucher (recibo de egreso) as issued: to whom, what for, how much; printed on A5 or
 * an 80 mm ticket (each paper copy after the first says DUPLICADO; a saved PDF is no copy), and
 * voided with a reason (its number is kept, the money goes back to caja or bank).
 */
export function VoucherPanel({ voucherId, justIssued = false }: { voucherId: number; justIssued?: boolean }) {
  const t = useT();
  const voucher = useOperation('getPaymentVoucher', { voucherId });
  const recordPrint = useWrite('recordVoucherPrint');
  const voidVoucher = useWrite('voidPaymentVoucher');
  const data = voucher.data;
  if (!data) return <ErrorAlert message={voucher.error?.message} />;
  const title = t('purchase.voucher.title', { number: data.formattedNumber });
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {justIssued && <p role="status" className="alert alert--ok">{t('purchase.voucher.issued')}</p>}
      <p>
        {data.payee.name}
        {data.payee.dni ? ` — DNI ${data.payee.dni}` : ''}{data.payee.ruc ? ` — RUC ${data.payee.ruc}` : ''}
        {' · '}{formatDate(data.date)}
      </p>
      {data.voided && <p className="alert alert--error">{t('purchase.voucher.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
      <p>{data.concept}</p>
      {(data.lines.length > 0 || data.advance > 0) && (
        <table className="data">
          <tbody>
            {data.lines.map((line) => (
              <tr key={`${line.purchaseId}-${line.appliedOn}`}>
                <td>{t('purchase.voucher.line', { document: purchaseDocumentWords(t, line.documentKind, line.documentNumber), date: formatDate(line.date) })}</td>
                <td className="num">{formatMoney(line.amount)}</td>
              </tr>
            ))}
            {data.advance > 0 && <tr><td>{t('purchase.voucher.advance')}</td><td className="num">{formatMoney(data.advance)}</td></tr>}
          </tbody>
        </table>
      )}
      <p><strong>{t('purchase.voucher.amount')}: <span data-testid="voucher-amount">{formatMoney(data.amount)}</span></strong></p>
      <p className="subtitle">{data.amountInWords}</p>
      <p>{t('purchase.voucher.from', { account: moneyPlaceWords(t, data.accountKind, data.accountName) })}</p>
      <IssuedDocumentActions
        printWords={{
          saved: (path) => t('purchase.voucher.saved', { path }), printed: t('purchase.voucher.printed'), cancelled: t('purchase.voucher.cancelled'),
        }}
        buttons={{
          a5: data.printCount > 0 ? t('purchase.voucher.reprintA5') : t('purchase.voucher.printA5'),
          ticket: data.printCount > 0 ? t('purchase.voucher.reprintTicket') : t('purchase.voucher.printTicket'),
          pdf: t('purchase.voucher.pdf'),
        }}
        route={(paper) => voucherRoute(voucherId, paper)}
        suggestedName={`recibo-de-egreso-${data.formattedNumber}.pdf`}
        recordPrint={() => recordPrint.mutateAsync({ voucherId })}
        voidable={data.status === 'valid'}
        voiding={{
          button: t('purchase.voucher.void'), explain: t('purchase.voucher.voidExplain'),
          labels: { date: t('purchase.voucher.voidDate'), reason: t('purchase.voucher.voidReason'), submit: t('purchase.voucher.voidSubmit') },
          onVoid: (input) => voidVoucher.mutateAsync({ voucherId, ...input }),
        }} />
    </section>
  );
}
