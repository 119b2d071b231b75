/** Being written (issue 13). */
export function PrintDeliveryNote() {
  return null;
}
