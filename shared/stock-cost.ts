import { KhipuError } from './errors';
import { roundHalfAwayFromZero } from './money';

// Weighted average cost, the one rule that values what enters and leaves a store. Quantities are in
// thousandths (1 kg = 1000), values in céntimos. Pure: db/stock applies it, tests prove it.

export interface StockLevel {
  /** On hand, thousandths; never negative. */
  quantity: number;
  /** Its value at cost, céntimos; never negative, and 0 whenever quantity is 0. */
  value: number;
}

export const emptyStock: StockLevel = Object.freeze({ quantity: 0, value: 0 });

/**
 * The cost of taking `quantity` (> 0) out: round(q × V / Q) of what is on hand, and all of V when
 * it takes all of Q, so value reaches exactly 0 with quantity. Callers check the quantity is on hand.
 */
export function averageOutCost(stock: StockLevel, quantity: number): number {
  if (quantity <= 0 || quantity > stock.quantity) {
    throw new KhipuError('stock.outOfRange', { params: { quantity, onHand: stock.quantity } });
  }
  if (quantity === stock.quantity) return stock.value;
  return roundHalfAwayFromZero(BigInt(quantity) * BigInt(stock.value), BigInt(stock.quantity));
}

/** Average cost per whole unit (céntimos per 1000 thousandths), rounded once; 0 for nothing on hand. */
export function averageUnitCost(stock: StockLevel): number {
  if (stock.quantity === 0) return 0;
  return roundHalfAwayFromZero(BigInt(stock.value) * 1000n, BigInt(stock.quantity));
}

/** The level after a movement of signed quantity and value, or null when the rules above refuse it. */
export function applyMovement(stock: StockLevel, quantity: number, value: number): StockLevel | null {
  const next = { quantity: stock.quantity + quantity, value: stock.value + value };
  if (quantity === 0 || (quantity > 0 && value < 0) || (quantity < 0 && value > 0)) return null;
  if (next.quantity < 0 || next.value < 0 || (next.quantity === 0 && next.value !== 0)) return null;
  return next;
}

/** Thousandths as a plain number, the way Peru writes it: 12500 → "12.5", 1234567 → "1,234.567". */
export function formatQuantity(thousandths: number): string {
  const sign = thousandths < 0 ? '-' : '';
  const digits = Math.abs(Math.trunc(thousandths)).toString().padStart(4, '0');
  const whole = digits.slice(0, -3).replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = digits.slice(-3).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? '.' + fraction : ''}`;
}

const unitAbbreviations = { l: 'l', kg: 'kg', head: 'cab.', unit: 'u.' } as const;

/** "12.5 kg", "3 cab.": a quantity with its unit, for messages and prints. */
export function formatQuantityWithUnit(thousandths: number, unit: keyof typeof unitAbbreviations): string {
  return `${formatQuantity(thousandths)} ${unitAbbreviations[unit]}`;
}
