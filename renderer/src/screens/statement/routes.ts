/** A statement period: ISO dates; null means no limit on that side. */
export interface StatementPeriod {
  from: string | null;
  to: string | null;
}

/** The print route the shell (or the browser) opens for one member's statement. */
export function statementPrintRoute(associationId: number, memberId: number, period: StatementPeriod): string {
  const params = new URLSearchParams({ associationId: String(associationId), memberId: String(memberId) });
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  return `/print/statement?${params.toString()}`;
}

/** The statement screen of a member, from anywhere in the app. */
export function statementPath(associationId: number, memberId: number): string {
  return `/a/${associationId}/socios/${memberId}/estado`;
}
