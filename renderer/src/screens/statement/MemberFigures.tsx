import type { MemberPosition } from '../../../../shared/operations/contributions';
import { useT } from '../../app/settings';
import { formatMoney } from '../../format/format';
import './statement.css';

/**
 * A member's position today as the engine computes it (memberPosition): what she owes, how much
 * of it is overdue, and her credit in favour. Cobrar, the statement and the consulta de socio all
 * show this one answer, so they can never disagree.
 */
export function MemberFigures({ position, onRefund }: { position: MemberPosition; onRefund?: (() => void) | undefined }) {
  const t = useT();
  return (
    <dl className="statement-totals member-position" data-testid="member-position">
      <div className="statement-totals__item">
        <dt>{t('position.owed')}</dt>
        <dd data-testid="position-owed">{formatMoney(position.owed)}</dd>
      </div>
      <div className="statement-totals__item">
        <dt>{t('position.overdue')}</dt>
        <dd data-testid="position-overdue">{formatMoney(position.overdue)}</dd>
      </div>
      <div className="statement-totals__item">
        <dt>{t('position.credit')}</dt>
        <dd data-testid="position-credit">{formatMoney(position.creditAvailable)}</dd>
        {onRefund && position.creditAvailable > 0 && (
          <button type="button" className="member-position__refund" onClick={onRefund}>{t('refund.open')}</button>
        )}
      </div>
    </dl>
  );
}
