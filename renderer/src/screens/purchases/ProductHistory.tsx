import { useState } from 'react';
import type { ProductSummary, StockAdjustmentView } from '../../../../shared/operations/stock';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatMoney } from '../../format/format';
import type { MessageKey } from '../../i18n/messages';
import { VoidDocumentForm } from '../contributions/VoidDocumentForm';
import { quantityWithUnit } from './purchaseWords';

/** What moved a product's stock, in the treasurer's words. */
const movementWords: Record<string, MessageKey> = {
  purchase: 'purchase.movement.purchase',
  purchase_void: 'purchase.movement.purchase_void',
  sale: 'purchase.movement.sale',
  sale_void: 'purchase.movement.sale_void',
  stock_adjustment: 'purchase.movement.stock_adjustment',
  stock_adjustment_void: 'purchase.movement.stock_adjustment_void',
};

/**
 * One product's movements, oldest first, with what was left after each (quantity and value at
 * cost), and its adjustments: one recorded in error is voided here with a reason.
 */
export function ProductHistory({ product, onClose }: { product: ProductSummary; onClose(): void }) {
  const t = useT();
  const associationId = useAssociationId();
  const movements = useOperation('stockMovements', { associationId, productId: product.id });
  const adjustments = useOperation('listStockAdjustments', { associationId, productId: product.id });
  const voidAdjustment = useWrite('voidStockAdjustment');
  const [voiding, setVoiding] = useState<StockAdjustmentView | null>(null);
  const title = t('purchase.history.title', { product: product.name });
  const amountIn = (thousandths: number) => quantityWithUnit(t, thousandths, product.unit);
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      <ErrorAlert message={movements.error?.message ?? adjustments.error?.message} />
      {movements.data && (movements.data.rows.length === 0 ? <p>{t('purchase.history.none')}</p> : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('purchase.history.col.date')}</th><th>{t('purchase.history.col.what')}</th>
              <th className="num">{t('purchase.history.col.quantity')}</th><th className="num">{t('purchase.history.col.value')}</th>
              <th className="num">{t('purchase.history.col.balance')}</th><th className="num">{t('purchase.history.col.balanceValue')}</th>
            </tr>
          </thead>
          <tbody>
            {movements.data.rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDate(row.date)}</td>
                <td>{t(movementWords[row.sourceType] ?? 'purchase.movement.other')}</td>
                <td className="num">{amountIn(row.quantity)}</td>
                <td className="num">{formatMoney(row.value)}</td>
                <td className="num">{amountIn(row.balanceQuantity)}</td>
                <td className="num">{formatMoney(row.balanceValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {adjustments.data && adjustments.data.length > 0 && (
        <>
          <h3>{t('purchase.history.adjustments')}</h3>
          {voiding && (
            <VoidDocumentForm
              title={t('purchase.history.voidTitle', { date: formatDate(voiding.date), quantity: amountIn(voiding.quantity) })}
              explain={t('purchase.history.voidExplain')}
              labels={{ date: t('purchase.voidDate'), reason: t('purchase.voidReason'), submit: t('purchase.voidSubmit') }}
              onVoid={(input) => voidAdjustment.mutateAsync({ adjustmentId: voiding.id, ...input })}
              onVoided={() => setVoiding(null)}
              onCancel={() => setVoiding(null)}
            />
          )}
          <table className="data">
            <thead>
              <tr>
                <th>{t('purchase.history.col.date')}</th><th>{t('purchase.adjust.reason')}</th>
                <th className="num">{t('purchase.history.col.quantity')}</th><th className="num">{t('purchase.history.col.value')}</th>
                <th>{t('purchase.adjust.note')}</th><th>{t('purchase.history.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {adjustments.data.map((adjustment) => (
                <tr key={adjustment.id}>
                  <td>{formatDate(adjustment.date)}</td>
                  <td>{t(`purchase.adjust.reason.${adjustment.reason}`)}</td>
                  <td className="num">{amountIn(adjustment.quantity)}</td>
                  <td className="num">{formatMoney(adjustment.value)}</td>
                  <td>{adjustment.note ?? ''}</td>
                  <td>
                    {adjustment.voided ? (
                      <span className="badge badge--warn">{t('purchase.history.voided', { date: formatDate(adjustment.voided.date) })}</span>
                    ) : (
                      <button type="button" className="link-button" onClick={() => setVoiding(adjustment)}
                        aria-label={t('purchase.history.voidOne', { date: formatDate(adjustment.date), quantity: amountIn(adjustment.quantity) })}>
                        {t('purchase.history.void')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="actions"><button type="button" onClick={onClose}>{t('action.close')}</button></p>
    </section>
  );
}
