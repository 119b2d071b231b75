import { Link } from 'react-router';
import { useAssociationId } from '../app/association';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatMoney, todayIso } from '../format/format';
import { IncomeExpenseChart } from './IncomeExpenseChart';
import { WeekCard } from './trade/WeekCard';

/** Basis points as a whole percentage for people: 8750 → "88 %". */
const percent = (basisPoints: number) => `${Math.round(basisPoints / 100)} %`;

/** Inicio: cash on hand, this month's dues, a year of income and expenses, who is behind. */
export function HomeScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const association = useOperation('getAssociation', { associationId });
  const dashboard = useOperation('dashboard', { associationId, today: todayIso() });
  const details = association.data;
  const data = dashboard.data;
  return (
    <section className="screen">
      <h1>{details?.name ?? t('app.loading')}</h1>
      {details && (
        <p className="subtitle">
          {t('home.place', { district: details.district, province: details.province, department: details.department })}
          {details.ruc && <> · {t('home.ruc', { ruc: details.ruc })}</>}
        </p>
      )}
      <ErrorAlert message={dashboard.error?.message} />
      <div className="cards">
        <div className="card">
          <div className="card__label">{t('home.cash')}</div>
          <div className="card__figure" data-testid="home-cash">{data ? formatMoney(data.cash.balance) : '—'}</div>
        </div>
        <div className="card">
          <div className="card__label">{t('home.dues')}</div>
          <div className="card__figure" data-testid="home-dues">{data ? formatMoney(data.dues.collected) : '—'}</div>
          {data && (
            <div className="card__detail">
              {data.dues.charged > 0
                ? t('home.duesOf', { charged: formatMoney(data.dues.charged), percent: percent(data.dues.collectedBasisPoints ?? 0) })
                : t('home.duesNone')}
            </div>
          )}
        </div>
        <div className="card">
          <div className="card__label">{t('home.arrears')}</div>
          <div className="card__figure" data-testid="home-arrears">{data ? data.arrears.members : '—'}</div>
          {data && data.arrears.members > 0 && (
            <div className="card__detail">
              <Link to="../aportes/morosos">{t('home.arrearsOwe', { amount: formatMoney(data.arrears.amount) })}</Link>
            </div>
          )}
        </div>
        <WeekCard associationId={associationId} />
      </div>
      {data && <IncomeExpenseChart months={data.months} />}
      <p className="actions">
        <Link className="button button--primary" to="../aportes/cobrar">{t('home.quickCollect')}</Link>
        <Link className="button" to="../diario/nuevo">{t('home.quickNewEntry')}</Link>
        <Link className="button" to="../diario">{t('home.quickJournal')}</Link>
      </p>
    </section>
  );
}
