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

/** "2026-03-05" → "05/03/2026", the way dates are written in Peru (and in our messages). */
export function displayDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
