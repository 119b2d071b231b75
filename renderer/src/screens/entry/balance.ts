import type { Locale } from '../../../../shared/i18n';
import { readAmount } from '../../format/amounts';

export interface LineAmounts {
  debit: string;
  credit: string;
}

/** Debits and credits typed so far; unreadable amounts count as zero until corrected. */
export function entryBalance(lines: readonly LineAmounts[], locale: Locale): { debits: number; credits: number; difference: number } {
  let debits = 0;
  let credits = 0;
  for (const line of lines) {
    debits += readAmount(line.debit, locale).centimos ?? 0;
    credits += readAmount(line.credit, locale).centimos ?? 0;
  }
  return { debits, credits, difference: debits - credits };
}
