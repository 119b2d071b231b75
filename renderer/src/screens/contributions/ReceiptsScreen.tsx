import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { ReceiptSummary } from '../../../../shared/operations/contributions';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VirtualTable } from '../../components/VirtualTable';
import { formatDate, formatMoney } from '../../format/format';
import { ContributionsTabs } from './ContributionsTabs';
import { ReceiptPanel } from './ReceiptPanel';

const column = createColumnHelper<ReceiptSummary>();

/** Every receipt issued, voided ones included: the numbers run without gaps. */
export function ReceiptsScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const receipts = useOperation('listReceipts', { associationId });
  const [openId, setOpenId] = useState<number | null>(null);
  const columns = useMemo(() => [
    column.accessor('formattedNumber', {
      header: () => t('receipts.col.number'),
      cell: (info) => (
        <button type="button" className="link-button" aria-label={t('receipts.open', { number: info.getValue() })}
          onClick={() => setOpenId(info.row.original.id)}>{info.getValue()}</button>
      ),
    }),
    column.accessor('date', { header: () => t('receipts.col.date'), cell: (info) => formatDate(info.getValue()) }),
    column.accessor('memberName', { header: () => t('receipts.col.member') }),
    column.accessor('total', { header: () => t('receipts.col.total'), cell: (info) => <span className="num">{formatMoney(info.getValue())}</span> }),
    column.accessor('status', {
      header: () => t('receipts.col.status'),
      cell: (info) => (info.getValue() === 'voided'
        ? <span className="badge badge--warn">{t('receipts.status.voided')}</span>
        : t('receipts.status.valid')),
    }),
  ], [t]);
  const list = receipts.data ?? [];
  return (
    <section className="screen">
      <h1>{t('receipts.title')}</h1>
      <ContributionsTabs />
      <ErrorAlert message={receipts.error?.message} />
      {receipts.isSuccess && list.length === 0 ? <p className="notice">{t('receipts.empty')}</p> : (
        <VirtualTable label={t('receipts.title')} rows={list} columns={columns} rowId={(r) => String(r.id)}
          template="9rem 8rem minmax(14rem, 2fr) 9rem 8rem" testId="receipts-table" onRowOpen={(r) => setOpenId(r.id)} />
      )}
      {openId !== null && <ReceiptPanel key={openId} receiptId={openId} />}
    </section>
  );
}
