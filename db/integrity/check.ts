import type { IntegrityFinding, IntegrityFindingCode, IntegrityReport } from '../../shared/operations/integrity';
import { errorMessage } from '../../shared/i18n';
import { KhipuError } from '../../shared/errors';
import type { LedgerDatabase } from '../storage/open';
import { columnsOf, count, inScope } from './sql';
import { TRADE_CHECKS } from './trade-checks';
import { CONTRACT_CHECKS } from './contracts-checks';
import { ACOPIO_CHECKS } from './acopio-checks';

// The file checked as an auditor would: SQLite's own integrity and foreign-key checks, then the
// ledger's rules, each ONE grouped query over the whole table (no loop per row), so a file of a
// million lines is read in a few passes. The triggers keep these rules on every write; this finds
// what a tool that bypassed them (triggers dropped, foreign keys off, a damaged disk) left behind.

/**
 * A document table, how its entry and its void entry are named (source_type '<type>' / '<type>_void').
 * Conditions compare with IS: a missing entry (NULL) must count as wrong, never as unknown.
 */
interface DocumentKind {
  table: string;
  /** The condition its entry `e` must meet besides being posted in the same association. */
  entrySource: string;
  voidSource: string;
  /** Its void reverses its own entry (a charge's void is an entry of its own, not a reversal). */
  voidReverses: boolean;
  /**
   * A closing with nothing to close has no entry, and then no void entry either; but no entry of
   * this source type may name a document that points to none (a closing whose entry was unhooked).
   */
  optionalEntryType?: string;
  /** When its void entry `v` is named otherwise than '<voidSource>' with this id (a member-refund voucher: its refund's void). */
  voidEntrySource?: string;
}

const DOCUMENTS: readonly DocumentKind[] = [
  {
    table: 'receipts', entrySource: "e.source_type IS 'receipt' AND e.source_id IS d.id", voidSource: 'receipt_void',
    voidReverses: true,
  },
  {
    table: 'charges', voidSource: 'charge_void', voidReverses: false,
    // A dues run posts one entry for every member's charge, named after the contribution type.
    entrySource: "((e.source_type IS 'charge' AND e.source_id IS d.id) OR (e.source_type IS 'dues' AND e.source_id IS d.contribution_type_id))",
  },
  {
    table: 'in_kind_contributions', entrySource: "e.source_type IS 'in_kind' AND e.source_id IS d.id", voidSource: 'in_kind_void',
    voidReverses: true,
  },
  {
    table: 'credit_refunds', entrySource: "e.source_type IS 'credit_refund' AND e.source_id IS d.id",
    voidSource: 'credit_refund_void', voidReverses: true,
  },
  {
    table: 'fiscal_year_closings', entrySource: "e.source_type IS 'closing' AND e.source_id IS d.id", voidSource: 'closing_void',
    voidReverses: true, optionalEntryType: 'closing',
  },
  {
    table: 'stock_adjustments', entrySource: "e.source_type IS 'stock_adjustment' AND e.source_id IS d.id",
    voidSource: 'stock_adjustment_void', voidReverses: true,
  },
  { table: 'sales', entrySource: "e.source_type IS 'sale' AND e.source_id IS d.id", voidSource: 'sale_void', voidReverses: true },
  {
    table: 'purchases', entrySource: "e.source_type IS 'purchase' AND e.source_id IS d.id", voidSource: 'purchase_void',
    voidReverses: true,
  },
  {
    table: 'sale_collections', entrySource: "e.source_type IS 'sale_collection' AND e.source_id IS d.id",
    voidSource: 'sale_collection_void', voidReverses: true,
  },
  {
    // A member-refund voucher shares its refund's entry and is voided by the refund's void.
    table: 'payment_vouchers', voidSource: 'payment_voucher_void', voidReverses: true,
    entrySource: `((d.kind IS NOT 'member_refund' AND e.source_type IS 'payment_voucher' AND e.source_id IS d.id)
                   OR (d.kind IS 'member_refund' AND e.source_type IS 'credit_refund' AND e.source_id IS d.credit_refund_id))`,
    voidEntrySource: `((d.kind IS NOT 'member_refund' AND v.source_type IS 'payment_voucher_void' AND v.source_id IS d.id)
                       OR (d.kind IS 'member_refund' AND v.source_type IS 'credit_refund_void' AND v.source_id IS d.credit_refund_id))`,
  },
  {
    table: 'acopio_days', entrySource: "e.source_type IS 'acopio_day' AND e.source_id IS d.id", voidSource: 'acopio_day_void',
    voidReverses: true,
  },
  {
    // A settlement with no levy posts no entry of its own (its deductions are a receipt's).
    table: 'settlements', entrySource: "e.source_type IS 'settlement' AND e.source_id IS d.id", voidSource: 'settlement_void',
    voidReverses: true, optionalEntryType: 'settlement',
  },
  {
    table: 'contract_deliveries', entrySource: "e.source_type IS 'contract_delivery' AND e.source_id IS d.id",
    voidSource: 'contract_delivery_void', voidReverses: true,
  },
  {
    // An acta posts an entry only when rejected product came back into the store.
    table: 'contract_acceptances', entrySource: "e.source_type IS 'contract_acceptance' AND e.source_id IS d.id",
    voidSource: 'contract_acceptance_void', voidReverses: true, optionalEntryType: 'contract_acceptance',
  },
  {
    table: 'contract_invoices', entrySource: "e.source_type IS 'contract_invoice' AND e.source_id IS d.id",
    voidSource: 'contract_invoice_void', voidReverses: true,
  },
  {
    table: 'contract_collections', entrySource: "e.source_type IS 'contract_collection' AND e.source_id IS d.id",
    voidSource: 'contract_collection_void', voidReverses: true,
  },
];

/** Documents numbered without gaps per association and series. */
const NUMBERED_DOCUMENTS = ['receipts', 'credit_refunds', 'sale_collections', 'payment_vouchers', 'settlements', 'contract_deliveries'] as const;

export function checkIntegrity(db: LedgerDatabase, input: { associationId?: number | undefined }): IntegrityReport {
  const associationId = input.associationId ?? null;
  if (associationId !== null && !db.prepare('SELECT 1 FROM associations WHERE id = ?').get(associationId)) {
    throw new KhipuError('association.notFound', { field: 'associationId', params: { id: associationId } });
  }
  // One read transaction: every figure comes from the same state of the file.
  return db.transaction(() => {
    const found = new Map<IntegrityFindingCode, number>();
    const note = (code: IntegrityFindingCode, n: number) => { if (n > 0) found.set(code, (found.get(code) ?? 0) + n); };

    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    note('integrity.sqlite', integrity.filter((row) => row.integrity_check !== 'ok').length);
    note('integrity.foreignKeys', (db.pragma('foreign_key_check') as unknown[]).length);

    note('integrity.unposted', count(db, `SELECT id FROM journal_entries e WHERE e.posted = 0 AND ${inScope('e')}`, associationId));
    note('integrity.unbalanced', count(db, `
      SELECT l.entry_id FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
       WHERE ${inScope('e')} GROUP BY l.entry_id HAVING SUM(l.amount) <> 0 OR COUNT(*) < 2`, associationId));
    // Snapshots against the posted lines: the sides' sums per account and month cancel out. Every
    // line is read through journal_lines_account_date, summed per day first (the index's order, so
    // no sort of a million rows) and then per month; no join per line. The lines of unposted
    // entries, which the snapshots rightly leave out, are added back from the few such entries.
    const sides = (sign: string) => `${sign}SUM(CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END) AS debits,
                                     ${sign}SUM(CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END) AS credits`;
    note('integrity.snapshots', count(db, `
      SELECT account_id, month FROM (
        SELECT s.account_id, s.month, s.debits, s.credits FROM account_month_balances s WHERE ${inScope('s')}
        UNION ALL
        SELECT account_id, substr(date, 1, 7), SUM(debits), SUM(credits) FROM (
          SELECT l.account_id, l.date, ${sides('-')}
            FROM accounts a CROSS JOIN journal_lines l ON l.account_id = a.id WHERE ${inScope('a')}
           GROUP BY l.account_id, l.date)
         GROUP BY account_id, substr(date, 1, 7)
        UNION ALL
        SELECT l.account_id, substr(l.date, 1, 7), ${sides('')}
          FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
         WHERE e.posted = 0 AND ${inScope('e')}
         GROUP BY l.account_id, substr(l.date, 1, 7))
       GROUP BY account_id, month HAVING SUM(debits) <> 0 OR SUM(credits) <> 0`, associationId));
    note('integrity.postingFlag', count(db, 'SELECT entry_id FROM posting_in_progress', null));
    note('integrity.reversalLinks', count(db, `
      SELECT o.id FROM journal_entries o LEFT JOIN journal_entries r ON r.id = o.reversed_by_entry_id
       WHERE o.reversed_by_entry_id IS NOT NULL AND r.reverses_entry_id IS NOT o.id AND ${inScope('o')}
      UNION ALL
      SELECT r.id FROM journal_entries r LEFT JOIN journal_entries o ON o.id = r.reverses_entry_id
       WHERE r.reverses_entry_id IS NOT NULL AND r.posted = 1 AND o.reversed_by_entry_id IS NOT r.id AND ${inScope('r')}`,
    associationId));
    note('integrity.entryNumbering', count(db, `
      SELECT association_id, fiscal_year FROM journal_entries e WHERE ${inScope('e')}
       GROUP BY association_id, fiscal_year HAVING MIN(number) <> 1 OR MAX(number) <> COUNT(*)`, associationId));

    let documents = 0;
    for (const kind of DOCUMENTS) {
      const columns = columnsOf(db, kind.table);
      if (columns.size === 0) continue; // a table this file's version does not have yet
      documents += count(db, `SELECT id FROM ${kind.table} d WHERE ${inScope('d')}`, associationId);
      const optional = kind.optionalEntryType !== undefined;
      note('integrity.documentEntry', count(db, `
        SELECT d.id FROM ${kind.table} d LEFT JOIN journal_entries e ON e.id = d.entry_id
         WHERE ${inScope('d')} AND ${optional ? 'd.entry_id IS NOT NULL AND ' : ''}
               NOT (e.posted IS 1 AND e.association_id IS d.association_id AND ${kind.entrySource})`, associationId));
      if (optional) {
        // Through journal_entries_source: one probe per entryless document.
        note('integrity.documentEntry', count(db, `
          SELECT d.id FROM ${kind.table} d
           WHERE ${inScope('d')} AND d.entry_id IS NULL
             AND EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_type = '${kind.optionalEntryType}' AND e.source_id = d.id)`,
        associationId));
      }
      if (columns.has('void_entry_id')) {
        note('integrity.voidEntry', count(db, `
          SELECT d.id FROM ${kind.table} d LEFT JOIN journal_entries v ON v.id = d.void_entry_id
           WHERE ${inScope('d')} AND d.voided_on IS NOT NULL
             AND NOT (${optional ? '(d.entry_id IS NULL AND d.void_entry_id IS NULL) OR ' : ''}
                      (v.posted IS 1 AND ${kind.voidEntrySource ?? `v.source_type IS '${kind.voidSource}' AND v.source_id IS d.id`}
                       ${kind.voidReverses ? 'AND v.reverses_entry_id IS d.entry_id' : ''}))`, associationId));
      }
    }
    // What a void releases: a receipt's allocations and the credit it created, an in-kind
    // contribution's allocation, every allocation of a voided charge.
    note('integrity.voidReleases', count(db, `
      SELECT a.id FROM allocations a JOIN receipts d ON d.id = a.receipt_id
       WHERE d.voided_on IS NOT NULL AND a.voided_on IS NULL AND ${inScope('d')}
      UNION ALL
      SELECT m.id FROM member_credits m JOIN receipts d ON d.id = m.receipt_id
       WHERE (d.voided_on IS NULL) <> (m.voided_on IS NULL) AND ${inScope('d')}
      UNION ALL
      SELECT a.id FROM allocations a JOIN in_kind_contributions d ON d.id = a.in_kind_id
       WHERE d.voided_on IS NOT NULL AND a.voided_on IS NULL AND ${inScope('d')}
      UNION ALL
      SELECT a.id FROM allocations a JOIN charges d ON d.id = a.charge_id
       WHERE d.voided_on IS NOT NULL AND a.voided_on IS NULL AND ${inScope('d')}`, associationId));
    // A credit pays charges and is paid back only up to its amount; a voided credit, not at all.
    // Uses are summed per credit first (one pass over each table, no probe per credit).
    note('integrity.creditOverused', count(db, `
      SELECT d.id FROM member_credits d
        JOIN (SELECT credit_id, SUM(amount) AS used FROM (
                SELECT credit_id, amount FROM allocations WHERE credit_id IS NOT NULL AND voided_on IS NULL
                UNION ALL
                SELECT u.credit_id, u.amount FROM credit_refund_uses u JOIN credit_refunds r ON r.id = u.refund_id
                 WHERE r.voided_on IS NULL)
               GROUP BY credit_id) u ON u.credit_id = d.id
       WHERE ${inScope('d')} AND (u.used > d.amount OR d.voided_on IS NOT NULL)`, associationId));
    // A refund pays back exactly the credit it drew on, the member's own.
    note('integrity.refundUses', count(db, `
      SELECT d.id FROM credit_refunds d
        LEFT JOIN (SELECT u.refund_id, SUM(u.amount) AS drawn, MAX(c.member_id IS NOT r.member_id) AS foreign_credit
                     FROM credit_refund_uses u JOIN credit_refunds r ON r.id = u.refund_id
                     LEFT JOIN member_credits c ON c.id = u.credit_id
                    GROUP BY u.refund_id) u ON u.refund_id = d.id
       WHERE ${inScope('d')} AND (u.drawn IS NOT d.amount OR u.foreign_credit IS NOT 0)`, associationId));
    for (const table of NUMBERED_DOCUMENTS) {
      if (columnsOf(db, table).size === 0) continue;
      note('integrity.documentNumbering', count(db, `
        SELECT association_id, series FROM ${table} d WHERE ${inScope('d')}
         GROUP BY association_id, series HAVING MIN(number) <> 1 OR MAX(number) <> COUNT(*)`, associationId));
    }
    // Notas de venta are numbered within the sales table, per association and nota series.
    if (columnsOf(db, 'sales').size > 0) {
      note('integrity.documentNumbering', count(db, `
        SELECT association_id, nota_series FROM sales d WHERE d.nota_number IS NOT NULL AND ${inScope('d')}
         GROUP BY association_id, nota_series HAVING MIN(nota_number) <> 1 OR MAX(nota_number) <> COUNT(*)`, associationId));
    }
    // Each product's stock is the sum of its movements (a row for every product that moved, none
    // for one that did not), and the movement flag is down.
    if (columnsOf(db, 'product_stock').size > 0) {
      note('integrity.productStock', count(db, `
        SELECT product_id FROM (
          SELECT s.product_id, s.quantity, s.value FROM product_stock s WHERE ${inScope('s')}
          UNION ALL
          SELECT m.product_id, -SUM(m.quantity), -SUM(m.value) FROM stock_movements m WHERE ${inScope('m')} GROUP BY m.product_id)
         GROUP BY product_id HAVING SUM(quantity) <> 0 OR SUM(value) <> 0 OR COUNT(*) <> 2`, associationId));
      note('integrity.productStock', count(db, 'SELECT movement_id FROM stock_move_in_progress', null));
    }
    note('integrity.settledMarks', count(db, `
      SELECT d.id FROM charges d
        LEFT JOIN (SELECT charge_id, SUM(amount) AS paid FROM allocations WHERE voided_on IS NULL GROUP BY charge_id) a
               ON a.charge_id = d.id
       WHERE ${inScope('d')} AND d.settled IS NOT (d.amount <= COALESCE(a.paid, 0))`, associationId));
    // The trade documents: their own figures, their entries, their stock, what they pay (./trade-checks.ts).
    for (const check of [...TRADE_CHECKS, ...CONTRACT_CHECKS, ...ACOPIO_CHECKS]) {
      if (check.tables.some((table) => columnsOf(db, table).size === 0)) continue;
      note(check.code, count(db, check.sql, associationId));
    }

    const totals = db.prepare(`
      SELECT (SELECT COUNT(*) FROM associations a WHERE @associationId IS NULL OR a.id = @associationId) AS associations,
             (SELECT COUNT(*) FROM journal_entries e WHERE ${inScope('e')}) AS entries,
             (SELECT COUNT(*) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE ${inScope('e')}) AS lines`)
      .get({ associationId }) as { associations: number; entries: number; lines: number };
    const findings: IntegrityFinding[] = [...found].map(([code, n]) => ({
      code, count: n, message: errorMessage(code, { count: n }, 'es'),
    }));
    return { ok: findings.length === 0, ...totals, documents, findings };
  })();
}
