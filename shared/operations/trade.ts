import { z } from 'zod';
import type { AssociationDetails } from '../results';
import type { OfficerPost } from './members';
import { id, isoDate } from './schemas';

// Payables and receivables, the purchases and sales books, and the treasurer's rendición de cuentas.
// All read-only, computed from the documents (purchases, payment vouchers, sales, collections) and the
// journal lines that carry their party. Money is integer céntimos; quantities integer thousandths.

/** payable: what the association owes suppliers (421, 424); receivable: what buyers owe it (121). */
export const tradeSides = ['payable', 'receivable'] as const;
export type TradeSide = (typeof tradeSides)[number];

/** How a book's rows are grouped. */
export const bookGroupings = ['document', 'party', 'productLine', 'product'] as const;
export type BookGrouping = (typeof bookGroupings)[number];

export const tradeOperations = {
  /**
   * One party's account: the balance before `from`, every document and payment in [from, to] with the running
   * balance, and the closing balance. `side` is chosen from the party's kind (a buyer: receivable) when left out.
   */
  partyStatement: {
    input: z.object({
      associationId: id, partyId: id, side: z.enum(tradeSides).optional(),
      from: isoDate.nullish(), to: isoDate.nullish(),
    }),
  },
  /** Pending documents per party as of a day (today in Lima when left out), by days past due. */
  agingReport: { input: z.object({ associationId: id, side: z.enum(tradeSides), asOf: isoDate.optional() }) },
  /** What falls due in the next 7 days (asOf included, asOf + 7 included) or is already overdue: to pay and to collect. */
  dueThisWeek: { input: z.object({ associationId: id, asOf: isoDate.optional() }) },
  /** Purchases of [from, to] (live documents), grouped; quantity, amount before IGV and average price. */
  purchasesBook: {
    input: z.object({ associationId: id, from: isoDate, to: isoDate, groupBy: z.enum(bookGroupings).default('document') }),
  },
  /** Sales of [from, to] (live documents), grouped as the purchases book. */
  salesBook: {
    input: z.object({ associationId: id, from: isoDate, to: isoDate, groupBy: z.enum(bookGroupings).default('document') }),
  },
  /** The treasurer's report to the general assembly for [from, to], in plain words, without account codes. */
  rendicionDeCuentas: { input: z.object({ associationId: id, from: isoDate, to: isoDate }) },
} as const;

// ------------------------------------------------------------------ party statement

/** What a statement line is. `other`: an entry made by hand (an accountant's adjustment) on the party's account. */
export type PartyMovementKind =
  | 'purchase' | 'purchase_void' | 'payment_voucher' | 'payment_voucher_void'
  | 'sale' | 'sale_void' | 'sale_collection' | 'sale_collection_void' | 'other';

/** The document a movement comes from, in the words printed on it. */
export interface TradeDocumentRef {
  /** 'purchase' | 'payment_voucher' | 'sale' | 'sale_collection', or null for an entry made by hand. */
  type: 'purchase' | 'payment_voucher' | 'sale' | 'sale_collection' | null;
  id: number | null;
  /**
   * The kind printed: factura, boleta, recibo_honorarios, ticket, none (purchases); nota_venta, boleta, factura,
   * none (sales); recibo_egreso (payment vouchers); recibo_ingreso (collections); null for an entry by hand.
   */
  kind: string | null;
  /** 'F001-000123' as typed, '001-000012' for Khipu's own numbers; null when the document has none. */
  number: string | null;
}

export interface PartyStatementLine {
  entryId: number;
  date: string;
  kind: PartyMovementKind;
  document: TradeDocumentRef;
  /** The entry's description (plain words, as posted). */
  description: string;
  /** Purchases and sales: the day it falls due. */
  dueDate: string | null;
  /** What makes the balance grow (a purchase on the payable side, a sale on the receivable side). */
  increase: number;
  /** What makes it shrink (a payment or collection; a voided purchase or sale). */
  decrease: number;
  /** Opening + every increase − decrease so far. Positive: still owed; negative: paid in advance. */
  balance: number;
}

export interface PartyStatement {
  associationId: number;
  party: { id: number; name: string; kind: string; documentType: string; documentNumber: string | null };
  side: TradeSide;
  from: string | null;
  to: string;
  /** Balance before `from` (0 without `from`). */
  opening: number;
  lines: PartyStatementLine[];
  totals: { increase: number; decrease: number };
  /** opening + increase − decrease: equals the journal lines of the side's accounts carrying this party, up to `to`. */
  closing: number;
  /**
   * The same balance from the documents alone, up to `to`: live purchases (or credit sales) minus live payments
   * (or collections). Equals closing unless an entry was made by hand on the party's account (then `manual` says how much).
   */
  documents: { documents: number; payments: number; manual: number };
  /** Pending documents as of `to` (those the aging report lists for this party). */
  pending: AgingDocument[];
}

// ------------------------------------------------------------------ aging

export interface AgingBuckets {
  /** Not yet due (due date on or after asOf). */
  notDue: number;
  /** 1 to 30 days past due. */
  days1to30: number;
  /** 31 to 90 days past due. */
  days31to90: number;
  /** More than 90 days past due. */
  over90: number;
  /** The four added. */
  total: number;
}

export interface AgingDocument {
  documentType: 'purchase' | 'sale';
  documentId: number;
  document: TradeDocumentRef;
  date: string;
  dueDate: string;
  total: number;
  /** total − live payments (collections) applied to it as of asOf. */
  open: number;
  /** asOf − dueDate in days; 0 or less when not yet due. */
  daysPastDue: number;
  bucket: keyof Omit<AgingBuckets, 'total'>;
}

export interface AgingParty {
  partyId: number;
  name: string;
  documentType: string;
  documentNumber: string | null;
  phone: string | null;
  /** Oldest due first. */
  documents: AgingDocument[];
  buckets: AgingBuckets;
}

export interface AgingReport {
  associationId: number;
  side: TradeSide;
  asOf: string;
  /** Largest total first. */
  parties: AgingParty[];
  totals: AgingBuckets & { parties: number; documents: number };
}

// ------------------------------------------------------------------ this week

export interface DueItem {
  documentType: 'purchase' | 'sale';
  documentId: number;
  document: TradeDocumentRef;
  partyId: number;
  partyName: string;
  dueDate: string;
  open: number;
  /** Due before asOf. */
  overdue: boolean;
}

export interface DueList {
  /** Open and due on or before `until`, oldest due first; at most 20 (count says how many in all). */
  items: DueItem[];
  count: number;
  /** Everything open due on or before `until`. */
  total: number;
  /** The part already overdue (due before asOf). */
  overdue: number;
}

export interface DueThisWeek {
  associationId: number;
  asOf: string;
  /** asOf + 7 days. */
  until: string;
  toPay: DueList;
  toCollect: DueList;
}

// ------------------------------------------------------------------ books

export type ProductUnit = 'l' | 'kg' | 'head' | 'unit';

export interface BookRow {
  /** Stable key for the UI ('document:12', 'party:3', 'productLine:2', 'product:7', 'concept:transport', 'none'). */
  key: string;
  /** groupBy document: the document. */
  documentId: number | null;
  date: string | null;
  document: TradeDocumentRef | null;
  /** groupBy document or party (a sale to the public: null with partyName null). */
  partyId: number | null;
  partyName: string | null;
  /** groupBy productLine (null: lines without a product line). */
  productLineId: number | null;
  productLineName: string | null;
  /** groupBy product (null: a concept line of a purchase, grouped by its category). */
  productId: number | null;
  productName: string | null;
  /** Purchase category of a concept row (purchases book, groupBy product). */
  category: string | null;
  /** The unit of the quantity: null when the row mixes units or has no quantity. */
  unit: ProductUnit | null;
  /** Documents counted in the row. */
  documents: number;
  /** Thousandths of `unit`; null when the row mixes units or no line has a quantity. */
  quantity: number | null;
  /** Before IGV. */
  amount: number;
  /** Céntimos per whole unit: amount of the lines with a quantity ÷ their quantity, rounded once; null without quantity. */
  averagePrice: number | null;
  /** groupBy document or party only (IGV is carried by the document, not its lines); null otherwise. */
  igv: number | null;
  total: number | null;
}

export interface TradeBook {
  associationId: number;
  book: 'purchases' | 'sales';
  from: string;
  to: string;
  groupBy: BookGrouping;
  rows: BookRow[];
  totals: { documents: number; amount: number; igv: number; total: number };
}

// ------------------------------------------------------------------ rendición de cuentas

/** Where money came from, in plain words (the print's labels live in the renderer's trade catalogue). */
export type RendicionInConcept =
  | 'dues' | 'fines' | 'extraordinary' | 'capital' | 'entranceFees' | 'levies' | 'jointPurchaseShares'
  | 'memberAdvances' | 'sales' | 'collections' | 'loans' | 'grants' | 'donations' | 'otherIncome';
/** Where money went. `purchases` rows carry the purchase category (shared/operations/purchases.ts). */
export type RendicionOutConcept =
  | 'purchases' | 'supplierAdvances' | 'labour' | 'transport' | 'services' | 'refunds' | 'loanRepayments'
  | 'taxes' | 'bankFees' | 'otherExpenses';

export interface RendicionConceptRow<C extends string> {
  concept: C;
  /** For `purchases`: the purchase category (stock, supplies_consumed, services…); null otherwise. */
  category: string | null;
  /** Net of voids made in the period (a receipt voided in the period lowers its concept). */
  amount: number;
}

export interface RendicionCashPlace {
  accountId: number;
  /** The account's plain name ("Caja", "Banco de la Nación"), never its code. */
  name: string;
  kind: 'cash' | 'bank';
  amount: number;
}

export interface RendicionMemberRow {
  memberId: number;
  fullName: string;
  dni: string | null;
  /** Receipts of the period (live ones, net of those voided in it). */
  paid: number;
  /** What she owes at `to` (memberPositions). */
  owes: number;
  overdue: number;
  /** Credit in favour at `to`. */
  credit: number;
}

export interface RendicionOfficer { post: OfficerPost; fullName: string | null }

export interface RendicionDeCuentas {
  association: AssociationDetails;
  from: string;
  to: string;
  cashAtStart: { places: RendicionCashPlace[]; total: number };
  income: { rows: RendicionConceptRow<RendicionInConcept>[]; total: number };
  expenses: { rows: RendicionConceptRow<RendicionOutConcept>[]; total: number };
  /** income.total − expenses.total = cashAtEnd.total − cashAtStart.total, to the céntimo. */
  cashAtEnd: { places: RendicionCashPlace[]; total: number };
  /** Members who paid in the period, owe or hold credit at `to`, by name. */
  members: { rows: RendicionMemberRow[]; totals: { paid: number; owes: number; overdue: number; credit: number } };
  /** Open purchases and sales at `to` (the aging totals). */
  owedByAssociation: { total: number; overdue: number; parties: number };
  owedToAssociation: { total: number; overdue: number; parties: number };
  /** Presidente, tesorero and fiscal on `to`, for the signature lines (fullName null when the post is empty). */
  officers: RendicionOfficer[];
}

export interface TradeResults {
  partyStatement: PartyStatement;
  agingReport: AgingReport;
  dueThisWeek: DueThisWeek;
  purchasesBook: TradeBook;
  salesBook: TradeBook;
  rendicionDeCuentas: RendicionDeCuentas;
}
