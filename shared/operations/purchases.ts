import { z } from 'zod';
import { id, isoDate, lineAmount, optionalText, text } from './schemas';
import type { DocumentAssociation, DocumentParty, DocumentVoid } from './documents';

// Purchases from suppliers, in plain words, and joint purchases recharged to members. The engine is
// db/purchases/. A purchase is always a payable to its supplier: on credit with a due date, or "paid
// now", which is the same purchase due that day settled at once by a payment voucher (db/payments).

/** The supplier's document: factura, boleta, recibo por honorarios (payable 424), ticket, or none. */
export const purchaseDocumentKinds = ['factura', 'boleta', 'recibo_honorarios', 'ticket', 'none'] as const;
export type PurchaseDocumentKind = (typeof purchaseDocumentKinds)[number];
export const purchasePayments = ['cash', 'credit'] as const;
export type PurchasePayment = (typeof purchasePayments)[number];

/**
 * What a line bought, in plain words (the form's choice; labels in the catalogs as
 * 'purchase.category.<key>'), and the account role it debits by default. 'stock' (role null) debits
 * the product's inventory account by the product's category and moves it into the store; 'joint' is
 * bought for members and cleared by their charges. An accountant may name any other postable expense
 * or asset account of the association in the line instead.
 */
export const purchaseCategories = {
  stock: { role: null },
  supplies_consumed: { role: 'purchases_supplies' },
  services: { role: 'services_expense' },
  transport: { role: 'transport_expense' },
  day_labour: { role: 'personnel_expense' },
  equipment: { role: 'equipment' },
  animals: { role: 'biological_assets' },
  other: { role: 'other_expense' },
  joint: { role: 'receivable_other' },
} as const satisfies Record<string, { role: string | null }>;
export type PurchaseCategory = keyof typeof purchaseCategories;
export const purchaseCategoryKeys = Object.keys(purchaseCategories) as [PurchaseCategory, ...PurchaseCategory[]];

/** Name of the contribution type that carries the members' shares of joint purchases (created on first use). */
export const jointPurchaseTypeName = 'Compras conjuntas';

/** Quantity in thousandths of the unit (2.5 kg = 2500); never zero or negative. */
const quantity = z.number().int().refine((v) => v > 0, { message: 'purchase.quantityNotPositive' })
  .refine((v) => v <= 1_000_000_000, { message: 'purchase.quantityTooLarge' });
const positiveAmount = lineAmount.refine((v) => v > 0, { message: 'purchase.amountNotPositive' });

const purchaseLine = z.object({
  /** A product of the register; left out for a concept (a freight, a service), which then needs a description. */
  productId: id.nullish(),
  /** The concept in words; for a product line, left out: the product's name. */
  description: optionalText(200),
  quantity: quantity.nullish(),
  /** Céntimos per WHOLE unit; the line amount is price × quantity, rounded once. Give this or amount. */
  unitPrice: positiveAmount.nullish(),
  /** The line's amount before IGV, as the document shows it. Give this or unitPrice. */
  amount: positiveAmount.nullish(),
  category: z.enum(purchaseCategoryKeys),
  /** Accountant override: any postable expense or asset account of the association. */
  accountId: id.nullish(),
  /** Left out: the product's line, else the purchase's. */
  productLineId: id.nullish(),
});

const keysetCursor = z.object({ date: isoDate, id });

export const purchasesOperations = {
  /**
   * One supplier's document: Dr each line's account (+ Dr 4011 IGV) / Cr 421 (424 for a recibo por
   * honorarios) with the supplier. Stock lines move into the store at their cost without IGV. "Paid
   * now" issues the payment voucher for the total in the same transaction. A joint purchase splits its
   * joint lines over the members (by quantity or amount, exact to the céntimo): each share is a charge
   * on the member, paid with the usual receipts.
   */
  recordPurchase: {
    input: z.object({
      associationId: id,
      date: isoDate,
      partyId: id,
      documentKind: z.enum(purchaseDocumentKinds),
      /** The document's series-number as printed (F001-123); required unless the kind is 'none'. */
      documentNumber: text(30).nullish(),
      lines: z.array(purchaseLine).min(1).max(200),
      /** Céntimos of IGV the document carries, on top of the lines; 0 when left out. */
      igv: lineAmount.nullish(),
      payment: z.enum(purchasePayments),
      /** Paid now: the caja (default) or a bank account, any postable account under 10. */
      accountId: id.nullish(),
      /** On credit: when the supplier is to be paid (on or after the purchase's date). */
      dueDate: isoDate.nullish(),
      /** Default product line of the lines. */
      productLineId: id.nullish(),
      note: optionalText(300),
      /** Joint purchase: how its 'joint' lines are shared among members. */
      jointShares: z.object({
        by: z.enum(['quantity', 'amount']),
        members: z.array(z.object({
          memberId: id,
          /** By quantity: the member's part, in thousandths; the parts add up to the joint lines' quantity. */
          quantity: quantity.nullish(),
          /** By amount: the member's part in céntimos; the parts add up to the joint lines' amount. */
          amount: positiveAmount.nullish(),
        })).min(1).max(1000),
      }).nullish(),
      /** When the members are to pay their shares; left out: the purchase's date. */
      dueDateForShares: isoDate.nullish(),
    }),
  },
  /**
   * Reverses a purchase: its entry is reversed, its stock leaves at the purchase's own cost, its
   * members' unpaid share charges are cancelled. Refused while a live payment voucher settles it,
   * when the stock it brought is no longer all there, or when a member paid part of her share.
   */
  voidPurchase: { input: z.object({ purchaseId: id, date: isoDate, reason: text(500) }) },
  getPurchase: { input: z.object({ purchaseId: id }) },
  /** Newest first, keyset by (date, id): pass the last row's {date, id} as cursor for the next page. */
  listPurchases: {
    input: z.object({
      associationId: id,
      from: isoDate.nullish(),
      to: isoDate.nullish(),
      partyId: id.nullish(),
      status: z.enum(['valid', 'voided', 'open']).nullish(),
      limit: z.number().int().positive().max(1000).optional(),
      cursor: keysetCursor.nullish(),
    }),
  },
  /** A supplier's live purchases still owed, oldest due first (what "Pagos" ticks). */
  openPurchases: { input: z.object({ associationId: id, partyId: id }) },
} as const;

// ------------------------------------------------------------------ results

export type PurchaseStatus = 'valid' | 'voided';

export interface PurchaseLineView {
  lineNo: number;
  productId: number | null;
  productName: string | null;
  unit: string | null;
  description: string;
  /** Thousandths of the unit; null for a plain amount. */
  quantity: number | null;
  /** Céntimos per whole unit; null when the amount was typed. */
  unitPrice: number | null;
  amount: number;
  category: PurchaseCategory;
  /** The account debited (accountant views only). */
  accountId: number;
  accountCode: string;
  accountName: string;
  productLineId: number | null;
}

export interface JointShareView {
  memberId: number;
  memberName: string;
  quantity: number | null;
  amount: number;
  chargeId: number;
  /** What the member still owes of it. */
  open: number;
  chargeVoided: boolean;
}

export interface PurchaseView {
  id: number;
  associationId: number;
  association: DocumentAssociation;
  date: string;
  supplier: DocumentParty;
  documentKind: PurchaseDocumentKind;
  documentNumber: string | null;
  /** "Factura F001-123", or "Compra del 12/03/2026" without a document. */
  label: string;
  lines: PurchaseLineView[];
  subtotal: number;
  igv: number;
  total: number;
  payment: PurchasePayment;
  dueDate: string;
  /** What is still owed to the supplier of it (0 when voided). */
  open: number;
  /** Live vouchers that paid it. */
  payments: { voucherId: number; formattedNumber: string; date: string; amount: number }[];
  productLineId: number | null;
  joint: boolean;
  sharesBy: 'quantity' | 'amount' | null;
  shares: JointShareView[];
  note: string | null;
  entryId: number;
  status: PurchaseStatus;
  voided: DocumentVoid | null;
  createdAt: string;
  createdBy: string;
}

export interface PurchaseSummary {
  id: number;
  date: string;
  partyId: number;
  supplierName: string;
  documentKind: PurchaseDocumentKind;
  documentNumber: string | null;
  total: number;
  payment: PurchasePayment;
  dueDate: string;
  open: number;
  joint: boolean;
  status: PurchaseStatus;
}

export interface PurchasePage {
  rows: PurchaseSummary[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: { date: string; id: number } | null;
}

/** A live purchase still owed to its supplier. */
export interface OpenPurchase {
  purchaseId: number;
  partyId: number;
  date: string;
  dueDate: string;
  documentKind: PurchaseDocumentKind;
  documentNumber: string | null;
  total: number;
  /** Total less its live voucher allocations. */
  open: number;
}

export interface PurchasesResults {
  recordPurchase: PurchaseView;
  voidPurchase: PurchaseView;
  getPurchase: PurchaseView;
  listPurchases: PurchasePage;
  openPurchases: OpenPurchase[];
}
