import { Link } from 'react-router';
import type { AccountBook, BookMovement } from '../../../../shared/operations/reports';
import { formatAmount } from '../../../../shared/money';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { journalLink } from './drillDown';

interface BookTableProps {
  book: AccountBook;
  /** Show which account each line is on: when the book covers several (all of caja y bancos, a heading). */
  showAccount: boolean;
  /** Screen only: each movement links to its entry in the journal. */
  associationId?: number | undefined;
  className?: string;
  labelledBy?: string;
}

/** Libro caja y bancos and libro mayor: opening, every movement with its running balance, totals, closing. */
export function BookTable({ book, showAccount, associationId, className = 'data', labelledBy }: BookTableProps) {
  const t = useT();
  const blank = (centimos: number) => (centimos === 0 ? '' : formatAmount(centimos));
  const before = showAccount ? 5 : 4; // columns before Debe
  const entryLink = (movement: BookMovement) =>
    journalLink(associationId ?? 0, { accountId: movement.accountId, from: movement.date, to: movement.date });
  return (
    <table className={`${className} book`} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('book.col.date')}</th>
          <th scope="col" className="num">{t('book.col.number')}</th>
          <th scope="col">{t('book.col.description')}</th>
          {showAccount && <th scope="col">{t('book.col.account')}</th>}
          <th scope="col">{t('book.col.counter')}</th>
          <th scope="col" className="num">{t('book.col.debit')}</th>
          <th scope="col" className="num">{t('book.col.credit')}</th>
          <th scope="col" className="num">{t('book.col.balance')}</th>
        </tr>
      </thead>
      <tbody>
        <tr className="book__opening" data-testid="book-opening">
          <td>{formatDate(book.from)}</td>
          <th scope="row" colSpan={before - 1}>{t('book.opening')}</th>
          <td className="num" />
          <td className="num" />
          <td className="num">{formatAmount(book.opening)}</td>
        </tr>
        {book.movements.length === 0 && (
          <tr className="book__none"><td colSpan={before + 3}>{t('book.empty')}</td></tr>
        )}
        {book.movements.map((movement) => (
          <tr key={`${movement.entryId}:${movement.lineNo}`} data-entry={movement.entryId} className="book__movement">
            <td>{formatDate(movement.date)}</td>
            <td className="num">
              {associationId
                ? <Link to={entryLink(movement)} aria-label={t('book.openEntry', { number: movement.number, date: formatDate(movement.date) })}>{movement.number}</Link>
                : movement.number}
            </td>
            <td>{movement.description}</td>
            {showAccount && <td>{movement.code} {movement.accountName}</td>}
            <td>{movement.counterAccounts.map((account) => `${account.code} ${account.name}`).join('; ')}</td>
            <td className="num">{blank(movement.debit)}</td>
            <td className="num">{blank(movement.credit)}</td>
            <td className="num">{formatAmount(movement.balance)}</td>
          </tr>
        ))}
        {/* In the body, not a <tfoot>: Chromium repeats a tfoot on every printed page. */}
        <tr className="book__totals" data-testid="book-totals">
          <th scope="row" colSpan={before}>{t('book.totals')}</th>
          <td className="num">{formatMoney(book.totals.debits)}</td>
          <td className="num">{formatMoney(book.totals.credits)}</td>
          <td className="num" />
        </tr>
        <tr className="book__closing" data-testid="book-closing">
          <td>{formatDate(book.to)}</td>
          {/* Date, then the label across to Haber: the figure falls in the Saldo column. */}
          <th scope="row" colSpan={before + 1}>{t('book.closing')}</th>
          <td className="num">{formatMoney(book.closing)}</td>
        </tr>
      </tbody>
    </table>
  );
}
