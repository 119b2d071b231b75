import { useRef } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';

interface VirtualTableProps<Row> {
  label: string;
  rows: readonly Row[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column has its own value type (TanStack's usual signature)
  columns: ColumnDef<Row, any>[];
  rowId(row: Row): string;
  /** CSS grid-template-columns for header and rows, e.g. "7rem 1fr 8rem". */
  template: string;
  rowHeight?: number;
  onRowOpen?(row: Row): void;
  testId?: string;
}

/**
 * A table of rows already in memory (a padrón, a list of receipts) that keeps
 * only the rows in view in the page, so thousands scroll as smoothly as twenty.
 */
export function VirtualTable<Row>({ label, rows, columns, rowId, template, rowHeight = 48, onRowOpen, testId }: VirtualTableProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const table = useReactTable({
    data: rows as Row[],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowId,
    autoResetPageIndex: false,
    autoResetExpanded: false,
  });
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    initialRect: { width: 1000, height: 600 },
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={tableRows.length + 1}>
      <div className="vtable__row vtable__row--head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        {headers.map((header) => (
          <div key={header.id} role="columnheader" className={`vtable__cell vtable__cell--${header.id}`}>
            {flexRender(header.column.columnDef.header, header.getContext())}
          </div>
        ))}
      </div>
      <div className="vtable__scroller" ref={scroller} data-testid={testId}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            return (
              <div key={row.id} role="row" aria-rowindex={item.index + 2} className="vtable__row"
                style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                onDoubleClick={() => onRowOpen?.(row.original)}>
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="cell" className={`vtable__cell vtable__cell--${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
