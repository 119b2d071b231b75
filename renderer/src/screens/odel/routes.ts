/** The period of the ODEL figures: income and expenses from `from` to `to`; members and balances at `asOf`. ISO dates. */
export interface OdelPeriod {
  from: string;
  to: string;
  asOf: string;
}

/** The print route of the side-by-side summary (A4 landscape); every district when ubigeo is null. */
export function odelSummaryPrintRoute(period: OdelPeriod, ubigeo: string | null): string {
  const params = new URLSearchParams({ from: period.from, to: period.to, asOf: period.asOf });
  if (ubigeo) params.set('ubigeo', ubigeo);
  return `/print/odel-summary?${params.toString()}`;
}

/** The print route of one association's one-page sheet (A4). */
export function associationSheetPrintRoute(associationId: number, period: OdelPeriod): string {
  const params = new URLSearchParams({ associationId: String(associationId), from: period.from, to: period.to, asOf: period.asOf });
  return `/print/association-sheet?${params.toString()}`;
}

/** The default period: 1 January of today's year to today. */
export function yearToDate(today: string): OdelPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: today, asOf: today };
}
