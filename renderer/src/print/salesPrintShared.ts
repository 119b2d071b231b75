import type { SaleBuyer } from '../../../shared/operations/sales';
import type { MessageKey } from '../i18n/messages';
import type { ReceiptHeadKeys } from './ReceiptParts';

// What the nota de venta and the buyer's recibo de ingreso print alike.

/** A quantity in thousandths as people write it: 2500 → "2.5" (shared/stock-cost.ts). */
export { formatQuantity } from '../../../shared/stock-cost';

/** The unit's word, as the sales screens say it (`sales.unit.*`); any other, the plain unit. */
export const unitKey = (unit: string): MessageKey =>
  (['l', 'kg', 'head'].includes(unit) ? `sales.unit.${unit}` : 'sales.unit.unit') as MessageKey;

/** "RUC 20123456789" / "DNI 41234567", or nothing when the buyer has no document. */
export function buyerDocument(buyer: SaleBuyer | null): string | null {
  if (!buyer || buyer.documentType === 'none' || !buyer.documentNumber) return null;
  return `${buyer.documentType.toUpperCase()} ${buyer.documentNumber}`;
}

/** The head both print in the same words; each adds its own heading. */
export const salesHeadKeys = {
  ruc: 'salesPrint.ruc', voided: 'salesPrint.voided', voidedDetail: 'salesPrint.voidedDetail', duplicate: 'salesPrint.duplicate',
} as const satisfies Omit<ReceiptHeadKeys, 'heading'>;
