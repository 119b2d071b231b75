import type { ParsedInput } from '../../shared/api';
import { formatReceiptNumber, type ReceiptSummary, type ReceiptView } from '../../shared/operations/contributions';
import type { DocumentPrint } from '../../shared/operations/documents';
import { KhipuError } from '../../shared/errors';
import { amountInWords, formatSoles } from '../../shared/money';
import { appendAudit, type WriteContext } from '../audit/log';
import { insertEntry, negatedLines, type NewLine, type PostedEntry } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';
import { checkVoidable, nextId, requireAssociation, requireCharge } from './common';
import { countPrint, payInOrder } from '../documents/common';
import { applyMemberCredit, memberCreditAccount } from './credit';
import {
  checkNewDocument, markDocumentVoided, nextDocumentNumber, numberedDocumentView, requireNumberedDocument, type NumberedDocumentRow,
} from './numbered-documents';
import { openChargesAsOf } from './position';

export const advanceDescription = 'Saldo a favor (adelanto)';

interface OpenCharge { id: number; member_id: number; date: string; description: string; receivable_account_id: number; open: number }

const openChargesSelect = `
  SELECT c.id, c.member_id, c.date, c.description, c.receivable_account_id,
         c.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a
                               WHERE a.charge_id = c.id AND a.voided_on IS NULL), 0) AS open
    FROM charges c`;

/** Open charges dated on or before the payment, oldest due first (then date, then id); read from charges_member_open. */
export const oldestOpenChargesSql = `${openChargesSelect}
  WHERE c.member_id = ? AND c.settled = 0 AND c.voided_on IS NULL AND c.date <= ? ORDER BY c.due_date, c.date, c.id`;

function oldestOpenCharges(db: LedgerDatabase, memberId: number, date: string): OpenCharge[] {
  return (prepared(db, oldestOpenChargesSql).all(memberId, date) as OpenCharge[]).filter((c) => c.open > 0);
}

function chosenCharges(db: LedgerDatabase, associationId: number, memberId: number, chargeIds: number[]): OpenCharge[] {
  const seen = new Set<number>();
  return chargeIds.map((chargeId, index) => {
    const field = `apply.chargeIds.${index}`;
    if (seen.has(chargeId)) throw new KhipuError('payment.chargeRepeated', { field, params: { id: chargeId } });
    seen.add(chargeId);
    const charge = requireCharge(db, associationId, chargeId, field);
    if (charge.member_id !== memberId) {
      const owner = prepared(db, 'SELECT full_name FROM members WHERE id = ?').get(charge.member_id) as { full_name: string };
      throw new KhipuError('payment.chargeOtherMember', { field, params: { id: chargeId, otherMember: owner.full_name } });
    }
    const open = prepared(db, `${openChargesSelect} WHERE c.id = ?`).get(chargeId) as OpenCharge;
    if (open.open <= 0) throw new KhipuError('payment.chargeSettled', { field, params: { description: charge.description } });
    return open;
  });
}

/**
 * A payment with its numbered receipt, in ONE entry: Dr cash or bank / Cr the receivable of each
 * charge it pays (member dimension) / Cr member_credit (4418) for any excess, kept as credit in favour.
 * Ticked charges (apply.chargeIds) are paid first, in the order given; what is left goes to her other
 * charges dated by then, oldest due first: money is never kept as credit while she owes. Credit left
 * after that is applied at once to charges dated after the payment, each on its own date.
 */
export function recordPayment(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordPayment'>): ReceiptView {
  return writeTransaction(db, () => {
    const { member, account } = checkNewDocument(db, input);
    const series = input.series ?? '001';
    const apply = input.apply ?? 'oldest';
    const oldest = oldestOpenCharges(db, member.id, input.date);
    let candidates = oldest;
    if (apply !== 'oldest') {
      // A ticked charge dated after the payment is not owed yet: the money waits for it as credit in
      // favour and is applied on the charge's own date (below), so no day shows a charge paid before it exists.
      const chosen = chosenCharges(db, input.associationId, member.id, apply.chargeIds).filter((c) => c.date <= input.date);
      const ticked = new Set(chosen.map((c) => c.id));
      candidates = [...chosen, ...oldest.filter((c) => !ticked.has(c.id))];
    }

    const { paid, advance } = payInOrder(candidates, input.amount);
    // Kept as printed: what she still owes of charges dated by the payment once it is applied.
    const owedAfter = oldest.reduce((sum, c) => sum + c.open, 0)
      - paid.reduce((sum, p) => sum + (p.item.date <= input.date ? p.amount : 0), 0);

    const receiptId = nextId(db, 'receipts');
    const { number, formatted } = nextDocumentNumber(db, 'receipts', input.associationId, series);
    const lines: NewLine[] = [
      { accountId: account.id, amount: input.amount, memo: `Recibo ${formatted}` },
      ...paid.map(({ item: charge, amount }) => ({
        accountId: charge.receivable_account_id, amount: -amount, memberId: member.id, memo: charge.description,
      })),
    ];
    const creditAccountId = advance > 0 ? memberCreditAccount(db, input.associationId) : null;
    if (creditAccountId !== null) {
      lines.push({ accountId: creditAccountId, amount: -advance, memberId: member.id, memo: advanceDescription });
    }
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, lines, sourceType: 'receipt', sourceId: receiptId,
      description: `Recibo ${formatted} — ${member.full_name}`,
    });

    prepared(db,
      `INSERT INTO receipts (id, association_id, series, number, date, member_id, total, account_id, note, entry_id,
         created_at, created_by, owed_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      receiptId, input.associationId, series, number, input.date, member.id, input.amount, account.id,
      input.note ?? null, entry.id, context.now().toISOString(), context.actor, owedAfter,
    );
    let creditApplied = 0;
    const insertLine = prepared(db,
      'INSERT INTO receipt_lines (receipt_id, line_no, charge_id, description, amount) VALUES (?, ?, ?, ?, ?)',
    );
    const insertAllocation = prepared(db,
      `INSERT INTO allocations (charge_id, source, receipt_id, date, amount, entry_id) VALUES (?, 'receipt', ?, ?, ?, ?)`,
    );
    paid.forEach(({ item: charge, amount }, index) => {
      insertLine.run(receiptId, index + 1, charge.id, charge.description, amount);
      insertAllocation.run(charge.id, receiptId, input.date, amount, entry.id);
    });
    if (advance > 0) {
      insertLine.run(receiptId, paid.length + 1, null, advanceDescription, advance);
      prepared(db, `INSERT INTO member_credits (association_id, member_id, receipt_id, date, amount, account_id)
                    VALUES (?, ?, ?, ?, ?, ?)`)
        .run(input.associationId, member.id, receiptId, input.date, advance, creditAccountId);
      creditApplied = applyMemberCredit(db, context, input.associationId, member.id, input.date);
    }
    appendAudit(db, context, 'recordPayment', input.associationId, {
      ...input, receiptId, receipt: formatted, entryId: entry.id, advance, creditApplied, owedAfter,
      allocations: paid.map(({ item: charge, amount }) => ({ chargeId: charge.id, amount })),
    });
    return getReceipt(db, receiptId);
  });
}

interface ReceiptRow extends NumberedDocumentRow {
  total: number; note: string | null; print_count: number; owed_after: number | null;
}

const requireReceipt = (db: LedgerDatabase, receiptId: number) =>
  requireNumberedDocument<ReceiptRow>(db, 'receipts', receiptId, { code: 'receipt.notFound', field: 'receiptId' });

/** Everything the print route needs. The treasurer is whoever held the post on the receipt's date. */
export function getReceipt(db: LedgerDatabase, receiptId: number): ReceiptView {
  const receipt = requireReceipt(db, receiptId);
  const document = numberedDocumentView(db, receipt);
  const lines = prepared(db, `SELECT line_no AS lineNo, charge_id AS chargeId, description, amount FROM receipt_lines
        WHERE receipt_id = ? ORDER BY line_no`)
    .all(receipt.id) as ReceiptView['lines'];
  const credit = prepared(db, 'SELECT amount, voided_on FROM member_credits WHERE receipt_id = ?').get(receipt.id) as
    | { amount: number; voided_on: string | null }
    | undefined;
  // Receipts recorded before version 10 did not keep it: read it from the position on the receipt's date.
  const owedAfter = receipt.owed_after
    ?? openChargesAsOf(db, receipt.association_id, receipt.member_id, receipt.date).reduce((sum, c) => sum + c.open, 0);
  return {
    ...document,
    lines,
    total: receipt.total,
    totalInWords: `SON: ${amountInWords(receipt.total)}`,
    // A voided receipt shows no credit: the credit it created no longer exists.
    creditCreated: receipt.voided_on === null && credit && credit.voided_on === null ? credit.amount : 0,
    owedAfter,
    receivedBy: document.treasurerName ?? receipt.created_by,
    note: receipt.note,
    printCount: receipt.print_count,
  };
}

export function recordReceiptPrint(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordReceiptPrint'>): DocumentPrint {
  return writeTransaction(db, () => countPrint(db, context, 'receipts', requireReceipt(db, input.receiptId), {
    operation: 'recordReceiptPrint', idField: 'receiptId',
  }));
}

export function listReceipts(db: LedgerDatabase, input: ParsedInput<'listReceipts'>): ReceiptSummary[] {
  requireAssociation(db, input.associationId);
  const rows = prepared(db, `SELECT r.id, r.series, r.number, r.date, r.member_id AS memberId, m.full_name AS memberName, r.total,
              CASE WHEN r.voided_on IS NULL THEN 'valid' ELSE 'voided' END AS status, r.print_count AS printCount
         FROM receipts r JOIN members m ON m.id = r.member_id
        WHERE r.association_id = @associationId AND (@memberId IS NULL OR r.member_id = @memberId)
          AND (@from IS NULL OR r.date >= @from) AND (@to IS NULL OR r.date <= @to)
        ORDER BY r.date, r.series, r.number`)
    .all({
      associationId: input.associationId, memberId: input.memberId ?? null, from: input.from ?? null, to: input.to ?? null,
    }) as Omit<ReceiptSummary, 'formattedNumber'>[];
  return rows.map((r) => ({ ...r, formattedNumber: formatReceiptNumber(r.series, r.number) }));
}

/**
 * The engine's reversal for an entry a document owns: every line negated, dated in an open period,
 * linked both ways (reverses_entry_id / reversed_by_entry_id), the source naming the document. The
 * generic reverseEntry operation refuses such entries (trigger documents_reversed_by_their_void), so
 * the document and its entries cannot drift apart.
 */
export function reverseDocumentEntry(
  db: LedgerDatabase, context: WriteContext, entryId: number, date: string,
  source: { description: string; sourceType: string; sourceId: number },
): PostedEntry {
  const original = prepared(db, 'SELECT id, association_id, number, reversed_by_entry_id FROM journal_entries WHERE id = ?').get(entryId) as
    { id: number; association_id: number; number: number; reversed_by_entry_id: number | null };
  if (original.reversed_by_entry_id !== null) {
    const reversal = prepared(db, 'SELECT number FROM journal_entries WHERE id = ?').get(original.reversed_by_entry_id) as { number: number };
    throw new KhipuError('entry.alreadyReversed', { params: { number: original.number, reversalNumber: reversal.number } });
  }
  const posted = insertEntry(
    db, context,
    {
      associationId: original.association_id, date, ...source,
      lines: negatedLines(db, original.id),
    },
    { reversesEntryId: original.id, allowArchived: true },
  );
  prepared(db, 'UPDATE journal_entries SET reversed_by_entry_id = ? WHERE id = ?').run(posted.id, original.id);
  return posted;
}

/**
 * The credit a voided receipt created never existed: where it had paid charges, they reopen. Each use
 * is cancelled with an entry of the receipt's void (Dr the charge's receivable / Cr the credit's
 * account), dated on the void or, for a use dated later, on the use's own date, so every day's
 * figures stay consistent.
 */
function withdrawAppliedCredit(db: LedgerDatabase, context: WriteContext, receipt: ReceiptRow, formatted: string, date: string): void {
  const uses = prepared(db, `SELECT a.id, a.date, a.amount, ch.receivable_account_id AS receivableAccountId, ch.description,
              cr.account_id AS creditAccountId
         FROM member_credits cr JOIN allocations a ON a.credit_id = cr.id AND a.voided_on IS NULL
         JOIN charges ch ON ch.id = a.charge_id
        WHERE cr.receipt_id = ? ORDER BY a.date, a.id`)
    .all(receipt.id) as {
    id: number; date: string; amount: number; receivableAccountId: number; description: string; creditAccountId: number;
  }[];
  if (uses.length === 0) return;
  const byDate = new Map<string, NewLine[]>();
  for (const use of uses) {
    const day = use.date > date ? use.date : date;
    const lines = byDate.get(day) ?? [];
    lines.push(
      { accountId: use.receivableAccountId, amount: use.amount, memberId: receipt.member_id, memo: use.description },
      { accountId: use.creditAccountId, amount: -use.amount, memberId: receipt.member_id, memo: `Saldo a favor del recibo ${formatted} retirado` },
    );
    byDate.set(day, lines);
  }
  for (const [day, lines] of byDate) {
    insertEntry(db, context, {
      associationId: receipt.association_id, date: day, lines, sourceType: 'receipt_void', sourceId: receipt.id,
      description: `Anulación del recibo ${formatted}: su saldo a favor deja de pagar cargos`,
    }, { allowArchived: true });
  }
  prepared(db, `UPDATE allocations SET voided_on = ?
                 WHERE credit_id = (SELECT id FROM member_credits WHERE receipt_id = ?) AND voided_on IS NULL`)
    .run(date, receipt.id);
}

/**
 * Voids a receipt: reverses its entry through the engine (linked both ways), keeps the number,
 * reopens the charges it paid — by itself or through the credit in favour it created — and cancels
 * that credit; any other credit she has then pays the reopened charges. Refused while a refund drew
 * on its credit (void the refund first).
 */
export function voidReceipt(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidReceipt'>): ReceiptView {
  return writeTransaction(db, () => {
    const receipt = requireReceipt(db, input.receiptId);
    const formatted = formatReceiptNumber(receipt.series, receipt.number);
    checkVoidable(db, receipt, input.date, { kind: 'receipt', field: 'receiptId', named: { number: formatted } });
    const refunded = prepared(db, `SELECT COALESCE(SUM(u.amount), 0) AS refunded FROM member_credits c
           JOIN credit_refund_uses u ON u.credit_id = c.id JOIN credit_refunds r ON r.id = u.refund_id AND r.voided_on IS NULL
          WHERE c.receipt_id = ?`)
      .get(receipt.id) as { refunded: number };
    if (refunded.refunded > 0) {
      throw new KhipuError('receipt.creditRefunded', {
        field: 'receiptId', params: { number: formatted, amount: formatSoles(refunded.refunded) },
      });
    }
    const reason = input.reason.trim();
    const reversal = reverseDocumentEntry(db, context, receipt.entry_id, input.date, {
      description: `Anulación del recibo ${formatted}: ${reason}`, sourceType: 'receipt_void', sourceId: receipt.id,
    });
    markDocumentVoided(db, context, 'receipts', receipt.id, { date: input.date, reason, reversalEntryId: reversal.id });
    prepared(db, 'UPDATE allocations SET voided_on = ? WHERE receipt_id = ? AND voided_on IS NULL').run(input.date, receipt.id);
    withdrawAppliedCredit(db, context, receipt, formatted, input.date);
    prepared(db, 'UPDATE member_credits SET voided_on = ? WHERE receipt_id = ? AND voided_on IS NULL').run(input.date, receipt.id);
    // The charges it paid are open again: any other credit she has pays them at once.
    const creditReapplied = applyMemberCredit(db, context, receipt.association_id, receipt.member_id, input.date);
    appendAudit(db, context, 'voidReceipt', receipt.association_id, {
      ...input, receipt: formatted, reversalEntryId: reversal.id, creditReapplied,
    });
    return getReceipt(db, receipt.id);
  });
}
