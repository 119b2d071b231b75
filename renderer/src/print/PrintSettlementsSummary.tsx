/** Being written (issue 13). */
export function PrintSettlementsSummary() {
  return null;
}
