import { z } from 'zod';
import { id, isoDate, lineAmount, optionalText, text } from './schemas';
import type { DocumentPrint, DocumentVoid, NumberedDocument } from './documents';
import type { MemberAcopioStatement } from './acopio';

// Contributions: types, charges, payments and their receipts, statements, arrears.

export const contributionKinds = ['ordinary_due', 'extraordinary', 'capital', 'fine', 'in_kind', 'levy_per_unit'] as const;
export type ContributionKind = (typeof contributionKinds)[number];
export type DuesFrequency = 'monthly' | 'yearly';

const kind = z.enum(contributionKinds);
const frequency = z.enum(['monthly', 'yearly']);
export const dueRules = ['period_end', 'day_of_month', 'days_after_start'] as const;
export type DueRule = (typeof dueRules)[number];
/** When a dues period's charges fall due: its last day; day N of its month; N days after its first day. */
const dueRule = z.enum(dueRules);
/** The N of the due rule: a day of the month (1-31) or a number of days (0-365); none for period_end. */
const dueValue = z.number().int().min(0).max(365).nullish();
/** Receipt series: three digits, as printed ("001"). */
const series = z.string().trim().regex(/^\d{3}$/);
const applyTo = z.union([z.literal('oldest'), z.object({ chargeIds: z.array(id).min(1).max(500) })]);

export const contributionsOperations = {
  listContributionTypes: {
    input: z.object({ associationId: id, includeArchived: z.boolean().optional() }),
  },
  createContributionType: {
    input: z.object({
      associationId: id,
      kind,
      name: text(120),
      defaultAmount: lineAmount.nullish(),
      frequency: frequency.nullish(),
      unit: text(30).nullish(),
      /** Céntimos per unit (S/ 0.05 per litre = 5); stored now, applied by member settlements later. */
      amountPerUnit: lineAmount.nullish(),
      accountId: id.nullish(),
      /** Dues only; period_end when left out. */
      dueRule: dueRule.optional(),
      dueValue,
    }),
  },
  updateContributionType: {
    input: z.object({
      associationId: id,
      contributionTypeId: id,
      name: text(120).optional(),
      defaultAmount: lineAmount.nullish(),
      archived: z.boolean().optional(),
      /** Dues only; with dueValue (null for period_end). */
      dueRule: dueRule.optional(),
      dueValue,
    }),
  },
  /** The usual types of a producer association, created once (running it again adds nothing). */
  seedDefaultContributionTypes: { input: z.object({ associationId: id }) },
  /**
   * One charge per member active on the period's last day, dated (entry and charge) on the period's
   * first day and falling due by the type's due rule, whatever day it is run; twice creates nothing new.
   */
  generateDues: {
    input: z.object({
      associationId: id,
      contributionTypeId: id,
      /** '2026-03' for monthly dues, '2026' for yearly dues. */
      period: z.string().trim(),
      /** The day the run is made, kept in the audit log only: the charges are dated on the period's first day. */
      date: isoDate.optional(),
      /** Overrides the type's due rule for this run. */
      dueDate: isoDate.nullish(),
      amount: lineAmount.nullish(),
    }),
  },
  /** A fine, an extraordinary or a capital contribution owed by one member. */
  createCharge: {
    input: z.object({
      associationId: id,
      memberId: id,
      contributionTypeId: id,
      date: isoDate,
      amount: lineAmount,
      description: optionalText(300),
      dueDate: isoDate.nullish(),
      /** The same type to the same member on the same day is refused (charge.possibleDuplicate) unless confirmed. */
      confirmDuplicate: z.boolean().optional(),
    }),
  },
  /** Cancels a charge made in error: a counter-entry; credit in favour it used is restored. Paid charges are refused. */
  voidCharge: { input: z.object({ chargeId: id, date: isoDate, reason: text(500) }) },
  listCharges: {
    input: z.object({
      associationId: id, memberId: id.nullish(), openOnly: z.boolean().optional(),
      /** Voided charges too (shown ANULADO with their reason); left out by default. */
      includeVoided: z.boolean().optional(),
    }),
  },
  recordPayment: {
    input: z.object({
      associationId: id,
      memberId: id,
      date: isoDate,
      amount: lineAmount,
      apply: applyTo.optional(),
      accountId: id.nullish(),
      series: series.optional(),
      note: optionalText(300),
    }),
  },
  getReceipt: { input: z.object({ receiptId: id }) },
  /** Counts a print; every print after the first is a DUPLICADO. */
  recordReceiptPrint: { input: z.object({ receiptId: id }) },
  listReceipts: {
    input: z.object({ associationId: id, memberId: id.nullish(), from: isoDate.nullish(), to: isoDate.nullish() }),
  },
  voidReceipt: { input: z.object({ receiptId: id, date: isoDate, reason: text(500) }) },
  memberStatement: {
    input: z.object({ associationId: id, memberId: id, from: isoDate.nullish(), to: isoDate.nullish() }),
  },
  arrears: { input: z.object({ associationId: id, asOf: isoDate }) },
  recordInKindContribution: {
    input: z.object({
      associationId: id,
      memberId: id,
      contributionTypeId: id,
      date: isoDate,
      description: text(300),
      /** Thousandths of the unit (2 jornales = 2000). */
      quantity: z.number().int().positive().nullish(),
      unit: text(30).nullish(),
      value: lineAmount,
      chargeId: id.nullish(),
      debitAccountId: id.nullish(),
    }),
  },
  /**
   * A member's position as of a day (today in Lima when left out): what she owes, what is overdue, her
   * open charges and her credit in favour. Every screen reads a member's figures from here.
   */
  memberPosition: { input: z.object({ associationId: id, memberId: id, asOf: isoDate.optional() }) },
  /** The position of every member who owes or has credit in favour as of a day (one query for all). */
  memberPositions: { input: z.object({ associationId: id, asOf: isoDate.optional() }) },
  /**
   * Pays credit in favour back to the member in cash or through a bank account: a numbered
   * "Devolución de saldo a favor" (series 001, gapless per association). Never more than her credit.
   */
  refundCredit: {
    input: z.object({
      associationId: id,
      memberId: id,
      date: isoDate,
      amount: lineAmount,
      /** Cash by default, or any postable account under 10. */
      accountId: id.nullish(),
      reason: text(300),
    }),
  },
  getCreditRefund: { input: z.object({ refundId: id }) },
  listCreditRefunds: { input: z.object({ associationId: id, memberId: id.nullish() }) },
  /** Cancels a refund recorded in error: its entry is reversed and the credit returns to the member. */
  voidCreditRefund: { input: z.object({ refundId: id, date: isoDate, reason: text(500) }) },
  /** The association's in-kind contributions, newest first, voided ones included. */
  listInKindContributions: { input: z.object({ associationId: id, memberId: id.nullish() }) },
  /** Voids an in-kind contribution recorded in error: its entry is reversed and the charge it paid reopens. */
  voidInKind: { input: z.object({ inKindId: id, date: isoDate, reason: text(500) }) },
} as const;

// ------------------------------------------------------------------ results

export interface ContributionTypeView {
  id: number;
  associationId: number;
  kind: ContributionKind;
  name: string;
  defaultAmount: number | null;
  frequency: DuesFrequency | null;
  unit: string | null;
  amountPerUnit: number | null;
  /** Dues: when a period's charges fall due (see dueRules). */
  dueRule: DueRule;
  dueValue: number | null;
  accountId: number;
  accountCode: string;
  accountName: string;
  archived: boolean;
}

export interface DuesGeneration {
  /** Charges created now. */
  created: number;
  /** Active members who already had this period's charge. */
  skipped: number;
  /** Céntimos charged now. */
  total: number;
  entryId: number | null;
  /** Céntimos of members' credit in favour applied to the new charges. */
  creditApplied: number;
}

export interface ChargeView {
  id: number;
  memberId: number;
  memberName: string;
  contributionTypeId: number;
  typeName: string;
  kind: ContributionKind;
  period: string | null;
  date: string;
  dueDate: string;
  description: string;
  amount: number;
  /** Settled by payments, credit in favour or in kind (voided receipts excluded). */
  settled: number;
  open: number;
  entryId: number;
  voided: DocumentVoid | null;
}

export interface ReceiptLineView {
  lineNo: number;
  chargeId: number | null;
  description: string;
  amount: number;
}

export type ReceiptStatus = 'valid' | 'voided';

export interface ReceiptView extends NumberedDocument {
  member: { id: number; fullName: string; dni: string | null };
  lines: ReceiptLineView[];
  total: number;
  /** "SON: CIENTO VEINTE CON 50/100 SOLES". */
  totalInWords: string;
  /**
   * Part of the total kept as credit in favour (advance) and still standing: 0 once the receipt is
   * voided; credit later applied to charges or refunded is still shown (it was created by this receipt).
   */
  creditCreated: number;
  /** What the member still owed right after this receipt, on its date (her open charges then). */
  owedAfter: number;
  accountId: number;
  accountName: string;
  /** Where the money went: 'cash' (caja) or 'bank' (a bank account). */
  accountKind: PaymentAccountKind;
  /** Who received the money: the treasurer on duty that day (treasurerName) or, when none is named, who recorded it (createdBy). */
  receivedBy: string;
  note: string | null;
  entryId: number;
  treasurerName: string | null;
  status: ReceiptStatus;
  voided: DocumentVoid | null;
  printCount: number;
  createdAt: string;
  createdBy: string;
}

export type PaymentAccountKind = 'cash' | 'bank';

export interface OpenChargePosition {
  chargeId: number;
  description: string;
  date: string;
  dueDate: string;
  amount: number;
  /** What is still unpaid of it as of the position's day. */
  open: number;
  /** Days past the due date as of the position's day; 0 when not yet due. */
  overdueDays: number;
}

/** A member's figures as of a day; the one source of Cobrar, statements, arrears, Consulta and Inicio. */
export interface MemberPosition {
  memberId: number;
  fullName: string;
  asOf: string;
  /** Open amounts of live charges dated on or before asOf. */
  owed: number;
  /** The part of owed that fell due before asOf. */
  overdue: number;
  /** Oldest due first. */
  openCharges: OpenChargePosition[];
  /** Credit in favour not applied to charges nor refunded, as of asOf. */
  creditAvailable: number;
  /** owed - creditAvailable: positive, she owes; negative, the association owes her. */
  net: number;
}

export interface MemberPositionSummary {
  memberId: number;
  fullName: string;
  dni: string | null;
  owed: number;
  overdue: number;
  openCharges: number;
  oldestDueDate: string | null;
  creditAvailable: number;
  net: number;
}

export interface MemberPositions {
  asOf: string;
  /** Members who owe or have credit, largest net first. */
  rows: MemberPositionSummary[];
  totals: { owed: number; overdue: number; creditAvailable: number; members: number; membersOverdue: number };
}

export type CreditRefundStatus = 'valid' | 'voided';

/** A "Devolución de saldo a favor": credit in favour paid back to a member. */
export interface CreditRefundView extends NumberedDocument {
  member: { id: number; fullName: string; dni: string | null };
  amount: number;
  /** "SON: VEINTE CON 00/100 SOLES". */
  amountInWords: string;
  accountId: number;
  accountName: string;
  accountKind: PaymentAccountKind;
  reason: string;
  /** The "Recibo de egreso" that prints it (shares its entry; voided with it). */
  paymentVoucherId: number | null;
  entryId: number;
  /** Who recorded it; the treasurer on duty that day. */
  createdBy: string;
  treasurerName: string | null;
  createdAt: string;
  status: CreditRefundStatus;
  voided: DocumentVoid | null;
}

export interface CreditRefundSummary {
  id: number;
  formattedNumber: string;
  date: string;
  memberId: number;
  memberName: string;
  amount: number;
  status: CreditRefundStatus;
}

export interface ReceiptSummary {
  id: number;
  series: string;
  number: number;
  formattedNumber: string;
  date: string;
  memberId: number;
  memberName: string;
  total: number;
  status: ReceiptStatus;
  printCount: number;
}

export type StatementMovementKind =
  | 'charge' | 'payment' | 'creditApplied' | 'inKind' | 'voidedReceipt' | 'voidedCharge' | 'creditRefund' | 'voidedCreditRefund'
  | 'voidedInKind';

export interface StatementMovement {
  date: string;
  kind: StatementMovementKind;
  /** The row in Spanish, for scripts; screens word it from `kind`, `concept`, `reason` in the user's language. */
  description: string;
  /** What the member typed or the treasurer named: the charge's or in-kind contribution's description. */
  concept: string | null;
  /** Why a charge or receipt was voided. */
  reason: string | null;
  receiptNumber: string | null;
  chargeId: number | null;
  /** Effect on what the member owes: positive adds to the debt, negative pays it; 0 for information rows. */
  amount: number;
  /** Shown amount for information rows (credit applied, in-kind that did not settle a charge). */
  detailAmount: number;
  balance: number;
}

export interface MemberStatement {
  member: { id: number; fullName: string; dni: string | null };
  from: string | null;
  to: string | null;
  /** Positive: the member owes; negative: credit in favour. */
  openingBalance: number;
  movements: StatementMovement[];
  closingBalance: number;
  totals: { charges: number; payments: number };
  /** Credit in favour not yet applied, at the end of the statement. */
  creditAvailable: number;
  /** The member's position on the statement's last day (its `to`, or after every movement): closingBalance = position.net. */
  position: MemberPosition;
  /** Her acopio deliveries, settlements and payments (db/acopio/statement.ts); left out when she never delivered. */
  acopio?: MemberAcopioStatement;
}

export interface ArrearsRow {
  memberId: number;
  fullName: string;
  dni: string | null;
  /** Céntimos overdue 1 to 30 days. */
  days0to30: number;
  days31to90: number;
  over90: number;
  total: number;
  oldestDueDate: string;
  charges: number;
}

export interface ArrearsReport {
  asOf: string;
  rows: ArrearsRow[];
  totals: { days0to30: number; days31to90: number; over90: number; total: number };
}

export interface InKindContributionView {
  id: number;
  memberId: number;
  contributionTypeId: number;
  date: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  value: number;
  chargeId: number | null;
  debitAccountId: number;
  creditAccountId: number;
  entryId: number;
  memberName: string;
  typeName: string;
  voided: DocumentVoid | null;
}

export interface ContributionsResults {
  listContributionTypes: ContributionTypeView[];
  createContributionType: ContributionTypeView;
  updateContributionType: ContributionTypeView;
  seedDefaultContributionTypes: { created: number; types: ContributionTypeView[] };
  generateDues: DuesGeneration;
  createCharge: ChargeView;
  voidCharge: ChargeView;
  listCharges: ChargeView[];
  recordPayment: ReceiptView;
  getReceipt: ReceiptView;
  recordReceiptPrint: DocumentPrint;
  listReceipts: ReceiptSummary[];
  voidReceipt: ReceiptView;
  memberStatement: MemberStatement;
  arrears: ArrearsReport;
  recordInKindContribution: InKindContributionView;
  memberPosition: MemberPosition;
  memberPositions: MemberPositions;
  refundCredit: CreditRefundView;
  getCreditRefund: CreditRefundView;
  listCreditRefunds: CreditRefundSummary[];
  voidCreditRefund: CreditRefundView;
  listInKindContributions: InKindContributionView[];
  voidInKind: InKindContributionView;
}

/** `001-000123`: the series and the number padded to six digits, as receipts print it. */
export function formatReceiptNumber(series: string, number: number): string {
  return `${series}-${String(number).padStart(6, '0')}`;
}
