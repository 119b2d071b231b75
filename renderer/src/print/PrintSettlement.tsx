/** Being written (issue 13). */
export function PrintSettlement() {
  return null;
}
