import { KhipuError } from './errors';
import { excerpt } from './text';

/** True for a real calendar date written yyyy-mm-dd (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Every input date passes here (a bulk batch has thousands), so the calendar is asked directly:
  // a day that does not exist rolls over into the next month. setUTCFullYear keeps years 0–99 as written.
  if (year === 0) return false; // the calendar has no year zero
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO date plus whole days (negative: before), by the calendar: no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day + days);
  return date.toISOString().slice(0, 10);
}

/** "2026-03-05" → "05/03/2026", the way dates are written in Peru (and in our messages). */
export function displayDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

const MONTHS_ES = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month of the Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A date as a person types it in Peru, day/month/year ("5/3/2026", "05/03/2026"), to yyyy-mm-dd.
 * When it cannot be one, the KhipuError says what is wrong: the format, the month 13, or that
 * February 2026 has no 31st ("Febrero de 2026 no tiene 31 días").
 */
export function parseDisplayDate(text: string, field?: string): string {
  const trimmed = text.trim();
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!match) throw new KhipuError('date.format', { field, params: { value: excerpt(trimmed) } });
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year === 0) throw new KhipuError('date.yearZero', { field });
  if (month < 1 || month > 12) throw new KhipuError('date.monthMissing', { field, params: { month } });
  if (day === 0) throw new KhipuError('date.dayZero', { field });
  const days = daysInMonth(year, month);
  if (day > days) {
    throw new KhipuError('date.dayMissing', {
      field, params: { monthEs: MONTHS_ES[month - 1]!, monthEn: MONTHS_EN[month - 1]!, year, day, days },
    });
  }
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
