import type { OpenPurchase } from '../../shared/operations/purchases';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// What is still owed to a supplier, purchase by purchase: its total less the live voucher allocations
// that settled it (db/payments). A voucher counts while it is not voided.

const openPurchaseSelect = `
  SELECT p.id AS purchaseId, p.party_id AS partyId, p.date, p.due_date AS dueDate, p.document_kind AS documentKind,
         p.document_number AS documentNumber, p.total,
         p.total - COALESCE((SELECT SUM(a.amount) FROM voucher_allocations a JOIN payment_vouchers v ON v.id = a.voucher_id
                              WHERE a.purchase_id = p.id AND v.voided_on IS NULL), 0) AS open
    FROM purchases p`;

/** A supplier's live purchases with something still owed, oldest due first (then date, then id). */
export function openPurchases(db: LedgerDatabase, partyId: number): OpenPurchase[] {
  return (prepared(db, `${openPurchaseSelect}
      WHERE p.party_id = ? AND p.voided_on IS NULL
      ORDER BY p.due_date, p.date, p.id`).all(partyId) as OpenPurchase[])
    .filter((purchase) => purchase.open > 0);
}

/** What is still owed of one purchase: its total less live allocations; 0 once voided. */
export function purchaseOpenAmount(db: LedgerDatabase, purchaseId: number): number {
  const row = prepared(db, `${openPurchaseSelect} WHERE p.id = ? AND p.voided_on IS NULL`).get(purchaseId) as
    OpenPurchase | undefined;
  return row?.open ?? 0;
}
