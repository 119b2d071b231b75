import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import type { ProductCategory, ProductLineSummary, ProductSummary, ProductUnit } from '../../shared/operations/stock';
import { averageUnitCost, formatQuantityWithUnit } from '../../shared/stock-cost';
import { foldText } from '../../shared/text';
import { appendAudit, type WriteContext } from '../audit/log';
import { requireAssociation } from '../contributions/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { escapeLike } from '../storage/text';
import { writeTransaction } from '../storage/write';

// Products and product lines. A product that moved keeps its unit and category (its inventory
// account holds its value) and is archived, never deleted.

interface ProductViewRow {
  id: number; association_id: number; name: string; unit: ProductUnit; category: ProductCategory;
  product_line_id: number | null; product_line_name: string | null; sale_price: number | null; archived_at: string | null;
  on_hand: number; stock_value: number;
}

const selectProduct = `SELECT p.id, p.association_id, p.name, p.unit, p.category, p.product_line_id, l.name AS product_line_name,
                              p.sale_price, p.archived_at, COALESCE(s.quantity, 0) AS on_hand, COALESCE(s.value, 0) AS stock_value
                         FROM products p LEFT JOIN product_lines l ON l.id = p.product_line_id
                                         LEFT JOIN product_stock s ON s.product_id = p.id`;

function summary(row: ProductViewRow): ProductSummary {
  return {
    id: row.id, name: row.name, unit: row.unit, category: row.category, productLineId: row.product_line_id,
    productLineName: row.product_line_name, salePrice: row.sale_price, onHand: row.on_hand, stockValue: row.stock_value,
    averageCost: averageUnitCost({ quantity: row.on_hand, value: row.stock_value }), archived: row.archived_at !== null,
  };
}

function productRow(db: LedgerDatabase, productId: number): ProductViewRow {
  const row = prepared(db, `${selectProduct} WHERE p.id = ?`).get(productId) as ProductViewRow | undefined;
  if (!row) throw new KhipuError('product.notFound', { field: 'productId', params: { id: String(productId) } });
  return row;
}

export function getProduct(db: LedgerDatabase, productId: number): ProductSummary {
  return summary(productRow(db, productId));
}

/** Products by name, with what is on hand, its value and average cost; `search` ignores accents and case. */
export function listProducts(db: LedgerDatabase, input: ParsedInput<'listProducts'>): ProductSummary[] {
  requireAssociation(db, input.associationId);
  const term = input.search?.trim() ?? '';
  const rows = prepared(db, `${selectProduct}
     WHERE p.association_id = @associationId AND (@includeArchived = 1 OR p.archived_at IS NULL)
       AND (@term = '' OR khipu_fold(p.name) LIKE @folded ESCAPE '\\')
     ORDER BY khipu_fold(p.name), p.id`).all({
    associationId: input.associationId, includeArchived: input.includeArchived ? 1 : 0, term,
    folded: `%${escapeLike(foldText(term))}%`,
  }) as ProductViewRow[];
  return rows.map(summary);
}

type ProductFields = Pick<ParsedInput<'createProduct'>, 'name' | 'unit' | 'category' | 'productLineId' | 'salePrice'>;

function checkedFields(db: LedgerDatabase, associationId: number, fields: ProductFields, selfId: number | null) {
  const clash = prepared(db, 'SELECT name FROM products WHERE association_id = ? AND khipu_fold(name) = khipu_fold(?) AND id IS NOT ?')
    .get(associationId, fields.name, selfId) as { name: string } | undefined;
  if (clash) throw new KhipuError('product.duplicateName', { field: 'name', params: { name: clash.name } });
  const lineId = fields.productLineId ?? null;
  if (lineId !== null) {
    const line = prepared(db, 'SELECT association_id FROM product_lines WHERE id = ?').get(lineId) as
      { association_id: number } | undefined;
    if (!line || line.association_id !== associationId) {
      throw new KhipuError('product.lineNotFound', { field: 'productLineId', params: { id: String(lineId) } });
    }
  }
  return {
    name: fields.name, unit: fields.unit, category: fields.category, product_line_id: lineId, sale_price: fields.salePrice ?? null,
  };
}

export function createProduct(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'createProduct'>): { id: number } {
  return writeTransaction(db, () => {
    requireAssociation(db, input.associationId);
    const row = checkedFields(db, input.associationId, input, null);
    const id = Number(prepared(db, `INSERT INTO products (association_id, name, unit, category, product_line_id, sale_price,
                                                          created_at, created_by)
                                    VALUES (@associationId, @name, @unit, @category, @product_line_id, @sale_price, @at, @by)`)
      .run({ ...row, associationId: input.associationId, at: context.now().toISOString(), by: context.actor }).lastInsertRowid);
    appendAudit(db, context, 'createProduct', input.associationId, { id, ...row });
    return { id };
  });
}

export function updateProduct(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'updateProduct'>): ProductSummary {
  return writeTransaction(db, () => {
    const before = productRow(db, input.productId);
    const row = checkedFields(db, before.association_id, input, before.id);
    if ((row.unit !== before.unit || row.category !== before.category)
      && prepared(db, 'SELECT 1 FROM stock_movements WHERE product_id = ? LIMIT 1').get(before.id)) {
      throw new KhipuError('product.usedUnitOrCategory', {
        field: row.unit !== before.unit ? 'unit' : 'category', params: { name: before.name },
      });
    }
    prepared(db, `UPDATE products SET name = @name, unit = @unit, category = @category, product_line_id = @product_line_id,
                         sale_price = @sale_price WHERE id = @id`).run({ ...row, id: before.id });
    appendAudit(db, context, 'updateProduct', before.association_id, { id: before.id, before: summary(before), after: row });
    return getProduct(db, before.id);
  });
}

export function archiveProduct(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'archiveProduct'>): ProductSummary {
  return writeTransaction(db, () => {
    const product = productRow(db, input.productId);
    // An archived product leaves the lists; what it holds in the store would leave them with it.
    if (input.archived && product.on_hand > 0) {
      throw new KhipuError('product.archiveWithStock', {
        field: 'productId', params: { name: product.name, onHand: formatQuantityWithUnit(product.on_hand, product.unit) },
      });
    }
    if ((product.archived_at !== null) !== input.archived) {
      prepared(db, 'UPDATE products SET archived_at = ? WHERE id = ?')
        .run(input.archived ? context.now().toISOString() : null, product.id);
      appendAudit(db, context, input.archived ? 'archiveProduct' : 'unarchiveProduct', product.association_id, { id: product.id });
    }
    return getProduct(db, product.id);
  });
}

export function listProductLines(db: LedgerDatabase, associationId: number): ProductLineSummary[] {
  requireAssociation(db, associationId);
  return prepared(db, 'SELECT id, name FROM product_lines WHERE association_id = ? ORDER BY khipu_fold(name), id')
    .all(associationId) as ProductLineSummary[];
}

export function createProductLine(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'createProductLine'>): ProductLineSummary {
  return writeTransaction(db, () => {
    requireAssociation(db, input.associationId);
    const clash = prepared(db, 'SELECT name FROM product_lines WHERE association_id = ? AND khipu_fold(name) = khipu_fold(?)')
      .get(input.associationId, input.name) as { name: string } | undefined;
    if (clash) throw new KhipuError('productLine.duplicateName', { field: 'name', params: { name: clash.name } });
    const id = Number(prepared(db, 'INSERT INTO product_lines (association_id, name) VALUES (?, ?)')
      .run(input.associationId, input.name).lastInsertRowid);
    appendAudit(db, context, 'createProductLine', input.associationId, { id, name: input.name });
    return { id, name: input.name };
  });
}
