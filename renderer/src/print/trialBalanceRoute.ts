/** A period of the trial balance: ISO dates; no `from` means from the first movement. */
export interface TrialBalancePeriod {
  from: string | null;
  to: string;
}

/** The print route the shell (or the browser) opens for a trial balance. */
export function trialBalancePrintRoute(associationId: number, period: TrialBalancePeriod): string {
  const params = new URLSearchParams({ associationId: String(associationId) });
  if (period.from) params.set('from', period.from);
  params.set('to', period.to);
  return `/print/trial-balance?${params.toString()}`;
}
