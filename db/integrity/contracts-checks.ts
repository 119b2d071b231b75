import type { TradeCheck } from './trade-checks';
import { inScope } from './sql';

// The contract documents (schema 21) read as an auditor would: each agrees with itself, with its
// contract and delivery, and with the entry it posted. Each rule is ONE statement whose rows are the
// documents found wrong; entry lines are read through journal_lines' (entry_id, …) key. What
// recordDelivery, acceptDelivery, recordContractInvoice and recordContractCollection post
// (db/contracts/) is the model of each rule.

/** Price per whole unit × thousandths, rounded half away from zero (shared/money.ts multiplyQuantity; both positive). */
const priced = (line: string) => `(${line}.unit_price * ${line}.quantity + 500) / 1000`;
const linesWhere = (condition: string) => `COALESCE(SUM(CASE WHEN ${condition} THEN l.amount END), 0)`;
const withEntryLines = (table: string) => `
  SELECT d.id FROM ${table} d
    LEFT JOIN journal_lines l ON l.entry_id = d.entry_id
    LEFT JOIN accounts a ON a.id = l.account_id
   WHERE ${inScope('d')}
   GROUP BY d.id`;

export const CONTRACT_CHECKS: readonly TradeCheck[] = [
  {
    // A delivery's lines: price × quantity each, adding up to its amount and cost.
    code: 'integrity.contractFigures', tables: ['contract_deliveries', 'contract_delivery_lines'], sql: `
      SELECT d.id FROM contract_deliveries d LEFT JOIN contract_delivery_lines x ON x.delivery_id = d.id
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING SUM(x.amount) IS NOT d.amount OR SUM(x.cost) IS NOT d.cost OR MAX(x.amount IS NOT ${priced('x')}) = 1`,
  },
  {
    // A live acta accepts no more than its live delivery, line by line, and adds up to its own figures.
    code: 'integrity.contractFigures', tables: ['contract_acceptances', 'contract_acceptance_lines'], sql: `
      SELECT d.id FROM contract_acceptances d
        JOIN contract_deliveries v ON v.id = d.delivery_id
        LEFT JOIN contract_acceptance_lines x ON x.acceptance_id = d.id
        LEFT JOIN contract_delivery_lines y ON y.delivery_id = d.delivery_id AND y.line_no = x.line_no
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING (d.voided_on IS NULL AND v.voided_on IS NOT NULL) OR SUM(x.accepted_amount) IS NOT d.accepted_amount
          OR MAX(y.id IS NULL OR x.accepted_quantity + x.rejected_quantity <> y.quantity OR x.accepted_amount > y.amount) = 1`,
  },
  {
    // A live invoice: total = subtotal + IGV, no more than its deliveries' live acceptances, each delivery in one live invoice.
    code: 'integrity.contractFigures', tables: ['contract_invoices', 'contract_invoice_deliveries'], sql: `
      SELECT d.id FROM contract_invoices d
        LEFT JOIN contract_invoice_deliveries x ON x.invoice_id = d.id
        LEFT JOIN contract_acceptances a ON a.delivery_id = x.delivery_id AND a.voided_on IS NULL
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING d.total IS NOT d.subtotal + d.igv
          OR (d.voided_on IS NULL AND (d.subtotal > COALESCE(SUM(a.accepted_amount), 0)
              OR MAX(EXISTS (SELECT 1 FROM contract_invoice_deliveries y JOIN contract_invoices i ON i.id = y.invoice_id
                              WHERE y.delivery_id = x.delivery_id AND i.voided_on IS NULL AND i.id <> d.id)) = 1))`,
  },
  {
    // Live collections take no more than their invoice's total; each adds up to its parts.
    code: 'integrity.contractFigures', tables: ['contract_collections'], sql: `
      SELECT d.id FROM contract_invoices d LEFT JOIN contract_collections c ON c.invoice_id = d.id AND c.voided_on IS NULL
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING COALESCE(SUM(c.total), 0) > CASE WHEN d.voided_on IS NULL THEN d.total ELSE 0 END
          OR MAX(c.total IS NOT c.received + c.igv_withheld + c.detraction + c.penalty + c.other_deductions) = 1`,
  },
  {
    // Dr 121 with the entity and the contract for the total; Cr 4011 the IGV.
    code: 'integrity.contractEntryAmount', tables: ['contract_invoices'], sql: `${withEntryLines('contract_invoices')}
      HAVING ${linesWhere("a.role IS 'receivable_customers' AND l.party_id IS d.party_id AND l.contract_id IS d.contract_id")} <> d.total
          OR ${linesWhere("a.role IS 'taxes_payable'")} <> -d.igv`,
  },
  {
    // Cr 121 with the entity and the contract for the total; the caja or bank what was received.
    code: 'integrity.contractEntryAmount', tables: ['contract_collections'], sql: `
      SELECT d.id FROM contract_collections d
        JOIN contract_invoices i ON i.id = d.invoice_id
        LEFT JOIN journal_lines l ON l.entry_id = d.entry_id
        LEFT JOIN accounts a ON a.id = l.account_id
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING ${linesWhere("a.role IS 'receivable_customers' AND l.party_id IS i.party_id AND l.contract_id IS d.contract_id")} <> -d.total
          OR ${linesWhere('l.account_id IS d.account_id')} <> d.received`,
  },
  {
    // The cost of what left the store, debited with the contract.
    code: 'integrity.contractEntryAmount', tables: ['contract_deliveries'], sql: `${withEntryLines('contract_deliveries')}
      HAVING ${linesWhere("a.role IN ('cost_of_sales', 'cost_of_sales_products') AND l.contract_id IS d.contract_id")} <> d.cost`,
  },
];
