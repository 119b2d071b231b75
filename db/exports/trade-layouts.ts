import { displayDate } from '../../shared/dates';
import type { AgingReport, BookRow, TradeBook, TradeDocumentRef } from '../../shared/operations/trade';
import type { AssociationDetails } from '../../shared/results';
import { count, date, money, quantity, text, type ExportColumn, type ExportDocument, type ExportRow } from './document';
import { fill } from './labels';
import { associationLines, header, periodLine, type LayoutContext } from './layouts';

// The purchases and sales books and the aging list as files: the screen's columns, its rows, its totals.

/** "Factura F001-123", "Nota de venta 001-000004", "Sin documento". */
export function documentWords(ctx: LayoutContext, ref: TradeDocumentRef | null): string {
  const { trade } = ctx.labels;
  if (ref === null || ref.kind === null) return trade.noDocument;
  const kind = trade.documentKind[ref.kind] ?? ref.kind;
  return ref.number === null ? kind : `${kind} ${ref.number}`;
}

function rowName(ctx: LayoutContext, book: TradeBook, row: BookRow): string {
  const { trade } = ctx.labels;
  switch (book.groupBy) {
    case 'document': return documentWords(ctx, row.document);
    case 'party': return row.partyName ?? trade.publicSale;
    case 'productLine': return row.productLineName ?? trade.noProductLine;
    case 'product': return row.productName ?? trade.category[row.category ?? 'other'] ?? row.category ?? '';
  }
}

export function tradeBookDocument(ctx: LayoutContext, association: AssociationDetails, book: TradeBook): ExportDocument {
  const { col, row: rowLabels, trade } = ctx.labels;
  const report = book.book === 'purchases' ? 'purchasesBook' : 'salesBook';
  const byDocument = book.groupBy === 'document';
  const withTaxes = byDocument || book.groupBy === 'party';
  const nameTitle = { document: col.document, party: col.party, productLine: col.productLine, product: col.product }[book.groupBy];
  const columns: ExportColumn[] = [
    ...(byDocument ? [{ title: col.date, width: 11 }] : []),
    { title: nameTitle, width: 34 },
    ...(byDocument ? [{ title: col.party, width: 30 }] : [{ title: col.documents, width: 11 }]),
    { title: col.quantity, width: 13 }, { title: col.unit, width: 9 }, { title: col.amount, width: 15 },
    { title: col.averagePrice, width: 14 },
    ...(withTaxes ? [{ title: col.igv, width: 13 }, { title: col.total, width: 15 }] : []),
  ];
  const rows = book.rows.map((r): ExportRow => ({
    cells: [
      ...(byDocument ? [r.date === null ? null : date(r.date)] : []),
      text(rowName(ctx, book, r)),
      ...(byDocument ? [text(r.partyName ?? trade.publicSale)] : [count(r.documents)]),
      quantity(r.quantity), text(r.unit === null ? null : trade.unit[r.unit]), money(r.amount),
      r.averagePrice === null ? null : money(r.averagePrice),
      ...(withTaxes ? [money(r.igv ?? 0), money(r.total ?? 0)] : []),
    ],
  }));
  const totals: ExportRow = {
    cells: [
      ...(byDocument ? [null] : []), text(rowLabels.totals), ...(byDocument ? [null] : [count(book.totals.documents)]),
      null, null, money(book.totals.amount), null,
      ...(withTaxes ? [money(book.totals.igv), money(book.totals.total)] : []),
    ],
    style: 'total',
  };
  return {
    ...header(ctx, report, associationLines(ctx, association), [periodLine(ctx, book.from, book.to), trade.groupBy[book.groupBy]]),
    columns,
    rows: [...rows, totals],
  };
}

export function agingDocument(ctx: LayoutContext, association: AssociationDetails, report: AgingReport): ExportDocument {
  const { col, row: rowLabels, trade } = ctx.labels;
  const buckets = (b: AgingReport['totals']): ExportRow['cells'] =>
    [money(b.notDue), money(b.days1to30), money(b.days31to90), money(b.over90), money(b.total)];
  const rows: ExportRow[] = [];
  for (const party of report.parties) {
    rows.push({ cells: [text(party.name), text(party.documentNumber)], style: 'heading' });
    for (const d of party.documents) {
      const bucketCells = (['notDue', 'days1to30', 'days31to90', 'over90'] as const)
        .map((b) => (d.bucket === b ? money(d.open) : null));
      rows.push({
        cells: [
          null, text(documentWords(ctx, d.document)), date(d.date), date(d.dueDate),
          count(Math.max(d.daysPastDue, 0)), ...bucketCells, money(d.open),
        ],
      });
    }
    rows.push({ cells: [null, text(fill(rowLabels.subtotal, { district: party.name })), null, null, null, ...buckets({ ...party.buckets, parties: 1, documents: 0 })], style: 'total' });
  }
  rows.push({ cells: [text(rowLabels.total), null, null, null, null, ...buckets(report.totals)], style: 'total' });
  return {
    ...header(ctx, 'agingReport', associationLines(ctx, association), [
      trade.side[report.side], fill(ctx.labels.atDate, { date: displayDate(report.asOf) }),
    ]),
    columns: [
      { title: col.party, width: 30 }, { title: col.document, width: 26 }, { title: col.date, width: 11 },
      { title: col.dueDate, width: 11 }, { title: col.daysPastDue, width: 10 }, { title: col.notDue, width: 14 },
      { title: col.days1to30, width: 14 }, { title: col.days31to90, width: 14 }, { title: col.over90, width: 14 },
      { title: col.total, width: 15 },
    ],
    rows,
  };
}
