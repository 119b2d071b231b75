import type { OpenSale, SaleDocumentKind } from '../../shared/operations/sales';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { saleFormattedNumber } from './common';

// What buyers still owe: live credit sales less the live collections that paid them. The reports
// (aging, due this week, statements) and "Cobrar a clientes" read it from here, so they agree.

interface OpenSaleRow {
  saleId: number; partyId: number; date: string; dueDate: string; documentKind: SaleDocumentKind;
  documentNumber: string | null; notaSeries: string | null; notaNumber: number | null; total: number; open: number;
}

/**
 * As of a day (inclusive) when `asOf` is given: sales dated by then and not voided by then, less
 * collections dated by then and not voided by then. Without it: as the file stands now.
 */
const openSalesSelect = (scope: string) => `
  SELECT s.id AS saleId, s.party_id AS partyId, s.date, s.due_date AS dueDate, s.document_kind AS documentKind,
         s.document_number AS documentNumber, s.nota_series AS notaSeries, s.nota_number AS notaNumber, s.total,
         s.total - COALESCE((SELECT SUM(a.amount) FROM collection_allocations a
                               JOIN sale_collections c ON c.id = a.collection_id
                              WHERE a.sale_id = s.id AND c.date <= @asOf
                                AND (c.voided_on IS NULL OR c.voided_on > @asOf)), 0) AS open
    FROM sales s
   WHERE ${scope} AND s.payment = 'credit' AND s.date <= @asOf AND (s.voided_on IS NULL OR s.voided_on > @asOf)
   ORDER BY s.due_date, s.date, s.id`;

const lastDay = '9999-12-31';

function toOpenSale(row: OpenSaleRow): OpenSale {
  return {
    saleId: row.saleId, partyId: row.partyId, date: row.date, dueDate: row.dueDate, documentKind: row.documentKind,
    formattedNumber: saleFormattedNumber(row), total: row.total, open: row.open,
  };
}

/** A buyer's live credit sales with something still owed, oldest due first (then date, then id). */
export function openSales(db: LedgerDatabase, partyId: number, asOf: string = lastDay): OpenSale[] {
  const rows = prepared(db, openSalesSelect('s.party_id = @partyId')).all({ partyId, asOf }) as OpenSaleRow[];
  return rows.filter((row) => row.open > 0).map(toOpenSale);
}

/** Every buyer's open credit sales in the association, oldest due first: one query for aging and Inicio. */
export function openSalesOfAssociation(db: LedgerDatabase, associationId: number, asOf: string = lastDay): OpenSale[] {
  const rows = prepared(db, openSalesSelect('s.association_id = @associationId AND s.party_id IS NOT NULL'))
    .all({ associationId, asOf }) as OpenSaleRow[];
  return rows.filter((row) => row.open > 0).map(toOpenSale);
}

/** What one sale still owes now: its total less its live collections (0 for a cash or voided sale). */
export function saleOpenAmount(db: LedgerDatabase, saleId: number): number {
  const row = prepared(db, `SELECT CASE WHEN s.payment = 'credit' AND s.voided_on IS NULL
              THEN s.total - COALESCE((SELECT SUM(a.amount) FROM collection_allocations a
                                         JOIN sale_collections c ON c.id = a.collection_id AND c.voided_on IS NULL
                                        WHERE a.sale_id = s.id), 0)
              ELSE 0 END AS open
         FROM sales s WHERE s.id = ?`).get(saleId) as { open: number } | undefined;
  return row?.open ?? 0;
}

/**
 * A buyer's advance now: what their live collections brought beyond the sales they paid. It sits on
 * 121 with the party (a credit balance) until it is refunded or the buyer is charged against it.
 */
export function buyerAdvance(db: LedgerDatabase, partyId: number): number {
  const row = prepared(db, `SELECT COALESCE(SUM(c.amount), 0)
              - COALESCE((SELECT SUM(a.amount) FROM collection_allocations a JOIN sale_collections k ON k.id = a.collection_id
                           WHERE k.party_id = @partyId AND k.voided_on IS NULL), 0) AS advance
         FROM sale_collections c WHERE c.party_id = @partyId AND c.voided_on IS NULL`).get({ partyId }) as { advance: number };
  return row.advance;
}
