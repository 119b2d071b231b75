import { KhipuError } from '../../../../shared/errors';
import { errorMessage, type Locale } from '../../../../shared/i18n';
import { parseSoles } from '../../../../shared/money';

export interface LineAmounts {
  debit: string;
  credit: string;
}

/** A typed amount in céntimos: null when empty; an error message (in the user's language) when unreadable. */
export function readAmount(text: string, locale: Locale): { centimos: number | null; error?: string } {
  if (text.trim() === '') return { centimos: null };
  try {
    return { centimos: parseSoles(text) };
  } catch (error) {
    if (error instanceof KhipuError) return { centimos: null, error: errorMessage(error.code, error.params, locale) };
    throw error;
  }
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
