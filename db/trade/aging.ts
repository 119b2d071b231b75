import type { AgingParty, AgingReport, DueList, DueThisWeek, TradeSide } from '../../shared/operations/trade';
import { requireAssociation } from '../contributions/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { addDays, agingDocument, documentRef, emptyBuckets, openDocuments, type OpenDocumentRow } from './common';

// Payables and receivables by age, and what falls due this week (the Inicio card). Both read the same open
// documents (db/trade/common.ts), so the card, the aging list and each party's statement cannot disagree.

export function agingReport(db: LedgerDatabase, input: { associationId: number; side: TradeSide; asOf: string }): AgingReport {
  requireAssociation(db, input.associationId);
  const byParty = new Map<number, AgingParty>();
  const rows = openDocuments(db, input.associationId, input.side, input.asOf);
  const partyIds = [...new Set(rows.map((r) => r.party_id))];
  const details = new Map(
    (prepared(db, `SELECT p.id, p.document_type, p.document_number, p.phone FROM json_each(?) k JOIN parties p ON p.id = k.value`)
      .all(JSON.stringify(partyIds)) as { id: number; document_type: string; document_number: string | null; phone: string | null }[])
      .map((p) => [p.id, p]),
  );
  const totals = { ...emptyBuckets(), parties: 0, documents: 0 };
  for (const row of rows) {
    let party = byParty.get(row.party_id);
    if (!party) {
      const detail = details.get(row.party_id);
      party = {
        partyId: row.party_id, name: row.party_name, documentType: detail?.document_type ?? 'none',
        documentNumber: detail?.document_number ?? null, phone: detail?.phone ?? null, documents: [], buckets: emptyBuckets(),
      };
      byParty.set(row.party_id, party);
    }
    const document = agingDocument(input.side, row, input.asOf);
    party.documents.push(document);
    party.buckets[document.bucket] += document.open;
    party.buckets.total += document.open;
    totals[document.bucket] += document.open;
    totals.total += document.open;
    totals.documents += 1;
  }
  const parties = [...byParty.values()].sort(
    (a, b) => b.buckets.total - a.buckets.total || a.name.localeCompare(b.name, 'es') || a.partyId - b.partyId,
  );
  totals.parties = parties.length;
  return { associationId: input.associationId, side: input.side, asOf: input.asOf, parties, totals };
}

const DUE_ITEMS_SHOWN = 20;

function dueList(side: TradeSide, rows: readonly OpenDocumentRow[], asOf: string, until: string): DueList {
  const due = rows.filter((r) => r.due_date <= until);
  const type = side === 'payable' ? 'purchase' : 'sale';
  return {
    items: due.slice(0, DUE_ITEMS_SHOWN).map((r) => ({
      documentType: type, documentId: r.id, document: documentRef(type, r.id, r), partyId: r.party_id, partyName: r.party_name,
      dueDate: r.due_date, open: r.open, overdue: r.due_date < asOf,
    })),
    count: due.length,
    total: due.reduce((sum, r) => sum + r.open, 0),
    overdue: due.reduce((sum, r) => sum + (r.due_date < asOf ? r.open : 0), 0),
  };
}

/** To pay and to collect: open documents due from long ago up to a week from asOf, oldest due first. */
export function dueThisWeek(db: LedgerDatabase, input: { associationId: number; asOf: string }): DueThisWeek {
  requireAssociation(db, input.associationId);
  const until = addDays(input.asOf, 7);
  return {
    associationId: input.associationId,
    asOf: input.asOf,
    until,
    toPay: dueList('payable', openDocuments(db, input.associationId, 'payable', input.asOf), input.asOf, until),
    toCollect: dueList('receivable', openDocuments(db, input.associationId, 'receivable', input.asOf), input.asOf, until),
  };
}
