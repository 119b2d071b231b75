/** Being written (issue 13). */
export function PrintContractSheet() {
  return null;
}
