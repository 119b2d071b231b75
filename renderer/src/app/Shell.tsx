import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAssociationId } from './association';
import { useOperation } from './client';
import { useT } from './settings';
import type { MessageKey } from '../i18n/messages';

const mainScreens: [path: string, label: MessageKey][] = [
  ['inicio', 'nav.home'],
  ['socios', 'nav.members'],
  ['aportes', 'nav.contributions'],
  ['compras', 'nav.purchases'],
  ['ventas', 'nav.sales'],
  ['creditos', 'nav.credit'],
  ['costos', 'nav.costs'],
  ['reportes', 'nav.reports'],
  ['configuracion', 'nav.settings'],
];

const accountingScreens: [path: string, label: MessageKey][] = [
  ['diario', 'nav.journal'],
  ['diario/nuevo', 'nav.newEntry'],
  ['cuentas', 'nav.chart'],
  ['odel', 'nav.odel'],
];

function AssociationSwitcher() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const associationId = useAssociationId();
  const associations = useOperation('listAssociations', {});
  const list = associations.data ?? [];
  return (
    <label className="switcher">
      <span className="switcher__label">{t('switcher.label')}</span>
      <select
        value={associationId}
        onChange={(event) => {
          const value = event.target.value;
          if (value === 'new') return void navigate('/bienvenida?nueva=1');
          // Stay on the same screen for the other association.
          const screen = location.pathname.split('/').slice(3).join('/') || 'inicio';
          void navigate(`/a/${value}/${screen}`);
        }}
      >
        {list.map((a) => (
          <option key={a.id} value={a.id}>{a.name}</option>
        ))}
        <option value="new">{t('switcher.new')}</option>
      </select>
    </label>
  );
}

export function Shell() {
  const t = useT();
  const link = ([path, label]: [string, MessageKey]) => (
    <li key={path}>
      <NavLink to={path} end>{t(label)}</NavLink>
    </li>
  );
  return (
    <div className="shell">
      <a className="skip-link" href="#content" onClick={(event) => {
        event.preventDefault();
        document.getElementById('content')?.focus();
      }}>{t('app.skipToContent')}</a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="sidebar__brand">{t('app.name')}</div>
        <ul>{mainScreens.map(link)}</ul>
        <h2 className="sidebar__group">{t('nav.accounting')}</h2>
        <ul>{accountingScreens.map(link)}</ul>
      </nav>
      <div className="shell__body">
        <header className="topbar">
          <AssociationSwitcher />
        </header>
        <main id="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
