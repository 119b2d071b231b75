import { useState } from 'react';
import type { PaperSize } from '../../../../shared/bridge';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatMoney } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';
import { useDocumentPrint } from '../contributions/useDocumentPrint';
import { VoidDocumentForm } from '../contributions/VoidDocumentForm';
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
  const [voiding, setVoiding] = useState(false);
  const printing = useDocumentPrint({
    saved: (path) => t('sale.print.saved', { path }), printed: t('sale.print.printed'), cancelled: t('sale.print.cancelled'),
  });
  const data = sale.data;
  if (!data) return <ErrorAlert message={sale.error?.message} />;
  const print = async (paper: PaperSize, target: 'printer' | 'pdf') => {
    await printing.print(
      { route: `/print/nota-venta?id=${saleId}&size=${paper === 'ticket80' ? '80mm' : 'a5'}`, paper, target, suggestedName: `nota-de-venta-${data.formattedNumber ?? saleId}.pdf` },
      target === 'printer' ? () => recordPrint.mutateAsync({ saleId }) : undefined,
    );
  };
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
      <ErrorAlert message={printing.error} />
      {printing.message && <p role="status">{printing.message}</p>}
      {voiding ? (
        <VoidDocumentForm
          explain={t('sale.voidExplain')}
          labels={{ date: t('sale.voidDate'), reason: t('sale.voidReason'), submit: t('sale.voidSubmit') }}
          onVoid={(input) => voidSale.mutateAsync({ saleId, ...input })}
          onVoided={() => setVoiding(false)}
          onCancel={() => setVoiding(false)}
        />
      ) : (
        <div className="actions">
          {data.documentKind === 'nota_venta' && (
            <>
              <button type="button" className="button--primary" onClick={() => void print('A5', 'printer')}>{t('sale.printA5')}</button>
              <button type="button" onClick={() => void print('ticket80', 'printer')}>{t('sale.printTicket')}</button>
              <button type="button" onClick={() => void print('A5', 'pdf')}>{t('sale.pdf')}</button>
            </>
          )}
          {data.status === 'valid' && <button type="button" className="button--danger" onClick={() => setVoiding(true)}>{t('sale.void')}</button>}
        </div>
      )}
    </section>
  );
}
