import type { ReportRange } from '../../../../shared/operations/reports';

/** `/a/1/diario?cuenta=…&desde=…&hasta=…`: the journal filtered to the entries behind a figure (a heading includes its sub-accounts). */
export function journalLink(associationId: number, filter: { accountId?: number | null; from?: string | null; to?: string | null }): string {
  const search = new URLSearchParams();
  if (filter.accountId) search.set('cuenta', String(filter.accountId));
  if (filter.from) search.set('desde', filter.from);
  if (filter.to) search.set('hasta', filter.to);
  const query = search.toString();
  return `/a/${associationId}/diario${query ? `?${query}` : ''}`;
}

/** The journal behind one account over a report range. */
export const rangeLink = (associationId: number, accountId: number, range: ReportRange) =>
  journalLink(associationId, { accountId, from: range.from, to: range.to });

/** First day of the fiscal year that contains `today` (ISO), given the month it starts in. */
export function fiscalYearStart(today: string, startMonth: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
}

/** First day of the month of `today` (ISO). */
export const monthStart = (today: string) => `${today.slice(0, 7)}-01`;
