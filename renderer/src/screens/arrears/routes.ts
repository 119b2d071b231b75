/** The print route for the list of members in arrears at a date (ISO). */
export function arrearsPrintRoute(associationId: number, asOf: string): string {
  const params = new URLSearchParams({ associationId: String(associationId), asOf });
  return `/print/arrears?${params.toString()}`;
}
