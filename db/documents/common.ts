import type { DocumentAssociation, DocumentParty, DocumentPrint, DocumentVoid } from '../../shared/operations/documents';
import { getAssociation } from '../associations/service';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// What the services of the trade documents share — payment vouchers, purchases, sales, collections
// (and the receipts' print count). All run inside the caller's transaction.

/** Tables whose rows count their paper prints. */
export type PrintedTable = 'receipts' | 'payment_vouchers' | 'sales' | 'sale_collections';

/** The association's details as every document prints them: as they are now. */
export function associationDetails(db: LedgerDatabase, associationId: number): DocumentAssociation {
  const association = getAssociation(db, associationId);
  return {
    name: association.name, ruc: association.ruc, address: association.address, district: association.district,
    province: association.province, department: association.department,
  };
}

/** The party a document names, from the register: a purchase's supplier, a sale's or collection's buyer. */
export function documentParty(db: LedgerDatabase, partyId: number): DocumentParty {
  const row = prepared(db, 'SELECT id, name, document_type, document_number FROM parties WHERE id = ?').get(partyId) as
    { id: number; name: string; document_type: DocumentParty['documentType']; document_number: string | null };
  return { id: row.id, name: row.name, documentType: row.document_type, documentNumber: row.document_number };
}

/** A document's status and void as its view shows them. */
export function documentStatus(row: { voided_on: string | null; void_reason: string | null; void_entry_id: number | null }): {
  status: 'valid' | 'voided'; voided: DocumentVoid | null;
} {
  return {
    status: row.voided_on === null ? 'valid' : 'voided',
    voided: row.voided_on === null ? null : { date: row.voided_on, reason: row.void_reason ?? '', entryId: row.void_entry_id ?? 0 },
  };
}

/**
 * Counts one print on paper (the print route calls it once per print, never for a saved PDF) and
 * audits it under `operation`, the document's id under `idField`.
 */
export function countPrint(
  db: LedgerDatabase, context: WriteContext, table: PrintedTable,
  row: { id: number; association_id: number; print_count: number }, audit: { operation: string; idField: string },
): DocumentPrint {
  const printCount = row.print_count + 1;
  prepared(db, `UPDATE ${table} SET print_count = ? WHERE id = ?`).run(printCount, row.id);
  const copy: DocumentPrint['copy'] = printCount === 1 ? 'original' : 'duplicado';
  appendAudit(db, context, audit.operation, row.association_id, { [audit.idField]: row.id, printCount, copy });
  return { copy, printCount };
}

/**
 * Money paid to open documents in the order given: each takes what it still owes until the money
 * runs out; what is left over is the advance. A document with nothing open takes nothing.
 */
export function payInOrder<Item extends { open: number }>(
  items: readonly Item[], amount: number,
): { paid: { item: Item; amount: number }[]; advance: number } {
  let remaining = amount;
  const paid: { item: Item; amount: number }[] = [];
  for (const item of items) {
    if (remaining === 0) break;
    if (item.open <= 0) continue;
    const take = Math.min(item.open, remaining);
    paid.push({ item, amount: take });
    remaining -= take;
  }
  return { paid, advance: remaining };
}

/**
 * One page of a newest-first list read with LIMIT page size + 1: the first `limit` rows, and the
 * cursor (the last row's date and id) when the extra row says another page follows.
 */
export function keysetPage<Row, Summary extends { date: string; id: number }>(
  rows: readonly Row[], limit: number, toSummary: (row: Row) => Summary,
): { rows: Summary[]; nextCursor: { date: string; id: number } | null } {
  const page = rows.slice(0, limit).map((row) => toSummary(row));
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? { date: last.date, id: last.id } : null };
}
