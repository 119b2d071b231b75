import type { AccountBook } from '../../../../shared/operations/reports';
import { financialPrintRoute, type FinancialPrint } from '../../print/financialRoutes';
import { BookTable } from './BookTable';
import { ReportHeading, usePeriodLabel } from './ReportParts';

/** A book as the Reportes screen shows it: heading with print and export, then the table, which ends with the closing balance. */
export function BookResult({ book, associationId, labelledBy, print, fileName }: {
  book: AccountBook;
  associationId: number;
  labelledBy: string;
  print: Extract<FinancialPrint, 'cash-book' | 'ledger'>;
  /** The suggested PDF name, without `.pdf`. */
  fileName: string;
}) {
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
      <div className="reports__table">
        <BookTable book={book} showAccount={book.accountIds.length > 1} associationId={associationId} labelledBy={labelledBy} />
      </div>
    </>
  );
}
