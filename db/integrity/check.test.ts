import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLedgerApi } from '../api';
import { openLedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';
import { checkFile as check } from './testing';
import { addMember } from '../contributions/testing';
import { errorMessage } from '../../shared/i18n';
import type { IntegrityFindingCode } from '../../shared/operations/integrity';

// checkIntegrity on a healthy file finds nothing; on copies corrupted the way only a tool that
// bypasses Khipu could (foreign keys off, a trigger dropped), it names each problem.

let env: ReturnType<typeof tempDatabase>;
let associationId: number;
let copies = 0;

beforeAll(() => {
  env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  associationId = api.openExampleAssociation({}).id;
  // A receipt voided and a charge voided, so the void rules have something to read.
  const rosa = addMember(env.db, associationId, 'Rosa Quispe Huamán', '2024-05-01');
  const fine = api.listContributionTypes({ associationId }).find((t) => t.kind === 'fine')!.id;
  const charge = api.createCharge({ associationId, memberId: rosa, contributionTypeId: fine, date: '2026-03-02', amount: 2_000 });
  const receipt = api.recordPayment({ associationId, memberId: rosa, date: '2026-03-03', amount: 2_500 });
  api.voidReceipt({ receiptId: receipt.id, date: '2026-03-04', reason: 'Se cobró dos veces' });
  api.voidCharge({ chargeId: charge.id, date: '2026-03-05', reason: 'Multa puesta por error' });
  api.recordPayment({ associationId, memberId: rosa, date: '2026-03-06', amount: 800 });
  // Closed years: 2024 had nothing to close (no entry), 2025 closes into 59; each reopened once and closed again.
  for (const fiscalYear of [2024, 2025]) {
    api.closeFiscalYear({ associationId, fiscalYear });
    api.reopenFiscalYear({ associationId, fiscalYear, date: `${fiscalYear}-12-31`, reason: 'Faltaba un comprobante' });
    api.closeFiscalYear({ associationId, fiscalYear });
  }
  // Credit in favour refunded, one refund voided, the rest applied to a later fine.
  const juana = addMember(env.db, associationId, 'Juana Mamani Ccori', '2024-05-01');
  api.recordPayment({ associationId, memberId: juana, date: '2026-03-07', amount: 5_000 });
  const refund = api.refundCredit({ associationId, memberId: juana, date: '2026-03-08', amount: 1_000, reason: 'Viaja a Lima' });
  api.voidCreditRefund({ refundId: refund.id, date: '2026-03-09', reason: 'No viajó' });
  api.refundCredit({ associationId, memberId: juana, date: '2026-03-10', amount: 1_500, reason: 'Viaja a Lima' });
  api.createCharge({ associationId, memberId: juana, contributionTypeId: fine, date: '2026-03-11', amount: 500 });
  // A fine paid by a work day, and that work day voided.
  const pedro = addMember(env.db, associationId, 'Pedro Condori Apaza', '2024-05-01');
  const faena = api.listContributionTypes({ associationId }).find((t) => t.kind === 'in_kind')!.id;
  const pedroFine = api.createCharge({ associationId, memberId: pedro, contributionTypeId: fine, date: '2026-03-02', amount: 3_000 });
  const workDay = api.recordInKindContribution({
    associationId, memberId: pedro, contributionTypeId: faena, date: '2026-03-03', description: 'Faena de limpieza de canal',
    quantity: 1_000, unit: 'jornal', value: 3_000, chargeId: pedroFine.id,
  });
  api.voidInKind({ inKindId: workDay.id, date: '2026-03-04', reason: 'No asistió' });
  env.db.pragma('wal_checkpoint(TRUNCATE)');
  env.db.close();
});
afterAll(() => env.cleanup());


/** A copy of the healthy file, damaged by `sql` on a raw connection with foreign keys off. */
function corrupted(sql: string): string {
  const path = join(env.folder, `copy-${++copies}.sqlite`);
  copyFileSync(env.path, path);
  const raw = new Database(path);
  raw.unsafeMode(true); // lets the test edit sqlite_master, as a careless tool could
  raw.pragma('foreign_keys = OFF');
  raw.exec(sql);
  raw.close();
  return path;
}

const codes = (report: ReturnType<typeof check>) => report.findings.map((f) => f.code);

describe('checkIntegrity', () => {
  it('finds a healthy file in order, for the whole file and for one association', () => {
    const report = check(env.path);
    expect(report).toMatchObject({ ok: true, findings: [], associations: 1 });
    expect(report.entries).toBeGreaterThan(100);
    expect(report.lines).toBeGreaterThan(report.entries);
    expect(report.documents).toBeGreaterThan(20);
    expect(check(env.path, { associationId })).toMatchObject({ ok: true, entries: report.entries });
  });

  it('reads the later documents healthy: refunds (one voided), an in-kind void, closings with and without entry', () => {
    const db = new Database(env.path, { readonly: true });
    try {
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(n('SELECT COUNT(*) AS n FROM credit_refunds WHERE voided_on IS NOT NULL')).toBe(1);
      expect(n('SELECT COUNT(*) AS n FROM credit_refunds WHERE voided_on IS NULL')).toBe(1);
      expect(n('SELECT COUNT(*) AS n FROM in_kind_contributions WHERE voided_on IS NOT NULL')).toBe(1);
      expect(n("SELECT COUNT(*) AS n FROM allocations WHERE source = 'credit' AND voided_on IS NULL")).toBeGreaterThan(0);
      // 2024 closed twice without entry (once reopened), 2025 closed twice with one (once reversed).
      expect(db.prepare(`SELECT fiscal_year AS year, entry_id IS NOT NULL AS hasEntry, voided_on IS NOT NULL AS reopened,
                                void_entry_id IS NOT NULL AS reversed FROM fiscal_year_closings ORDER BY id`).all()).toEqual([
        { year: 2024, hasEntry: 0, reopened: 1, reversed: 0 }, { year: 2024, hasEntry: 0, reopened: 0, reversed: 0 },
        { year: 2025, hasEntry: 1, reopened: 1, reversed: 1 }, { year: 2025, hasEntry: 1, reopened: 0, reversed: 0 },
      ]);
    } finally {
      db.close();
    }
    expect(check(env.path)).toMatchObject({ ok: true, findings: [] });
  });

  const manual = "(SELECT MAX(id) FROM journal_entries WHERE source_type IS NULL AND reversed_by_entry_id IS NULL AND reverses_entry_id IS NULL)";
  const liveReceipt = '(SELECT MAX(id) FROM receipts WHERE voided_on IS NULL)';
  const liveRefund = '(SELECT MAX(id) FROM credit_refunds WHERE voided_on IS NULL)';
  const liveClosingWithEntry = 'voided_on IS NULL AND entry_id IS NOT NULL';
  const cases: [string, IntegrityFindingCode[], string][] = [
    ['a draft left with its lines', ['integrity.unposted', 'integrity.foreignKeys'], `
      INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, created_at, created_by)
        SELECT 1, 2027, 1, '2027-01-05', 'Borrador', 'x', 'sqlite3';
      INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount)
        VALUES ((SELECT MAX(id) FROM journal_entries), 1, (SELECT id FROM accounts WHERE role = 'cash'), '2027-01-05', 100),
               ((SELECT MAX(id) FROM journal_entries), 2, (SELECT id FROM accounts WHERE role = 'bank'), '2027-01-05', -100);`],
    ['a line slipped into a posted entry', ['integrity.unbalanced', 'integrity.snapshots'], `
      DROP TRIGGER journal_lines_insert;
      INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount)
        SELECT ${manual}, 99, (SELECT id FROM accounts WHERE role = 'cash'), (SELECT date FROM journal_entries WHERE id = ${manual}), 5;`],
    ['a monthly balance edited', ['integrity.snapshots'], `
      DROP TRIGGER account_month_balances_update_by_posting;
      UPDATE account_month_balances SET debits = debits + 1
       WHERE (account_id, month) = (SELECT account_id, month FROM account_month_balances ORDER BY account_id, month LIMIT 1);`],
    ['the posting flag left raised', ['integrity.postingFlag'], `INSERT INTO posting_in_progress (entry_id) VALUES (${manual});`],
    ['a reversal link pointing elsewhere', ['integrity.reversalLinks'], `
      DROP TRIGGER journal_entries_immutable;
      DROP TRIGGER journal_entries_reversed_by_its_reversal;
      UPDATE journal_entries SET reversed_by_entry_id = (SELECT MIN(id) FROM journal_entries) WHERE id = ${manual};`],
    ['a receipt moved to another entry', ['integrity.documentEntry'], `
      DROP TRIGGER receipts_immutable;
      UPDATE receipts SET entry_id = ${manual} WHERE id = ${liveReceipt};`],
    ['a receipt voided by hand', ['integrity.voidEntry', 'integrity.voidReleases'], `
      DROP TRIGGER receipts_voided_by_their_reversal;
      UPDATE receipts SET voided_on = '2026-03-07', voided_at = 'x', void_reason = 'a mano', void_entry_id = ${manual}
       WHERE id = ${liveReceipt};`],
    ['an entry renumbered', ['integrity.entryNumbering'], `
      DROP TRIGGER journal_entries_immutable;
      UPDATE journal_entries SET number = number + 100 WHERE id = (SELECT MAX(id) FROM journal_entries);`],
    ['a receipt renumbered', ['integrity.documentNumbering'], `
      DROP TRIGGER receipts_immutable;
      UPDATE receipts SET number = number + 10 WHERE id = (SELECT MAX(id) FROM receipts);`],
    ['a charge marked paid by hand', ['integrity.settledMarks'], `
      DROP TRIGGER charges_settled_derived;
      UPDATE charges SET settled = 1 - settled WHERE id = (SELECT MIN(id) FROM charges WHERE voided_on IS NULL);`],
    ['a refund moved to another entry', ['integrity.documentEntry'], `
      DROP TRIGGER credit_refunds_immutable;
      UPDATE credit_refunds SET entry_id = ${manual} WHERE id = ${liveRefund};`],
    ['a refund voided by hand', ['integrity.voidEntry'], `
      DROP TRIGGER credit_refunds_immutable;
      UPDATE credit_refunds SET voided_on = '2026-03-12', voided_at = 'x', void_reason = 'a mano', void_entry_id = ${manual}
       WHERE id = ${liveRefund};`],
    ['a refund void pointing at the reversal of another document', ['integrity.voidEntry'], `
      DROP TRIGGER credit_refunds_immutable;
      UPDATE credit_refunds SET void_entry_id = (SELECT MAX(void_entry_id) FROM receipts) WHERE voided_on IS NOT NULL;`],
    ['a refund renumbered', ['integrity.documentNumbering'], `
      DROP TRIGGER credit_refunds_immutable;
      UPDATE credit_refunds SET number = number + 10 WHERE id = ${liveRefund};`],
    ['a refund that drew less credit than it paid', ['integrity.refundUses'], `
      DROP TRIGGER credit_refund_uses_no_update;
      UPDATE credit_refund_uses SET amount = amount - 1 WHERE refund_id = ${liveRefund};`],
    ["a refund drawing on another member's credit", ['integrity.refundUses'], `
      DROP TRIGGER credit_refund_uses_no_update;
      UPDATE credit_refund_uses SET credit_id = (SELECT MIN(id) FROM member_credits
                                                  WHERE member_id <> (SELECT member_id FROM credit_refunds WHERE id = ${liveRefund}))
       WHERE refund_id = ${liveRefund};`],
    ['credit used beyond its amount', ['integrity.creditOverused'], `
      DROP TRIGGER member_credits_immutable;
      UPDATE member_credits SET amount = 1 WHERE id = (SELECT credit_id FROM credit_refund_uses WHERE refund_id = ${liveRefund});`],
    ['credit voided while still applied', ['integrity.creditOverused'], `
      DROP TRIGGER member_credits_immutable;
      DROP TRIGGER member_credits_refunded;
      UPDATE member_credits SET voided_on = '2026-03-12'
       WHERE id = (SELECT MAX(credit_id) FROM allocations WHERE credit_id IS NOT NULL AND voided_on IS NULL);`],
    ['an in-kind contribution voided by hand', ['integrity.voidEntry', 'integrity.voidReleases'], `
      DROP TRIGGER in_kind_contributions_no_update;
      UPDATE in_kind_contributions SET voided_on = '2026-03-12', voided_at = 'x', void_reason = 'a mano', void_entry_id = ${manual}
       WHERE id = (SELECT MIN(k.id) FROM in_kind_contributions k JOIN allocations a ON a.in_kind_id = k.id
                    WHERE k.voided_on IS NULL AND a.voided_on IS NULL);`],
    ['an in-kind void that left its charge paid', ['integrity.voidReleases', 'integrity.settledMarks'], `
      DROP TRIGGER allocations_immutable;
      UPDATE allocations SET voided_on = NULL
       WHERE in_kind_id = (SELECT id FROM in_kind_contributions WHERE voided_on IS NOT NULL);`],
    ['a closing moved to another entry', ['integrity.documentEntry'], `
      DROP TRIGGER fiscal_year_closings_update;
      UPDATE fiscal_year_closings SET entry_id = ${manual} WHERE ${liveClosingWithEntry};`],
    ['a closing unhooked from its closing entry', ['integrity.documentEntry'], `
      DROP TRIGGER fiscal_year_closings_update;
      UPDATE fiscal_year_closings SET entry_id = NULL WHERE ${liveClosingWithEntry};`],
    ['a year reopened by hand, its closing entry left standing', ['integrity.voidEntry'], `
      DROP TRIGGER fiscal_year_closings_update;
      UPDATE fiscal_year_closings SET voided_on = '2025-12-31', voided_at = 'x', voided_by = 'x', void_reason = 'a mano'
       WHERE ${liveClosingWithEntry};`],
    ['an allocation of a charge that does not exist', ['integrity.foreignKeys'], `
      INSERT INTO allocations (charge_id, source, receipt_id, date, amount, entry_id)
        SELECT 999999, 'receipt', id, date, 1, entry_id FROM receipts WHERE id = ${liveReceipt};`],
    ['an index out of step with its table', ['integrity.sqlite'], `
      PRAGMA writable_schema = ON;
      UPDATE sqlite_master SET sql = replace(sql, '(account_id, date, amount)', '(account_id, amount, date)')
       WHERE name = 'journal_lines_account_date';`],
  ];

  it.each(cases)('names %s', (_what, expected, sql) => {
    const report = check(corrupted(sql));
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(expect.arrayContaining(expected));
    for (const finding of report.findings) {
      expect(finding.count).toBeGreaterThan(0);
      expect(finding.message).toBe(errorMessage(finding.code, { count: finding.count }, 'es'));
      expect(finding.message).not.toMatch(/[{}]/);
    }
  });

  it('refuses an association that does not exist, naming the field', () => {
    const db = openLedgerDatabase(env.path);
    try {
      expect(() => createLedgerApi(db).checkIntegrity({ associationId: 999 })).toThrow(expect.objectContaining({
        code: 'association.notFound', field: 'associationId',
      }));
    } finally {
      db.close();
    }
  });
});
