import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { SaleDocumentKind } from '../../shared/operations/sales';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { formatSoles } from '../../shared/money';
import type { LedgerDatabase } from '../storage/open';
import { query, selectFirst } from '../storage/schema';
import { prepared } from '../storage/statements';

// Look-ups the sales services share. All run inside the caller's transaction.

/** What the sale's document says: the nota de venta's "001-000012", the boleta or factura as typed, or nothing. */
export function saleFormattedNumber(row: {
  documentKind: SaleDocumentKind; documentNumber: string | null; notaSeries: string | null; notaNumber: number | null;
}): string | null {
  if (row.documentKind === 'nota_venta' && row.notaSeries !== null && row.notaNumber !== null) {
    return formatReceiptNumber(row.notaSeries, row.notaNumber);
  }
  return row.documentNumber;
}

/** A boleta's or factura's number as stored: upper-case, without spaces ("f001 - 123" → "F001-123"). */
export function normaliseDocumentNumber(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

export interface SaleRow {
  id: number; association_id: number; date: string; party_id: number | null; document_kind: SaleDocumentKind;
  document_number: string | null; nota_series: string | null; nota_number: number | null; subtotal: number; igv: number;
  total: number; payment: 'cash' | 'credit'; account_id: number | null; due_date: string | null; note: string | null;
  entry_id: number; print_count: number; voided_on: string | null; voided_at: string | null; void_reason: string | null;
  void_entry_id: number | null; created_at: string; created_by: string;
}

export function requireSale(db: LedgerDatabase, saleId: number, field = 'saleId'): SaleRow {
  const row: SaleRow | undefined = selectFirst(db, query.selectFrom('sales').selectAll().where('id', '=', saleId));
  if (!row) throw new KhipuError('sale.notFound', { field, params: { id: saleId } });
  return row;
}

export function saleRowNumber(row: SaleRow): string | null {
  return saleFormattedNumber({
    documentKind: row.document_kind, documentNumber: row.document_number, notaSeries: row.nota_series, notaNumber: row.nota_number,
  });
}

/** How a sale is named in messages: its document, or "sin comprobante del 12/03/2026 (S/ 25.00)" when it has none. */
export function saleName(row: SaleRow): string {
  return saleRowNumber(row) ?? `sin comprobante del ${displayDate(row.date)} (${formatSoles(row.total)})`;
}

/** The id the next row of an append-only table will get, so an entry can name its document before it is written. */
export function nextSalesId(db: LedgerDatabase, table: 'sales' | 'sale_collections'): number {
  return (prepared(db, `SELECT COALESCE(MAX(id), 0) + 1 AS next FROM ${table}`).get() as { next: number }).next;
}
