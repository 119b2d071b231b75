import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { formatSoles } from '../../shared/money';
import type { PaymentVoucherView } from '../../shared/operations/payments';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation, requireCashAccount, roleAccount } from '../contributions/common';
import { payInOrder } from '../documents/common';
import { insertEntry, type NewLine } from '../journal/post';
import { requireParty, type PartyRow } from '../parties/require';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { insertVoucher, nextVoucherId, nextVoucherNumber } from './common';
import { findPurchase, openPurchasesOf, purchaseLabel, type PayablePurchase } from './open-purchases';
import { getPaymentVoucher } from './view';

// Paying a supplier, with its "Recibo de egreso": Dr the payable each purchase credited (421, or 424
// for a recibo por honorarios) with the supplier / Cr caja or bank. What it pays beyond what the
// supplier is owed (confirmed) is an advance: Dr 421 with the supplier, so the supplier's balance
// goes debit; it is applied to the supplier's purchases by the next payment (applySupplierAdvances).

export type SupplierPaymentInput = Pick<ParsedInput<'paySupplier'>, 'associationId' | 'partyId' | 'date' | 'amount'> & {
  accountId?: number | null | undefined;
  purchaseIds?: readonly number[] | null | undefined;
  confirmOverpayment?: boolean | undefined;
  concept?: string | null | undefined;
};

const advanceMemo = 'Adelanto al proveedor';
const maxConcept = 300;

/** The ticked purchases, checked one by one: this supplier's, live, dated by the payment, still owed. */
function chosenPurchases(db: LedgerDatabase, input: SupplierPaymentInput, purchaseIds: readonly number[]): PayablePurchase[] {
  const seen = new Set<number>();
  return purchaseIds.map((purchaseId, index) => {
    const field = `purchaseIds.${index}`;
    if (seen.has(purchaseId)) throw new KhipuError('payment.purchaseRepeated', { field, params: { id: purchaseId } });
    seen.add(purchaseId);
    const purchase = findPurchase(db, purchaseId);
    if (!purchase || purchase.associationId !== input.associationId) {
      throw new KhipuError('payment.purchaseNotFound', { field, params: { id: purchaseId } });
    }
    const document = purchaseLabel(purchase);
    if (purchase.partyId !== input.partyId) throw new KhipuError('payment.purchaseOtherSupplier', { field, params: { document } });
    if (purchase.voidedOn !== null) throw new KhipuError('payment.purchaseVoided', { field, params: { document } });
    if (purchase.date > input.date) {
      throw new KhipuError('payment.purchaseAfterDate', { field, params: { document, date: displayDate(purchase.date) } });
    }
    if (purchase.open <= 0) throw new KhipuError('payment.purchaseSettled', { field, params: { document } });
    return purchase;
  });
}

/**
 * The ticked purchases first, in the order given, then the supplier's others dated by the payment, oldest
 * due first. The others are read only when they can take something: when advances are to be applied to
 * them, or the ticked ones owe less than the amount (a purchase paid now never reads the supplier's history).
 */
function candidatePurchases(db: LedgerDatabase, input: SupplierPaymentInput, withAdvances: boolean): PayablePurchase[] {
  const chosen = input.purchaseIds ? chosenPurchases(db, input, input.purchaseIds) : [];
  const chosenOpen = chosen.reduce((sum, purchase) => sum + purchase.open, 0);
  if (!withAdvances && chosen.length > 0 && chosenOpen >= input.amount) return chosen;
  const ticked = new Set(chosen.map((purchase) => purchase.purchaseId));
  return [...chosen, ...openPurchasesOf(db, input.partyId, input.date).filter((purchase) => !ticked.has(purchase.purchaseId))];
}

interface Advance { voucherId: number; date: string; unapplied: number }

/** The supplier's live vouchers with money not yet applied to a purchase, dated by `date`, oldest first. */
export function supplierAdvances(db: LedgerDatabase, partyId: number, date = '9999-12-31'): Advance[] {
  return (prepared(db, `SELECT v.id AS voucherId, v.date,
              v.amount - COALESCE((SELECT SUM(a.amount) FROM voucher_allocations a WHERE a.voucher_id = v.id), 0) AS unapplied
         FROM payment_vouchers v
        WHERE v.party_id = ? AND v.kind = 'supplier' AND v.voided_on IS NULL AND v.date <= ?
        ORDER BY v.date, v.id`).all(partyId, date) as Advance[]).filter((advance) => advance.unapplied > 0);
}

const insertAllocation = (db: LedgerDatabase, voucherId: number, purchaseId: number, date: string, amount: number) =>
  prepared(db, 'INSERT INTO voucher_allocations (voucher_id, purchase_id, date, amount) VALUES (?, ?, ?, ?)')
    .run(voucherId, purchaseId, date, amount);

/**
 * Applies the supplier's advances (oldest first) to `purchases` in the order given, on `date`, and
 * lowers their open amounts. No entry: the advance already sits on 421 with the supplier, where the
 * purchase's payable is; a purchase on 424 (recibo por honorarios) is left to money paid for it.
 */
function applyAdvances(
  db: LedgerDatabase, associationId: number, partyId: number, date: string, purchases: PayablePurchase[],
): { voucherId: number; purchaseId: number; amount: number }[] {
  const payableSuppliers = roleAccount(db, associationId, 'payable_suppliers');
  const applied: { voucherId: number; purchaseId: number; amount: number }[] = [];
  for (const advance of supplierAdvances(db, partyId, date)) {
    let left = advance.unapplied;
    for (const purchase of purchases) {
      if (left === 0) break;
      if (purchase.open <= 0 || (purchase.payableAccountId ?? payableSuppliers) !== payableSuppliers) continue;
      const take = Math.min(left, purchase.open);
      insertAllocation(db, advance.voucherId, purchase.purchaseId, date, take);
      applied.push({ voucherId: advance.voucherId, purchaseId: purchase.purchaseId, amount: take });
      purchase.open -= take;
      left -= take;
    }
  }
  return applied;
}

/**
 * Applies what was paid ahead to a supplier to the supplier's open purchases dated by `date`, oldest
 * due first, on that date (no money moves, so no entry). For the purchases service: a purchase on
 * credit recorded after an advance can call it so the purchase shows as paid.
 */
export function applySupplierAdvances(
  db: LedgerDatabase, context: WriteContext, associationId: number, partyId: number, date: string,
): { voucherId: number; purchaseId: number; amount: number }[] {
  const applied = applyAdvances(db, associationId, partyId, date, openPurchasesOf(db, partyId, date));
  if (applied.length > 0) appendAudit(db, context, 'applySupplierAdvances', associationId, { partyId, date, applied });
  return applied;
}

function defaultConcept(paid: { item: PayablePurchase }[], advance: number): string {
  const documents = paid.map(({ item }) => purchaseLabel(item)).join(', ');
  const concept = documents === '' ? advanceMemo : `Pago de ${documents}${advance > 0 ? ` y ${advanceMemo.toLowerCase()}` : ''}`;
  return concept.length <= maxConcept ? concept : `${concept.slice(0, maxConcept - 1)}…`;
}

function payeeDocument(party: PartyRow): { payeeDni: string | null; payeeRuc: string | null } {
  return {
    payeeDni: party.document_type === 'dni' ? party.document_number : null,
    payeeRuc: party.document_type === 'ruc' ? party.document_number : null,
  };
}

/**
 * A payment to a supplier with its voucher, inside the CALLER's transaction (the purchases service
 * calls it for a purchase paid now, after inserting the purchase). Paid first to the ticked purchases
 * (in the order given), then to the supplier's other open purchases dated by then, oldest due first.
 * More than is owed is refused (payment.exceedsOpen, field amount, naming the open balance) unless
 * confirmOverpayment: the excess is then an advance to the supplier. `applyAdvances`: earlier advances
 * are applied to those purchases first (paySupplier does; a purchase paid now does not).
 */
export function issueSupplierPayment(
  db: LedgerDatabase, context: WriteContext, input: SupplierPaymentInput, options: { applyAdvances?: boolean } = {},
): PaymentVoucherView {
  if (input.amount <= 0) {
    throw new KhipuError('payment.amountNotPositive', { field: 'amount', params: { amount: formatSoles(input.amount) } });
  }
  const association = requireAssociation(db, input.associationId);
  // An archived supplier takes no new purchases, but what is owed to it is still paid.
  const supplier = requireParty(db, input.associationId, input.partyId, 'partyId', { allowArchived: true });
  checkNotLocked(association, input.date);
  const account = requireCashAccount(db, input.associationId, input.accountId);

  const candidates = candidatePurchases(db, input, options.applyAdvances === true);
  const advancesApplied = options.applyAdvances ? applyAdvances(db, input.associationId, supplier.id, input.date, candidates) : [];
  const totalOpen = candidates.reduce((sum, purchase) => sum + purchase.open, 0);
  if (input.amount > totalOpen && !input.confirmOverpayment) {
    throw new KhipuError('payment.exceedsOpen', {
      field: 'amount', params: { amount: formatSoles(input.amount), open: formatSoles(totalOpen), supplier: supplier.name },
    });
  }
  const { paid, advance } = payInOrder(candidates, input.amount);

  const voucherId = nextVoucherId(db);
  const { number, formatted } = nextVoucherNumber(db, input.associationId);
  const payableSuppliers = roleAccount(db, input.associationId, 'payable_suppliers');
  const lines: NewLine[] = paid.map(({ item: purchase, amount }) => ({
    accountId: purchase.payableAccountId ?? payableSuppliers, amount, partyId: supplier.id, memo: `Pago de ${purchaseLabel(purchase)}`,
  }));
  if (advance > 0) lines.push({ accountId: payableSuppliers, amount: advance, partyId: supplier.id, memo: advanceMemo });
  lines.push({ accountId: account.id, amount: -input.amount, memo: `Recibo de egreso ${formatted}` });
  const entry = insertEntry(db, context, {
    associationId: input.associationId, date: input.date, lines, sourceType: 'payment_voucher', sourceId: voucherId,
    description: `Recibo de egreso ${formatted} — ${supplier.name}`,
  });
  const concept = input.concept === undefined || input.concept === null || input.concept === ''
    ? defaultConcept(paid, advance) : input.concept;
  insertVoucher(db, {
    id: voucherId, associationId: input.associationId, number, date: input.date, kind: 'supplier', partyId: supplier.id,
    memberId: supplier.member_id, payeeName: supplier.name, ...payeeDocument(supplier), accountId: account.id,
    amount: input.amount, concept, entryId: entry.id, createdAt: context.now().toISOString(), createdBy: context.actor,
  });
  for (const { item: purchase, amount } of paid) insertAllocation(db, voucherId, purchase.purchaseId, input.date, amount);
  appendAudit(db, context, 'paySupplier', input.associationId, {
    ...input, voucherId, voucher: formatted, entryId: entry.id, advance, advancesApplied,
    allocations: paid.map(({ item: purchase, amount }) => ({ purchaseId: purchase.purchaseId, amount })),
  });
  return getPaymentVoucher(db, voucherId);
}

/** The operation: earlier advances applied first, then the new money; one transaction. */
export function paySupplier(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'paySupplier'>): PaymentVoucherView {
  return writeTransaction(db, () => issueSupplierPayment(db, context, input, { applyAdvances: true }));
}
