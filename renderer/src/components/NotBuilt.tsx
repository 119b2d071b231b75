import { Link } from 'react-router';
import { useT } from '../app/settings';
import type { MessageKey } from '../i18n/messages';

/** Screens of later versions say so plainly instead of showing an empty page. */
export function NotBuilt({ screen }: { screen: MessageKey }) {
  const t = useT();
  return (
    <section className="screen">
      <h1>{t(screen)}</h1>
      <p className="notice">{t('notBuilt.body')}</p>
      <p>
        {t('notBuilt.meanwhile')} <Link to="../diario">{t('nav.journal')}</Link>
      </p>
    </section>
  );
}
