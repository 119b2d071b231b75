import type { MessageKey } from '../../i18n/messages';
import { formatQuantity } from '../sales/quantity';

// The plain words of Compras: what a treasurer picks from, never an account code.

export const PARTY_KINDS = ['supplier', 'buyer', 'public_entity', 'lender', 'funder', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PURCHASE_DOCUMENT_KINDS = ['factura', 'boleta', 'recibo_honorarios', 'ticket', 'none'] as const;
export type PurchaseDocumentKind = (typeof PURCHASE_DOCUMENT_KINDS)[number];

export const PRODUCT_UNITS = ['kg', 'l', 'head', 'unit'] as const;
export const PRODUCT_CATEGORIES = ['supply', 'raw_material', 'goods', 'product'] as const;
export const ADJUSTMENT_REASONS = ['loss', 'sample', 'own_use', 'count'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "Factura F001-123", "Sin comprobante": the supplier's document as the treasurer says it. */
export function purchaseDocumentWords(t: Translate, kind: PurchaseDocumentKind, number: string | null): string {
  return `${t(`purchase.document.${kind}`)}${number ? ` ${number}` : ''}`;
}

/** "12.5 kg", "3 cabezas": a quantity in the product's own unit. */
export function quantityWithUnit(t: Translate, thousandths: number, unit: string): string {
  return t('purchase.quantityUnit', { quantity: formatQuantity(thousandths), unit: t(`purchase.unit.${unit}` as MessageKey) });
}
