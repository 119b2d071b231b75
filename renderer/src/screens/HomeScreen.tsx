import { Link } from 'react-router';
import { useAssociationId } from '../app/association';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatMoney, todayIso } from '../format/format';

/** Until the dashboard arrives: who this is, what is in cash and bank, and the way in. */
export function HomeScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const association = useOperation('getAssociation', { associationId });
  const balances = useOperation('accountBalances', { associationId, date: todayIso() });
  const journal = useOperation('listJournal', { associationId, limit: 1 });
  const cash = balances.data?.find((b) => b.code === '10');
  const details = association.data;
  return (
    <section className="screen">
      <h1>{details?.name ?? t('app.loading')}</h1>
      {details && (
        <p className="subtitle">
          {t('home.place', { district: details.district, province: details.province, department: details.department })}
          {details.ruc && <> · {t('home.ruc', { ruc: details.ruc })}</>}
        </p>
      )}
      <div className="cards">
        <div className="card">
          <div className="card__label">{t('home.cash')}</div>
          <div className="card__figure" data-testid="home-cash">{cash ? formatMoney(cash.balance) : '—'}</div>
        </div>
        <div className="card">
          <div className="card__label">{t('home.entries')}</div>
          <div className="card__figure">{journal.data?.total ?? '—'}</div>
        </div>
      </div>
      <p className="notice">{t('home.dashboardSoon')}</p>
      <p className="actions">
        <Link className="button button--primary" to="../diario/nuevo">{t('home.quickNewEntry')}</Link>
        <Link className="button" to="../diario">{t('home.quickJournal')}</Link>
      </p>
    </section>
  );
}
