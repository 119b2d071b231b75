import { z } from 'zod';
import { id, isoDate, lineAmount, optionalText, text } from './schemas';

// Products, their stock at weighted average cost, product lines, and stock adjustments (losses,
// samples, own use, count differences). Purchases bring stock in, sales take it out (their own
// domains); the engine is db/stock/, the rule of cost shared/stock-cost.ts (docs/stock.md).

export const productUnits = ['l', 'kg', 'head', 'unit'] as const;
export type ProductUnit = (typeof productUnits)[number];
/**
 * What the product is to the books: goods bought to resell, the association's own products, raw
 * materials to process, supplies used up. It chooses the inventory, sales and cost-of-sales accounts.
 */
export const productCategories = ['goods', 'product', 'raw_material', 'supply'] as const;
export type ProductCategory = (typeof productCategories)[number];
export const stockAdjustmentReasons = ['loss', 'sample', 'own_use', 'count'] as const;
export type StockAdjustmentReason = (typeof stockAdjustmentReasons)[number];

/** Thousandths of the unit (2.5 kg = 2500). */
const quantity = z.number().int().refine((v) => Math.abs(v) <= 1_000_000_000, { message: 'stock.quantityTooLarge' });
/** Céntimos per WHOLE unit. */
const price = lineAmount.refine((v) => v > 0, { message: 'product.salePriceNotPositive' });

const productFields = {
  name: text(120),
  unit: z.enum(productUnits),
  category: z.enum(productCategories),
  productLineId: id.nullish(),
  salePrice: price.nullish(),
};

export const stockOperations = {
  listProducts: {
    input: z.object({ associationId: id, search: z.string().max(100).nullish(), includeArchived: z.boolean().optional() }),
  },
  getProduct: { input: z.object({ productId: id }) },
  createProduct: { input: z.object({ associationId: id, ...productFields }) },
  /** Unit and category are fixed once the product has moved in or out of the store. */
  updateProduct: { input: z.object({ productId: id, ...productFields }) },
  archiveProduct: { input: z.object({ productId: id, archived: z.boolean() }) },
  listProductLines: { input: z.object({ associationId: id }) },
  createProductLine: { input: z.object({ associationId: id, name: text(100) }) },
  /**
   * Stock that leaves without a sale (loss, sample, own use: negative quantity) or a count that finds
   * more or less than the books say ('count', either sign). Valued at weighted average cost; a count
   * that finds stock of a product with none on hand needs `unitCost`.
   */
  recordStockAdjustment: {
    input: z.object({
      associationId: id,
      productId: id,
      date: isoDate,
      quantity: quantity.refine((v) => v !== 0, { message: 'stockAdjustment.quantityZero' }),
      reason: z.enum(stockAdjustmentReasons),
      /** Count that finds stock: cost per whole unit (céntimos); left out, the current average cost. */
      unitCost: lineAmount.refine((v) => v > 0, { message: 'stock.costNotPositive' }).nullish(),
      note: optionalText(500),
    }),
  },
  voidStockAdjustment: { input: z.object({ adjustmentId: id, date: isoDate, reason: text(500) }) },
  getStockAdjustment: { input: z.object({ adjustmentId: id }) },
  listStockAdjustments: {
    input: z.object({ associationId: id, productId: id.nullish(), from: isoDate.nullish(), to: isoDate.nullish() }),
  },
  /** A product's movements, oldest first, with the balance (quantity and value) after each. */
  stockMovements: {
    input: z.object({ associationId: id, productId: id, from: isoDate.nullish(), to: isoDate.nullish() }),
  },
} as const;

// ------------------------------------------------------------------ results

export interface ProductSummary {
  id: number;
  name: string;
  unit: ProductUnit;
  category: ProductCategory;
  productLineId: number | null;
  productLineName: string | null;
  /** Céntimos per whole unit; null when none is set. */
  salePrice: number | null;
  /** Thousandths of the unit. */
  onHand: number;
  /** Céntimos at cost. */
  stockValue: number;
  /** Céntimos per whole unit, rounded once; 0 when nothing is on hand. */
  averageCost: number;
  archived: boolean;
}

export interface ProductLineSummary { id: number; name: string }

export type StockAdjustmentStatus = 'valid' | 'voided';

export interface StockAdjustmentView {
  id: number;
  associationId: number;
  productId: number;
  productName: string;
  unit: ProductUnit;
  date: string;
  /** Signed thousandths: − out of the store, + found in a count. */
  quantity: number;
  reason: StockAdjustmentReason;
  note: string | null;
  /** Signed céntimos at cost, same sign as quantity. */
  value: number;
  entryId: number;
  status: StockAdjustmentStatus;
  voided: { date: string; reason: string; entryId: number } | null;
  createdAt: string;
  createdBy: string;
}

export interface StockMovementRow {
  id: number;
  date: string;
  sourceType: string;
  sourceId: number;
  entryId: number;
  /** Signed thousandths. */
  quantity: number;
  /** Signed céntimos at cost. */
  value: number;
  /** On hand and its value right after this movement. */
  balanceQuantity: number;
  balanceValue: number;
}

export interface StockMovementsResult {
  productId: number;
  productName: string;
  unit: ProductUnit;
  /** On hand and value before `from` (zero without it). */
  opening: { quantity: number; value: number };
  rows: StockMovementRow[];
  closing: { quantity: number; value: number };
}

export interface StockResults {
  listProducts: ProductSummary[];
  getProduct: ProductSummary;
  createProduct: { id: number };
  updateProduct: ProductSummary;
  archiveProduct: ProductSummary;
  listProductLines: ProductLineSummary[];
  createProductLine: ProductLineSummary;
  recordStockAdjustment: StockAdjustmentView;
  voidStockAdjustment: StockAdjustmentView;
  getStockAdjustment: StockAdjustmentView;
  listStockAdjustments: StockAdjustmentView[];
  stockMovements: StockMovementsResult;
}
