import { KhipuError } from '../../shared/errors';
import type { AgingBuckets, AgingDocument, TradeDocumentRef, TradeSide } from '../../shared/operations/trade';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// What the trade reports share: the accounts of each side, the documents' printed references, and the
// open documents as of a day (purchases less the vouchers applied to them, credit sales less collections).

/** The account roles whose lines make up a party's balance on each side. */
export const SIDE_ROLES: Record<TradeSide, readonly string[]> = {
  payable: ['payable_suppliers', 'fees_payable'],
  receivable: ['receivable_customers'],
};

/** +1 when a debit makes the side's balance grow (receivables), −1 when a credit does (payables). */
export const SIDE_SIGN: Record<TradeSide, 1 | -1> = { payable: -1, receivable: 1 };

/** The postable accounts of a side: the role accounts and any sub-account an accountant opened below them. */
export function sideAccountIds(db: LedgerDatabase, associationId: number, side: TradeSide): number[] {
  const rows = prepared(db, `SELECT DISTINCT a.id FROM accounts r
        JOIN accounts a ON a.association_id = r.association_id AND substr(a.code, 1, length(r.code)) = r.code
       WHERE r.association_id = ? AND r.role IN (SELECT value FROM json_each(?)) AND a.postable = 1`)
    .all(associationId, JSON.stringify(SIDE_ROLES[side])) as { id: number }[];
  return rows.map((r) => r.id);
}

export interface PartyRow {
  id: number; association_id: number; name: string; kind: string; document_type: string; document_number: string | null;
  phone: string | null;
}

export function requireTradeParty(db: LedgerDatabase, associationId: number, partyId: number): PartyRow {
  const row = prepared(db, `SELECT id, association_id, name, kind, document_type, document_number, phone
                              FROM parties WHERE id = ?`).get(partyId) as PartyRow | undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('trade.partyNotFound', { field: 'partyId', params: { id: partyId } });
  }
  return row;
}

// ------------------------------------------------------------------ dates

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export { addDays } from '../../shared/dates';

// ------------------------------------------------------------------ references

/** Khipu's own numbers print as series-correlative: 001-000012. */
export function formatNumbered(series: string | null, number: number | null): string | null {
  return series === null || number === null ? null : `${series}-${String(number).padStart(6, '0')}`;
}

export interface DocumentRefRow {
  kind: string | null; document_number: string | null; series: string | null; number: number | null;
}

export function documentRef(type: TradeDocumentRef['type'], id: number | null, row: DocumentRefRow | undefined): TradeDocumentRef {
  if (!row) return { type, id, kind: null, number: null };
  return { type, id, kind: row.kind, number: row.document_number ?? formatNumbered(row.series, row.number) };
}

/** The printed references of many documents of one type, one query. */
export function documentRefs(
  db: LedgerDatabase, type: NonNullable<TradeDocumentRef['type']>, ids: readonly number[],
): Map<number, DocumentRefRow & { due_date: string | null }> {
  if (ids.length === 0) return new Map();
  const sql = {
    purchase: `SELECT d.id, d.document_kind AS kind, d.document_number, NULL AS series, NULL AS number, d.due_date
                 FROM json_each(?) k JOIN purchases d ON d.id = k.value`,
    sale: `SELECT d.id, d.document_kind AS kind, d.document_number, d.nota_series AS series, d.nota_number AS number,
                  d.due_date FROM json_each(?) k JOIN sales d ON d.id = k.value`,
    payment_voucher: `SELECT d.id, 'recibo_egreso' AS kind, NULL AS document_number, d.series, d.number, NULL AS due_date
                        FROM json_each(?) k JOIN payment_vouchers d ON d.id = k.value`,
    sale_collection: `SELECT d.id, 'recibo_ingreso' AS kind, NULL AS document_number, d.series, d.number, NULL AS due_date
                        FROM json_each(?) k JOIN sale_collections d ON d.id = k.value`,
  }[type];
  const rows = prepared(db, sql).all(JSON.stringify([...new Set(ids)])) as (DocumentRefRow & { id: number; due_date: string | null })[];
  return new Map(rows.map((r) => [r.id, r]));
}

// ------------------------------------------------------------------ open documents

export interface OpenDocumentRow {
  id: number; party_id: number; party_name: string; date: string; due_date: string; total: number; open: number;
  kind: string | null; document_number: string | null; series: string | null; number: number | null;
}

/**
 * Purchases live on asOf less the live supplier vouchers applied to them by asOf; a cash purchase (due the same
 * day, settled by its own voucher) is open for no time at all. `partyId` null: every party.
 */
const openPurchasesSql = `
  SELECT d.id, d.party_id, pa.name AS party_name, d.date, COALESCE(d.due_date, d.date) AS due_date, d.total,
         d.total - COALESCE((SELECT SUM(va.amount) FROM voucher_allocations va JOIN payment_vouchers v ON v.id = va.voucher_id
                              WHERE va.purchase_id = d.id AND va.date <= @asOf
                                AND (v.voided_on IS NULL OR v.voided_on > @asOf)), 0) AS open,
         d.document_kind AS kind, d.document_number, NULL AS series, NULL AS number
    FROM purchases d JOIN parties pa ON pa.id = d.party_id
   WHERE d.association_id = @associationId AND d.date <= @asOf AND (d.voided_on IS NULL OR d.voided_on > @asOf)
     AND (@partyId IS NULL OR d.party_id = @partyId)`;

/** Credit sales to a party, live on asOf, less the live collections applied to them by asOf. */
const openSalesSql = `
  SELECT d.id, d.party_id, pa.name AS party_name, d.date, COALESCE(d.due_date, d.date) AS due_date, d.total,
         d.total - COALESCE((SELECT SUM(ca.amount) FROM collection_allocations ca JOIN sale_collections c ON c.id = ca.collection_id
                              WHERE ca.sale_id = d.id AND c.date <= @asOf
                                AND (c.voided_on IS NULL OR c.voided_on > @asOf)), 0) AS open,
         d.document_kind AS kind, d.document_number, d.nota_series AS series, d.nota_number AS number
    FROM sales d JOIN parties pa ON pa.id = d.party_id
   WHERE d.association_id = @associationId AND d.payment = 'credit' AND d.date <= @asOf
     AND (d.voided_on IS NULL OR d.voided_on > @asOf) AND (@partyId IS NULL OR d.party_id = @partyId)`;

/** Open documents of a side as of a day, oldest due first. */
export function openDocuments(
  db: LedgerDatabase, associationId: number, side: TradeSide, asOf: string, partyId: number | null = null,
): OpenDocumentRow[] {
  const sql = side === 'payable' ? openPurchasesSql : openSalesSql;
  return prepared(db, `SELECT * FROM (${sql}) WHERE open > 0 ORDER BY due_date, date, id`)
    .all({ associationId, asOf, partyId }) as OpenDocumentRow[];
}

export function bucketOf(daysPastDue: number): AgingDocument['bucket'] {
  if (daysPastDue <= 0) return 'notDue';
  if (daysPastDue <= 30) return 'days1to30';
  if (daysPastDue <= 90) return 'days31to90';
  return 'over90';
}

export const emptyBuckets = (): AgingBuckets => ({ notDue: 0, days1to30: 0, days31to90: 0, over90: 0, total: 0 });

export function agingDocument(side: TradeSide, row: OpenDocumentRow, asOf: string): AgingDocument {
  const daysPastDue = daysBetween(row.due_date, asOf);
  const type = side === 'payable' ? 'purchase' : 'sale';
  return {
    documentType: type, documentId: row.id, document: documentRef(type, row.id, row), date: row.date, dueDate: row.due_date,
    total: row.total, open: row.open, daysPastDue, bucket: bucketOf(daysPastDue),
  };
}
