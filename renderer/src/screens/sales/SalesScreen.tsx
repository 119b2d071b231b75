import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { SalePage, SaleSummary } from '../../../../shared/operations/sales';
import type { ApiCallError } from '../../api/client';
import { useAssociationId } from '../../app/association';
import { useClient } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VirtualTable } from '../../components/VirtualTable';
import { formatDate, formatMoney } from '../../format/format';
import { SaleForm } from './SaleForm';
import { SalePanel } from './SalePanel';
import { SalesTabs } from './SalesTabs';
import './sales.css';

const column = createColumnHelper<SaleSummary>();
const PAGE = 500;

/** Every sale, newest first, a page at a time by (date, id): a year of fair days stays quick to open. */
function useSalePages(associationId: number) {
  const client = useClient();
  return useInfiniteQuery<SalePage, ApiCallError>({
    queryKey: ['listSales', { associationId, limit: PAGE }],
    queryFn: ({ pageParam }) => client.call('listSales', { associationId, limit: PAGE, cursor: pageParam as SalePage['nextCursor'] }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Ventas: the list of sales, "Nueva venta", and each sale's panel (print the nota de venta, void). */
export function SalesScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const pages = useSalePages(associationId);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ id: number; justSaved: boolean } | null>(null);
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.rows) ?? [], [pages.data]);
  const columns = useMemo(() => [
    column.accessor('date', {
      header: () => t('sales.col.date'),
      cell: (info) => (
        <button type="button" className="link-button" aria-label={t('sales.open', { date: formatDate(info.getValue()), total: formatMoney(info.row.original.total) })}
          onClick={() => setOpen({ id: info.row.original.id, justSaved: false })}>{formatDate(info.getValue())}</button>
      ),
    }),
    column.accessor('buyerName', { header: () => t('sales.col.buyer'), cell: (info) => info.getValue() ?? t('sale.public') }),
    column.accessor('formattedNumber', {
      header: () => t('sales.col.document'),
      cell: (info) => `${t(`sale.document.${info.row.original.documentKind}`)}${info.getValue() ? ` ${info.getValue()}` : ''}`,
    }),
    column.accessor('total', { header: () => t('sales.col.total'), cell: (info) => <span className="num">{formatMoney(info.getValue())}</span> }),
    column.accessor('payment', {
      header: () => t('sales.col.payment'),
      cell: (info) => {
        const sale = info.row.original;
        if (sale.status === 'voided') return <span className="badge badge--warn">{t('sales.status.voided')}</span>;
        if (sale.payment === 'cash') return t('sale.payment.cash');
        return sale.open > 0 ? t('sales.owes', { amount: formatMoney(sale.open), due: formatDate(sale.dueDate ?? sale.date) }) : t('sales.collected');
      },
    }),
  ], [t]);
  return (
    <section className="screen">
      <h1>{t('sales.title')}</h1>
      <SalesTabs />
      {!creating && (
        <p className="actions">
          <button type="button" className="button--primary" onClick={() => { setCreating(true); setOpen(null); }}>{t('sales.new')}</button>
        </p>
      )}
      {creating && (
        <SaleForm onCancel={() => setCreating(false)} onSaved={(id) => { setCreating(false); setOpen({ id, justSaved: true }); }} />
      )}
      {open && <SalePanel key={open.id} saleId={open.id} justSaved={open.justSaved} />}
      <ErrorAlert message={pages.error?.message} />
      {pages.isSuccess && rows.length === 0 ? <p className="notice">{t('sales.empty')}</p> : (
        <VirtualTable label={t('sales.title')} rows={rows} columns={columns} rowId={(r) => String(r.id)}
          template="9rem minmax(12rem, 2fr) minmax(10rem, 1fr) 9rem minmax(12rem, 1fr)" testId="sales-table"
          onRowOpen={(r) => setOpen({ id: r.id, justSaved: false })} />
      )}
      {pages.hasNextPage && (
        <p className="actions">
          <button type="button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>{t('sales.more')}</button>
        </p>
      )}
    </section>
  );
}
