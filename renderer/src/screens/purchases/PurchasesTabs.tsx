import { NavLink } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useT } from '../../app/settings';
import type { MessageKey } from '../../i18n/messages';

/**
 * Compras and what goes with it, one Tab key apart: the purchases, the people the association
 * deals with, paying them (and day labour), and the store. Each screen carries these tabs, so
 * each is also the way back to the others.
 */
export const purchasesTabs: [path: string, label: MessageKey][] = [
  ['compras', 'purchase.tab.list'],
  ['compras/proveedores', 'purchase.tab.parties'],
  ['compras/pagos', 'purchase.tab.payments'],
  ['compras/almacen', 'purchase.tab.store'],
];

export function PurchasesTabs() {
  const t = useT();
  const associationId = useAssociationId();
  return (
    <nav className="tabs" aria-label={t('purchase.tabs')}>
      {purchasesTabs.map(([path, label]) => (
        <NavLink key={path} to={`/a/${associationId}/${path}`} end className="tabs__tab">{t(label)}</NavLink>
      ))}
      <NavLink to={`/a/${associationId}/cuentas-por-pagar-cobrar`} end className="tabs__tab">{t('purchase.tab.aging')}</NavLink>
    </nav>
  );
}
