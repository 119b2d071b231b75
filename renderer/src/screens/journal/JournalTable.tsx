import { useMemo, useRef } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { JournalEntryView } from '../../../../shared/results';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { entryTotal, formatEntryNumber } from './entryNumber';
import { useJournalPages, useJournalTotal, type JournalFilter } from './useJournalPages';

const ROW_HEIGHT = 48;

interface IndexedEntry {
  index: number;
  entry: JournalEntryView;
}

const column = createColumnHelper<IndexedEntry>();

function useColumns(onOpen: (entry: JournalEntryView) => void) {
  const t = useT();
  return useMemo(
    () => [
      column.accessor((row) => formatEntryNumber(row.entry), {
        id: 'number',
        header: () => t('journal.col.number'),
        cell: (info) => (
          <button type="button" className="link-button" aria-label={t('journal.open', { number: info.getValue() })}
            onClick={() => onOpen(info.row.original.entry)}>
            {info.getValue()}
          </button>
        ),
      }),
      column.accessor((row) => row.entry.date, { id: 'date', header: () => t('journal.col.date'), cell: (info) => formatDate(info.getValue()) }),
      column.accessor((row) => row.entry.description, {
        id: 'description',
        header: () => t('journal.col.description'),
        cell: (info) => {
          const { entry } = info.row.original;
          return (
            <>
              {info.getValue()}
              {entry.reversedByEntryId && <span className="badge badge--warn">{t('journal.reversed')}</span>}
              {entry.reversesEntryId && <span className="badge">{t('journal.reversal')}</span>}
            </>
          );
        },
      }),
      column.accessor((row) => row.entry.lines.map((l) => `${l.code} ${l.accountName}`).join(' · '), {
        id: 'accounts',
        header: () => t('journal.col.accounts'),
        cell: (info) => <span className="journal__accounts">{info.getValue()}</span>,
      }),
      column.accessor((row) => entryTotal(row.entry.lines), {
        id: 'amount',
        header: () => t('journal.col.amount'),
        cell: (info) => formatMoney(info.getValue()),
        meta: { numeric: true },
      }),
    ],
    [t, onOpen],
  );
}

/**
 * The journal as one long table of `total` rows: the virtualizer keeps about
 * a screenful in the DOM and the pages behind it are fetched as they come into view.
 */
export function JournalTable({ filter, onOpen }: { filter: JournalFilter; onOpen(entry: JournalEntryView): void }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const { total, isSuccess } = useJournalTotal(filter);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Used until the scroller is measured (and where it cannot be, as in jsdom).
    initialRect: { width: 1000, height: 640 },
  });
  const items = virtualizer.getVirtualItems();
  const pages = useJournalPages(filter, items[0]?.index ?? 0, total);
  // The table holds only the rows in view; its row ids are their positions in the whole journal.
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? -1;
  const { rowAt } = pages;
  const data = useMemo(() => {
    const rows: IndexedEntry[] = [];
    for (let index = firstIndex; index <= lastIndex; index += 1) {
      const entry = rowAt(index);
      if (entry) rows.push({ index, entry });
    }
    return rows;
  }, [firstIndex, lastIndex, rowAt]);
  const table = useReactTable({
    data,
    columns: useColumns(onOpen),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.index),
    // Paging and expansion are the virtualizer's job; resetting them on every new window of rows only causes re-renders.
    autoResetPageIndex: false,
    autoResetExpanded: false,
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  if (isSuccess && total === 0) return <p className="notice">{t('journal.empty')}</p>;
  return (
    <div className="journal-table" role="table" aria-rowcount={total + 1} aria-label={t('journal.title')}>
      <div className="journal-row journal-row--head" role="row" aria-rowindex={1}>
        {headers.map((header) => (
          <div key={header.id} role="columnheader" className={`journal-cell journal-cell--${header.id}`}>
            {flexRender(header.column.columnDef.header, header.getContext())}
          </div>
        ))}
      </div>
      <div className="journal-scroller" ref={scroller} data-testid="journal-scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = table.getRowModel().rowsById[String(item.index)];
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className="journal-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                onDoubleClick={() => row && onOpen(row.original.entry)}>
                {row
                  ? row.getVisibleCells().map((cell) => (
                      <div key={cell.id} role="cell" className={`journal-cell journal-cell--${cell.column.id}`}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </div>
                    ))
                  : <div role="cell" className="journal-cell journal-cell--loading">{t('journal.rowLoading')}</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
