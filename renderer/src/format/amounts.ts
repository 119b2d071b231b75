import { KhipuError } from '../../../shared/errors';
import { errorMessage, type Locale } from '../../../shared/i18n';
import { parseSoles } from '../../../shared/money';

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
