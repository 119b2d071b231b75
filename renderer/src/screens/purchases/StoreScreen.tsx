import { useState } from 'react';
import type { ProductSummary } from '../../../../shared/operations/stock';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../format/format';
import { ProductForm } from './ProductForm';
import { ProductHistory } from './ProductHistory';
import { PurchasesTabs } from './PurchasesTabs';
import { quantityWithUnit } from './purchaseWords';
import { StockAdjustmentForm } from './StockAdjustmentForm';

type Working = { kind: 'new' } | { kind: 'edit' | 'adjust' | 'history'; product: ProductSummary } | null;

/**
 * Almacén: what the association holds, how much and at what cost (weighted average, as the
 * engine values every movement), its products new or corrected, and the stock that left
 * without a sale (a loss, a sample, own use) or that a count found different.
 */
export function StoreScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const [includeArchived, setIncludeArchived] = useState(false);
  const products = useOperation('listProducts', { associationId, includeArchived });
  const archive = useWrite('archiveProduct');
  const [working, setWorking] = useState<Working>(null);
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const start = (next: Working) => {
    setDone(null);
    setActionError(null);
    setWorking(next);
  };
  const finish = (message: string) => {
    setWorking(null);
    setDone(message);
  };
  const toggleArchived = async (product: ProductSummary) => {
    start(null);
    try {
      await archive.mutateAsync({ productId: product.id, archived: !product.archived });
      setDone(t(product.archived ? 'purchase.product.restored' : 'purchase.product.archivedDone', { name: product.name }));
    } catch (failure) {
      setActionError(failure instanceof Error ? failure.message : t('app.unreachable'));
    }
  };
  const rows = products.data ?? [];
  return (
    <section className="screen">
      <h1>{t('purchase.store.title')}</h1>
      <PurchasesTabs />
      <p className="subtitle">{t('purchase.store.explain')}</p>
      {working === null && (
        <p className="actions"><button type="button" className="button--primary" onClick={() => start({ kind: 'new' })}>{t('purchase.product.new')}</button></p>
      )}
      {working?.kind === 'new' && <ProductForm onSaved={(p) => finish(t('purchase.product.saved', { name: p.name }))} onCancel={() => setWorking(null)} />}
      {working?.kind === 'edit' && (
        <ProductForm key={working.product.id} product={working.product} onSaved={(p) => finish(t('purchase.product.saved', { name: p.name }))} onCancel={() => setWorking(null)} />
      )}
      {working?.kind === 'adjust' && (
        <StockAdjustmentForm key={working.product.id} product={working.product} onDone={finish} onCancel={() => setWorking(null)} />
      )}
      {working?.kind === 'history' && <ProductHistory key={working.product.id} product={working.product} onClose={() => setWorking(null)} />}
      {done && <p role="status" className="alert alert--ok">{done}</p>}
      <ErrorAlert message={actionError ?? products.error?.message} />
      <label className="checkbox"><input type="checkbox" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} /> {t('purchase.product.showArchived')}</label>
      {products.isSuccess && rows.length === 0 ? <p className="notice">{t('purchase.store.empty')}</p> : (
        <table className="data" aria-label={t('purchase.store.table')}>
          <thead>
            <tr>
              <th>{t('purchase.store.col.product')}</th><th>{t('purchase.store.col.line')}</th>
              <th className="num">{t('purchase.store.col.onHand')}</th><th className="num">{t('purchase.store.col.value')}</th>
              <th className="num">{t('purchase.store.col.averageCost')}</th><th className="num">{t('purchase.store.col.salePrice')}</th>
              <th>{t('purchase.store.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((product) => (
              <tr key={product.id} data-testid={`product-${product.id}`}>
                <td>{product.name}{product.archived && <span className="badge">{t('purchase.product.archivedBadge')}</span>}</td>
                <td>{product.productLineName ?? ''}</td>
                <td className="num" data-testid="on-hand">{quantityWithUnit(t, product.onHand, product.unit)}</td>
                <td className="num">{formatMoney(product.stockValue)}</td>
                <td className="num">{product.onHand > 0 ? t('purchase.store.perUnit', { amount: formatMoney(product.averageCost), unit: t(`purchase.unit.${product.unit}`) }) : '—'}</td>
                <td className="num">{product.salePrice != null ? formatMoney(product.salePrice) : ''}</td>
                <td>
                  <button type="button" className="link-button" aria-label={t('purchase.product.editOne', { name: product.name })}
                    onClick={() => start({ kind: 'edit', product })}>{t('purchase.product.edit')}</button>{' '}
                  {!product.archived && (
                    <button type="button" className="link-button" aria-label={t('purchase.adjust.one', { name: product.name })}
                      onClick={() => start({ kind: 'adjust', product })}>{t('purchase.adjust.button')}</button>
                  )}{' '}
                  <button type="button" className="link-button" aria-label={t('purchase.history.one', { name: product.name })}
                    onClick={() => start({ kind: 'history', product })}>{t('purchase.history.button')}</button>{' '}
                  <button type="button" className="link-button" disabled={archive.isPending}
                    aria-label={t(product.archived ? 'purchase.product.restoreOne' : 'purchase.product.archiveOne', { name: product.name })}
                    onClick={() => void toggleArchived(product)}>{t(product.archived ? 'purchase.product.restore' : 'purchase.product.archive')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
