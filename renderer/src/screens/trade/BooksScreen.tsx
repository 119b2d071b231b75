import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { bookGroupings, type BookGrouping, type BookRow, type TradeBook } from '../../../../shared/operations/trade';
import { formatAmount } from '../../../../shared/money';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ExportButtons } from '../../components/ExportButtons';
import { Field } from '../../components/Field';
import { PrintActions } from '../../components/PrintActions';
import type { MessageKey } from '../../i18n/messages';
import { formatDate, formatMoney, todayIso } from '../../format/format';
import { DateForm, usePeriodLabel } from '../reports/ReportParts';
import { formatQuantity } from '../sales/quantity';
import { SalesTabs } from '../sales/SalesTabs';
import { documentWords } from './documentWords';
import { monthStartOf, tradePrintRoute } from './routes';

type Book = 'purchases' | 'sales';
const bookOf = (value: string | null): Book => (value === 'compras' ? 'purchases' : 'sales');

/** What a row is, in the column the grouping names. */
function rowLabel(t: ReturnType<typeof useT>, book: Book, groupBy: BookGrouping, row: BookRow): string {
  if (groupBy === 'document') return documentWords(t, row.document);
  if (groupBy === 'party') return row.partyName ?? t(book === 'sales' ? 'sale.public' : 'tradeUi.books.noParty');
  if (groupBy === 'productLine') return row.productLineName ?? t('tradeUi.books.noProductLine');
  if (row.productName) return row.productName;
  return row.category ? t(`tradeUi.category.${row.category}` as MessageKey) : t('tradeUi.books.noProduct');
}

/**
 * Libros de compras y de ventas for a period, grouped by document, supplier or buyer, product line
 * or product: quantity, amount and average price (what funders ask for), with totals; printed on
 * A4 and exported to XLSX or CSV with the same figures.
 */
export function BooksScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const [params, setParams] = useSearchParams();
  const book = bookOf(params.get('libro'));
  const [period, setPeriod] = useState(() => ({ from: monthStartOf(todayIso()), to: todayIso() }));
  const [groupBy, setGroupBy] = useState<BookGrouping>('document');
  const [chosenGroupBy, setChosenGroupBy] = useState<BookGrouping>('document');
  const input = { associationId, ...period, groupBy };
  const purchases = useOperation('purchasesBook', input, { enabled: book === 'purchases', placeholderData: keepPreviousData });
  const sales = useOperation('salesBook', input, { enabled: book === 'sales', placeholderData: keepPreviousData });
  const result = book === 'purchases' ? purchases : sales;
  const data = result.isError || result.data?.book !== book ? undefined : result.data;
  return (
    <section className="screen reports">
      <h1>{t('tradeUi.books.title')}</h1>
      <SalesTabs />
      <form className="form-row" onSubmit={(event) => event.preventDefault()}>
        <Field label={t('tradeUi.books.book')}>
          <select value={book} onChange={(event) => setParams({ libro: event.target.value === 'purchases' ? 'compras' : 'ventas' }, { replace: true })}>
            <option value="sales">{t('tradeUi.books.sales')}</option>
            <option value="purchases">{t('tradeUi.books.purchases')}</option>
          </select>
        </Field>
      </form>
      <DateForm
        fields={[{ name: 'from', label: t('reports.from'), initial: period.from }, { name: 'to', label: t('reports.to'), initial: period.to }]}
        engineError={result.error}
        onApply={(dates) => {
          setPeriod({ from: dates.from!, to: dates.to! });
          setGroupBy(chosenGroupBy);
        }}>
        <Field label={t('tradeUi.books.groupBy')}>
          <select value={chosenGroupBy} onChange={(event) => setChosenGroupBy(event.target.value as BookGrouping)}>
            {bookGroupings.map((grouping) => (
              <option key={grouping} value={grouping}>{t(`tradeUi.books.by.${grouping}.${book}` as MessageKey)}</option>
            ))}
          </select>
        </Field>
      </DateForm>
      {data && <BookTable book={data} />}
      {result.isPending && result.fetchStatus !== 'idle' && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}

function BookTable({ book }: { book: TradeBook }) {
  const t = useT();
  const titleId = useId();
  const periodLabel = usePeriodLabel();
  const which = book.book;
  const byDocument = book.groupBy === 'document';
  const withIgv = byDocument || book.groupBy === 'party';
  const print = which === 'purchases' ? 'purchases-book' : 'sales-book';
  const params = { associationId: book.associationId, from: book.from, to: book.to, groupBy: book.groupBy };
  const quantityText = (row: BookRow) =>
    row.quantity === null || row.unit === null ? '' : t('sales.quantityUnit', { quantity: formatQuantity(row.quantity), unit: t(`sales.unit.${row.unit}`) });
  return (
    <>
      <div className="reports__heading">
        <p className="reports__period-label">{periodLabel(book.from, book.to)} · {t('reports.amounts')}</p>
        <div className="reports__tools">
          <PrintActions route={tradePrintRoute(print, params)} suggestedName={`${print === 'sales-book' ? 'libro-de-ventas' : 'libro-de-compras'}-${book.from}-${book.to}.pdf`} />
          <ExportButtons request={{ report: which === 'purchases' ? 'purchasesBook' : 'salesBook', params }} />
        </div>
      </div>
      {book.rows.length === 0 ? <p className="notice">{t(which === 'purchases' ? 'tradeUi.books.emptyPurchases' : 'tradeUi.books.emptySales')}</p> : (
        <div className="reports__table">
          <table className="data" aria-labelledby={titleId} data-testid="book-table">
            <caption id={titleId}>{t(which === 'purchases' ? 'tradeUi.books.purchases' : 'tradeUi.books.sales')}</caption>
            <thead>
              <tr>
                {byDocument && <th scope="col">{t('tradeUi.col.date')}</th>}
                <th scope="col">{t(`tradeUi.books.by.${book.groupBy}.${which}` as MessageKey)}</th>
                {byDocument && <th scope="col">{t(which === 'purchases' ? 'tradeUi.col.supplier' : 'tradeUi.col.buyer')}</th>}
                {!byDocument && <th scope="col" className="num">{t('tradeUi.col.documents')}</th>}
                <th scope="col" className="num">{t('tradeUi.col.quantity')}</th>
                <th scope="col" className="num">{t('tradeUi.col.amount')}</th>
                <th scope="col" className="num">{t('tradeUi.col.averagePrice')}</th>
                {withIgv && <th scope="col" className="num">{t('tradeUi.col.igv')}</th>}
                {withIgv && <th scope="col" className="num">{t('tradeUi.col.total')}</th>}
              </tr>
            </thead>
            <tbody>
              {book.rows.map((row) => (
                <tr key={row.key} data-testid="book-row">
                  {byDocument && <td>{row.date ? formatDate(row.date) : ''}</td>}
                  <th scope="row">{rowLabel(t, which, book.groupBy, row)}</th>
                  {byDocument && <td>{row.partyName ?? (which === 'sales' ? t('sale.public') : '')}</td>}
                  {!byDocument && <td className="num">{row.documents}</td>}
                  <td className="num">{quantityText(row)}</td>
                  <td className="num">{formatAmount(row.amount)}</td>
                  <td className="num">{row.averagePrice === null ? '' : formatMoney(row.averagePrice)}</td>
                  {withIgv && <td className="num">{row.igv === null ? '' : formatAmount(row.igv)}</td>}
                  {withIgv && <td className="num">{row.total === null ? '' : formatAmount(row.total)}</td>}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={byDocument ? 3 : 2}>{t('tradeUi.books.totals', { documents: book.totals.documents })}</th>
                <td className="num" />
                <td className="num" data-testid="book-total-amount">{formatAmount(book.totals.amount)}</td>
                <td className="num" />
                {withIgv && <td className="num">{formatAmount(book.totals.igv)}</td>}
                {withIgv && <td className="num" data-testid="book-total">{formatAmount(book.totals.total)}</td>}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
