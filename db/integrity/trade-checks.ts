import type { IntegrityFindingCode } from '../../shared/operations/integrity';
import { inventoryRoles } from '../stock/movements';
import { inScope } from './sql';

// The trade documents (schemas 13–19) read as an auditor would: each agrees with itself, with the
// entry it posted, with the stock it moved and with the documents it pays. Each rule is ONE
// statement whose rows are the documents found wrong (or, for the books, the inventory accounts).
// A document's entry lines are read through journal_lines' (entry_id, …) key, a few per document;
// the whole journal is never walked except an inventory account's own lines, through
// journal_lines_account_date. What `moveStock`, `recordPurchase`, `insertSale`, `issueSupplierPayment`,
// `payLabour`, `collectSale` and `recordStockAdjustment` post is the model of each rule.

export interface TradeCheck {
  code: IntegrityFindingCode;
  /** Tables the statement reads: a file without one of them (an older version) skips the check. */
  tables: readonly string[];
  sql: string;
}

const payableRoles = "('payable_suppliers', 'fees_payable')";
const inventoryRolesSql = `(${inventoryRoles.map((role) => `'${role}'`).join(', ')})`;
/** The inventory role that holds the value of a product of `category` (db/stock/movements.ts inventoryRoleOf). */
const inventoryRoleOf = (category: string) => `CASE ${category} WHEN 'goods' THEN 'inventory_goods'
  WHEN 'product' THEN 'inventory_products' WHEN 'raw_material' THEN 'inventory_raw_materials'
  WHEN 'supply' THEN 'inventory_supplies' END`;
/** Price per whole unit × thousandths, rounded half away from zero (shared/money.ts multiplyQuantity; both are positive). */
const priced = (line: string) => `(${line}.unit_price * ${line}.quantity + 500) / 1000`;
/** The sum of the entry's lines `l` (joined to their account `a`) that meet `condition`; 0 when none. */
const linesWhere = (condition: string) => `COALESCE(SUM(CASE WHEN ${condition} THEN l.amount END), 0)`;
/** A document `d` with its entry's lines, one group per document. */
const withEntryLines = (table: string, extra = '') => `
  SELECT d.id FROM ${table} d ${extra}
    LEFT JOIN journal_lines l ON l.entry_id = d.entry_id
    LEFT JOIN accounts a ON a.id = l.account_id
   WHERE ${inScope('d')}
   GROUP BY d.id`;

/** A document whose figures disagree: lines vs subtotal, price × quantity vs a line's amount, total vs subtotal + IGV. */
const figures = (table: string, lines: string, key: string) => `
  SELECT d.id FROM ${table} d LEFT JOIN ${lines} x ON x.${key} = d.id
   WHERE ${inScope('d')}
   GROUP BY d.id
  HAVING d.total IS NOT d.subtotal + d.igv OR SUM(x.amount) IS NOT d.subtotal
      OR MAX(x.unit_price IS NOT NULL AND x.amount IS NOT ${priced('x')}) = 1`;

export const TRADE_CHECKS: readonly TradeCheck[] = [
  { code: 'integrity.purchaseFigures', tables: ['purchases', 'purchase_lines'], sql: figures('purchases', 'purchase_lines', 'purchase_id') },
  { code: 'integrity.saleFigures', tables: ['sales', 'sale_lines'], sql: figures('sales', 'sale_lines', 'sale_id') },
  {
    // Cr 421 (424 for a recibo por honorarios) with the supplier for the total; Dr 4011 for the IGV.
    // A purchase paid now is the same entry: its payment is a voucher of its own, checked below.
    code: 'integrity.purchaseEntryAmount', tables: ['purchases'], sql: `${withEntryLines('purchases')}
      HAVING ${linesWhere(`l.party_id IS d.party_id
                           AND a.role IS CASE d.document_kind WHEN 'recibo_honorarios' THEN 'fees_payable' ELSE 'payable_suppliers' END`)}
             <> -d.total
          OR ${linesWhere("a.role IS 'taxes_payable'")} <> d.igv`,
  },
  {
    // Dr caja/bank (cash) or 121 with the buyer (credit) for the total; Cr 701/702 the subtotal, Cr
    // 4011 the IGV; Dr 691/692 what its lines say left the store.
    code: 'integrity.saleEntryAmount', tables: ['sales', 'sale_lines'], sql: `${withEntryLines('sales')}
      HAVING ${linesWhere(`(d.payment IS 'cash' AND l.account_id IS d.account_id)
                           OR (d.payment IS 'credit' AND a.role IS 'receivable_customers' AND l.party_id IS d.party_id)`)} <> d.total
          OR ${linesWhere("a.role IN ('sales_goods', 'sales_products')")} <> -d.subtotal
          OR ${linesWhere("a.role IS 'taxes_payable'")} <> -d.igv
          OR ${linesWhere("a.role IN ('cost_of_sales', 'cost_of_sales_products')")}
             <> (SELECT COALESCE(SUM(x.cost), 0) FROM sale_lines x WHERE x.sale_id = d.id)`,
  },
  {
    // Cr caja/bank for the amount (a member refund's voucher: the refund's own entry, which pays it);
    // a supplier's: Dr 421/424 with the supplier for it (purchases paid and any advance); labour: Dr its expense.
    code: 'integrity.voucherEntryAmount', tables: ['payment_vouchers'], sql: `${withEntryLines('payment_vouchers')}
      HAVING ${linesWhere('l.account_id IS d.account_id')} <> -d.amount
          OR (d.kind IS 'supplier' AND ${linesWhere(`a.role IN ${payableRoles} AND l.party_id IS d.party_id`)} <> d.amount)
          OR (d.kind IS 'labour' AND ${linesWhere('l.account_id IS d.expense_account_id')} <> d.amount)`,
  },
  {
    // Dr caja/bank for the amount; Cr 121 with the buyer for it (sales paid and any advance).
    code: 'integrity.collectionEntryAmount', tables: ['sale_collections'], sql: `${withEntryLines('sale_collections')}
      HAVING ${linesWhere('l.account_id IS d.account_id')} <> d.amount
          OR ${linesWhere("a.role IS 'receivable_customers' AND l.party_id IS d.party_id")} <> -d.amount`,
  },
  {
    // The product's inventory account moves by the adjustment's value (negative for what left).
    code: 'integrity.adjustmentEntryAmount', tables: ['stock_adjustments'],
    sql: `${withEntryLines('stock_adjustments', 'LEFT JOIN products p ON p.id = d.product_id')}
      HAVING ${linesWhere(`a.role IS ${inventoryRoleOf('p.category')}`)} <> d.value`,
  },
  {
    // What each document moved, per product, against its lines: a purchase's stock lines in at their
    // amount, a sale's lines out at their cost, an adjustment by its own figures, and each void the
    // opposite. A movement naming a document that does not exist is counted too. One row per document.
    code: 'integrity.stockMovementSource', tables: ['stock_movements', 'purchase_lines', 'sale_lines', 'stock_adjustments'], sql: `
      SELECT DISTINCT CASE WHEN substr(source_type, -5) = '_void' THEN substr(source_type, 1, length(source_type) - 5)
                           ELSE source_type END, source_id
        FROM (SELECT m.source_type, m.source_id, m.product_id, m.quantity, m.value FROM stock_movements m
               WHERE m.source_type IN ('purchase', 'purchase_void', 'sale', 'sale_void', 'stock_adjustment', 'stock_adjustment_void')
                 AND ${inScope('m')}
              UNION ALL
              SELECT 'purchase', d.id, x.product_id, -x.quantity, -x.amount FROM purchases d JOIN purchase_lines x ON x.purchase_id = d.id
               WHERE x.category = 'stock' AND ${inScope('d')}
              UNION ALL
              SELECT 'purchase_void', d.id, x.product_id, x.quantity, x.amount FROM purchases d JOIN purchase_lines x ON x.purchase_id = d.id
               WHERE x.category = 'stock' AND d.voided_on IS NOT NULL AND ${inScope('d')}
              UNION ALL
              SELECT 'sale', d.id, x.product_id, x.quantity, x.cost FROM sales d JOIN sale_lines x ON x.sale_id = d.id WHERE ${inScope('d')}
              UNION ALL
              SELECT 'sale_void', d.id, x.product_id, -x.quantity, -x.cost FROM sales d JOIN sale_lines x ON x.sale_id = d.id
               WHERE d.voided_on IS NOT NULL AND ${inScope('d')}
              UNION ALL
              SELECT 'stock_adjustment', d.id, d.product_id, -d.quantity, -d.value FROM stock_adjustments d WHERE ${inScope('d')}
              UNION ALL
              SELECT 'stock_adjustment_void', d.id, d.product_id, d.quantity, d.value FROM stock_adjustments d
               WHERE d.voided_on IS NOT NULL AND ${inScope('d')})
       GROUP BY source_type, source_id, product_id HAVING SUM(quantity) <> 0 OR SUM(value) <> 0`,
  },
  {
    // Live vouchers only: a voucher settles no more than its amount, and only live purchases of its
    // supplier and association dated by then; a purchase is settled no further than its total.
    code: 'integrity.voucherAllocations', tables: ['payment_vouchers', 'voucher_allocations', 'purchases'], sql: `
      SELECT 'voucher', d.id FROM payment_vouchers d
        JOIN voucher_allocations x ON x.voucher_id = d.id
        LEFT JOIN purchases p ON p.id = x.purchase_id
       WHERE d.voided_on IS NULL AND ${inScope('d')}
       GROUP BY d.id
      HAVING SUM(x.amount) > d.amount
          OR MAX(d.kind IS NOT 'supplier' OR p.voided_on IS NOT NULL OR p.association_id IS NOT d.association_id
                 OR p.party_id IS NOT d.party_id OR x.date < d.date OR x.date < p.date) = 1
      UNION
      SELECT 'purchase', d.id FROM purchases d
        JOIN voucher_allocations x ON x.purchase_id = d.id
        JOIN payment_vouchers v ON v.id = x.voucher_id
       WHERE v.voided_on IS NULL AND ${inScope('d')}
       GROUP BY d.id HAVING SUM(x.amount) > d.total`,
  },
  {
    // Likewise for collections from buyers: live credit sales of that buyer, dated by the collection.
    code: 'integrity.collectionAllocations', tables: ['sale_collections', 'collection_allocations', 'sales'], sql: `
      SELECT 'collection', d.id FROM sale_collections d
        JOIN collection_allocations x ON x.collection_id = d.id
        LEFT JOIN sales s ON s.id = x.sale_id
       WHERE d.voided_on IS NULL AND ${inScope('d')}
       GROUP BY d.id
      HAVING SUM(x.amount) > d.amount
          OR MAX(s.voided_on IS NOT NULL OR s.association_id IS NOT d.association_id OR s.party_id IS NOT d.party_id
                 OR s.payment IS NOT 'credit' OR s.date > d.date) = 1
      UNION
      SELECT 'sale', d.id FROM sales d
        JOIN collection_allocations x ON x.sale_id = d.id
        JOIN sale_collections c ON c.id = x.collection_id
       WHERE c.voided_on IS NULL AND ${inScope('d')}
       GROUP BY d.id HAVING SUM(x.amount) > d.total`,
  },
  {
    // A joint purchase's shares add up to its joint lines (by quantity: their quantities too), each
    // share is its member's charge for that amount; a purchase has shares exactly when it is joint.
    code: 'integrity.jointShares', tables: ['purchases', 'purchase_lines', 'joint_purchase_shares', 'charges'], sql: `
      SELECT d.id FROM purchases d
       WHERE ${inScope('d')}
         AND ((SELECT SUM(s.amount) FROM joint_purchase_shares s WHERE s.purchase_id = d.id)
                IS NOT (SELECT SUM(x.amount) FROM purchase_lines x WHERE x.purchase_id = d.id AND x.category = 'joint')
              OR d.joint IS NOT EXISTS (SELECT 1 FROM joint_purchase_shares s WHERE s.purchase_id = d.id)
              OR (d.shares_by IS 'quantity'
                  AND (SELECT SUM(s.quantity) FROM joint_purchase_shares s WHERE s.purchase_id = d.id)
                      IS NOT (SELECT SUM(x.quantity) FROM purchase_lines x WHERE x.purchase_id = d.id AND x.category = 'joint'))
              OR EXISTS (SELECT 1 FROM joint_purchase_shares s LEFT JOIN charges c ON c.id = s.charge_id
                          WHERE s.purchase_id = d.id
                            AND (c.member_id IS NOT s.member_id OR c.amount IS NOT s.amount
                                 OR c.association_id IS NOT d.association_id
                                 -- a live purchase's shares are live charges; a voided one's are voided with it
                                 OR (c.voided_on IS NULL) IS NOT (d.voided_on IS NULL))))`,
  },
  {
    // Each inventory account's balance (its own lines, through journal_lines_account_date) against
    // the value on hand of the products it holds. One row per association and account.
    code: 'integrity.inventoryBooks', tables: ['product_stock', 'products'], sql: `
      SELECT association_id, role FROM (
        SELECT a.association_id, a.role, SUM(l.amount) AS value
          FROM accounts a CROSS JOIN journal_lines l ON l.account_id = a.id
         WHERE a.role IN ${inventoryRolesSql} AND ${inScope('a')}
         GROUP BY a.id
        UNION ALL
        SELECT s.association_id, ${inventoryRoleOf('p.category')}, -SUM(s.value)
          FROM product_stock s JOIN products p ON p.id = s.product_id
         WHERE ${inScope('s')}
         GROUP BY s.association_id, p.category)
       GROUP BY association_id, role HAVING SUM(value) <> 0`,
  },
];
