import type { AccountBook } from '../../../../shared/operations/reports';
import { financialPrintRoute, type FinancialPrint } from '../../print/financialRoutes';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { BookTable } from './BookTable';
import { ReportHeading, usePeriodLabel } from './ReportParts';

/** A book as the Reportes screen shows it: heading with print and export, the closing line, the table. */
export function BookResult({ book, associationId, labelledBy, print, fileName }: {
  book: AccountBook;
  associationId: number;
  labelledBy: string;
  print: Extract<FinancialPrint, 'cash-book' | 'ledger'>;
  /** The suggested PDF name, without `.pdf`. */
  fileName: string;
}) {
  const t = useT();
  const periodLabel = usePeriodLabel();
  const { from, to, accountId } = book;
  return (
    <>
      <ReportHeading label={`${book.code} ${book.name} · ${periodLabel(from, to)}`}
        printRoute={financialPrintRoute(print, associationId, { from, to, accountId })}
        suggestedName={`${fileName}.pdf`}
        exportRequest={print === 'cash-book'
          ? { report: 'cashBook', params: { associationId, from, to, accountId } }
          : { report: 'generalLedger', params: { associationId, accountId: accountId ?? 0, from, to } }} />
      <p className="reports__result" data-testid="book-status">
        {t('book.closingStatus', { date: formatDate(to), amount: formatMoney(book.closing) })}
      </p>
      <div className="reports__table">
        <BookTable book={book} showAccount={book.accountIds.length > 1} associationId={associationId} labelledBy={labelledBy} />
      </div>
    </>
  );
}
