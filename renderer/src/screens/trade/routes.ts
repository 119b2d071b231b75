// Print addresses of the payables/receivables reports, the books and the rendición (routes of E5's
// print pages), leaving out empty values. Dates are ISO (yyyy-mm-dd).

type ParamValue = string | number | null | undefined;

export type TradePrint = 'party-statement' | 'aging' | 'purchases-book' | 'sales-book' | 'rendicion';

export function tradePrintRoute(print: TradePrint, params: Record<string, ParamValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  return `/print/${print}?${search.toString()}`;
}

/** The first day of the month of an ISO date. */
export const monthStartOf = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;
/** The first of January of an ISO date's year. */
export const yearStartOf = (isoDate: string) => `${isoDate.slice(0, 4)}-01-01`;
