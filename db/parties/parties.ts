import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import type { PartyDocumentType, PartyKind, PartySummary } from '../../shared/operations/parties';
import { assertDni } from '../../shared/peru/dni';
import { assertRuc } from '../../shared/peru/ruc';
import { foldText } from '../../shared/text';
import { appendAudit, type WriteContext } from '../audit/log';
import { requireAssociation } from '../contributions/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { escapeLike } from '../storage/text';
import { writeTransaction } from '../storage/write';

// The register of parties. A party is archived, never deleted: history points at it (a trigger
// refuses the delete once a journal line or contract names it).

interface PartyViewRow {
  id: number; association_id: number; name: string; kind: PartyKind; document_type: PartyDocumentType;
  document_number: string | null; phone: string | null; district: string | null; member_id: number | null;
  member_name: string | null; note: string | null; archived_at: string | null;
}

// A member's party goes by the member's name as the padrón has it now: the person has one record.
const selectParty = `SELECT p.id, p.association_id, COALESCE(m.full_name, p.name) AS name, p.kind, p.document_type,
                            p.document_number, p.phone, p.district, p.member_id, m.full_name AS member_name, p.note, p.archived_at
                       FROM parties p LEFT JOIN members m ON m.id = p.member_id`;

function summary(row: PartyViewRow): PartySummary {
  return {
    id: row.id, name: row.name, kind: row.kind, documentType: row.document_type, documentNumber: row.document_number,
    phone: row.phone, district: row.district, memberId: row.member_id, memberName: row.member_name, note: row.note,
    archived: row.archived_at !== null,
  };
}

function partyRow(db: LedgerDatabase, partyId: number): PartyViewRow {
  const row = prepared(db, `${selectParty} WHERE p.id = ?`).get(partyId) as PartyViewRow | undefined;
  if (!row) throw new KhipuError('party.notFound', { field: 'partyId', params: { id: String(partyId) } });
  return row;
}

export function getParty(db: LedgerDatabase, partyId: number): PartySummary {
  return summary(partyRow(db, partyId));
}

/** Parties by name; `search` matches the name or the document number, accents, case and apostrophes aside. */
export function listParties(db: LedgerDatabase, input: ParsedInput<'listParties'>): PartySummary[] {
  requireAssociation(db, input.associationId);
  const term = input.search?.trim() ?? '';
  const folded = `%${escapeLike(foldText(term))}%`;
  // A term of digits (spaces, dots and dashes typed between them aside) also looks in document numbers.
  const digits = /^[\d\s.-]+$/.test(term) ? term.replace(/[\s.-]/g, '') : '';
  const rows = prepared(db, `${selectParty}
     WHERE p.association_id = @associationId
       AND (@kind IS NULL OR p.kind = @kind)
       AND (@includeArchived = 1 OR p.archived_at IS NULL)
       AND (@term = '' OR khipu_fold(COALESCE(m.full_name, p.name)) LIKE @folded ESCAPE '\\'
            OR (@digits <> '' AND p.document_number LIKE @digitsLike ESCAPE '\\'))
     ORDER BY khipu_fold(COALESCE(m.full_name, p.name)), p.id`).all({
    associationId: input.associationId, kind: input.kind ?? null, includeArchived: input.includeArchived ? 1 : 0,
    term, folded, digits, digitsLike: `%${escapeLike(digits)}%`,
  }) as PartyViewRow[];
  return rows.map(summary);
}

interface PartyFields {
  name: string; kind: PartyKind; documentType: PartyDocumentType; documentNumber?: string | null | undefined;
  phone?: string | null | undefined; district?: string | null | undefined; memberId?: number | null | undefined;
  note?: string | null | undefined;
}

/** The document number as stored: digits only, checked (RUC modulus 11, DNI 8 digits); NULL for none. */
export function normalizeDocument(documentType: PartyDocumentType, typed: string | null | undefined): string | null {
  const bare = (typed ?? '').replace(/[\s.-]/g, '');
  if (documentType === 'none') {
    if (bare !== '') throw new KhipuError('party.documentNumberNotAllowed', { field: 'documentNumber' });
    return null;
  }
  if (bare === '') {
    throw new KhipuError('party.documentNumberRequired', {
      field: 'documentNumber', params: { documentType: documentType === 'ruc' ? 'RUC' : 'DNI' },
    });
  }
  return documentType === 'ruc' ? assertRuc(bare, 'documentNumber') : assertDni(bare, 'documentNumber');
}

const blankToNull = (value: string | null | undefined): string | null => (value ? value : null);

/** Checks and cleans a party's fields; refuses a document or member already registered to another party. */
function checkedFields(db: LedgerDatabase, associationId: number, fields: PartyFields, selfId: number | null) {
  const documentNumber = normalizeDocument(fields.documentType, fields.documentNumber);
  if (documentNumber !== null) {
    const clash = prepared(db, 'SELECT name FROM parties WHERE association_id = ? AND document_number = ? AND id IS NOT ?')
      .get(associationId, documentNumber, selfId) as { name: string } | undefined;
    if (clash) {
      throw new KhipuError('party.duplicateDocument', { field: 'documentNumber', params: { number: documentNumber, name: clash.name } });
    }
  }
  const memberId = fields.memberId ?? null;
  let memberName: string | null = null;
  if (memberId !== null) {
    const member = prepared(db, 'SELECT association_id, full_name FROM members WHERE id = ?').get(memberId) as
      { association_id: number; full_name: string } | undefined;
    if (!member || member.association_id !== associationId) {
      throw new KhipuError('party.memberNotFound', { field: 'memberId', params: { id: String(memberId) } });
    }
    const linked = prepared(db, 'SELECT name FROM parties WHERE association_id = ? AND member_id = ? AND id IS NOT ?')
      .get(associationId, memberId, selfId) as { name: string } | undefined;
    if (linked) throw new KhipuError('party.duplicateMember', { field: 'memberId', params: { name: linked.name } });
    memberName = member.full_name;
  }
  return {
    // Kept as the member's name for tools that read parties alone; Khipu reads it through the link.
    name: memberName ?? fields.name, kind: fields.kind, document_type: fields.documentType, document_number: documentNumber,
    phone: blankToNull(fields.phone), district: blankToNull(fields.district), member_id: memberId, note: blankToNull(fields.note),
  };
}

function insertParty(db: LedgerDatabase, context: WriteContext, associationId: number, row: ReturnType<typeof checkedFields>): number {
  return Number(prepared(db, `INSERT INTO parties (association_id, name, kind, document_type, document_number, phone, district,
                                                   member_id, note, created_at, created_by)
                              VALUES (@associationId, @name, @kind, @document_type, @document_number, @phone, @district,
                                      @member_id, @note, @createdAt, @createdBy)`)
    .run({ ...row, associationId, createdAt: context.now().toISOString(), createdBy: context.actor }).lastInsertRowid);
}

export function createParty(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'createParty'>): { id: number } {
  return writeTransaction(db, () => {
    requireAssociation(db, input.associationId);
    const row = checkedFields(db, input.associationId, input, null);
    const id = insertParty(db, context, input.associationId, row);
    appendAudit(db, context, 'createParty', input.associationId, { id, ...row });
    return { id };
  });
}

export function updateParty(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'updateParty'>): PartySummary {
  return writeTransaction(db, () => {
    const before = partyRow(db, input.partyId);
    const row = checkedFields(db, before.association_id, input, before.id);
    prepared(db, `UPDATE parties SET name = @name, kind = @kind, document_type = @document_type,
                         document_number = @document_number, phone = @phone, district = @district, member_id = @member_id,
                         note = @note
                   WHERE id = @id`).run({ ...row, id: before.id });
    appendAudit(db, context, 'updateParty', before.association_id, { id: before.id, before: summary(before), after: row });
    return getParty(db, before.id);
  });
}

export function archiveParty(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'archiveParty'>): PartySummary {
  return writeTransaction(db, () => {
    const party = partyRow(db, input.partyId);
    if ((party.archived_at !== null) !== input.archived) {
      prepared(db, 'UPDATE parties SET archived_at = ? WHERE id = ?')
        .run(input.archived ? context.now().toISOString() : null, party.id);
      appendAudit(db, context, input.archived ? 'archiveParty' : 'unarchiveParty', party.association_id, { id: party.id });
    }
    return getParty(db, party.id);
  });
}

/**
 * The party that stands for a member: the one already linked, or a new one made once from the
 * member's name and DNI. The member stays the one record of the person (their name is read through
 * the link in listParties); the party only carries what a trading partner needs.
 */
export function partyForMember(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'partyForMember'>): { id: number } {
  return writeTransaction(db, () => {
    requireAssociation(db, input.associationId);
    const member = prepared(db, 'SELECT id, association_id, full_name, dni FROM members WHERE id = ?').get(input.memberId) as
      { id: number; association_id: number; full_name: string; dni: string | null } | undefined;
    if (!member || member.association_id !== input.associationId) {
      throw new KhipuError('party.memberNotFound', { field: 'memberId', params: { id: String(input.memberId) } });
    }
    const linked = prepared(db, 'SELECT id FROM parties WHERE association_id = ? AND member_id = ?')
      .get(input.associationId, member.id) as { id: number } | undefined;
    if (linked) return { id: linked.id };
    // The DNI goes on the party unless another party already carries it (then the link alone says who it is).
    const dniFree = member.dni !== null
      && !prepared(db, 'SELECT 1 FROM parties WHERE association_id = ? AND document_number = ?').get(input.associationId, member.dni);
    const row = checkedFields(db, input.associationId, {
      name: member.full_name, kind: input.kind, documentType: dniFree ? 'dni' : 'none',
      documentNumber: dniFree ? member.dni : null, memberId: member.id,
    }, null);
    const id = insertParty(db, context, input.associationId, row);
    appendAudit(db, context, 'partyForMember', input.associationId, { id, memberId: member.id, kind: input.kind });
    return { id };
  });
}
