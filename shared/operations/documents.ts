import type { PartyDocumentType } from './parties';

// Result fragments every document's view shares (receipts, refunds, vouchers, purchases, sales,
// collections): one meaning, so one type. No operations live here.

/** The association as a document prints it: its details as they are now. */
export interface DocumentAssociation {
  name: string; ruc: string | null; address: string | null; district: string; province: string; department: string;
}

/** The head of every document Khipu numbers (receipts, refunds, vouchers, collections): gapless per association and series. */
export interface NumberedDocument {
  id: number;
  associationId: number;
  association: DocumentAssociation;
  series: string;
  number: number;
  /** As printed: series-number, 001-000012. */
  formattedNumber: string;
  date: string;
}

/** The party a document names, from the one register: a purchase's supplier, a sale's buyer. */
export interface DocumentParty {
  id: number;
  name: string;
  documentType: PartyDocumentType;
  documentNumber: string | null;
}

/** A voided document's void: its date, reason and the entry that reversed the document's own. */
export interface DocumentVoid { date: string; reason: string; entryId: number }

/** A print on paper counted: the first is the original, every later one says DUPLICADO. */
export interface DocumentPrint { copy: 'original' | 'duplicado'; printCount: number }
