import { z } from 'zod';
import type { AccountType } from '../results';
import { id, isoDate, text } from './schemas';

// Closing a fiscal year (cierre del ejercicio): every income and expense account's balance for the
// year is carried into results (PCGE 59: a surplus to 591, a deficit to 592) by one marked entry;
// reopening reverses that entry. The statements never count closing entries (db/closing/lines.ts).

const fiscalYear = z.number().int().min(1900).max(9999);

export const closingOperations = {
  /** Closes the fiscal year: refused when it has not ended, is closed, or an earlier year is still open. */
  closeFiscalYear: {
    input: z.object({
      associationId: id,
      fiscalYear,
      /** The closing entry's date; the last day of the fiscal year when left out. */
      date: isoDate.nullish(),
    }),
  },
  /** Reopens a closed year by reversing its closing entry (dated within that year); the latest closed year first. */
  reopenFiscalYear: { input: z.object({ associationId: id, fiscalYear, date: isoDate, reason: text(500) }) },
  /**
   * One fiscal year: the live closing (or the one named by closingId, voided or not) with its accounts,
   * or, for a year still open, what closing it would post today.
   */
  getFiscalYearClosing: { input: z.object({ associationId: id, fiscalYear, closingId: id.nullish() }) },
  /** Every fiscal year from the first entry to the current one, open or closed, with its closings. */
  listFiscalYearClosings: { input: z.object({ associationId: id }) },
} as const;

// ------------------------------------------------------------------ results

/** An income or expense account as the closing moves it. */
export interface ClosingAccountRow {
  accountId: number;
  code: string;
  name: string;
  type: Extract<AccountType, 'income' | 'expense'>;
  /** The year's balance in its natural sign: income as a credit balance, expenses as a debit balance, shown positive. */
  amount: number;
}

export interface ClosingDocument {
  id: number;
  entryId: number | null;
  /** The closing entry's number in the journal (null when the year had nothing to close). */
  entryNumber: number | null;
  date: string;
  closedAt: string;
  closedBy: string;
  voidedOn: string | null;
  voidReason: string | null;
  voidEntryId: number | null;
  voidEntryNumber: number | null;
}

export interface FiscalYearClosingView {
  associationId: number;
  associationName: string;
  fiscalYear: number;
  /** First and last day of the fiscal year (it follows the association's start month). */
  from: string;
  to: string;
  /** 'closed' when a live closing exists; 'open' otherwise (the figures are then what closing would post). */
  status: 'open' | 'closed';
  /** The closing shown (the live one, or the one asked for); null for an open year. */
  closing: ClosingDocument | null;
  income: ClosingAccountRow[];
  expenses: ClosingAccountRow[];
  totalIncome: number;
  totalExpenses: number;
  /** Income − expenses: a surplus (ganancia) when positive, a deficit (pérdida) when negative. */
  result: number;
  /** Where the result goes: 591 for a surplus, 592 for a deficit (none when the result is zero). */
  resultAccount: { accountId: number; code: string; name: string } | null;
}

export interface FiscalYearRow {
  fiscalYear: number;
  from: string;
  to: string;
  status: 'open' | 'closed';
  /** The live closing, if any. */
  closing: ClosingDocument | null;
  /** Earlier closings of this year that were reopened. */
  reopened: ClosingDocument[];
}

export interface ClosingResults {
  closeFiscalYear: FiscalYearClosingView;
  reopenFiscalYear: FiscalYearClosingView;
  getFiscalYearClosing: FiscalYearClosingView;
  listFiscalYearClosings: FiscalYearRow[];
}
