import type { MemberStatement } from '../../../../shared/operations/contributions';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { balanceCell, balanceLabel, balanceWords, movementColumns, movementText } from './statementFigures';

interface TableProps {
  statement: MemberStatement;
  className?: string;
  labelledBy?: string;
}

/** Shared by the screen, the print route and the consulta de socio: what is printed is what was seen. */
export function StatementTable({ statement, className = 'data', labelledBy }: TableProps) {
  const t = useT();
  const money = (centimos: number | null) => (centimos === null ? '' : formatMoney(centimos));
  return (
    <table className={`${className} statement-table`} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('statement.col.date')}</th>
          <th scope="col">{t('statement.col.concept')}</th>
          <th scope="col">{t('statement.col.receipt')}</th>
          <th scope="col" className="num">{t('statement.col.charge')}</th>
          <th scope="col" className="num">{t('statement.col.payment')}</th>
          <th scope="col" className="num">{t('statement.col.balance')}</th>
        </tr>
      </thead>
      <tbody>
        <tr className="statement-table__edge" data-testid="statement-opening">
          <td>{statement.from ? formatDate(statement.from) : ''}</td>
          <th scope="row" colSpan={2}>{t('statement.opening')}</th>
          <td className="num" />
          <td className="num" />
          <td className="num">{balanceCell(t, statement.openingBalance)}</td>
        </tr>
        {statement.movements.map((movement, index) => {
          const { charge, payment } = movementColumns(movement);
          const voided = movement.kind === 'voidedReceipt';
          return (
            <tr key={index} data-kind={movement.kind} data-testid="statement-movement" className={voided ? 'statement-table__voided' : undefined}>
              <td>{formatDate(movement.date)}</td>
              <td>
                {voided && <strong className="statement-table__voided-mark">{t('statement.voided')} </strong>}
                {movementText(t, movement)}
                {movement.amount === 0 && (
                  <span className="statement-table__info">
                    {' '}
                    {movement.kind === 'creditApplied'
                      ? t('statement.infoOnly')
                      : t('statement.infoAmount', { amount: formatMoney(movement.detailAmount) })}
                  </span>
                )}
              </td>
              <td className="code">{movement.receiptNumber ?? ''}</td>
              <td className="num">{money(charge)}</td>
              <td className="num">{money(payment)}</td>
              <td className="num">{balanceCell(t, movement.balance)}</td>
            </tr>
          );
        })}
        {statement.movements.length === 0 && (
          <tr>
            <td />
            <td colSpan={5}>{t('statement.empty')}</td>
          </tr>
        )}
        {/* In the body, not a <tfoot>: Chromium repeats a tfoot on every printed page. */}
        <tr className="statement-table__edge statement-table__closing" data-testid="statement-closing-row">
          <td>{statement.to ? formatDate(statement.to) : ''}</td>
          <th scope="row" colSpan={2}>{t('statement.closing')}</th>
          <td className="num">{formatMoney(statement.totals.charges)}</td>
          <td className="num">{formatMoney(statement.totals.payments)}</td>
          <td className="num">{balanceCell(t, statement.closingBalance)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** The closing balance in big figures, worded: "Debe S/ 5.00", "A favor S/ 3.00", "Al día". */
export function StatementBalance({ statement, className = 'statement-balance' }: { statement: MemberStatement; className?: string }) {
  const t = useT();
  const state = statement.closingBalance > 0 ? 'owes' : statement.closingBalance < 0 ? 'in-favour' : 'settled';
  return (
    <p className={`${className} is-${state}`} data-testid="statement-balance">
      <span className="statement-balance__label">{balanceLabel(t, statement, formatDate)}</span>
      <strong className="statement-balance__figure" data-testid="statement-balance-figure">{balanceWords(t, statement.closingBalance)}</strong>
    </p>
  );
}

/** Totals of charges and payments and the credit in favour not yet used. */
export function StatementTotals({ statement }: { statement: MemberStatement }) {
  const t = useT();
  const items = [
    ['statement.totalCharges', statement.totals.charges],
    ['statement.totalPayments', statement.totals.payments],
    ['statement.creditAvailable', statement.creditAvailable],
  ] as const;
  return (
    <dl className="statement-totals" data-testid="statement-totals">
      {items.map(([key, amount]) => (
        <div key={key} className="statement-totals__item">
          <dt>{t(key)}</dt>
          <dd>{formatMoney(amount)}</dd>
        </div>
      ))}
    </dl>
  );
}
