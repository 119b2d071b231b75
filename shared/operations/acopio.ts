// CONTRACT READY
import { z } from 'zod';
import { id, isoDate, lineAmount, optionalText, text } from './schemas';
import type { PaymentAccountKind } from './contributions';
import type { DocumentAssociation, DocumentPrint, DocumentVoid } from './documents';

// Acopio: what the association collects from its members (litres of milk a day, kg of grain, cuyes),
// priced by product, grade and period; settlements (liquidaciones) per member and period, less the
// levy per unit and the deductions she authorised; their payment by payment voucher; and where a
// sale's or a contract delivery's product came from. The engine is db/acopio/; prints
// /print/settlement, /print/settlements-summary.
//
// Money in céntimos; quantities in thousandths of the product's unit; prices in céntimos per WHOLE
// unit; a row's amount = multiplyQuantity(price, quantity), rounded once.

/** Series of the liquidaciones, gapless per association: "Liquidación 001-000001". */
export const settlementSeries = '001';

/** The grade of an ungraded product (or price). */
export const ungraded = '';

/** Quantity in thousandths of the product's unit; never zero or negative. */
const quantity = z.number().int().refine((v) => v > 0, { message: 'acopio.quantityNotPositive' })
  .refine((v) => v <= 1_000_000_000, { message: 'acopio.quantityTooLarge' });
/** Céntimos per WHOLE unit. */
const unitPrice = lineAmount.refine((v) => v > 0, { message: 'acopio.priceNotPositive' });
/** A grade's name as printed ("A", "Primera"); '' or left out: ungraded. */
const grade = optionalText(30);

/** One member's delivery on the day's sheet. */
const acopioRow = z.object({
  memberId: id,
  /** Required when the product has graded prices for the date; '' / left out otherwise. */
  grade,
  quantity,
});
const acopioRows = z.array(acopioRow).min(1).max(2000);

/** The documents whose product can name the acopio days it came from. */
export const originDocumentKinds = ['sale', 'contract_delivery'] as const;
export type OriginDocumentKind = (typeof originDocumentKinds)[number];

export const acopioOperations = {
  /**
   * The price paid to members for a product (and grade) from a date, until validTo (left out: open).
   * Periods of one product+grade never overlap (acopio.priceOverlap, field validFrom).
   */
  setAcopioPrice: {
    input: z.object({
      associationId: id,
      productId: id,
      grade,
      validFrom: isoDate,
      validTo: isoDate.nullish(),
      price: unitPrice,
    }),
  },
  /** Prices of the association, by product, grade and validFrom; only a product's when given; `on` = in force that day. */
  listAcopioPrices: {
    input: z.object({ associationId: id, productId: id.nullish(), on: isoDate.nullish() }),
  },
  /** Removes a price no acopio row used yet (acopio.priceInUse otherwise). */
  removeAcopioPrice: { input: z.object({ priceId: id }) },
  /**
   * Attaches a levy per unit (contribution type of kind 'levy_per_unit') to a product from a date;
   * levyTypeId null stops the levy from that date. The levy of a date is the latest attachment on or before it.
   */
  setAcopioLevy: {
    input: z.object({ associationId: id, productId: id, levyTypeId: id.nullable(), validFrom: isoDate }),
  },
  /** The levies attached, by product and date. */
  listAcopioLevies: { input: z.object({ associationId: id }) },
  /**
   * The grid of a day for one product: the live sheet if any, the members of the previous live sheet
   * of that product (yesterday's members) to pre-fill it, the prices in force by grade and the levy.
   */
  acopioDay: { input: z.object({ associationId: id, productId: id, date: isoDate }) },
  /**
   * A day's sheet for one product: ONE entry (Dr inventory / Cr 4419 per member) and ONE stock
   * movement in. Refused: a sheet already live for the product and date (acopio.dayExists), a member
   * not active on the date (rows.N.memberId), twice on the sheet, without a price for her grade
   * (rows.N.grade), a date inside a live settlement of hers (rows.N.memberId), the lock date (date).
   */
  recordAcopioDay: {
    input: z.object({
      associationId: id,
      productId: id,
      date: isoDate,
      rows: acopioRows,
      note: optionalText(300),
    }),
  },
  /**
   * Corrects a day: voids the live sheet (dated `voidDate`, default its own date) and records the new
   * rows in one transaction; the new sheet points to the one it replaced.
   */
  correctAcopioDay: {
    input: z.object({
      dayId: id,
      rows: acopioRows,
      reason: text(500),
      voidDate: isoDate.nullish(),
      note: optionalText(300),
    }),
  },
  /** Voids a sheet (reversing entry, stock out at the value it came in). Refused when a live settlement covers one of its rows. */
  voidAcopioDay: { input: z.object({ dayId: id, date: isoDate, reason: text(500) }) },
  getAcopioDay: { input: z.object({ dayId: id }) },
  /** Sheets newest first, with their totals; voided ones included (status). */
  listAcopioDays: {
    input: z.object({
      associationId: id,
      productId: id.nullish(),
      from: isoDate.nullish(),
      to: isoDate.nullish(),
      status: z.enum(['valid', 'voided']).nullish(),
      limit: z.number().int().positive().max(1000).optional(),
    }),
  },
  /**
   * What settling the period would give, per member (nothing written): every member with live acopio
   * rows in [from, to] not yet settled. Deductions: her open charges due by `to` (or only `chargeIds`),
   * oldest due first, up to what is left after the levy.
   */
  previewSettlements: {
    input: z.object({
      associationId: id,
      from: isoDate,
      to: isoDate,
      /** Only these members; left out: all with acopio in the period. */
      memberIds: z.array(id).min(1).max(5000).nullish(),
      /** Per member, the charges she authorised; a member left out here has all her due charges deducted. */
      deductions: z.array(z.object({ memberId: id, chargeIds: z.array(id).max(500) })).max(5000).nullish(),
      /** False: no deductions at all (only the levy). Default true. */
      deductCharges: z.boolean().optional(),
    }),
  },
  /**
   * Settles the period for every member (or those named) in ONE transaction: one numbered liquidación
   * each, dated `date` (default `to`). Refused: a period overlapping a live settlement of the member
   * (acopio.settlementOverlap, field from), to before from, the lock date, nothing to settle.
   */
  settleAcopioPeriod: {
    input: z.object({
      associationId: id,
      from: isoDate,
      to: isoDate,
      date: isoDate.nullish(),
      memberIds: z.array(id).min(1).max(5000).nullish(),
      deductions: z.array(z.object({ memberId: id, chargeIds: z.array(id).max(500) })).max(5000).nullish(),
      deductCharges: z.boolean().optional(),
      note: optionalText(300),
    }),
  },
  /** One liquidación, as printed. */
  getSettlement: { input: z.object({ settlementId: id }) },
  /** The settlements of a period (summary print) or of a member, by number. */
  listSettlements: {
    input: z.object({
      associationId: id,
      from: isoDate.nullish(),
      to: isoDate.nullish(),
      memberId: id.nullish(),
      status: z.enum(['valid', 'voided', 'unpaid']).nullish(),
    }),
  },
  /**
   * Voids a settlement: its levy and deduction receipt are reversed (the charges are owed again) and
   * its rows may be settled again. Refused while a live payment pays it (acopio.settlementPaid).
   */
  voidSettlement: { input: z.object({ settlementId: id, date: isoDate, reason: text(500) }) },
  /**
   * Pays chosen settlements, one payment voucher ("Recibo de egreso", kind 'other') per member for
   * what is still unpaid of hers (Dr 4419 member / Cr caja or bank). A settlement with net 0 needs no
   * payment (it is offset).
   */
  paySettlements: {
    input: z.object({
      associationId: id,
      settlementIds: z.array(id).min(1).max(5000),
      date: isoDate,
      /** Caja by default, or a bank account (postable, under 10). */
      accountId: id.nullish(),
      concept: optionalText(300),
    }),
  },
  /** Counts a print of a liquidación; every later one is a DUPLICADO. */
  recordSettlementPrint: { input: z.object({ settlementId: id }) },
  /**
   * Names the acopio days a sale's or contract delivery's product came from (replaces the previous
   * list of that document). The days must be live sheets of the association.
   */
  setProductOrigin: {
    input: z.object({
      associationId: id,
      documentKind: z.enum(originDocumentKinds),
      documentId: id,
      dayIds: z.array(id).max(500),
    }),
  },
  /** Where the product came from: the days named and, summed, which members delivered how much. */
  productOrigin: {
    input: z.object({ documentKind: z.enum(originDocumentKinds), documentId: id }),
  },
} as const;

// ------------------------------------------------------------------ results

export type AcopioStatus = 'valid' | 'voided';

export interface AcopioPrice {
  id: number;
  productId: number;
  productName: string;
  unit: string;
  /** '' = ungraded. */
  grade: string;
  validFrom: string;
  /** Null: open-ended. */
  validTo: string | null;
  /** Céntimos per whole unit. */
  price: number;
  /** Whether acopio rows used it (then it cannot be removed). */
  used: boolean;
}

export interface AcopioLevy {
  id: number;
  productId: number;
  productName: string;
  /** Null: the levy stopped from validFrom. */
  levyTypeId: number | null;
  levyName: string | null;
  /** Céntimos per whole unit. */
  amountPerUnit: number | null;
  validFrom: string;
}

export interface AcopioRowView {
  lineNo: number;
  memberId: number;
  memberName: string;
  memberCode: string | null;
  grade: string;
  /** Thousandths of the unit. */
  quantity: number;
  /** Céntimos per whole unit, from the price in force. */
  unitPrice: number;
  amount: number;
  /** The live settlement covering the row, if any. */
  settlementId: number | null;
}

export interface AcopioDayView {
  id: number;
  associationId: number;
  productId: number;
  productName: string;
  unit: string;
  date: string;
  rows: AcopioRowView[];
  /** Thousandths, summed. */
  totalQuantity: number;
  total: number;
  memberCount: number;
  note: string | null;
  entryId: number;
  /** The sheet this one corrected, if any. */
  replacesDayId: number | null;
  /** The sheet that corrected this one, if any. */
  replacedByDayId: number | null;
  status: AcopioStatus;
  voided: DocumentVoid | null;
  createdAt: string;
  createdBy: string;
}

export interface AcopioDaySummary {
  id: number;
  productId: number;
  productName: string;
  unit: string;
  date: string;
  memberCount: number;
  totalQuantity: number;
  total: number;
  status: AcopioStatus;
}

/** A member offered on the grid. */
export interface AcopioGridMember {
  memberId: number;
  memberName: string;
  memberCode: string | null;
  /** Her grade and quantity on the previous sheet. */
  grade: string;
  lastQuantity: number;
}

export interface AcopioDayGrid {
  date: string;
  productId: number;
  productName: string;
  unit: string;
  /** The live sheet of that day, if recorded. */
  day: AcopioDayView | null;
  /** The date of the previous live sheet of the product, if any. */
  previousDate: string | null;
  /** The previous sheet's members still active on the date, in its order. */
  previousMembers: AcopioGridMember[];
  /** Prices in force on the date; an ungraded product has one with grade ''. Empty: no price (recording is refused). */
  prices: { grade: string; price: number; priceId: number }[];
  /** Whether the product has graded prices on the date (then each row needs a grade). */
  hasGrades: boolean;
  /** Levy per whole unit in force, if any. */
  levyPerUnit: number | null;
  /** Whether the date is on or before the lock date. */
  locked: boolean;
}

export interface SettlementLineView {
  productId: number;
  productName: string;
  unit: string;
  grade: string;
  /** Thousandths, summed over the period. */
  quantity: number;
  unitPrice: number;
  amount: number;
  /** The levy on this product's quantity (céntimos); carried on the first line of the product. */
  levy: number;
}

export interface SettlementDeductionView {
  chargeId: number;
  /** What the charge was: "Cuota ordinaria marzo 2026", "Multa por inasistencia". */
  description: string;
  dueDate: string;
  amount: number;
}

/** One member's liquidación, settled or previewed. */
export interface SettlementMemberResult {
  memberId: number;
  memberName: string;
  memberCode: string | null;
  memberDni: string | null;
  lines: SettlementLineView[];
  /** The day's deliveries of the period (date, product, grade, quantity, amount), oldest first. */
  deliveries: { dayId: number; date: string; productId: number; grade: string; quantity: number; amount: number }[];
  gross: number;
  levy: number;
  deductions: SettlementDeductionView[];
  deductionsTotal: number;
  /** gross − levy − deductions, never negative. */
  net: number;
}

export interface SettlementPreview {
  from: string;
  to: string;
  members: SettlementMemberResult[];
  totals: { gross: number; levy: number; deductions: number; net: number; members: number };
}

export interface SettlementView extends SettlementMemberResult {
  id: number;
  associationId: number;
  association: DocumentAssociation;
  series: string;
  number: number;
  /** "001-000012". */
  formattedNumber: string;
  date: string;
  from: string;
  to: string;
  /** "SON: ... SOLES" for the net. */
  netInWords: string;
  /** The member receipt that paid her deductions ("con su liquidación"), if any. */
  receipt: { receiptId: number; formattedNumber: string } | null;
  payments: { voucherId: number; formattedNumber: string; date: string; amount: number; accountKind: PaymentAccountKind }[];
  paid: number;
  /** net − live payments. */
  unpaid: number;
  entryId: number;
  treasurerName: string | null;
  note: string | null;
  status: AcopioStatus;
  voided: DocumentVoid | null;
  printCount: number;
  createdAt: string;
  createdBy: string;
}

export interface SettlementSummary {
  id: number;
  formattedNumber: string;
  date: string;
  from: string;
  to: string;
  memberId: number;
  memberName: string;
  memberCode: string | null;
  /** Thousandths over all products (meaningful when one product). */
  quantity: number;
  gross: number;
  levy: number;
  deductions: number;
  net: number;
  paid: number;
  unpaid: number;
  status: AcopioStatus;
}

export interface SettlementList {
  rows: SettlementSummary[];
  /** Over live rows only. */
  totals: { quantity: number; gross: number; levy: number; deductions: number; net: number; paid: number; unpaid: number };
}

export interface SettleResult {
  from: string;
  to: string;
  date: string;
  settlements: SettlementSummary[];
  totals: SettlementList['totals'];
}

export interface PaySettlementsResult {
  /** One per member paid. */
  vouchers: { voucherId: number; formattedNumber: string; memberId: number; amount: number; settlementIds: number[] }[];
  total: number;
  /** Settlements with nothing to pay (net 0 or already paid): offset. */
  offsetSettlementIds: number[];
}

export interface ProductOriginView {
  documentKind: OriginDocumentKind;
  documentId: number;
  days: { dayId: number; date: string; productId: number; productName: string; totalQuantity: number; status: AcopioStatus }[];
  /** Over the live days named, per member. */
  members: { memberId: number; memberName: string; memberCode: string | null; quantity: number; days: number }[];
  totalQuantity: number;
}

export interface AcopioResults {
  setAcopioPrice: AcopioPrice;
  listAcopioPrices: AcopioPrice[];
  removeAcopioPrice: { removed: true };
  setAcopioLevy: AcopioLevy;
  listAcopioLevies: AcopioLevy[];
  acopioDay: AcopioDayGrid;
  recordAcopioDay: AcopioDayView;
  correctAcopioDay: AcopioDayView;
  voidAcopioDay: AcopioDayView;
  getAcopioDay: AcopioDayView;
  listAcopioDays: AcopioDaySummary[];
  previewSettlements: SettlementPreview;
  settleAcopioPeriod: SettleResult;
  getSettlement: SettlementView;
  listSettlements: SettlementList;
  voidSettlement: SettlementView;
  paySettlements: PaySettlementsResult;
  recordSettlementPrint: DocumentPrint;
  setProductOrigin: ProductOriginView;
  productOrigin: ProductOriginView;
}

/**
 * The acopio part of a member's statement (memberStatement's `acopio`, present when she delivered):
 * what the association owes her, apart from what she owes it. Balance = accrued − levy − deductions
 * − paid (what 4419 holds for her).
 */
export interface MemberAcopioStatement {
  /** What was owed to her before `from`. */
  openingOwed: number;
  deliveries: { dayId: number; date: string; productName: string; unit: string; grade: string; quantity: number; amount: number }[];
  settlements: {
    settlementId: number; formattedNumber: string; date: string; from: string; to: string; gross: number; levy: number;
    deductions: number; net: number; status: AcopioStatus;
  }[];
  payments: { voucherId: number; formattedNumber: string; date: string; amount: number; status: AcopioStatus }[];
  totals: { quantity: number; accrued: number; levy: number; deductions: number; paid: number };
  /** What is owed to her at the end (after `to`'s movements). */
  closingOwed: number;
}
