import { format, parseISO } from 'date-fns';
import { es } from 'date-fns/locale';
import { parseDisplayDate as parseTypedDate } from '../../../shared/dates';
import { KhipuError } from '../../../shared/errors';
import { errorMessage, type Locale } from '../../../shared/i18n';
import { formatSoles } from '../../../shared/money';

// Peruvian formats everywhere, whatever the UI language: S/ 1,234.56 and dd/MM/yyyy.

export function formatDate(isoDate: string): string {
  return format(parseISO(isoDate), 'dd/MM/yyyy', { locale: es });
}

/** "5/3/2026", "05/03/2026" → "2026-03-05"; anything else → null. The rule is shared/dates.ts's. */
export function parseDisplayDate(text: string): string | null {
  return readDate(text, 'es').iso;
}

/** A typed date: its yyyy-mm-dd, or what is wrong with it in the user's language ("Febrero de 2026 no tiene 31 días…"). */
export function readDate(text: string, locale: Locale): { iso: string | null; error?: string } {
  try {
    return { iso: parseTypedDate(text) };
  } catch (error) {
    if (error instanceof KhipuError) return { iso: null, error: errorMessage(error.code, error.params, locale) };
    throw error;
  }
}

export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

export function formatMoney(centimos: number): string {
  return formatSoles(centimos);
}

export function formatDateTime(isoTimestamp: string): string {
  return format(parseISO(isoTimestamp), 'dd/MM/yyyy HH:mm', { locale: es });
}
