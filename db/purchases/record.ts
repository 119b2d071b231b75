import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { assertDocumentTotal, formatSoles, sumCentimos } from '../../shared/money';
import type { PurchaseView } from '../../shared/operations/purchases';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation, requireCashAccount, roleAccount } from '../contributions/common';
import { insertEntry, type NewLine } from '../journal/post';
import { requireParty } from '../parties/require';
import { issueSupplierPayment } from '../payments/supplier';
import { moveStock } from '../stock/movements';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { nextPurchaseId, normaliseDocumentNumber, purchaseLabel, requireProductLine } from './common';
import { chargeShares, checkSharesDueDate, planShares } from './joint';
import { priceLines, type PricedLine } from './lines';
import { getPurchase } from './view';

// Recording a supplier's document. ONE entry: Dr each line's account (+ Dr 4011 IGV crédito fiscal) /
// Cr 421 (424 for a recibo por honorarios) with the supplier. Stock lines move into the store at
// their amount (IGV excluded). Paid now: the payment voucher for the total follows in the same
// transaction. Joint lines (Dr 169) are recharged to the members as charges (Dr 1429 / Cr 169).

type Input = ParsedInput<'recordPurchase'>;

const blankToNull = (text: string | null | undefined) => (text === undefined || text === null || text === '' ? null : text);

/** The supplier's document: a number for every kind but 'none', recorded once per supplier among live purchases. */
function checkDocument(db: LedgerDatabase, input: Input, partyId: number): string | null {
  const typed = input.documentNumber === null || input.documentNumber === undefined ? '' : normaliseDocumentNumber(input.documentNumber);
  if (input.documentKind === 'none') {
    if (typed !== '') throw new KhipuError('purchase.documentNumberNotAllowed', { field: 'documentNumber' });
    return null;
  }
  if (typed === '') throw new KhipuError('purchase.documentNumberRequired', { field: 'documentNumber' });
  const other = prepared(db, `SELECT date FROM purchases
      WHERE party_id = ? AND document_number = ? AND voided_on IS NULL LIMIT 1`).get(partyId, typed) as { date: string } | undefined;
  if (other) {
    throw new KhipuError('purchase.duplicateDocument', {
      field: 'documentNumber', params: { number: typed, date: displayDate(other.date) },
    });
  }
  return typed;
}

/** Credit: a due date on or after the purchase. Paid now: due that day, from a caja or bank account. */
function checkPayment(db: LedgerDatabase, input: Input): { dueDate: string; accountId: number | null } {
  if (input.payment === 'credit') {
    if (input.accountId !== null && input.accountId !== undefined) {
      throw new KhipuError('purchase.accountOnlyWhenPaid', { field: 'accountId' });
    }
    if (input.dueDate === null || input.dueDate === undefined) throw new KhipuError('purchase.dueDateRequired', { field: 'dueDate' });
    if (input.dueDate < input.date) {
      throw new KhipuError('purchase.dueBeforeDate', {
        field: 'dueDate', params: { dueDate: displayDate(input.dueDate), date: displayDate(input.date) },
      });
    }
    return { dueDate: input.dueDate, accountId: null };
  }
  if (input.dueDate !== null && input.dueDate !== undefined && input.dueDate !== input.date) {
    throw new KhipuError('purchase.dueDateOnlyOnCredit', { field: 'dueDate' });
  }
  return { dueDate: input.date, accountId: requireCashAccount(db, input.associationId, input.accountId).id };
}

function checkIgv(igv: number, subtotal: number): void {
  if (igv < 0) throw new KhipuError('purchase.igvNegative', { field: 'igv', params: { igv: formatSoles(igv) } });
  if (igv > subtotal) {
    throw new KhipuError('purchase.igvAboveSubtotal', { field: 'igv', params: { igv: formatSoles(igv), subtotal: formatSoles(subtotal) } });
  }
}

function entryLines(
  db: LedgerDatabase, input: Input, lines: readonly PricedLine[], igv: number, total: number, partyId: number, label: string,
): NewLine[] {
  const posted: NewLine[] = lines.map((line) => ({
    accountId: line.accountId, amount: line.amount, productLineId: line.productLineId, memo: line.description,
  }));
  if (igv > 0) posted.push({ accountId: roleAccount(db, input.associationId, 'taxes_payable'), amount: igv, memo: `IGV ${label}` });
  const payableRole = input.documentKind === 'recibo_honorarios' ? 'fees_payable' : 'payable_suppliers';
  posted.push({ accountId: roleAccount(db, input.associationId, payableRole), amount: -total, partyId, memo: label });
  return posted;
}

export function recordPurchase(db: LedgerDatabase, context: WriteContext, input: Input): PurchaseView {
  return writeTransaction(db, () => {
    const association = requireAssociation(db, input.associationId);
    checkNotLocked(association, input.date);
    const supplier = requireParty(db, input.associationId, input.partyId, 'partyId');
    const documentNumber = checkDocument(db, input, supplier.id);
    const payment = checkPayment(db, input);
    const productLineId = input.productLineId === null || input.productLineId === undefined
      ? null : requireProductLine(db, input.associationId, input.productLineId, 'productLineId');
    const lines = priceLines(db, input.associationId, productLineId, input.lines);
    const subtotal = sumCentimos(lines.map((line) => line.amount));
    const igv = input.igv ?? 0;
    checkIgv(igv, subtotal);
    const total = subtotal + igv;
    assertDocumentTotal(total, 'lines');
    const shares = planShares(db, input.associationId, lines, input.jointShares);
    const sharesDueDate = input.dueDateForShares ?? input.date;
    if (shares.length > 0) checkSharesDueDate(input.date, sharesDueDate);

    const purchaseId = nextPurchaseId(db);
    const label = purchaseLabel({ documentKind: input.documentKind, documentNumber, date: input.date });
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, sourceType: 'purchase', sourceId: purchaseId,
      description: `${label} — ${supplier.name}`, lines: entryLines(db, input, lines, igv, total, supplier.id, label),
    });

    const insertLine = prepared(db, `INSERT INTO purchase_lines (purchase_id, line_no, product_id, description, quantity, unit_price,
        amount, category, account_id, product_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const line of lines) {
      insertLine.run(purchaseId, line.lineNo, line.product?.id ?? null, line.description, line.quantity, line.unitPrice, line.amount,
        line.category, line.accountId, line.productLineId);
    }
    const what = lines.filter((line) => line.category === 'joint').map((line) => line.description).join(', ');
    const chargeIds = chargeShares(db, context, {
      associationId: input.associationId, date: input.date, dueDate: sharesDueDate, label, what,
    }, shares);
    const insertShare = prepared(db, `INSERT INTO joint_purchase_shares (purchase_id, member_id, quantity, amount, charge_id)
        VALUES (?, ?, ?, ?, ?)`);
    shares.forEach((share, index) => insertShare.run(purchaseId, share.memberId, share.quantity, share.amount, chargeIds[index]!));

    prepared(db, `INSERT INTO purchases (id, association_id, date, party_id, document_kind, document_number, subtotal, igv, total,
        payment, due_date, product_line_id, joint, shares_by, note, entry_id, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      purchaseId, input.associationId, input.date, supplier.id, input.documentKind, documentNumber, subtotal, igv, total,
      input.payment, payment.dueDate, productLineId, shares.length > 0 ? 1 : 0,
      shares.length > 0 ? input.jointShares!.by : null, blankToNull(input.note), entry.id, context.now().toISOString(), context.actor,
    );
    for (const line of lines) {
      if (line.category !== 'stock') continue;
      moveStock(db, {
        associationId: input.associationId, productId: line.product!.id, date: input.date, quantity: line.quantity!,
        value: line.amount, sourceType: 'purchase', sourceId: purchaseId, entryId: entry.id, field: `lines.${line.lineNo - 1}.quantity`,
      });
    }
    const voucher = payment.accountId === null ? null : issueSupplierPayment(db, context, {
      associationId: input.associationId, partyId: supplier.id, date: input.date, amount: total, accountId: payment.accountId,
      purchaseIds: [purchaseId],
    });
    appendAudit(db, context, 'recordPurchase', input.associationId, {
      ...input, purchaseId, entryId: entry.id, subtotal, total, chargeIds, voucherId: voucher?.id ?? null,
    });
    return getPurchase(db, purchaseId);
  });
}
