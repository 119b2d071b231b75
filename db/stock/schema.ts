import type { Generated } from 'kysely';
import { columnsOf } from '../storage/columns';
import type { ProductCategory, ProductUnit, StockAdjustmentReason } from '../../shared/operations/stock';

// Products and their stock (migration 14), typed for kysely; db/storage/schema.ts names them in Schema.
export type ProductUnitColumn = ProductUnit;
export type ProductCategoryColumn = ProductCategory;
export type StockAdjustmentReasonColumn = StockAdjustmentReason;

export interface ProductsTable {
  id: Generated<number>; association_id: number; name: string; unit: ProductUnitColumn; category: ProductCategoryColumn;
  product_line_id: number | null; sale_price: number | null; archived_at: string | null; created_at: string; created_by: string;
}
export interface StockMovementsTable {
  id: Generated<number>; association_id: number; product_id: number; date: string; quantity: number; value: number;
  source_type: string; source_id: number; entry_id: number; created_at: string;
}
/** Written only by the trigger on stock_movements. */
export interface ProductStockTable { product_id: number; association_id: number; quantity: number; value: number }
export interface StockMoveInProgressTable { movement_id: number }
export interface StockAdjustmentsTable {
  id: Generated<number>; association_id: number; product_id: number; date: string; quantity: number;
  reason: StockAdjustmentReasonColumn; note: string | null; value: number; entry_id: number; voided_on: string | null;
  voided_at: string | null; void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}

export const productsColumns = columnsOf<ProductsTable>()([
  'id', 'association_id', 'name', 'unit', 'category', 'product_line_id', 'sale_price', 'archived_at', 'created_at', 'created_by',
]);
export const stockMovementsColumns = columnsOf<StockMovementsTable>()([
  'id', 'association_id', 'product_id', 'date', 'quantity', 'value', 'source_type', 'source_id', 'entry_id', 'created_at',
]);
export const productStockColumns = columnsOf<ProductStockTable>()(['product_id', 'association_id', 'quantity', 'value']);
export const stockMoveInProgressColumns = columnsOf<StockMoveInProgressTable>()(['movement_id']);
export const stockAdjustmentsColumns = columnsOf<StockAdjustmentsTable>()([
  'id', 'association_id', 'product_id', 'date', 'quantity', 'reason', 'note', 'value', 'entry_id', 'voided_on', 'voided_at',
  'void_reason', 'void_entry_id', 'created_at', 'created_by',
]);
