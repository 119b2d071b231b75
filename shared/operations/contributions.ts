import { z } from 'zod';
import { centimos, id, isoDate, text } from './schemas';

// Contributions: types, charges, payments and their receipts, statements, arrears.

export const contributionKinds = ['ordinary_due', 'extraordinary', 'capital', 'fine', 'in_kind', 'levy_per_unit'] as const;
export type ContributionKind = (typeof contributionKinds)[number];
export type DuesFrequency = 'monthly' | 'yearly';

const kind = z.enum(contributionKinds);
const frequency = z.enum(['monthly', 'yearly']);
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
      defaultAmount: centimos.nullish(),
      frequency: frequency.nullish(),
      unit: z.string().trim().min(1).max(30).nullish(),
      /** Céntimos per unit (S/ 0.05 per litre = 5); stored now, applied by member settlements later. */
      amountPerUnit: centimos.nullish(),
      accountId: id.nullish(),
    }),
  },
  updateContributionType: {
    input: z.object({
      associationId: id,
      contributionTypeId: id,
      name: text(120).optional(),
      defaultAmount: centimos.nullish(),
      archived: z.boolean().optional(),
    }),
  },
  /** The usual types of a producer association, created once (running it again adds nothing). */
  seedDefaultContributionTypes: { input: z.object({ associationId: id }) },
  /** One charge per member active on the period's last day; running it twice creates nothing new. */
  generateDues: {
    input: z.object({
      associationId: id,
      contributionTypeId: id,
      /** '2026-03' for monthly dues, '2026' for yearly dues. */
      period: z.string().trim(),
      date: isoDate,
      dueDate: isoDate.nullish(),
      amount: centimos.nullish(),
    }),
  },
  /** A fine, an extraordinary or a capital contribution owed by one member. */
  createCharge: {
    input: z.object({
      associationId: id,
      memberId: id,
      contributionTypeId: id,
      date: isoDate,
      amount: centimos,
      description: z.string().trim().max(300).nullish(),
      dueDate: isoDate.nullish(),
    }),
  },
  /** Cancels a charge made in error: a counter-entry; credit in favour it used is restored. Paid charges are refused. */
  voidCharge: { input: z.object({ chargeId: id, date: isoDate, reason: text(500) }) },
  listCharges: {
    input: z.object({ associationId: id, memberId: id.nullish(), openOnly: z.boolean().optional() }),
  },
  recordPayment: {
    input: z.object({
      associationId: id,
      memberId: id,
      date: isoDate,
      amount: centimos,
      apply: applyTo.optional(),
      accountId: id.nullish(),
      series: series.optional(),
      note: z.string().trim().max(300).nullish(),
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
      unit: z.string().trim().min(1).max(30).nullish(),
      value: centimos,
      chargeId: id.nullish(),
      debitAccountId: id.nullish(),
    }),
  },
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
  voided: { date: string; reason: string; entryId: number } | null;
}

export interface ReceiptLineView {
  lineNo: number;
  chargeId: number | null;
  description: string;
  amount: number;
}

export type ReceiptStatus = 'valid' | 'voided';

export interface ReceiptView {
  id: number;
  associationId: number;
  association: {
    name: string; ruc: string | null; address: string | null; district: string; province: string; department: string;
  };
  series: string;
  number: number;
  /** As printed: 001-000123. */
  formattedNumber: string;
  date: string;
  member: { id: number; fullName: string; dni: string | null };
  lines: ReceiptLineView[];
  total: number;
  /** "SON: CIENTO VEINTE CON 50/100 SOLES". */
  totalInWords: string;
  /** Part of the total kept as credit in favour (advance). */
  creditCreated: number;
  accountId: number;
  accountName: string;
  note: string | null;
  entryId: number;
  treasurerName: string | null;
  status: ReceiptStatus;
  voided: { date: string; reason: string; entryId: number } | null;
  printCount: number;
  createdAt: string;
  createdBy: string;
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

export interface ReceiptPrint {
  copy: 'original' | 'duplicado';
  printCount: number;
}

export type StatementMovementKind = 'charge' | 'payment' | 'creditApplied' | 'inKind' | 'voidedReceipt' | 'voidedCharge';

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
  recordReceiptPrint: ReceiptPrint;
  listReceipts: ReceiptSummary[];
  voidReceipt: ReceiptView;
  memberStatement: MemberStatement;
  arrears: ArrearsReport;
  recordInKindContribution: InKindContributionView;
}

/** `001-000123`: the series and the number padded to six digits, as receipts print it. */
export function formatReceiptNumber(series: string, number: number): string {
  return `${series}-${String(number).padStart(6, '0')}`;
}
