import { roundHalfAwayFromZero } from '../../shared/money';
import type { BookGrouping, BookRow, ProductUnit, TradeBook } from '../../shared/operations/trade';
import { requireAssociation } from '../contributions/common';
import { checkPeriod } from '../reports/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { documentRef } from './common';

// The purchases and sales books: the period's live documents (those not voided by its last day), their lines
// grouped by document, party, product line or product. Grouping is done by SQLite over the documents'
// (association_id, date) index; the average price is the one division, rounded once.

type Book = 'purchases' | 'sales';

interface BookSource {
  documents: string;
  lines: string;
  foreignKey: string;
  /** The product line of a line: its own, else the document's (purchases), else the product's. */
  productLine: string;
  /** A sale line always names a product; a purchase line may be a concept with a category. */
  category: string;
  reference: string;
}

const SOURCES: Record<Book, BookSource> = {
  purchases: {
    documents: 'purchases', lines: 'purchase_lines', foreignKey: 'purchase_id',
    productLine: 'COALESCE(l.product_line_id, d.product_line_id, pr.product_line_id)',
    category: 'CASE WHEN l.product_id IS NULL THEN l.category END',
    reference: 'd.document_kind AS kind, d.document_number, NULL AS series, NULL AS number',
  },
  sales: {
    documents: 'sales', lines: 'sale_lines', foreignKey: 'sale_id',
    productLine: 'COALESCE(l.product_line_id, pr.product_line_id)',
    category: 'NULL',
    reference: 'd.document_kind AS kind, d.document_number, d.nota_series AS series, d.nota_number AS number',
  },
};

/** Group key, and the columns that describe the group, per grouping. */
const GROUPS: Record<BookGrouping, (s: BookSource) => { key: string; columns: string; join: string }> = {
  document: (s) => ({
    key: 'd.id',
    columns: `'document:' || d.id AS key, d.id AS document_id, d.date, d.party_id, pa.name AS party_name, ${s.reference},
              d.igv AS igv, d.total AS total`,
    join: '',
  }),
  party: () => ({
    key: 'd.party_id',
    columns: `CASE WHEN d.party_id IS NULL THEN 'party:none' ELSE 'party:' || d.party_id END AS key, d.party_id, pa.name AS party_name`,
    join: '',
  }),
  productLine: (s) => ({
    key: s.productLine,
    columns: `CASE WHEN ${s.productLine} IS NULL THEN 'productLine:none' ELSE 'productLine:' || ${s.productLine} END AS key,
              ${s.productLine} AS product_line_id, pl.name AS product_line_name`,
    join: `LEFT JOIN product_lines pl ON pl.id = ${s.productLine}`,
  }),
  product: (s) => ({
    key: `COALESCE('product:' || l.product_id, 'concept:' || COALESCE(${s.category}, 'other'))`,
    columns: `COALESCE('product:' || l.product_id, 'concept:' || COALESCE(${s.category}, 'other')) AS key,
              l.product_id, pr.name AS product_name, ${s.category} AS category`,
    join: '',
  }),
};

interface GroupRow {
  key: string; document_id?: number; date?: string; party_id?: number | null; party_name?: string | null;
  kind?: string | null; document_number?: string | null; series?: string | null; number?: number | null;
  product_line_id?: number | null; product_line_name?: string | null; product_id?: number | null; product_name?: string | null;
  category?: string | null; igv?: number; total?: number;
  documents: number; amount: number; quantity: number | null; quantified_amount: number; units: number; unit: string | null;
}

const live = 'd.association_id = @associationId AND d.date >= @from AND d.date <= @to AND (d.voided_on IS NULL OR d.voided_on > @to)';

function groupSql(book: Book, groupBy: BookGrouping): string {
  const s = SOURCES[book];
  const g = GROUPS[groupBy](s);
  // The unit of a quantified line; '?' for a concept line with a quantity but no product.
  const unitOf = "CASE WHEN l.quantity IS NOT NULL THEN COALESCE(pr.unit, '?') END";
  return `SELECT ${g.columns}, COUNT(DISTINCT d.id) AS documents, SUM(l.amount) AS amount,
                 SUM(l.quantity) AS quantity, COALESCE(SUM(CASE WHEN l.quantity IS NOT NULL THEN l.amount END), 0) AS quantified_amount,
                 COUNT(DISTINCT ${unitOf}) AS units, MIN(${unitOf}) AS unit
            FROM ${s.documents} d
            JOIN ${s.lines} l ON l.${s.foreignKey} = d.id
            LEFT JOIN products pr ON pr.id = l.product_id
            LEFT JOIN parties pa ON pa.id = d.party_id
            ${g.join}
           WHERE ${live}
           GROUP BY ${g.key}`;
}

/** IGV and totals per party: carried by the documents, so summed over them, not over their lines. */
function partyTotalsSql(book: Book): string {
  return `SELECT COALESCE(d.party_id, 0) AS party, SUM(d.igv) AS igv, SUM(d.total) AS total
            FROM ${SOURCES[book].documents} d WHERE ${live} GROUP BY d.party_id`;
}

function bookRow(book: Book, groupBy: BookGrouping, r: GroupRow, partyTotals: Map<number, { igv: number; total: number }>): BookRow {
  const oneUnit = r.units === 1 && r.quantity !== null;
  const unit = oneUnit && r.unit !== '?' ? (r.unit as ProductUnit) : null;
  const quantity = oneUnit ? r.quantity : null;
  const byParty = groupBy === 'party' ? partyTotals.get(r.party_id ?? 0) : undefined;
  return {
    key: r.key,
    documentId: r.document_id ?? null,
    date: r.date ?? null,
    document: groupBy !== 'document' ? null : documentRef(book === 'purchases' ? 'purchase' : 'sale', r.document_id ?? null, {
      kind: r.kind ?? null, document_number: r.document_number ?? null, series: r.series ?? null, number: r.number ?? null,
    }),
    partyId: r.party_id ?? null,
    partyName: r.party_name ?? null,
    productLineId: r.product_line_id ?? null,
    productLineName: r.product_line_name ?? null,
    productId: r.product_id ?? null,
    productName: r.product_name ?? null,
    category: r.category ?? null,
    unit,
    documents: r.documents,
    quantity,
    amount: r.amount,
    averagePrice: quantity === null || quantity === 0 ? null : roundHalfAwayFromZero(r.quantified_amount * 1000, quantity),
    igv: groupBy === 'document' ? (r.igv ?? 0) : groupBy === 'party' ? (byParty?.igv ?? 0) : null,
    total: groupBy === 'document' ? (r.total ?? 0) : groupBy === 'party' ? (byParty?.total ?? 0) : null,
  };
}

const ORDER: Record<BookGrouping, (a: BookRow, b: BookRow) => number> = {
  document: (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.documentId ?? 0) - (b.documentId ?? 0),
  party: (a, b) => b.amount - a.amount || (a.partyName ?? '').localeCompare(b.partyName ?? '', 'es'),
  productLine: (a, b) => b.amount - a.amount || (a.productLineName ?? '').localeCompare(b.productLineName ?? '', 'es'),
  product: (a, b) => b.amount - a.amount || a.key.localeCompare(b.key),
};

export function tradeBook(
  db: LedgerDatabase, book: Book, input: { associationId: number; from: string; to: string; groupBy: BookGrouping },
): TradeBook {
  requireAssociation(db, input.associationId);
  checkPeriod(input.from, input.to);
  const params = { associationId: input.associationId, from: input.from, to: input.to };
  const grouped = prepared(db, groupSql(book, input.groupBy)).all(params) as GroupRow[];
  const partyTotals = input.groupBy === 'party'
    ? new Map((prepared(db, partyTotalsSql(book)).all(params) as { party: number; igv: number; total: number }[])
      .map((p) => [p.party, p]))
    : new Map<number, { igv: number; total: number }>();
  // The documents themselves are the book's foot, so a document without lines still counts.
  const totals = prepared(db, `SELECT COUNT(*) AS documents, COALESCE(SUM(d.subtotal), 0) AS amount,
                                      COALESCE(SUM(d.igv), 0) AS igv, COALESCE(SUM(d.total), 0) AS total
                                 FROM ${SOURCES[book].documents} d WHERE ${live}`)
    .get(params) as TradeBook['totals'];
  const rows = grouped.map((r) => bookRow(book, input.groupBy, r, partyTotals)).sort(ORDER[input.groupBy]);
  return { associationId: input.associationId, book, from: input.from, to: input.to, groupBy: input.groupBy, rows, totals };
}

export const purchasesBook = (db: LedgerDatabase, input: Parameters<typeof tradeBook>[2]) => tradeBook(db, 'purchases', input);
export const salesBook = (db: LedgerDatabase, input: Parameters<typeof tradeBook>[2]) => tradeBook(db, 'sales', input);
