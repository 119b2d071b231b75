import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatMoney } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';
import { IssuedDocumentActions } from '../contributions/IssuedDocumentActions';
import { formatQuantityWithUnit } from './SaleForm';

/**
 * A sale as recorded: buyer, document, lines and total, cash or credit; the nota de venta printed
 * (each paper copy after the first is a DUPLICADO) and voiding with a reason (stock comes back).
 */
export function SalePanel({ saleId, justSaved = false }: { saleId: number; justSaved?: boolean }) {
  const t = useT();
  const sale = useOperation('getSale', { saleId });
  const recordPrint = useWrite('recordSalePrint');
  const voidSale = useWrite('voidSale');
  const data = sale.data;
  if (!data) return <ErrorAlert message={sale.error?.message} />;
  const title = data.documentKind === 'nota_venta' && data.formattedNumber
    ? t('sale.panel.nota', { number: data.formattedNumber })
    : t('sale.panel.title', { date: formatDate(data.date) });
  return (
    <section className="panel" aria-labelledby={`sale-${saleId}`}>
      <h2 id={`sale-${saleId}`}>{title}</h2>
      {justSaved && <p role="status" className="alert alert--ok">{t('sale.saved')}</p>}
      <p>
        {data.buyer ? `${data.buyer.name}${data.buyer.documentNumber ? ` — ${data.buyer.documentType.toUpperCase()} ${data.buyer.documentNumber}` : ''}` : t('sale.public')}
        {' · '}{formatDate(data.date)}
        {data.documentKind !== 'nota_venta' && ` · ${t(`sale.document.${data.documentKind}`)}${data.documentNumber ? ` ${data.documentNumber}` : ''}`}
      </p>
      {data.voided && <p className="alert alert--error">{t('sale.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
      <table className="data">
        <thead>
          <tr>
            <th>{t('sale.product')}</th>
            <th className="num">{t('sale.quantity')}</th>
            <th className="num">{t('sale.price')}</th>
            <th className="num">{t('sale.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line) => (
            <tr key={line.lineNo}>
              <td>{line.productName}</td>
              <td className="num">{formatQuantityWithUnit(t, line.quantity, line.unit)}</td>
              <td className="num">{formatMoney(line.unitPrice)}</td>
              <td className="num">{formatMoney(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {data.igv > 0 && <tr><td colSpan={3}>{t('sale.igv')}</td><td className="num">{formatMoney(data.igv)}</td></tr>}
          <tr><td colSpan={3}>{t('sale.total')}</td><td className="num" data-testid="sale-panel-total">{formatMoney(data.total)}</td></tr>
        </tfoot>
      </table>
      <p className="subtitle">{data.totalInWords}</p>
      <p data-testid="sale-payment">
        {data.payment === 'cash'
          ? t('sale.paidInto', { account: moneyPlaceWords(t, data.accountKind ?? 'cash', data.accountName ?? '') })
          : t('sale.onCredit', { due: formatDate(data.dueDate ?? data.date), open: formatMoney(data.open) })}
      </p>
      <IssuedDocumentActions
        printWords={{ saved: (path) => t('sale.print.saved', { path }), printed: t('sale.print.printed'), cancelled: t('sale.print.cancelled') }}
        buttons={data.documentKind === 'nota_venta' ? { a5: t('sale.printA5'), ticket: t('sale.printTicket'), pdf: t('sale.pdf') } : null}
        route={(paper) => `/print/nota-venta?id=${saleId}&size=${paper === 'ticket80' ? '80mm' : 'a5'}`}
        suggestedName={`nota-de-venta-${data.formattedNumber ?? saleId}.pdf`}
        recordPrint={() => recordPrint.mutateAsync({ saleId })}
        voidable={data.status === 'valid'}
        voiding={{
          button: t('sale.void'), explain: t('sale.voidExplain'),
          labels: { date: t('sale.voidDate'), reason: t('sale.voidReason'), submit: t('sale.voidSubmit') },
          onVoid: (input) => voidSale.mutateAsync({ saleId, ...input }),
        }} />
    </section>
  );
}
