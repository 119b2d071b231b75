import type { PaymentVoucherLine } from '../../shared/operations/payments';
import { displayDate } from '../../shared/dates';
import type { LedgerDatabase } from '../storage/open';
import { openPurchases } from '../purchases/open';
import { prepared } from '../storage/statements';

// What a supplier is owed, purchase by purchase: its total less what live vouchers settled of it.

export interface PayablePurchase {
  purchaseId: number; associationId: number; partyId: number; date: string; dueDate: string;
  documentKind: PaymentVoucherLine['documentKind']; documentNumber: string | null; total: number; open: number;
  voidedOn: string | null;
  /** The payable its entry credited with the supplier: 421, or 424 for a recibo por honorarios. */
  payableAccountId: number | null;
}

// The payable is read from the purchase's own entry lines (UNIQUE(entry_id, line_no)); the unary + keeps
// SQLite from walking every line of the party through journal_lines_party instead.
const purchaseSelect = `
  SELECT p.id AS purchaseId, p.association_id AS associationId, p.party_id AS partyId, p.date,
         COALESCE(p.due_date, p.date) AS dueDate, p.document_kind AS documentKind, p.document_number AS documentNumber,
         p.total, p.voided_on AS voidedOn,
         p.total - COALESCE((SELECT SUM(a.amount) FROM voucher_allocations a JOIN payment_vouchers v ON v.id = a.voucher_id
                              WHERE a.purchase_id = p.id AND v.voided_on IS NULL), 0) AS open,
         (SELECT l.account_id FROM journal_lines l JOIN accounts c ON c.id = l.account_id
           WHERE l.entry_id = p.entry_id AND +l.party_id = p.party_id AND l.amount < 0
             AND c.role IN ('payable_suppliers', 'fees_payable')
           ORDER BY l.line_no LIMIT 1) AS payableAccountId
    FROM purchases p`;

const payableOf = `SELECT l.account_id AS accountId FROM purchases p JOIN journal_lines l ON l.entry_id = p.entry_id
                      JOIN accounts c ON c.id = l.account_id
                     WHERE p.id = ? AND +l.party_id = p.party_id AND l.amount < 0 AND c.role IN ('payable_suppliers', 'fees_payable')
                     ORDER BY l.line_no LIMIT 1`;

/**
 * A supplier's live purchases still owed, dated by `date`, oldest due first (then date, then id):
 * the purchases service's openPurchases, with the payable each one credited.
 */
export function openPurchasesOf(db: LedgerDatabase, partyId: number, date: string): PayablePurchase[] {
  const owed = openPurchases(db, partyId).filter((purchase) => purchase.date <= date);
  if (owed.length === 0) return [];
  const { association_id: associationId } = prepared(db, 'SELECT association_id FROM parties WHERE id = ?').get(partyId) as
    { association_id: number };
  return owed.map((purchase) => ({
    ...purchase,
    associationId,
    voidedOn: null,
    payableAccountId: (prepared(db, payableOf).get(purchase.purchaseId) as { accountId: number } | undefined)?.accountId ?? null,
  }));
}

export function findPurchase(db: LedgerDatabase, purchaseId: number): PayablePurchase | undefined {
  return prepared(db, `${purchaseSelect} WHERE p.id = ?`).get(purchaseId) as PayablePurchase | undefined;
}

const kindWords: Record<PaymentVoucherLine['documentKind'], string> = {
  factura: 'Factura', boleta: 'Boleta', recibo_honorarios: 'Recibo por honorarios', ticket: 'Ticket', none: 'Compra',
};

/** How entries and messages name a purchase: "Factura F001-123", or "Compra del 12/03/2026" without a document. */
export function purchaseLabel(purchase: Pick<PayablePurchase, 'documentKind' | 'documentNumber' | 'date'>): string {
  return purchase.documentNumber === null
    ? `${kindWords[purchase.documentKind]} del ${displayDate(purchase.date)}`
    : `${kindWords[purchase.documentKind]} ${purchase.documentNumber}`;
}
