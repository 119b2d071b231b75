import { formatReceiptNumber, type ReceiptView } from '../../shared/operations/contributions';
import { KhipuError } from '../../shared/errors';
import { getAssociation } from '../associations/service';
import type { WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import {
  checkNotLocked, paymentAccountKind, requireAssociation, requireCashAccount, requireMember, requirePositive, treasurerOn,
  type MemberRow,
} from './common';

// A numbered member document — a receipt, a credit refund — carries a gapless number per association
// and series (the tables' triggers check it), names one member and one cash or bank account, owns one
// entry, and is voided in place with a reason. This is what they share; each adds its own lines.

export type NumberedDocumentTable = 'receipts' | 'credit_refunds';
/** The trade documents (vouchers, purchases, sales, collections), voided in place the same way. */
export type TradeDocumentTable = 'payment_vouchers' | 'purchases' | 'sales' | 'sale_collections';

/** The columns every numbered member document has. */
export interface NumberedDocumentRow {
  id: number; association_id: number; series: string; number: number; date: string; member_id: number;
  account_id: number; entry_id: number; voided_on: string | null; voided_at: string | null; void_reason: string | null;
  void_entry_id: number | null; created_at: string; created_by: string;
}

export function requireNumberedDocument<Row extends NumberedDocumentRow>(
  db: LedgerDatabase, table: NumberedDocumentTable, id: number, notFound: { code: string; field: string },
): Row {
  const row = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new KhipuError(notFound.code, { field: notFound.field, params: { id } });
  return row;
}

/**
 * What a new document needs before anything is written: a positive amount, a member of the
 * association, a date after the closed period and a cash or bank account (cash when none is named).
 */
export function checkNewDocument(
  db: LedgerDatabase, input: { associationId: number; memberId: number; date: string; amount: number; accountId?: number | null | undefined },
): { member: MemberRow; account: { id: number; name: string } } {
  requirePositive(input.amount, 'amount');
  const association = requireAssociation(db, input.associationId);
  const member = requireMember(db, input.associationId, input.memberId);
  checkNotLocked(association, input.date);
  return { member, account: requireCashAccount(db, input.associationId, input.accountId) };
}

/** The next number of the series, as stored and as printed (001-000012). */
export function nextDocumentNumber(
  db: LedgerDatabase, table: NumberedDocumentTable, associationId: number, series: string,
): { number: number; formatted: string } {
  const { number } = prepared(db,
    `SELECT COALESCE(MAX(number), 0) + 1 AS number FROM ${table} WHERE association_id = ? AND series = ?`,
  ).get(associationId, series) as { number: number };
  return { number, formatted: formatReceiptNumber(series, number) };
}

/** Marks the document voided on `date`, keeping its number and data, and names the entry that reversed it. */
export function markDocumentVoided(
  db: LedgerDatabase, context: WriteContext, table: NumberedDocumentTable | TradeDocumentTable, id: number,
  voided: { date: string; reason: string; reversalEntryId: number },
): void {
  prepared(db, `UPDATE ${table} SET voided_on = ?, voided_at = ?, void_reason = ?, void_entry_id = ? WHERE id = ?`)
    .run(voided.date, context.now().toISOString(), voided.reason, voided.reversalEntryId, id);
}

/**
 * The part of the view every numbered document prints: the association's details as they are now,
 * the member, the number, the account, and the treasurer who held the post on the document's date.
 */
export function numberedDocumentView(db: LedgerDatabase, document: NumberedDocumentRow) {
  const association = getAssociation(db, document.association_id);
  const member = prepared(db, 'SELECT id, full_name, dni FROM members WHERE id = ?').get(document.member_id) as
    { id: number; full_name: string; dni: string | null };
  const account = prepared(db, 'SELECT name FROM accounts WHERE id = ?').get(document.account_id) as { name: string };
  const associationDetails: ReceiptView['association'] = {
    name: association.name, ruc: association.ruc, address: association.address, district: association.district,
    province: association.province, department: association.department,
  };
  return {
    id: document.id,
    associationId: document.association_id,
    association: associationDetails,
    series: document.series,
    number: document.number,
    formattedNumber: formatReceiptNumber(document.series, document.number),
    date: document.date,
    member: { id: member.id, fullName: member.full_name, dni: member.dni },
    accountId: document.account_id,
    accountName: account.name,
    accountKind: paymentAccountKind(db, document.account_id),
    entryId: document.entry_id,
    treasurerName: treasurerOn(db, document.association_id, document.date),
    status: document.voided_on === null ? 'valid' as const : 'voided' as const,
    voided: document.voided_on === null
      ? null
      : { date: document.voided_on, reason: document.void_reason ?? '', entryId: document.void_entry_id ?? 0 },
    createdAt: document.created_at,
    createdBy: document.created_by,
  };
}
