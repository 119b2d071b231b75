import { Link } from 'react-router';
import type { DueList } from '../../../../shared/operations/trade';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { formatDate, formatMoney, todayIso } from '../../format/format';
import '../sales/sales.css';

const SHOWN = 3;

function DueSide({ list, label, testId, to, linkLabel }: { list: DueList; label: string; testId: string; to: string; linkLabel: string }) {
  const t = useT();
  return (
    <div className="week-card__side">
      <div className="card__detail">
        {label}: <strong data-testid={testId}>{formatMoney(list.total)}</strong>
        {list.overdue > 0 && <> · {t('tradeUi.week.overdue', { amount: formatMoney(list.overdue) })}</>}
      </div>
      {list.items.length > 0 && (
        <ul className="week-card__list">
          {list.items.slice(0, SHOWN).map((item) => (
            <li key={`${item.documentType}-${item.documentId}`}>
              {t('tradeUi.week.item', { name: item.partyName, amount: formatMoney(item.open), due: formatDate(item.dueDate) })}
            </li>
          ))}
          {list.count > SHOWN && <li>{t('tradeUi.week.more', { count: list.count - SHOWN })}</li>}
        </ul>
      )}
      {list.count > 0 && <Link to={to}>{linkLabel}</Link>}
    </div>
  );
}

/** Inicio's "Esta semana": what falls due in the next seven days (or is already late), to pay and to collect. */
export function WeekCard({ associationId }: { associationId: number }) {
  const t = useT();
  const week = useOperation('dueThisWeek', { associationId, asOf: todayIso() });
  const data = week.data;
  return (
    <div className="card week-card" data-testid="home-week">
      <div className="card__label">{t('tradeUi.week.title')}</div>
      {!data ? <div className="card__figure">—</div> : data.toPay.count === 0 && data.toCollect.count === 0 ? (
        <div className="card__detail">{t('tradeUi.week.nothing')}</div>
      ) : (
        <>
          <DueSide list={data.toPay} label={t('tradeUi.week.toPay')} testId="home-week-pay"
            to="../cuentas-por-pagar-cobrar?lado=pagar" linkLabel={t('tradeUi.week.seePayables')} />
          <DueSide list={data.toCollect} label={t('tradeUi.week.toCollect')} testId="home-week-collect"
            to="../ventas/cobrar" linkLabel={t('tradeUi.week.collect')} />
        </>
      )}
    </div>
  );
}
