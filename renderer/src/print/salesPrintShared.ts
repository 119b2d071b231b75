import type { PaperSize } from '../../../shared/bridge';
import type { SaleBuyer } from '../../../shared/operations/sales';
import type { MessageKey } from '../i18n/messages';

// What the nota de venta and the buyer's recibo de ingreso print alike.

/** `size=80mm` prints on the thermal roll; anything else on A5. */
export function paperOf(size: string | null): PaperSize {
  return size === '80mm' ? 'ticket80' : 'A5';
}

/** A quantity in thousandths as people write it: 2500 → "2.5" (shared/stock-cost.ts). */
export { formatQuantity } from '../../../shared/stock-cost';

export const unitKey = (unit: string): MessageKey =>
  (['l', 'kg', 'head'].includes(unit) ? `salesPrint.unit.${unit}` : 'salesPrint.unit.unit') as MessageKey;

/** "RUC 20123456789" / "DNI 41234567", or nothing when the buyer has no document. */
export function buyerDocument(buyer: SaleBuyer | null): string | null {
  if (!buyer || buyer.documentType === 'none' || !buyer.documentNumber) return null;
  return `${buyer.documentType.toUpperCase()} ${buyer.documentNumber}`;
}
