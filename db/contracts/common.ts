import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import type { ContractStatus } from '../../shared/operations/contracts';
import type { WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation } from '../contributions/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// Look-ups the contracts services share. All run inside the caller's transaction.

export interface ContractRow {
  id: number; association_id: number; party_id: number; number: string; programme: string | null;
  process_number: string | null; signed_on: string; start_date: string; end_date: string; term_days: number | null;
  status: ContractStatus; penalty_cap_bp: number; note: string | null; created_at: string; created_by: string;
}

/** A contract recorded by Khipu (with its terms); a bare row from before version 21 is not one. */
export function requireContract(db: LedgerDatabase, contractId: number, field = 'contractId'): ContractRow {
  const row = prepared(db, 'SELECT * FROM contracts WHERE id = ?').get(contractId) as ContractRow | undefined;
  if (!row || row.signed_on === null) throw new KhipuError('contract.notFound', { field, params: { id: contractId } });
  return row;
}

export interface TermsItem { line_no: number; product_id: number; quantity: number; unit_price: number; amount: number }
export interface TermsScheduleLine { line_no: number; due_date: string; product_id: number; quantity: number }
export interface Terms { version: number; date: string; items: TermsItem[]; schedule: TermsScheduleLine[] }

/** The version in force on `date`: the latest dated on or before it (version 0 dates from signed_on). */
export function versionOn(db: LedgerDatabase, contract: ContractRow, date: string): number {
  const row = prepared(db, `SELECT MAX(version) AS version FROM contract_amendments WHERE contract_id = ? AND date <= ?`)
    .get(contract.id, date) as { version: number | null };
  return row.version ?? 0;
}

export function latestVersion(db: LedgerDatabase, contractId: number): number {
  const row = prepared(db, 'SELECT MAX(version) AS version FROM contract_amendments WHERE contract_id = ?').get(contractId) as
    { version: number | null };
  return row.version ?? 0;
}

export function termsOf(db: LedgerDatabase, contract: ContractRow, version: number): Terms {
  const items = prepared(db, `SELECT line_no, product_id, quantity, unit_price, amount FROM contract_items
      WHERE contract_id = ? AND version = ? ORDER BY line_no`).all(contract.id, version) as TermsItem[];
  const schedule = prepared(db, `SELECT line_no, due_date, product_id, quantity FROM contract_schedule
      WHERE contract_id = ? AND version = ? ORDER BY line_no`).all(contract.id, version) as TermsScheduleLine[];
  const date = version === 0 ? contract.signed_on
    : (prepared(db, 'SELECT date FROM contract_amendments WHERE contract_id = ? AND version = ?').get(contract.id, version) as
      { date: string }).date;
  return { version, date, items, schedule };
}

/**
 * Per product, what live deliveries took net of what live actas rejected (thousandths); and per
 * schedule line number the same, so a line is "filled" when it reaches its quantity.
 */
export function deliveredNet(db: LedgerDatabase, contractId: number): {
  byProduct: Map<number, number>; byScheduleLine: Map<number, number>;
} {
  const rows = prepared(db, `SELECT l.product_id AS productId, l.schedule_line_no AS scheduleLineNo,
             SUM(l.quantity - COALESCE(al.rejected_quantity, 0)) AS net
        FROM contract_deliveries d
        JOIN contract_delivery_lines l ON l.delivery_id = d.id
        LEFT JOIN contract_acceptances a ON a.delivery_id = d.id AND a.voided_on IS NULL
        LEFT JOIN contract_acceptance_lines al ON al.acceptance_id = a.id AND al.line_no = l.line_no
       WHERE d.contract_id = ? AND d.voided_on IS NULL
       GROUP BY l.product_id, l.schedule_line_no`).all(contractId) as { productId: number; scheduleLineNo: number; net: number }[];
  const byProduct = new Map<number, number>();
  const byScheduleLine = new Map<number, number>();
  for (const row of rows) {
    byProduct.set(row.productId, (byProduct.get(row.productId) ?? 0) + row.net);
    byScheduleLine.set(row.scheduleLineNo, (byScheduleLine.get(row.scheduleLineNo) ?? 0) + row.net);
  }
  return { byProduct, byScheduleLine };
}

/** The id the next row of an append-only table will get, so an entry can name its document before it is written. */
export function nextContractsId(
  db: LedgerDatabase,
  table: 'contracts' | 'contract_deliveries' | 'contract_acceptances' | 'contract_invoices' | 'contract_collections',
): number {
  return (prepared(db, `SELECT COALESCE(MAX(id), 0) + 1 AS next FROM ${table}`).get() as { next: number }).next;
}

/** A SUNAT number as stored: upper-case, without spaces ("e001 - 123" → "E001-123"). */
export function normaliseNumber(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

export const blankToNull = (text: string | null | undefined): string | null =>
  (text === undefined || text === null || text === '' ? null : text);

/** What every void refuses: voiding twice, a void dated before the document, a void inside the closed period. */
export function checkContractVoidable(
  db: LedgerDatabase, document: { association_id: number; date: string; voided_on: string | null },
  voidDate: string, kind: 'contractDelivery' | 'contractAcceptance' | 'contractInvoice' | 'contractCollection',
  field: string, number: string,
): void {
  if (document.voided_on !== null) {
    throw new KhipuError(`${kind}.alreadyVoided`, { field, params: { number, date: displayDate(document.voided_on) } });
  }
  if (voidDate < document.date) {
    throw new KhipuError(`${kind}.voidBeforeDate`, { field: 'date', params: { date: displayDate(document.date) } });
  }
  checkNotLocked(requireAssociation(db, document.association_id), voidDate);
}

export type VoidableTable = 'contract_deliveries' | 'contract_acceptances' | 'contract_invoices' | 'contract_collections';

export function markVoided(
  db: LedgerDatabase, context: WriteContext, table: VoidableTable, id: number,
  voided: { date: string; reason: string; reversalEntryId: number | null },
): void {
  prepared(db, `UPDATE ${table} SET voided_on = ?, voided_at = ?, void_reason = ?, void_entry_id = ? WHERE id = ?`)
    .run(voided.date, context.now().toISOString(), voided.reason, voided.reversalEntryId, id);
}

/** The role of the income account an invoice credits and the cost account a delivery debits, by product category. */
export const costRoleOf = (category: string) => (category === 'goods' ? 'cost_of_sales' : 'cost_of_sales_products');
