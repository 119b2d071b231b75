import { addDays } from '../../shared/dates';
import type { DueRule, DuesFrequency } from '../../shared/operations/contributions';

// The dates of a dues period, from what the treasurer means rather than from the day she runs it:
// the charges are dated on the period's first day and fall due by the type's rule.

export interface PeriodBounds {
  firstDay: string;
  lastDay: string;
  /** How the period reads on a receipt: '02/2026', '2026'. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month

/** '2026-02' → 2026-02-01 … 2026-02-28, '02/2026'; '2026' → 2026-01-01 … 2026-12-31, '2026'; null when malformed. */
export function periodBounds(period: string, frequency: DuesFrequency): PeriodBounds | null {
  if (frequency === 'yearly') {
    return /^\d{4}$/.test(period) ? { firstDay: `${period}-01-01`, lastDay: `${period}-12-31`, label: period } : null;
  }
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return { firstDay: `${period}-01`, lastDay: `${period}-${pad(daysInMonth(year, month))}`, label: `${match[2]}/${match[1]}` };
}

export { addDays };

/**
 * When a period's charges fall due under the type's rule: 'period_end' its last day; 'day_of_month'
 * day N of the period's first month (the month's last day when it is shorter, so 31 means "end of
 * the month"); 'days_after_start' N days after its first day.
 */
export function dueDateFor(bounds: PeriodBounds, rule: DueRule, value: number | null): string {
  switch (rule) {
    case 'period_end':
      return bounds.lastDay;
    case 'day_of_month': {
      const [year, month] = bounds.firstDay.split('-').map(Number) as [number, number];
      return `${bounds.firstDay.slice(0, 7)}-${pad(Math.min(value ?? 1, daysInMonth(year, month)))}`;
    }
    case 'days_after_start':
      return addDays(bounds.firstDay, value ?? 0);
  }
}
