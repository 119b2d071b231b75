import {
  associationsColumns,
  accountsColumns,
  journalEntriesColumns,
  journalLinesColumns,
  auditLogColumns,
  partiesColumns,
  contractsColumns,
  productLinesColumns,
  contributionTypesColumns,
  chargesColumns,
  receiptsColumns,
  receiptLinesColumns,
  memberCreditsColumns,
  inKindContributionsColumns,
  allocationsColumns,
  creditRefundsColumns,
  creditRefundUsesColumns,
  creditRefundDrawnColumns,
  accountMonthBalancesColumns,
  postingInProgressColumns,
  fiscalYearClosingsColumns,
  type Schema,
} from './schema';
import { memberMembershipsColumns, membersColumns, officerPostsColumns } from '../members/schema';
import { paymentVouchersColumns, voucherAllocationsColumns } from '../payments/schema';
import { contractsSchemaColumns } from '../contracts/schema';
import { acopioSchemaColumns } from '../acopio/schema';
import { jointPurchaseSharesColumns, purchaseLinesColumns, purchasesColumns } from '../purchases/schema';
import { collectionAllocationsColumns, saleCollectionsColumns, saleLinesColumns, salesColumns } from '../sales/schema';
import {
  productsColumns, productStockColumns, stockAdjustmentsColumns, stockMoveInProgressColumns, stockMovementsColumns,
} from '../stock/schema';

// Apart from schema.ts so that the padrón's lists (db/members/schema.ts, which builds on schema.ts's
// query) join the others without an import cycle.

/** Every table's column list, by table: a table of Schema without its list fails to compile. */
export const schemaColumns: { [Table in keyof Schema]: readonly (keyof Schema[Table])[] } = {
  associations: associationsColumns,
  accounts: accountsColumns,
  journal_entries: journalEntriesColumns,
  journal_lines: journalLinesColumns,
  audit_log: auditLogColumns,
  parties: partiesColumns,
  contracts: contractsColumns,
  product_lines: productLinesColumns,
  members: membersColumns,
  member_memberships: memberMembershipsColumns,
  officer_posts: officerPostsColumns,
  contribution_types: contributionTypesColumns,
  charges: chargesColumns,
  receipts: receiptsColumns,
  receipt_lines: receiptLinesColumns,
  member_credits: memberCreditsColumns,
  in_kind_contributions: inKindContributionsColumns,
  allocations: allocationsColumns,
  credit_refunds: creditRefundsColumns,
  credit_refund_uses: creditRefundUsesColumns,
  credit_refund_drawn: creditRefundDrawnColumns,
  account_month_balances: accountMonthBalancesColumns,
  posting_in_progress: postingInProgressColumns,
  fiscal_year_closings: fiscalYearClosingsColumns,
  products: productsColumns,
  stock_movements: stockMovementsColumns,
  product_stock: productStockColumns,
  stock_move_in_progress: stockMoveInProgressColumns,
  stock_adjustments: stockAdjustmentsColumns,
  purchases: purchasesColumns,
  purchase_lines: purchaseLinesColumns,
  joint_purchase_shares: jointPurchaseSharesColumns,
  sales: salesColumns,
  sale_lines: saleLinesColumns,
  sale_collections: saleCollectionsColumns,
  collection_allocations: collectionAllocationsColumns,
  payment_vouchers: paymentVouchersColumns,
  voucher_allocations: voucherAllocationsColumns,
  ...contractsSchemaColumns,
  ...acopioSchemaColumns,
};
