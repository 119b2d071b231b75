import { NavLink } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useT } from '../../app/settings';
import type { MessageKey } from '../../i18n/messages';

/**
 * Ventas and what follows a sale or a purchase, one click apart: the sales, the fair-day grid,
 * collecting from buyers, what is owed both ways, the books and the rendición de cuentas. The
 * main menu keeps one "Ventas" entry; these tabs carry the rest (Compras links here too).
 */
export const salesTabs: [path: string, label: MessageKey][] = [
  ['ventas', 'sales.tab.list'],
  ['ventas/feria', 'sales.tab.fair'],
  ['ventas/cobrar', 'sales.tab.collect'],
  ['cuentas-por-pagar-cobrar', 'tradeUi.tab.aging'],
  ['libros-compras-ventas', 'tradeUi.tab.books'],
  ['rendicion', 'tradeUi.tab.rendicion'],
];

export function SalesTabs() {
  const t = useT();
  const associationId = useAssociationId();
  return (
    <nav className="tabs" aria-label={t('sales.tabs')}>
      {salesTabs.map(([path, label]) => (
        <NavLink key={path} to={`/a/${associationId}/${path}`} end className="tabs__tab">{t(label)}</NavLink>
      ))}
    </nav>
  );
}
