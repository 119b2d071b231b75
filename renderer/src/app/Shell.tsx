import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAssociationId } from './association';
import { ErrorAlert } from '../components/ErrorAlert';
import { useOperation, useWrite } from './client';
import { useT } from './settings';
import type { MessageKey } from '../i18n/messages';

const mainScreens: [path: string, label: MessageKey][] = [
  ['inicio', 'nav.home'],
  ['socios', 'nav.members'],
  ['aportes', 'nav.contributions'],
  ['compras', 'nav.purchases'],
  ['ventas', 'nav.sales'],
  ['contratos', 'nav.contracts'],
  ['acopio', 'nav.acopio'],
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
  const openExample = useWrite('openExampleAssociation');
  const list = associations.data ?? [];
  const changeTo = (value: string) => {
    if (value === 'new') return void navigate('/bienvenida?nueva=1');
    // The example is always at hand: created on first use, opened as it is afterwards.
    if (value === 'example') return void openExample.mutateAsync({}).then(({ id }) => navigate(`/a/${id}/inicio`), () => undefined);
    // Stay on the same screen for the other association.
    const screen = location.pathname.split('/').slice(3).join('/') || 'inicio';
    void navigate(`/a/${value}/${screen}`);
  };
  return (
    <div className="switcher">
      <label className="switcher__field">
        <span className="switcher__label">{t('switcher.label')}</span>
        <select value={associationId} disabled={openExample.isPending} onChange={(event) => changeTo(event.target.value)}>
          {list.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
          <option value="new">{t('switcher.new')}</option>
          <option value="example">{openExample.isPending ? t('wizard.exampleOpening') : t('switcher.example')}</option>
        </select>
      </label>
      <ErrorAlert message={openExample.error?.message} />
    </div>
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
