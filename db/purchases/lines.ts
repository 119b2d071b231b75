import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import { assertLineAmount, multiplyQuantity } from '../../shared/money';
import { purchaseCategories, type PurchaseCategory } from '../../shared/operations/purchases';
import { roleAccount } from '../contributions/common';
import { inventoryRoleOf, requireProduct, type ProductRow } from '../stock/movements';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { requireProductLine } from './common';

// A purchase's lines, checked and priced before anything is written: what was bought (a product or a
// concept), its amount before IGV (price × quantity rounded once, or the amount typed), and the account
// it debits — the category's by role, the product's inventory for stock, or the accountant's choice.

type LineInput = ParsedInput<'recordPurchase'>['lines'][number];

export interface PricedLine {
  lineNo: number;
  product: ProductRow | null;
  description: string;
  quantity: number | null;
  unitPrice: number | null;
  amount: number;
  category: PurchaseCategory;
  accountId: number;
  productLineId: number | null;
}

/** Categories whose account Khipu keeps: stock must land on the product's inventory, joint on what the members' charges clear. */
const fixedAccountCategories: ReadonlySet<PurchaseCategory> = new Set(['stock', 'joint']);

/** An accountant's account for a line: of the association, postable, live, an expense or an asset. */
function overrideAccount(db: LedgerDatabase, associationId: number, accountId: number, field: string): number {
  const row = prepared(db, 'SELECT association_id, code, name, type, postable, archived_at FROM accounts WHERE id = ?').get(accountId) as
    { association_id: number; code: string; name: string; type: string; postable: number; archived_at: string | null } | undefined;
  if (!row || row.association_id !== associationId) throw new KhipuError('purchase.accountNotFound', { field, params: { id: accountId } });
  if (row.postable !== 1 || row.archived_at !== null || (row.type !== 'expense' && row.type !== 'asset')) {
    throw new KhipuError('purchase.accountNotAllowed', { field, params: { name: row.name } });
  }
  // Element 2 (existencias) moves only with stock movements, or the books and the store would part
  // (integrity.inventoryBooks): what enters the store is a stock line with its product.
  if (row.code.startsWith('2')) {
    throw new KhipuError('purchase.accountInventory', { field, params: { name: row.name } });
  }
  return accountId;
}

function lineAccount(
  db: LedgerDatabase, associationId: number, line: LineInput, product: ProductRow | null, field: string,
): number {
  if (line.accountId !== null && line.accountId !== undefined) {
    if (fixedAccountCategories.has(line.category)) throw new KhipuError('purchase.accountFixed', { field: `${field}.accountId` });
    return overrideAccount(db, associationId, line.accountId, `${field}.accountId`);
  }
  if (line.category === 'stock') return roleAccount(db, associationId, inventoryRoleOf(product!.category));
  return roleAccount(db, associationId, purchaseCategories[line.category].role!);
}

function priceLine(db: LedgerDatabase, associationId: number, purchaseProductLine: number | null, line: LineInput, index: number): PricedLine {
  const field = `lines.${index}`;
  const product = line.productId === null || line.productId === undefined
    ? null : requireProduct(db, associationId, line.productId, `${field}.productId`);
  const typed = line.description === null || line.description === undefined || line.description === '' ? null : line.description;
  if (product === null && typed === null) {
    throw new KhipuError(line.category === 'stock' ? 'purchase.stockNeedsProduct' : 'purchase.descriptionRequired', {
      field: line.category === 'stock' ? `${field}.productId` : `${field}.description`,
    });
  }
  if (line.category === 'stock' && product === null) throw new KhipuError('purchase.stockNeedsProduct', { field: `${field}.productId` });
  const description = typed ?? product!.name;
  const quantity = line.quantity ?? null;
  const unitPrice = line.unitPrice ?? null;
  const typedAmount = line.amount ?? null;
  if ((unitPrice === null) === (typedAmount === null)) throw new KhipuError('purchase.priceOrAmount', { field: `${field}.amount` });
  if (line.category === 'stock' && quantity === null) {
    throw new KhipuError('purchase.stockNeedsQuantity', { field: `${field}.quantity`, params: { product: description } });
  }
  let amount: number;
  if (unitPrice !== null) {
    if (quantity === null) throw new KhipuError('purchase.priceNeedsQuantity', { field: `${field}.quantity` });
    amount = multiplyQuantity(unitPrice, quantity);
    if (amount <= 0) throw new KhipuError('purchase.lineAmountZero', { field: `${field}.quantity`, params: { description } });
    assertLineAmount(amount, `${field}.unitPrice`);
  } else {
    amount = typedAmount!;
  }
  const productLineId = line.productLineId !== null && line.productLineId !== undefined
    ? requireProductLine(db, associationId, line.productLineId, `${field}.productLineId`)
    : product?.product_line_id ?? purchaseProductLine;
  return {
    lineNo: index + 1, product, description, quantity, unitPrice, amount, category: line.category,
    accountId: lineAccount(db, associationId, line, product, field), productLineId,
  };
}

/** Every line checked and priced, in order; the first problem is refused naming its field (lines.2.quantity). */
export function priceLines(
  db: LedgerDatabase, associationId: number, purchaseProductLine: number | null, lines: readonly LineInput[],
): PricedLine[] {
  return lines.map((line, index) => priceLine(db, associationId, purchaseProductLine, line, index));
}
