import type { TradeCheck } from './trade-checks';
import { inScope } from './sql';

// The acopio documents (schema 22) read as an auditor would: a day's sheet agrees with itself and
// with the entry it posted, a settlement with its lines, its entry and its receipt. Each rule is ONE
// statement whose rows are the documents found wrong; entry lines are read through journal_lines'
// (entry_id, …) key. What insertAcopioDay and insertSettlements (db/acopio/) post is the model.

/** Price per whole unit × thousandths, rounded half away from zero (shared/money.ts multiplyQuantity; both positive). */
const priced = (line: string) => `(${line}.unit_price * ${line}.quantity + 500) / 1000`;
const linesWhere = (condition: string) => `COALESCE(SUM(CASE WHEN ${condition} THEN l.amount END), 0)`;

export const ACOPIO_CHECKS: readonly TradeCheck[] = [
  {
    // A sheet's rows: price × quantity each, adding up to its total, quantity and member count.
    code: 'integrity.acopioFigures', tables: ['acopio_days', 'acopio_rows'], sql: `
      SELECT d.id FROM acopio_days d LEFT JOIN acopio_rows x ON x.day_id = d.id
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING SUM(x.amount) IS NOT d.total OR SUM(x.quantity) IS NOT d.total_quantity OR COUNT(x.id) IS NOT d.member_count
          OR MAX(x.amount IS NOT ${priced('x')}) = 1`,
  },
  {
    // A settlement: its lines add up to its gross and levy; net = gross − levy − deductions; its receipt is the deductions.
    code: 'integrity.acopioFigures', tables: ['settlements', 'settlement_lines'], sql: `
      SELECT d.id FROM settlements d LEFT JOIN settlement_lines x ON x.settlement_id = d.id
        LEFT JOIN receipts r ON r.id = d.receipt_id
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING SUM(x.amount) IS NOT d.gross OR SUM(x.levy) IS NOT d.levy OR d.net IS NOT d.gross - d.levy - d.deductions
          OR SUM(x.quantity) IS NOT d.quantity
          OR (d.receipt_id IS NOT NULL AND (MAX(r.total) IS NOT d.deductions OR MAX(r.member_id) IS NOT d.member_id))`,
  },
  {
    // A sheet's entry: Cr 4419 to each member her row's amount, Dr the total on an inventory account. Each
    // member's line is matched to her row by a checksum (Σ member × amount, and the count of lines), so
    // the rows and the lines are each read once.
    code: 'integrity.acopioEntryAmount', tables: ['acopio_days', 'acopio_rows'], sql: `
      SELECT d.id FROM acopio_days d
        LEFT JOIN journal_lines l ON l.entry_id = d.entry_id
        LEFT JOIN accounts a ON a.id = l.account_id
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING ${linesWhere("a.role = 'payable_members'")} IS NOT -d.total
          OR ${linesWhere("a.role LIKE 'inventory_%'")} IS NOT d.total
          OR COUNT(CASE WHEN a.role = 'payable_members' THEN 1 END) IS NOT d.member_count
          OR COALESCE(SUM(CASE WHEN a.role = 'payable_members' THEN l.member_id * l.amount END), 0)
             IS NOT -(SELECT COALESCE(SUM(x.member_id * x.amount), 0) FROM acopio_rows x WHERE x.day_id = d.id)`,
  },
  {
    // A settlement's entry debits its levy to 4419 with the member; its receipt's debits the deductions there.
    code: 'integrity.acopioEntryAmount', tables: ['settlements'], sql: `
      SELECT d.id FROM settlements d
        LEFT JOIN journal_lines l ON l.entry_id = d.entry_id
        LEFT JOIN accounts a ON a.id = l.account_id
       WHERE ${inScope('d')}
       GROUP BY d.id
      HAVING ${linesWhere("a.role = 'payable_members' AND l.member_id IS d.member_id")} IS NOT d.levy
          OR (d.receipt_id IS NOT NULL AND (SELECT COALESCE(SUM(j.amount), 0) FROM receipts r
                JOIN journal_lines j ON j.entry_id = r.entry_id JOIN accounts b ON b.id = j.account_id
               WHERE r.id = d.receipt_id AND b.role = 'payable_members' AND j.member_id = d.member_id) IS NOT d.deductions)`,
  },
];
