import { NavLink } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useT } from '../../app/settings';
import type { MessageKey } from '../../i18n/messages';

const tabs: [path: string, label: MessageKey][] = [
  ['aportes', 'contrib.tab.overview'],
  ['aportes/cobrar', 'contrib.tab.pay'],
  ['aportes/recibos', 'contrib.tab.receipts'],
  ['aportes/morosos', 'contrib.tab.arrears'],
];

/** The contribution screens, one click apart. */
export function ContributionsTabs() {
  const t = useT();
  const associationId = useAssociationId();
  return (
    <nav className="tabs" aria-label={t('contrib.tabs')}>
      {tabs.map(([path, label]) => (
        <NavLink key={path} to={`/a/${associationId}/${path}`} end className="tabs__tab">{t(label)}</NavLink>
      ))}
    </nav>
  );
}
