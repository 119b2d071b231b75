import { NavLink, Route, Routes } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useT } from '../../app/settings';
import type { MessageKey } from '../../i18n/messages';
import { AcopioDayScreen } from './AcopioDayScreen';
import { AcopioPricesScreen } from './AcopioPricesScreen';
import { SettleScreen } from './SettleScreen';
import { SettlementsScreen } from './SettlementsScreen';
import './acopio.css';

const tabs: [path: string, label: MessageKey][] = [
  ['', 'acopio.tab.day'],
  ['precios', 'acopio.tab.prices'],
  ['liquidar', 'acopio.tab.settle'],
  ['liquidaciones', 'acopio.tab.settlements'],
];

/** Acopio: the day's collection from the members, its prices, settling a period and its liquidaciones. */
export function AcopioScreen() {
  const t = useT();
  const associationId = useAssociationId();
  return (
    <section className="screen">
      <h1>{t('acopio.title')}</h1>
      <nav className="tabs" aria-label={t('acopio.tabs')}>
        {tabs.map(([path, label]) => (
          <NavLink key={path} to={`/a/${associationId}/acopio${path ? `/${path}` : ''}`} end className="tabs__tab">{t(label)}</NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<AcopioDayScreen />} />
        <Route path="precios" element={<AcopioPricesScreen />} />
        <Route path="liquidar" element={<SettleScreen />} />
        <Route path="liquidaciones" element={<SettlementsScreen />} />
      </Routes>
    </section>
  );
}
