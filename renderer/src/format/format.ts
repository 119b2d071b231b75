import { format, isValid, parse, parseISO } from 'date-fns';
import { es } from 'date-fns/locale';
import { formatSoles } from '../../../shared/money';

// Peruvian formats everywhere, whatever the UI language: S/ 1,234.56 and dd/MM/yyyy.

export function formatDate(isoDate: string): string {
  return format(parseISO(isoDate), 'dd/MM/yyyy', { locale: es });
}

/** "5/3/2026", "05/03/2026" → "2026-03-05"; anything else → null. */
export function parseDisplayDate(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(trimmed)) return null;
  const date = parse(trimmed, 'd/M/yyyy', new Date(2000, 0, 1));
  return isValid(date) ? format(date, 'yyyy-MM-dd') : null;
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
