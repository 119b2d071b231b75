import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { amountInWords, formatSoles } from '../../shared/money';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import {
  saleCollectionSeries, type SaleCollectionLineView, type SaleCollectionSummary, type SaleCollectionView,
} from '../../shared/operations/sales';
import type { DocumentPrint } from '../../shared/operations/documents';
import { appendAudit, type WriteContext } from '../audit/log';
import {
  checkNotLocked, checkVoidable, paymentAccountKind, requireAssociation, requireCashAccount, roleAccount, treasurerOn,
} from '../contributions/common';
import { markDocumentVoided } from '../contributions/numbered-documents';
import { reverseDocumentEntry } from '../contributions/receipts';
import {
  associationDetails, countPrint, documentParty, documentStatus, payInOrder,
} from '../documents/common';
import { insertEntry, type NewLine } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { query, selectFirst } from '../storage/schema';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { nextSalesId, requireSale, saleFormattedNumber, saleName } from './common';
import { requireParty } from './links';
import { openSales, saleOpenAmount } from './open-sales';

// Money from a buyer, with its "Recibo de ingreso" (series 002, gapless per association): Dr caja or
// bank / Cr 121 with the buyer, one line per sale it pays and one for any advance.

interface CollectionRow {
  id: number; association_id: number; series: string; number: number; date: string; party_id: number; account_id: number;
  amount: number; owed_after: number; note: string | null; entry_id: number; print_count: number; voided_on: string | null;
  voided_at: string | null; void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}

function requireCollection(db: LedgerDatabase, collectionId: number): CollectionRow {
  const row: CollectionRow | undefined = selectFirst(db, query.selectFrom('sale_collections').selectAll().where('id', '=', collectionId));
  if (!row) throw new KhipuError('saleCollection.notFound', { field: 'collectionId', params: { id: collectionId } });
  return row;
}

interface Candidate { saleId: number; open: number; label: string }

/** The ticked sales, checked one by one: this buyer's, on credit, live, still owed, dated by the collection. */
function chosenSales(db: LedgerDatabase, input: ParsedInput<'collectSale'>, saleIds: readonly number[]): Candidate[] {
  const seen = new Set<number>();
  return saleIds.map((saleId, index) => {
    const field = `saleIds.${index}`;
    if (seen.has(saleId)) throw new KhipuError('saleCollection.saleRepeated', { field, params: { id: saleId } });
    seen.add(saleId);
    const sale = requireSale(db, saleId, field);
    if (sale.association_id !== input.associationId) throw new KhipuError('sale.notFound', { field, params: { id: saleId } });
    const number = saleName(sale);
    if (sale.party_id !== input.partyId) {
      throw new KhipuError('saleCollection.saleOtherBuyer', { field, params: { number } });
    }
    if (sale.payment !== 'credit') throw new KhipuError('saleCollection.saleNotCredit', { field, params: { number } });
    if (sale.voided_on !== null) throw new KhipuError('saleCollection.saleVoided', { field, params: { number } });
    if (sale.date > input.date) {
      throw new KhipuError('saleCollection.saleAfterDate', { field, params: { number, date: displayDate(sale.date) } });
    }
    const open = saleOpenAmount(db, saleId);
    if (open <= 0) throw new KhipuError('saleCollection.saleSettled', { field, params: { number } });
    return { saleId, open, label: number };
  });
}

/**
 * A collection from a buyer: paid first to the ticked sales in the order given, then to the buyer's
 * other credit sales dated by then, oldest due first. More than the buyer owes is refused unless
 * confirmed; the excess then stays as the buyer's advance (Cr 121 with the buyer).
 */
export function collectSale(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'collectSale'>): SaleCollectionView {
  return writeTransaction(db, () => {
    if (input.amount <= 0) {
      throw new KhipuError('saleCollection.amountNotPositive', { field: 'amount', params: { amount: formatSoles(input.amount) } });
    }
    const association = requireAssociation(db, input.associationId);
    // An archived buyer takes no new sales, but what they still owe can always be collected.
    const buyer = requireParty(db, input.associationId, input.partyId, 'partyId', { allowArchived: true });
    checkNotLocked(association, input.date);
    const account = requireCashAccount(db, input.associationId, input.accountId);

    // What is owed now of sales dated by the collection (a later-dated collection may already have paid some).
    const owed = openSales(db, buyer.id).filter((sale) => sale.date <= input.date);
    const chosen = input.saleIds ? chosenSales(db, input, input.saleIds) : [];
    const ticked = new Set(chosen.map((c) => c.saleId));
    const candidates: Candidate[] = [
      ...chosen,
      ...owed.filter((sale) => !ticked.has(sale.saleId))
        .map((sale) => ({ saleId: sale.saleId, open: sale.open, label: sale.formattedNumber ?? displayDate(sale.date) })),
    ];
    const totalOpen = candidates.reduce((sum, c) => sum + c.open, 0);
    if (input.amount > totalOpen && !input.confirmOverpayment) {
      throw new KhipuError('saleCollection.exceedsOpen', {
        field: 'amount', params: { amount: formatSoles(input.amount), open: formatSoles(totalOpen), buyer: buyer.name },
      });
    }
    const { paid, advance } = payInOrder(candidates, input.amount);
    const owedAfter = totalOpen - (input.amount - advance);

    const collectionId = nextSalesId(db, 'sale_collections');
    const { number } = prepared(db,
      'SELECT COALESCE(MAX(number), 0) + 1 AS number FROM sale_collections WHERE association_id = ? AND series = ?',
    ).get(input.associationId, saleCollectionSeries) as { number: number };
    const formatted = formatReceiptNumber(saleCollectionSeries, number);
    const receivable = roleAccount(db, input.associationId, 'receivable_customers');
    const lines: NewLine[] = [
      { accountId: account.id, amount: input.amount, memo: `Recibo de ingreso ${formatted}` },
      ...paid.map(({ item: candidate, amount }) => ({
        accountId: receivable, amount: -amount, partyId: buyer.id, memo: `Cobro de la venta ${candidate.label}`,
      })),
    ];
    if (advance > 0) lines.push({ accountId: receivable, amount: -advance, partyId: buyer.id, memo: 'Adelanto del cliente' });
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, lines, sourceType: 'sale_collection', sourceId: collectionId,
      description: `Recibo de ingreso ${formatted} — ${buyer.name}`,
    });
    const insertAllocation = prepared(db, 'INSERT INTO collection_allocations (collection_id, sale_id, amount) VALUES (?, ?, ?)');
    for (const { item: candidate, amount } of paid) insertAllocation.run(collectionId, candidate.saleId, amount);
    const note = input.note === undefined || input.note === null || input.note === '' ? null : input.note;
    prepared(db, `INSERT INTO sale_collections (id, association_id, series, number, date, party_id, account_id, amount, owed_after,
        note, entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      collectionId, input.associationId, saleCollectionSeries, number, input.date, buyer.id, account.id, input.amount, owedAfter,
      note, entry.id, context.now().toISOString(), context.actor,
    );
    appendAudit(db, context, 'collectSale', input.associationId, {
      ...input, collectionId, collection: formatted, entryId: entry.id, advance, owedAfter,
      allocations: paid.map(({ item: candidate, amount }) => ({ saleId: candidate.saleId, amount })),
    });
    return getSaleCollection(db, collectionId);
  });
}

export function getSaleCollection(db: LedgerDatabase, collectionId: number): SaleCollectionView {
  const collection = requireCollection(db, collectionId);
  const lines = (prepared(db, `SELECT s.id AS saleId, s.date, s.document_kind AS documentKind, s.document_number AS documentNumber,
              s.nota_series AS notaSeries, s.nota_number AS notaNumber, a.amount
         FROM collection_allocations a JOIN sales s ON s.id = a.sale_id WHERE a.collection_id = ? ORDER BY a.id`)
    .all(collection.id) as (Omit<SaleCollectionLineView, 'formattedNumber'> & {
      documentNumber: string | null; notaSeries: string | null; notaNumber: number | null;
    })[])
    .map(({ documentNumber, notaSeries, notaNumber, ...line }) => ({
      ...line, formattedNumber: saleFormattedNumber({ documentKind: line.documentKind, documentNumber, notaSeries, notaNumber }),
    }));
  const account = prepared(db, 'SELECT name FROM accounts WHERE id = ?').get(collection.account_id) as { name: string };
  const treasurerName = treasurerOn(db, collection.association_id, collection.date);
  const allocated = lines.reduce((sum, line) => sum + line.amount, 0);
  return {
    id: collection.id,
    associationId: collection.association_id,
    association: associationDetails(db, collection.association_id),
    series: collection.series,
    number: collection.number,
    formattedNumber: formatReceiptNumber(collection.series, collection.number),
    date: collection.date,
    buyer: documentParty(db, collection.party_id),
    lines,
    amount: collection.amount,
    amountInWords: `SON: ${amountInWords(collection.amount)}`,
    advance: collection.amount - allocated,
    owedAfter: collection.owed_after,
    accountId: collection.account_id,
    accountName: account.name,
    accountKind: paymentAccountKind(db, collection.account_id),
    receivedBy: treasurerName ?? collection.created_by,
    treasurerName,
    note: collection.note,
    entryId: collection.entry_id,
    ...documentStatus(collection),
    printCount: collection.print_count,
    createdAt: collection.created_at,
    createdBy: collection.created_by,
  };
}

/** Voids a collection recorded in error: its entry is reversed and the sales it paid are owed again. */
export function voidSaleCollection(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidSaleCollection'>,
): SaleCollectionView {
  return writeTransaction(db, () => {
    const collection = requireCollection(db, input.collectionId);
    const formatted = formatReceiptNumber(collection.series, collection.number);
    checkVoidable(db, collection, input.date, { kind: 'saleCollection', field: 'collectionId', named: { number: formatted } });
    const reason = input.reason.trim();
    const reversal = reverseDocumentEntry(db, context, collection.entry_id, input.date, {
      description: `Anulación del recibo de ingreso ${formatted}: ${reason}`, sourceType: 'sale_collection_void',
      sourceId: collection.id,
    });
    markDocumentVoided(db, context, 'sale_collections', collection.id, { date: input.date, reason, reversalEntryId: reversal.id });
    appendAudit(db, context, 'voidSaleCollection', collection.association_id, {
      ...input, collection: formatted, reversalEntryId: reversal.id,
    });
    return getSaleCollection(db, collection.id);
  });
}

export function recordCollectionPrint(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordCollectionPrint'>,
): DocumentPrint {
  return writeTransaction(db, () => countPrint(db, context, 'sale_collections', requireCollection(db, input.collectionId), {
    operation: 'recordCollectionPrint', idField: 'collectionId',
  }));
}

export function listSaleCollections(db: LedgerDatabase, input: ParsedInput<'listSaleCollections'>): SaleCollectionSummary[] {
  requireAssociation(db, input.associationId);
  const rows = prepared(db, `SELECT c.id, c.series, c.number, c.date, c.party_id AS partyId, p.name AS buyerName, c.amount,
              CASE WHEN c.voided_on IS NULL THEN 'valid' ELSE 'voided' END AS status, c.print_count AS printCount
         FROM sale_collections c JOIN parties p ON p.id = c.party_id
        WHERE c.association_id = @associationId AND (@partyId IS NULL OR c.party_id = @partyId)
          AND (@from IS NULL OR c.date >= @from) AND (@to IS NULL OR c.date <= @to)
        ORDER BY c.date DESC, c.id DESC`)
    .all({ associationId: input.associationId, partyId: input.partyId ?? null, from: input.from ?? null, to: input.to ?? null }) as
    (Omit<SaleCollectionSummary, 'formattedNumber'> & { series: string; number: number })[];
  return rows.map(({ series, number, ...row }) => ({ ...row, formattedNumber: formatReceiptNumber(series, number) }));
}
