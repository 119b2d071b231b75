import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { PurchasePage, PurchaseSummary } from '../../../../shared/operations/purchases';
import type { ApiCallError } from '../../api/client';
import type { OperationInput } from '../../../../shared/api';
import type { Locale } from '../../../../shared/i18n';
import { useAssociationId } from '../../app/association';
import { useClient, useOperation } from '../../app/client';
import { useSettings } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { VirtualTable } from '../../components/VirtualTable';
import { formatDate, formatMoney, readDate } from '../../format/format';
import { PurchaseForm } from './PurchaseForm';
import { PurchasePanel } from './PurchasePanel';
import { PurchasesTabs } from './PurchasesTabs';
import { purchaseDocumentWords } from './purchaseWords';
import { SupplierPicker } from './SupplierPicker';
import './purchases.css';

const column = createColumnHelper<PurchaseSummary>();
const PAGE = 500;
type Filters = Omit<OperationInput<'listPurchases'>, 'limit' | 'cursor'>;
type Status = 'valid' | 'voided' | 'open' | '';

/**
 * A filter date as it is typed: it filters once it reads as a date, and says what is wrong only
 * once it is long enough to be one ("1/3/2026"), not at every keystroke.
 */
function typedDate(text: string, locale: Locale): { iso: string | null; error?: string | undefined } {
  if (!text.trim()) return { iso: null };
  const read = readDate(text, locale);
  return text.trim().length >= 8 ? read : { iso: read.iso };
}

/** Every purchase matching the filters, newest first, a page at a time by (date, id). */
function usePurchasePages(filters: Filters) {
  const client = useClient();
  return useInfiniteQuery<PurchasePage, ApiCallError>({
    queryKey: ['listPurchases', { ...filters, limit: PAGE }],
    queryFn: ({ pageParam }) => client.call('listPurchases', { ...filters, limit: PAGE, cursor: pageParam as PurchasePage['nextCursor'] }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    // While a new filter runs, the last list stays on screen rather than an empty one.
    placeholderData: keepPreviousData,
  });
}

/** Compras: the purchases (filtered by period, supplier and status), "Nueva compra", and each purchase's panel. */
export function PurchasesScreen() {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const parties = useOperation('listParties', { associationId, includeArchived: true });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [partyId, setPartyId] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>('');
  const fromDate = typedDate(from, locale);
  const toDate = typedDate(to, locale);
  const filters: Filters = {
    associationId, from: fromDate.iso, to: toDate.iso, partyId, status: status || null,
  };
  const pages = usePurchasePages(filters);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ id: number; justSaved: boolean } | null>(null);
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.rows) ?? [], [pages.data]);
  const columns = useMemo(() => [
    column.accessor('date', {
      header: () => t('purchase.list.col.date'),
      cell: (info) => (
        <button type="button" className="link-button"
          aria-label={t('purchase.list.open', { date: formatDate(info.getValue()), supplier: info.row.original.supplierName, total: formatMoney(info.row.original.total) })}
          onClick={() => { setCreating(false); setOpen({ id: info.row.original.id, justSaved: false }); }}>{formatDate(info.getValue())}</button>
      ),
    }),
    column.accessor('supplierName', { header: () => t('purchase.list.col.supplier') }),
    column.accessor('documentNumber', {
      header: () => t('purchase.list.col.document'),
      cell: (info) => purchaseDocumentWords(t, info.row.original.documentKind, info.getValue()),
    }),
    column.accessor('total', { header: () => t('purchase.list.col.total'), cell: (info) => <span className="num">{formatMoney(info.getValue())}</span> }),
    column.accessor('open', {
      header: () => t('purchase.list.col.status'),
      cell: (info) => {
        const purchase = info.row.original;
        if (purchase.status === 'voided') return <span className="badge badge--warn">{t('purchase.list.status.voided')}</span>;
        const joint = purchase.joint ? ` · ${t('purchase.list.joint')}` : '';
        if (purchase.open > 0) return `${t('purchase.list.owes', { amount: formatMoney(purchase.open), due: formatDate(purchase.dueDate) })}${joint}`;
        return `${t('purchase.list.paid')}${joint}`;
      },
    }),
  ], [t]);
  return (
    <section className="screen">
      <h1>{t('purchase.list.title')}</h1>
      <PurchasesTabs />
      {!creating && (
        <p className="actions">
          <button type="button" className="button--primary" onClick={() => { setCreating(true); setOpen(null); }}>{t('purchase.list.new')}</button>
        </p>
      )}
      {creating && (
        <PurchaseForm onCancel={() => setCreating(false)} onSaved={(purchase) => { setCreating(false); setOpen({ id: purchase.id, justSaved: true }); }} />
      )}
      {open && <PurchasePanel key={open.id} purchaseId={open.id} justSaved={open.justSaved} onClose={() => setOpen(null)} />}
      <div className="form-row purchases-filters" role="search" aria-label={t('purchase.list.filters')}>
        <Field label={t('purchase.list.from')} hint={t('form.dateHint')} error={fromDate.error}>
          <input type="text" inputMode="numeric" value={from} onChange={(event) => setFrom(event.target.value)} />
        </Field>
        <Field label={t('purchase.list.to')} hint={t('form.dateHint')} error={toDate.error}>
          <input type="text" inputMode="numeric" value={to} onChange={(event) => setTo(event.target.value)} />
        </Field>
        <Field label={t('purchase.list.supplier')}>
          <SupplierPicker parties={parties.data ?? []} value={partyId} onChange={setPartyId} />
        </Field>
        <Field label={t('purchase.list.status')}>
          <select value={status} onChange={(event) => setStatus(event.target.value as Status)}>
            <option value="">{t('purchase.list.status.all')}</option>
            <option value="open">{t('purchase.list.status.open')}</option>
            <option value="valid">{t('purchase.list.status.valid')}</option>
            <option value="voided">{t('purchase.list.status.voidedOnly')}</option>
          </select>
        </Field>
      </div>
      <ErrorAlert message={pages.error?.message ?? parties.error?.message} />
      {pages.isSuccess && rows.length === 0 ? <p className="notice">{t('purchase.list.empty')}</p> : (
        <VirtualTable label={t('purchase.list.title')} rows={rows} columns={columns} rowId={(r) => String(r.id)}
          template="9rem minmax(12rem, 2fr) minmax(10rem, 1fr) 9rem minmax(14rem, 1.5fr)" testId="purchases-table"
          onRowOpen={(r) => setOpen({ id: r.id, justSaved: false })} />
      )}
      {pages.hasNextPage && (
        <p className="actions">
          <button type="button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>{t('purchase.list.more')}</button>
        </p>
      )}
    </section>
  );
}
