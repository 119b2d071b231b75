import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import type { PurchaseDocumentKind, PurchasePayment } from '../../shared/operations/purchases';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// Look-ups the purchases services share. All run inside the caller's transaction.

export interface PurchaseRow {
  id: number; association_id: number; date: string; party_id: number; document_kind: PurchaseDocumentKind;
  document_number: string | null; subtotal: number; igv: number; total: number; payment: PurchasePayment; due_date: string;
  product_line_id: number | null; joint: number; shares_by: 'quantity' | 'amount' | null; note: string | null; entry_id: number;
  voided_on: string | null; voided_at: string | null; void_reason: string | null; void_entry_id: number | null;
  created_at: string; created_by: string;
}

export function requirePurchase(db: LedgerDatabase, purchaseId: number, field = 'purchaseId'): PurchaseRow {
  const row = prepared(db, 'SELECT * FROM purchases WHERE id = ?').get(purchaseId) as PurchaseRow | undefined;
  if (!row) throw new KhipuError('purchase.notFound', { field, params: { id: purchaseId } });
  return row;
}

/** A supplier's document number as stored: upper-case, without spaces ("f001 - 123" → "F001-123"). */
export function normaliseDocumentNumber(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

const kindWords: Record<PurchaseDocumentKind, string> = {
  factura: 'Factura', boleta: 'Boleta', recibo_honorarios: 'Recibo por honorarios', ticket: 'Ticket', none: 'Compra',
};

/** How entries and messages name a purchase: "Factura F001-123", or "Compra del 12/03/2026" without a document. */
export function purchaseLabel(purchase: { documentKind: PurchaseDocumentKind; documentNumber: string | null; date: string }): string {
  return purchase.documentNumber === null
    ? `${kindWords[purchase.documentKind]} del ${displayDate(purchase.date)}`
    : `${kindWords[purchase.documentKind]} ${purchase.documentNumber}`;
}

export const rowLabel = (row: PurchaseRow) =>
  purchaseLabel({ documentKind: row.document_kind, documentNumber: row.document_number, date: row.date });

/** The id the next purchase will get, so its entry can name it before it is written. */
export function nextPurchaseId(db: LedgerDatabase): number {
  return (prepared(db, 'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM purchases').get() as { next: number }).next;
}

/** A product line of this association, or the refusal naming `field`. */
export function requireProductLine(db: LedgerDatabase, associationId: number, productLineId: number, field: string): number {
  const row = prepared(db, 'SELECT association_id FROM product_lines WHERE id = ?').get(productLineId) as
    { association_id: number } | undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('purchase.productLineNotFound', { field, params: { id: productLineId } });
  }
  return productLineId;
}
