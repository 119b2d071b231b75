import { isValid, parseISO, format } from 'date-fns';

/** True for a real calendar date written yyyy-mm-dd (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

/** "2026-03-05" → "05/03/2026", the way dates are written in Peru (and in our messages). */
export function displayDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
