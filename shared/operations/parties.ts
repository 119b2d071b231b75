import { z } from 'zod';
import { id, optionalText, text } from './schemas';

// The register of parties: suppliers, buyers, lenders, public entities and funders the association
// deals with. Purchases, payment vouchers, sales and collections name them; a socio who sells to or
// buys from the association is linked, never copied (partyForMember). The engine is db/parties/.

export const partyKinds = ['supplier', 'buyer', 'lender', 'public_entity', 'funder', 'other'] as const;
export type PartyKind = (typeof partyKinds)[number];
/** RUC (11 digits, SUNAT modulus-11 check digit), DNI (8 digits) or none. */
export const partyDocumentTypes = ['ruc', 'dni', 'none'] as const;
export type PartyDocumentType = (typeof partyDocumentTypes)[number];

const partyFields = {
  name: text(200),
  kind: z.enum(partyKinds),
  documentType: z.enum(partyDocumentTypes),
  /** Digits only (spaces and dashes typed around them are dropped); left out for 'none'. */
  documentNumber: z.string().max(40).nullish(),
  phone: optionalText(30),
  district: optionalText(100),
  /** The socio this party is, when a member sells to or buys from the association. */
  memberId: id.nullish(),
  note: optionalText(500),
};

export const partiesOperations = {
  /** Parties by name; `search` matches name or document number, accents and case aside. */
  listParties: {
    input: z.object({
      associationId: id,
      search: z.string().max(100).nullish(),
      kind: z.enum(partyKinds).nullish(),
      includeArchived: z.boolean().optional(),
    }),
  },
  getParty: { input: z.object({ partyId: id }) },
  createParty: { input: z.object({ associationId: id, ...partyFields }) },
  updateParty: { input: z.object({ partyId: id, ...partyFields }) },
  /** Archived parties leave the pickers and take no new documents; their history stays. */
  archiveParty: { input: z.object({ partyId: id, archived: z.boolean() }) },
  /** The party that stands for a member (created once from the member's name and DNI, then reused). */
  partyForMember: { input: z.object({ associationId: id, memberId: id, kind: z.enum(partyKinds) }) },
} as const;

// ------------------------------------------------------------------ results

export interface PartySummary {
  id: number;
  name: string;
  kind: PartyKind;
  documentType: PartyDocumentType;
  documentNumber: string | null;
  phone: string | null;
  district: string | null;
  memberId: number | null;
  memberName: string | null;
  note: string | null;
  archived: boolean;
}

export interface PartiesResults {
  listParties: PartySummary[];
  getParty: PartySummary;
  createParty: { id: number };
  updateParty: PartySummary;
  archiveParty: PartySummary;
  partyForMember: { id: number };
}
