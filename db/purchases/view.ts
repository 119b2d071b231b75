import type { ParsedInput } from '../../shared/api';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { JointShareView, PurchaseLineView, PurchasePage, PurchaseSummary, PurchaseView } from '../../shared/operations/purchases';
import { requireAssociation } from '../contributions/common';
import { associationDetails, documentParty, documentStatus, keysetPage } from '../documents/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { requirePurchase, rowLabel } from './common';
import { purchaseOpenAmount } from './open';

// Reading purchases: the full view (lines with their accounts, payments, members' shares), one-line
// summaries, the keyset list.

export function getPurchase(db: LedgerDatabase, purchaseId: number): PurchaseView {
  const purchase = requirePurchase(db, purchaseId);
  const lines = prepared(db, `SELECT l.line_no AS lineNo, l.product_id AS productId, p.name AS productName, p.unit,
              l.description, l.quantity, l.unit_price AS unitPrice, l.amount, l.category, l.account_id AS accountId,
              a.code AS accountCode, a.name AS accountName, l.product_line_id AS productLineId
         FROM purchase_lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN products p ON p.id = l.product_id
        WHERE l.purchase_id = ? ORDER BY l.line_no`).all(purchase.id) as PurchaseLineView[];
  const payments = (prepared(db, `SELECT v.id AS voucherId, v.series, v.number, v.date, SUM(a.amount) AS amount
         FROM voucher_allocations a JOIN payment_vouchers v ON v.id = a.voucher_id
        WHERE a.purchase_id = ? AND v.voided_on IS NULL GROUP BY v.id ORDER BY v.date, v.id`)
    .all(purchase.id) as { voucherId: number; series: string; number: number; date: string; amount: number }[])
    .map(({ series, number, ...rest }) => ({ ...rest, formattedNumber: formatReceiptNumber(series, number) }));
  const shares = (prepared(db, `SELECT s.member_id AS memberId, m.full_name AS memberName, s.quantity, s.amount,
              s.charge_id AS chargeId, c.voided_on IS NOT NULL AS chargeVoided,
              CASE WHEN c.voided_on IS NULL
                   THEN c.amount - COALESCE((SELECT SUM(x.amount) FROM allocations x WHERE x.charge_id = c.id AND x.voided_on IS NULL), 0)
                   ELSE 0 END AS open
         FROM joint_purchase_shares s JOIN members m ON m.id = s.member_id JOIN charges c ON c.id = s.charge_id
        WHERE s.purchase_id = ? ORDER BY s.id`).all(purchase.id) as (Omit<JointShareView, 'chargeVoided'> & { chargeVoided: number })[])
    .map((share) => ({ ...share, chargeVoided: share.chargeVoided === 1 }));
  return {
    id: purchase.id,
    associationId: purchase.association_id,
    association: associationDetails(db, purchase.association_id),
    date: purchase.date,
    supplier: documentParty(db, purchase.party_id),
    documentKind: purchase.document_kind,
    documentNumber: purchase.document_number,
    label: rowLabel(purchase),
    lines,
    subtotal: purchase.subtotal,
    igv: purchase.igv,
    total: purchase.total,
    payment: purchase.payment,
    dueDate: purchase.due_date,
    open: purchaseOpenAmount(db, purchase.id),
    payments,
    productLineId: purchase.product_line_id,
    joint: purchase.joint === 1,
    sharesBy: purchase.shares_by,
    shares,
    note: purchase.note,
    entryId: purchase.entry_id,
    ...documentStatus(purchase),
    createdAt: purchase.created_at,
    createdBy: purchase.created_by,
  };
}

const summarySelect = `
  SELECT s.id, s.date, s.party_id AS partyId, p.name AS supplierName, s.document_kind AS documentKind,
         s.document_number AS documentNumber, s.total, s.payment, s.due_date AS dueDate, s.joint,
         CASE WHEN s.voided_on IS NULL
              THEN s.total - COALESCE((SELECT SUM(a.amount) FROM voucher_allocations a
                                         JOIN payment_vouchers v ON v.id = a.voucher_id AND v.voided_on IS NULL
                                        WHERE a.purchase_id = s.id), 0)
              ELSE 0 END AS open,
         CASE WHEN s.voided_on IS NULL THEN 'valid' ELSE 'voided' END AS status
    FROM purchases s JOIN parties p ON p.id = s.party_id`;

const toSummary = (row: Omit<PurchaseSummary, 'joint'> & { joint: number }): PurchaseSummary => ({ ...row, joint: row.joint === 1 });

/**
 * Newest first, a page at a time: the cursor is the last row's (date, id), so the next page starts
 * right after it through purchases_association_date, whatever the number of purchases.
 */
export function listPurchases(db: LedgerDatabase, input: ParsedInput<'listPurchases'>): PurchasePage {
  requireAssociation(db, input.associationId);
  const limit = input.limit ?? 200;
  const rows = prepared(db, `${summarySelect}
        WHERE s.association_id = @associationId
          AND (@from IS NULL OR s.date >= @from) AND (@to IS NULL OR s.date <= @to)
          AND (@partyId IS NULL OR s.party_id = @partyId)
          AND (@cursorDate IS NULL OR s.date < @cursorDate OR (s.date = @cursorDate AND s.id < @cursorId))
          AND (@status IS NULL OR (@status = 'valid' AND s.voided_on IS NULL) OR (@status = 'voided' AND s.voided_on IS NOT NULL)
               OR (@status = 'open' AND s.voided_on IS NULL AND open > 0))
        ORDER BY s.date DESC, s.id DESC LIMIT @limit`)
    .all({
      associationId: input.associationId, from: input.from ?? null, to: input.to ?? null, partyId: input.partyId ?? null,
      status: input.status ?? null, cursorDate: input.cursor?.date ?? null, cursorId: input.cursor?.id ?? null, limit: limit + 1,
    }) as (Omit<PurchaseSummary, 'joint'> & { joint: number })[];
  return keysetPage(rows, limit, toSummary);
}

