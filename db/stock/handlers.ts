import type { stockOperations } from '../../shared/operations/stock';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { getStockAdjustment, listStockAdjustments, recordStockAdjustment, voidStockAdjustment } from './adjustments';
import { stockMovements } from './ledger';
import {
  archiveProduct, createProduct, createProductLine, getProduct, listProductLines, listProducts, updateProduct,
} from './products';

/** This folder's rows of the operation table. */
export function stockHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof stockOperations> {
  return {
    listProducts: (input) => listProducts(db, input),
    getProduct: (input) => getProduct(db, input.productId),
    createProduct: (input) => createProduct(db, context, input),
    updateProduct: (input) => updateProduct(db, context, input),
    archiveProduct: (input) => archiveProduct(db, context, input),
    listProductLines: (input) => listProductLines(db, input.associationId),
    createProductLine: (input) => createProductLine(db, context, input),
    recordStockAdjustment: (input) => recordStockAdjustment(db, context, input),
    voidStockAdjustment: (input) => voidStockAdjustment(db, context, input),
    getStockAdjustment: (input) => getStockAdjustment(db, input.adjustmentId),
    listStockAdjustments: (input) => listStockAdjustments(db, input),
    stockMovements: (input) => stockMovements(db, input),
  };
}
