import { useState } from 'react';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatMoney } from '../../format/format';
import { VoidDocumentForm } from '../contributions/VoidDocumentForm';
import { purchaseDocumentWords, quantityWithUnit } from './purchaseWords';
import { VoucherPanel } from './VoucherPanel';

/**
 * A purchase as recorded: supplier, document, lines in plain words (the account only where the
 * accountant asks), total, paid or owed; the members' shares of a joint purchase; voiding with a
 * reason. Just saved and paid now, it offers the payment voucher to print.
 */
export function PurchasePanel({ purchaseId, justSaved = false, onClose }: { purchaseId: number; justSaved?: boolean; onClose(): void }) {
  const t = useT();
  const purchase = useOperation('getPurchase', { purchaseId });
  const voidPurchase = useWrite('voidPurchase');
  const [voiding, setVoiding] = useState(false);
  const [showAccounts, setShowAccounts] = useState(false);
  const data = purchase.data;
  if (!data) return <ErrorAlert message={purchase.error?.message} />;
  const title = t('purchase.panel.title', { document: purchaseDocumentWords(t, data.documentKind, data.documentNumber), supplier: data.supplier.name });
  const voucher = justSaved && data.payment === 'cash' ? data.payments[0] : undefined;
  return (
    <>
      <section className="panel" aria-label={title}>
        <h2>{title}</h2>
        {justSaved && <p role="status" className="alert alert--ok">{t('purchase.saved')}</p>}
        <p>
          {data.supplier.name}{data.supplier.documentNumber ? ` — ${data.supplier.documentType.toUpperCase()} ${data.supplier.documentNumber}` : ''}
          {' · '}{formatDate(data.date)}
        </p>
        {data.voided && <p className="alert alert--error">{t('purchase.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
        <label className="checkbox">
          <input type="checkbox" checked={showAccounts} onChange={(event) => setShowAccounts(event.target.checked)} /> {t('purchase.showAccounts')}
        </label>
        <table className="data">
          <thead>
            <tr>
              <th>{t('purchase.line.what')}</th><th className="num">{t('purchase.line.quantity')}</th>
              <th className="num">{t('purchase.line.price')}</th><th className="num">{t('purchase.line.amount')}</th>
              <th>{t('purchase.line.category')}</th>{showAccounts && <th>{t('purchase.line.account')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.lines.map((line) => (
              <tr key={line.lineNo}>
                <td>{line.productName ?? line.description}</td>
                <td className="num">{line.quantity !== null ? quantityWithUnit(t, line.quantity, line.unit ?? 'unit') : ''}</td>
                <td className="num">{line.unitPrice !== null ? formatMoney(line.unitPrice) : ''}</td>
                <td className="num">{formatMoney(line.amount)}</td>
                <td>{t(`purchase.category.${line.category}`)}</td>
                {showAccounts && <td>{`${line.accountCode} ${line.accountName}`}</td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {data.igv > 0 && (
              <>
                <tr><td colSpan={3}>{t('purchase.subtotal')}</td><td className="num">{formatMoney(data.subtotal)}</td><td /></tr>
                <tr><td colSpan={3}>{t('purchase.igv')}</td><td className="num">{formatMoney(data.igv)}</td><td /></tr>
              </>
            )}
            <tr><td colSpan={3}>{t('purchase.total')}</td><td className="num" data-testid="purchase-panel-total">{formatMoney(data.total)}</td><td /></tr>
          </tfoot>
        </table>
        {data.status === 'valid' && (
          <p data-testid="purchase-owed">
            {data.open > 0 ? t('purchase.owes', { amount: formatMoney(data.open), due: formatDate(data.dueDate) }) : t('purchase.paid')}
          </p>
        )}
        {data.payments.length > 0 && (
          <p>{t('purchase.paidWith', { vouchers: data.payments.map((p) => `${p.formattedNumber} (${formatMoney(p.amount)})`).join(', ') })}</p>
        )}
        {data.joint && data.shares.length > 0 && (
          <>
            <h3>{t('purchase.joint.title')}</h3>
            <table className="data">
              <thead>
                <tr><th>{t('purchase.joint.member')}</th><th className="num">{t('purchase.joint.share')}</th><th className="num">{t('purchase.joint.open')}</th></tr>
              </thead>
              <tbody>
                {data.shares.map((share) => (
                  <tr key={share.memberId}>
                    <td>{share.memberName}</td>
                    <td className="num">{formatMoney(share.amount)}</td>
                    <td className="num">{share.chargeVoided ? t('purchase.joint.cancelled') : formatMoney(share.open)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {voiding ? (
          <VoidDocumentForm
            explain={t('purchase.voidExplain')}
            labels={{ date: t('purchase.voidDate'), reason: t('purchase.voidReason'), submit: t('purchase.voidSubmit') }}
            onVoid={(input) => voidPurchase.mutateAsync({ purchaseId, ...input })}
            onVoided={() => setVoiding(false)}
            onCancel={() => setVoiding(false)}
          />
        ) : (
          <div className="actions">
            {data.status === 'valid' && <button type="button" className="button--danger" onClick={() => setVoiding(true)}>{t('purchase.void')}</button>}
            <button type="button" onClick={onClose}>{t('purchase.backToList')}</button>
          </div>
        )}
      </section>
      {voucher && <VoucherPanel voucherId={voucher.voucherId} />}
    </>
  );
}
