// CONTRACT READY
import { z } from 'zod';
import { id, isoDate, lineAmount, optionalText, text } from './schemas';
import type { PaymentAccountKind } from './contributions';
import type { DocumentAssociation, DocumentParty, DocumentPrint, DocumentVoid } from './documents';

// Contracts with public entities (municipalities' Vaso de Leche, Qali Warma…): terms and adendas,
// deliveries with their numbered delivery note (nota de entrega, series 001), acceptances (acta de
// conformidad), SUNAT invoices issued outside Khipu, collections with their deductions, and the
// contract sheet. The engine is db/contracts/; prints /print/contract-sheet, /print/delivery-note.
//
// Money in céntimos; quantities in thousandths of the product's unit; prices in céntimos per WHOLE
// unit; a line's amount = multiplyQuantity(price, quantity), rounded once.

export const contractStatuses = ['in_force', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/** Series of Khipu's delivery notes (nota de entrega), gapless per association. */
export const deliveryNoteSeries = '001';

/** Quantity in thousandths of the product's unit (2.5 kg = 2500); never zero or negative. */
const quantity = z.number().int().refine((v) => v > 0, { message: 'contract.quantityNotPositive' })
  .refine((v) => v <= 1_000_000_000_000, { message: 'contract.quantityTooLarge' });
/** Thousandths, zero allowed (an accepted quantity of a fully rejected line). */
const quantityOrZero = z.number().int().refine((v) => v >= 0, { message: 'contract.quantityNegative' })
  .refine((v) => v <= 1_000_000_000_000, { message: 'contract.quantityTooLarge' });
/** Céntimos per WHOLE unit. */
const unitPrice = lineAmount.refine((v) => v > 0, { message: 'contract.priceNotPositive' });
/** Céntimos, zero allowed (a deduction left out). */
const amountOrZero = lineAmount.refine((v) => v >= 0, { message: 'contract.amountNegative' });

/** One product of the terms: a product appears once per version. */
const contractItem = z.object({ productId: id, quantity, unitPrice });
/** One row of the delivery schedule: by this date, this much of this product. */
const scheduleLine = z.object({ dueDate: isoDate, productId: id, quantity });
const items = z.array(contractItem).min(1).max(100);
/**
 * The full schedule of the version. Per product its quantities add up to the item's quantity.
 * Left out: one row per item, due on the contract's end date.
 */
const schedule = z.array(scheduleLine).min(1).max(1000).nullish();

export const contractsOperations = {
  /**
   * A contract with a public entity (party of kind 'public_entity'): its terms are version 0.
   * The end date is typed, or worked out from the term in days (start date + term).
   */
  createContract: {
    input: z.object({
      associationId: id,
      partyId: id,
      /** The contract's number as the entity prints it ("Contrato N° 014-2026-MDCH"): unique in the association. */
      number: text(60),
      /** The social programme: Vaso de Leche, Qali Warma, PCA… */
      programme: optionalText(120),
      /** The procurement process ("AS-SM-3-2026-MDCH"). */
      processNumber: optionalText(60),
      signedOn: isoDate,
      /** Left out: the day it was signed. */
      startDate: isoDate.nullish(),
      /** One of endDate or termDays. */
      endDate: isoDate.nullish(),
      termDays: z.number().int().positive().max(3660).nullish(),
      /** Cap of all late-delivery penalties, basis points of the contract's value; 1000 (10%) when left out. */
      penaltyCapBp: z.number().int().min(0).max(10_000).nullish(),
      items,
      schedule,
      note: optionalText(500),
    }),
  },
  /**
   * An adenda: the new full set of items and schedule, in force from its date (version n). History is
   * kept. Schedule line n of the adenda continues line n of the earlier version (deliveries keep
   * filling it). Refused when a product's quantity drops below what is already delivered net of rejected.
   */
  amendContract: {
    input: z.object({
      contractId: id,
      /** The adenda's number as printed ("Adenda N° 1"). */
      number: text(60),
      date: isoDate,
      reason: text(500),
      items,
      schedule,
      /** A new end date, when the adenda extends the term; left out, the earlier one. */
      endDate: isoDate.nullish(),
    }),
  },
  /** In force, completed or terminated (resuelto). Only a contract in force takes deliveries. */
  setContractStatus: {
    input: z.object({ contractId: id, status: z.enum(contractStatuses), reason: optionalText(500) }),
  },
  getContract: { input: z.object({ contractId: id }) },
  listContracts: {
    input: z.object({
      associationId: id,
      status: z.enum(contractStatuses).nullish(),
      partyId: id.nullish(),
    }),
  },
  /**
   * A delivery: stock leaves the store at weighted average cost (Dr 692 / Cr inventory, with the
   * contract), priced at the terms in force on its date; gets the next delivery note 001-000001.
   * Each line fills a schedule line: the one named, or the earliest of that product not yet filled.
   */
  recordDelivery: {
    input: z.object({
      contractId: id,
      date: isoDate,
      lines: z.array(z.object({
        productId: id,
        quantity,
        /** The schedule line (its lineNo in the terms in force) this fills; left out, the earliest unfilled. */
        scheduleLineNo: z.number().int().positive().nullish(),
      })).min(1).max(100),
      note: optionalText(300),
    }),
  },
  /**
   * The acta de conformidad: accepted quantity per line (left out: all of it accepted). What is not
   * accepted is rejected and owed again; with returnRejected it comes back into the store at the cost
   * it left with (Dr inventory / Cr 692).
   */
  acceptDelivery: {
    input: z.object({
      deliveryId: id,
      actaNumber: text(40),
      date: isoDate,
      lines: z.array(z.object({ lineNo: z.number().int().positive(), acceptedQuantity: quantityOrZero })).max(100).nullish(),
      returnRejected: z.boolean().optional(),
      note: optionalText(300),
    }),
  },
  /** Reverses a delivery: its entry, and its stock back at cost. Refused while a live acceptance covers it. */
  voidDelivery: { input: z.object({ deliveryId: id, date: isoDate, reason: text(500) }) },
  /** Reverses an acceptance (and any return to stock). Refused while a live invoice covers the delivery. */
  voidAcceptance: { input: z.object({ acceptanceId: id, date: isoDate, reason: text(500) }) },
  /** Counts a print of the delivery note; every print after the first is a DUPLICADO. */
  recordDeliveryPrint: { input: z.object({ deliveryId: id }) },
  /** The delivery note as printed (A5). */
  getDelivery: { input: z.object({ deliveryId: id }) },
  /**
   * The SUNAT invoice (issued outside Khipu) covering accepted deliveries: Dr 121 (entity, contract)
   * total / Cr 702 subtotal / Cr 4011 IGV. The subtotal defaults to the accepted value of the deliveries
   * and may not pass it. The same number twice for one entity is refused (among live invoices).
   */
  recordContractInvoice: {
    input: z.object({
      contractId: id,
      /** Series-number as typed, stored upper-case without spaces: "E001-123". */
      number: text(30),
      date: isoDate,
      deliveryIds: z.array(id).min(1).max(500),
      /** Left out: the accepted value of the deliveries. */
      subtotal: lineAmount.nullish(),
      /** Left out: 0 (exonerated). */
      igv: amountOrZero.nullish(),
      note: optionalText(300),
    }),
  },
  /** Reverses an invoice; its deliveries may be invoiced again. Refused while a live collection paid it. */
  voidContractInvoice: { input: z.object({ invoiceId: id, date: isoDate, reason: text(500) }) },
  /**
   * Money for an invoice with its deductions; total = received + IGV withheld + detracción + penalty +
   * other ≤ what the invoice still has pending. Withholding and detracción exclude each other.
   * Entry: Dr caja/bank received, Dr 1042 detracción, Dr 4011 IGV withheld, Dr 6599 penalty and other /
   * Cr 121 (entity, contract) total.
   */
  recordContractCollection: {
    input: z.object({
      invoiceId: id,
      date: isoDate,
      /** Caja (default) or a bank account: any postable account under 10. */
      accountId: id.nullish(),
      received: amountOrZero,
      igvWithheld: amountOrZero.nullish(),
      /** The withholding voucher's number (comprobante de retención): required when igvWithheld > 0. */
      withholdingVoucher: optionalText(30),
      detraction: amountOrZero.nullish(),
      /** The Banco de la Nación deposit's constancia number: required when detraction > 0. */
      detractionConstancia: optionalText(30),
      penalty: amountOrZero.nullish(),
      otherDeductions: amountOrZero.nullish(),
      /** Required when otherDeductions > 0. */
      otherDescription: optionalText(200),
      note: optionalText(300),
    }),
  },
  voidContractCollection: { input: z.object({ collectionId: id, date: isoDate, reason: text(500) }) },
  /** One A4 page per contract: terms, adendas, schedule against deliveries, invoices, collections, totals. */
  contractSheet: { input: z.object({ contractId: id }) },
} as const;

// ------------------------------------------------------------------ results

export type ContractDocumentStatus = 'valid' | 'voided';

export interface ContractItemView {
  productId: number;
  productName: string;
  unit: string;
  /** Thousandths. */
  quantity: number;
  /** Céntimos per whole unit. */
  unitPrice: number;
  amount: number;
}

export interface ContractScheduleLineView {
  lineNo: number;
  dueDate: string;
  productId: number;
  productName: string;
  unit: string;
  quantity: number;
}

/** Version 0 is the original terms; version n ≥ 1 is an adenda. */
export interface ContractVersionView {
  version: number;
  /** Null for version 0. */
  number: string | null;
  /** The day the version is in force from: signedOn for version 0. */
  date: string;
  reason: string | null;
  endDate: string;
  items: ContractItemView[];
  schedule: ContractScheduleLineView[];
  /** Σ items' amounts. */
  value: number;
  createdAt: string;
  createdBy: string;
}

export interface ContractView {
  id: number;
  associationId: number;
  association: DocumentAssociation;
  entity: DocumentParty;
  number: string;
  programme: string | null;
  processNumber: string | null;
  signedOn: string;
  startDate: string;
  /** Of the latest version. */
  endDate: string;
  termDays: number | null;
  status: ContractStatus;
  penaltyCapBp: number;
  note: string | null;
  /** The latest version's items and schedule (the terms in force once every adenda is). */
  items: ContractItemView[];
  schedule: ContractScheduleLineView[];
  value: number;
  /** Every version, oldest first (version 0 first). */
  versions: ContractVersionView[];
  createdAt: string;
  createdBy: string;
}

export interface ContractProgress {
  /** Contract value (latest version). */
  value: number;
  /** Live deliveries at their prices. */
  delivered: number;
  /** Accepted by live actas. */
  accepted: number;
  /** Subtotals of live invoices (before IGV): ≤ accepted. */
  invoicedSubtotal: number;
  /** Totals of live invoices (with IGV): what the receivable started from. */
  invoiced: number;
  /** Money received into caja or bank by live collections. */
  collected: number;
  /** IGV withheld + detracción + penalty + other, of live collections. */
  deductions: number;
  /** invoiced − collected − deductions: what the entity still owes (the journal's 121 for the contract). */
  pending: number;
  /** accepted − invoicedSubtotal: accepted value not yet invoiced (before IGV). */
  acceptedNotInvoiced: number;
  /** Value still to deliver: value − (delivered − rejected value), not below zero. */
  toDeliver: number;
  /** Delivered net of rejected, as basis points of the value (10000 = all of it). */
  deliveredShareBp: number;
}

export interface ContractSummary extends ContractProgress {
  id: number;
  number: string;
  entityId: number;
  entityName: string;
  programme: string | null;
  signedOn: string;
  endDate: string;
  status: ContractStatus;
  deliveries: number;
  /** Live deliveries not yet accepted. */
  pendingAcceptance: number;
}

export interface DeliveryLineView {
  lineNo: number;
  productId: number;
  productName: string;
  unit: string;
  quantity: number;
  /** Copied from the terms in force on the delivery date. */
  unitPrice: number;
  amount: number;
  /** What left the store at weighted average cost (accountant views). */
  cost: number;
  /** The schedule line it fills (lineNo in the terms in force on its date) and its due date. */
  scheduleLineNo: number;
  dueDate: string;
  /** Calendar days after the due date, 0 when on time. */
  daysLate: number;
  /** Of a live acceptance; null while pending. */
  acceptedQuantity: number | null;
  rejectedQuantity: number | null;
  acceptedAmount: number | null;
}

/** The penalty the entity may deduct for a late line (shown, not posted). */
export interface DeliveryPenaltyView {
  lineNo: number;
  daysLate: number;
  /** The schedule line's quantity × price. */
  amount: number;
  termDays: number;
  factor: 40 | 25;
  daily: number;
  penalty: number;
  capped: boolean;
}

export interface AcceptanceView {
  id: number;
  actaNumber: string;
  date: string;
  returnedToStock: boolean;
  /** Cost brought back into the store (0 when not returned). */
  returnedCost: number;
  acceptedAmount: number;
  note: string | null;
  entryId: number | null;
  status: ContractDocumentStatus;
  voided: DocumentVoid | null;
  createdAt: string;
  createdBy: string;
}

export interface DeliveryView {
  id: number;
  associationId: number;
  association: DocumentAssociation;
  contractId: number;
  contractNumber: string;
  programme: string | null;
  entity: DocumentParty;
  series: string;
  number: number;
  /** "001-000012". */
  formattedNumber: string;
  date: string;
  lines: DeliveryLineView[];
  /** Σ lines' amounts (at contract prices). */
  amount: number;
  cost: number;
  /** Penalties of its late lines, with the cap and the earlier deliveries' penalties counted. */
  penalties: DeliveryPenaltyView[];
  penalty: number;
  /** The live acceptance, or null (pending). */
  acceptance: AcceptanceView | null;
  /** 'pending' until accepted; 'invoiced' once a live invoice covers it. */
  stage: 'pending' | 'accepted' | 'invoiced';
  /** The live invoice covering it. */
  invoice: { id: number; number: string; date: string } | null;
  note: string | null;
  entryId: number;
  treasurerName: string | null;
  status: ContractDocumentStatus;
  voided: DocumentVoid | null;
  printCount: number;
  createdAt: string;
  createdBy: string;
}

export interface ContractInvoiceView {
  id: number;
  contractId: number;
  entityId: number;
  /** As stored: upper-case, no spaces. */
  number: string;
  date: string;
  deliveries: { deliveryId: number; formattedNumber: string; date: string; acceptedAmount: number }[];
  subtotal: number;
  igv: number;
  total: number;
  /** Of live collections. */
  collected: number;
  deductions: number;
  /** total − collected − deductions (0 for a voided invoice). */
  pending: number;
  note: string | null;
  entryId: number;
  status: ContractDocumentStatus;
  voided: DocumentVoid | null;
  createdAt: string;
  createdBy: string;
}

export interface ContractCollectionView {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  contractId: number;
  date: string;
  accountId: number;
  accountName: string;
  accountKind: PaymentAccountKind;
  received: number;
  igvWithheld: number;
  withholdingVoucher: string | null;
  detraction: number;
  detractionConstancia: string | null;
  penalty: number;
  otherDeductions: number;
  otherDescription: string | null;
  /** received + every deduction: what it took off the invoice. */
  total: number;
  /** What the invoice still had pending right after it (live figures at recording). */
  pendingAfter: number;
  note: string | null;
  entryId: number;
  status: ContractDocumentStatus;
  voided: DocumentVoid | null;
  createdAt: string;
  createdBy: string;
}

/** A schedule row of the terms in force against what filled it. */
export interface ContractSheetScheduleRow extends ContractScheduleLineView {
  unitPrice: number;
  /** Live deliveries that name this line (thousandths). */
  delivered: number;
  /** Accepted of those (live actas). */
  accepted: number;
  /** quantity − (delivered − rejected), not below zero. */
  outstanding: number;
  /** The last live delivery's date for this line, or null. */
  lastDeliveryDate: string | null;
}

export interface ContractSheetDeliveryRow {
  deliveryId: number;
  formattedNumber: string;
  date: string;
  amount: number;
  acceptedAmount: number | null;
  actaNumber: string | null;
  actaDate: string | null;
  /** The most days late among its lines. */
  daysLate: number;
  penalty: number;
  invoiceNumber: string | null;
  stage: DeliveryView['stage'];
}

export interface ContractDeductions {
  igvWithheld: number;
  detraction: number;
  penalty: number;
  other: number;
  total: number;
}

export interface ContractSheet {
  contract: ContractView;
  /** Adendas only (version ≥ 1), oldest first. */
  amendments: { version: number; number: string; date: string; reason: string; value: number }[];
  schedule: ContractSheetScheduleRow[];
  /** Live deliveries, by date. */
  deliveries: ContractSheetDeliveryRow[];
  /** Live invoices, by date, each with what was collected and deducted. */
  invoices: ContractInvoiceView[];
  /** Live collections, by date. */
  collections: ContractCollectionView[];
  deductions: ContractDeductions;
  /** Σ penalties the entity may deduct (capped), shown not posted. */
  penaltiesMayDeduct: number;
  penaltyCap: number;
  totals: ContractProgress;
}

export interface ContractsResults {
  createContract: ContractView;
  amendContract: ContractView;
  setContractStatus: ContractView;
  getContract: ContractView;
  listContracts: ContractSummary[];
  recordDelivery: DeliveryView;
  acceptDelivery: DeliveryView;
  voidDelivery: DeliveryView;
  voidAcceptance: DeliveryView;
  recordDeliveryPrint: DocumentPrint;
  getDelivery: DeliveryView;
  recordContractInvoice: ContractInvoiceView;
  voidContractInvoice: ContractInvoiceView;
  recordContractCollection: ContractCollectionView;
  voidContractCollection: ContractCollectionView;
  contractSheet: ContractSheet;
}
