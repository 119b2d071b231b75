import type { OperationInput } from '../../../../shared/api';
import type { PurchaseCategory } from '../../../../shared/operations/purchases';
import { allocate, multiplyQuantity, sumCentimos } from '../../../../shared/money';
import type { PurchaseDocumentKind } from './purchaseWords';
import { readQuantity } from '../sales/quantity';

// The "Nueva compra" form's values, what they add up to, and the request they become.

export interface PurchaseLineValues {
  /** The product's name once picked, or the concept as typed. */
  what: string;
  /** '' for a concept. */
  productId: string;
  quantity: string;
  price: string;
  amount: string;
  category: PurchaseCategory | '';
  /** The accountant's override; null: the category's account. */
  accountId: number | null;
}

export interface ShareValues {
  memberId: number | null;
  /** Quantity or amount, as typed. */
  part: string;
}

export interface PurchaseValues {
  date: string;
  partyId: number | null;
  documentKind: PurchaseDocumentKind;
  documentNumber: string;
  lines: PurchaseLineValues[];
  igv: string;
  payment: 'cash' | 'credit';
  accountId: string;
  dueDate: string;
  productLineId: string;
  note: string;
  joint: boolean;
  sharesBy: 'quantity' | 'amount';
  shares: ShareValues[];
  dueDateForShares: string;
}

export type PurchaseRequest = OperationInput<'recordPurchase'>;
export type LineField = keyof PurchaseLineValues;

export const emptyLine: PurchaseLineValues = { what: '', productId: '', quantity: '', price: '', amount: '', category: '', accountId: null };
export const emptyShare: ShareValues = { memberId: null, part: '' };

export const isBlankLine = (line: PurchaseLineValues) =>
  line.what.trim() === '' && line.quantity.trim() === '' && line.price.trim() === '' && line.amount.trim() === '';

type ReadAmount = (text: string) => { centimos: number | null; error?: string };

/** A line's amount before IGV: price × quantity (rounded once, as the engine does) or the amount typed. */
export function lineAmount(line: PurchaseLineValues | undefined, readAmount: ReadAmount): number {
  if (!line) return 0;
  const price = readAmount(line.price).centimos;
  const quantity = readQuantity(line.quantity);
  if (price && quantity) return multiplyQuantity(price, quantity);
  return readAmount(line.amount).centimos ?? 0;
}

export function subtotalOf(lines: readonly PurchaseLineValues[], readAmount: ReadAmount): number {
  return sumCentimos(lines.filter((line) => !isBlankLine(line)).map((line) => lineAmount(line, readAmount)));
}

/**
 * What each member will owe, to the céntimo, before saving. By quantity the joint lines' amount
 * is split in proportion (shared/money `allocate`, the engine's rule: the parts add up exactly);
 * by amount each member owes what was typed. null where a part is unreadable.
 */
export function sharePreview(by: 'quantity' | 'amount', shares: readonly ShareValues[], jointAmount: number, readAmount: ReadAmount): (number | null)[] {
  if (by === 'amount') return shares.map((share) => readAmount(share.part).centimos);
  const parts = shares.map((share) => readQuantity(share.part));
  if (parts.some((part) => !part) || jointAmount <= 0) return parts.map(() => null);
  return allocate(jointAmount, parts as number[]);
}

/**
 * The engine's path of a refused field → this form's field: "lines.2.unitPrice" is the third
 * line's price, "jointShares.members.1.amount" the second member's part.
 */
export function formFieldOf(apiField: string): string | undefined {
  const line = /^lines\.(\d+)\.(\w+)$/.exec(apiField);
  if (line) {
    const field = ({ productId: 'what', description: 'what', quantity: 'quantity', unitPrice: 'price', amount: 'amount', category: 'category', accountId: 'accountId', productLineId: 'what' } as Record<string, LineField>)[line[2]!];
    return field ? `lines.${line[1]}.${field}` : 'lines';
  }
  const share = /^jointShares\.members\.(\d+)\.(\w+)$/.exec(apiField);
  if (share) return `shares.${share[1]}.${share[2] === 'memberId' ? 'memberId' : 'part'}`;
  if (apiField.startsWith('jointShares')) return 'shares';
  const direct: Record<string, keyof PurchaseValues> = {
    date: 'date', partyId: 'partyId', documentKind: 'documentKind', documentNumber: 'documentNumber', igv: 'igv', payment: 'payment',
    accountId: 'accountId', dueDate: 'dueDate', productLineId: 'productLineId', note: 'note', lines: 'lines', dueDateForShares: 'dueDateForShares',
  };
  return direct[apiField];
}
