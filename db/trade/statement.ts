import type {
  PartyMovementKind, PartyStatement, PartyStatementLine, TradeDocumentRef, TradeSide,
} from '../../shared/operations/trade';
import { requireAssociation } from '../contributions/common';
import { checkPeriod, postedLinesOnly } from '../reports/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import {
  SIDE_SIGN, agingDocument, documentRef, documentRefs, openDocuments, requireTradeParty, sideAccountIds,
} from './common';

// A party's account: read from the journal lines of the side's accounts that carry the party (every purchase,
// voucher, sale and collection posts one), and cross-checked against the documents themselves.

const DOCUMENT_OF: Record<string, NonNullable<TradeDocumentRef['type']>> = {
  purchase: 'purchase', purchase_void: 'purchase',
  payment_voucher: 'payment_voucher', payment_voucher_void: 'payment_voucher',
  sale: 'sale', sale_void: 'sale',
  sale_collection: 'sale_collection', sale_collection_void: 'sale_collection',
};

interface EntryMovement {
  entry_id: number; date: string; description: string; source_type: string | null; source_id: number | null; amount: number;
}

/** A buyer's account is a receivable; everyone else's (suppliers, lenders…) a payable. */
function defaultSide(db: LedgerDatabase, kind: string, partyId: number, associationId: number): TradeSide {
  const preferred: TradeSide = kind === 'buyer' ? 'receivable' : 'payable';
  const other: TradeSide = preferred === 'payable' ? 'receivable' : 'payable';
  const has = (side: TradeSide) => prepared(db, `SELECT 1 FROM journal_lines
        WHERE party_id = ? AND +account_id IN (SELECT value FROM json_each(?)) LIMIT 1`)
    .get(partyId, JSON.stringify(sideAccountIds(db, associationId, side))) !== undefined;
  return !has(preferred) && has(other) ? other : preferred;
}

export function partyStatement(
  db: LedgerDatabase,
  input: { associationId: number; partyId: number; side?: TradeSide; from?: string | null; to: string },
): PartyStatement {
  requireAssociation(db, input.associationId);
  const party = requireTradeParty(db, input.associationId, input.partyId);
  const from = input.from ?? null;
  if (from !== null) checkPeriod(from, input.to);
  const side = input.side ?? defaultSide(db, party.kind, party.id, input.associationId);
  const sign = SIDE_SIGN[side];
  const accounts = JSON.stringify(sideAccountIds(db, input.associationId, side));

  // The party's lines on the side's accounts, one movement per entry. Through journal_lines_party: the unary
  // + keeps SQLite from walking every line of 421 or 121 by journal_lines_account_date instead.
  const movements = prepared(db, `
      SELECT l.entry_id, MIN(l.date) AS date, je.description, je.source_type, je.source_id, SUM(l.amount) AS amount
        FROM journal_lines l ${postedLinesOnly(db)}
        JOIN journal_entries je ON je.id = l.entry_id
       WHERE l.party_id = @partyId AND +l.account_id IN (SELECT value FROM json_each(@accounts)) AND +l.date <= @to
       GROUP BY l.entry_id
       ORDER BY MIN(l.date), l.entry_id`)
    .all({ partyId: party.id, accounts, to: input.to }) as EntryMovement[];

  let opening = 0;
  const inPeriod: EntryMovement[] = [];
  for (const m of movements) {
    if (from !== null && m.date < from) opening += sign * m.amount;
    else inPeriod.push(m);
  }

  const idsOf = (type: NonNullable<TradeDocumentRef['type']>) =>
    inPeriod.filter((m) => m.source_type !== null && DOCUMENT_OF[m.source_type] === type && m.source_id !== null)
      .map((m) => m.source_id as number);
  const refs = {
    purchase: documentRefs(db, 'purchase', idsOf('purchase')),
    sale: documentRefs(db, 'sale', idsOf('sale')),
    payment_voucher: documentRefs(db, 'payment_voucher', idsOf('payment_voucher')),
    sale_collection: documentRefs(db, 'sale_collection', idsOf('sale_collection')),
  };

  let balance = opening;
  const totals = { increase: 0, decrease: 0 };
  const lines: PartyStatementLine[] = inPeriod.map((m) => {
    const type = m.source_type === null ? undefined : DOCUMENT_OF[m.source_type];
    const row = type === undefined || m.source_id === null ? undefined : refs[type].get(m.source_id);
    const change = sign * m.amount;
    const increase = Math.max(change, 0);
    const decrease = Math.max(-change, 0);
    balance += change;
    totals.increase += increase;
    totals.decrease += decrease;
    const isVoid = m.source_type?.endsWith('_void') ?? false;
    return {
      entryId: m.entry_id,
      date: m.date,
      kind: (type === undefined ? 'other' : m.source_type) as PartyMovementKind,
      document: type === undefined ? documentRef(null, null, undefined) : documentRef(type, m.source_id, row),
      description: m.description,
      dueDate: !isVoid && (type === 'purchase' || type === 'sale') ? (row?.due_date ?? null) : null,
      increase,
      decrease,
      balance,
    };
  });

  const documents = documentsBalance(db, input.associationId, side, party.id, input.to);
  return {
    associationId: input.associationId,
    party: {
      id: party.id, name: party.name, kind: party.kind, documentType: party.document_type, documentNumber: party.document_number,
    },
    side,
    from,
    to: input.to,
    opening,
    lines,
    totals,
    closing: balance,
    documents: { ...documents, manual: balance - (documents.documents - documents.payments) },
    pending: openDocuments(db, input.associationId, side, input.to, party.id).map((row) => agingDocument(side, row, input.to)),
  };
}

/** The party's balance from the documents alone, as of `to`: what they record, not what was posted. */
function documentsBalance(
  db: LedgerDatabase, associationId: number, side: TradeSide, partyId: number, to: string,
): { documents: number; payments: number } {
  const live = (alias: string) => `${alias}.date <= @to AND (${alias}.voided_on IS NULL OR ${alias}.voided_on > @to)`;
  const sql = side === 'payable'
    ? `SELECT (SELECT COALESCE(SUM(d.total), 0) FROM purchases d
                WHERE d.association_id = @associationId AND d.party_id = @partyId AND ${live('d')}) AS documents,
              (SELECT COALESCE(SUM(v.amount), 0) FROM payment_vouchers v
                WHERE v.association_id = @associationId AND v.party_id = @partyId AND v.kind = 'supplier' AND ${live('v')}) AS payments`
    : `SELECT (SELECT COALESCE(SUM(d.total), 0) FROM sales d
                WHERE d.association_id = @associationId AND d.party_id = @partyId AND d.payment = 'credit' AND ${live('d')}) AS documents,
              (SELECT COALESCE(SUM(c.amount), 0) FROM sale_collections c
                WHERE c.association_id = @associationId AND c.party_id = @partyId AND ${live('c')}) AS payments`;
  return prepared(db, sql).get({ associationId, partyId, to }) as { documents: number; payments: number };
}
