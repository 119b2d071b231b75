import { afterEach, describe, expect, it } from 'vitest';
import { insertEntry } from '../journal/post';
import { reverseDocumentEntry } from '../contributions/receipts';
import { reportsFixture, type ReportsFixture } from '../reports/testing';
import { testContext } from '../testing/temp-db';

// Version 11: closings defend themselves whoever writes to the file. Each test writes raw SQL, as
// sqlite3 or Python could, inside a transaction, and expects the refusal to leave nothing behind.

let f: ReportsFixture;
afterEach(() => f.env.cleanup());

/** A year of books, 2024 a surplus of S/ 300.00, in an association whose fiscal year starts in `startMonth`. */
function books(startMonth = 1): ReportsFixture {
  f = reportsFixture({ fiscalYearStartMonth: startMonth });
  f.post('2024-05-10', 'Venta de miel', [['cash', 50_000], ['sales_products', -50_000]]);
  f.post('2024-06-10', 'Flete', [['transport_expense', 20_000], ['cash', -20_000]]);
  return f;
}

const inTransaction = (work: () => void) => () => f.env.db.transaction(work)();
const insertClosing = (fiscalYear: number, date: string) => Number(f.env.db.prepare(
  "INSERT INTO fiscal_year_closings (association_id, fiscal_year, date, closed_at, closed_by) VALUES (?, ?, ?, 'x', 'sqlite3')",
).run(f.associationId, fiscalYear, date).lastInsertRowid);
const closingEntry = (closingId: number, date = '2024-12-31') => insertEntry(f.env.db, testContext, {
  associationId: f.associationId, date, description: 'Cierre a mano', sourceType: 'closing', sourceId: closingId,
  lines: [{ accountId: f.role('sales_products'), amount: 50_000 }, { accountId: f.role('accumulated_results'), amount: -50_000 }],
});
const closings = () => f.env.db.prepare('SELECT COUNT(*) FROM fiscal_year_closings').pluck().get();

describe('a closing is dated within its fiscal year', () => {
  it('calendar years', () => {
    books();
    expect(inTransaction(() => insertClosing(2024, '2025-01-05'))).toThrow('closing.dateNotInYear');
    expect(inTransaction(() => insertClosing(2024, '2023-12-31'))).toThrow('closing.dateNotInYear');
    expect(closings()).toBe(0);
  });

  it('a fiscal year that starts in April runs to the end of March', () => {
    books(4);
    expect(inTransaction(() => insertClosing(2024, '2024-03-31'))).toThrow('closing.dateNotInYear');
    expect(inTransaction(() => insertClosing(2024, '2025-04-01'))).toThrow('closing.dateNotInYear');
    insertClosing(2024, '2025-03-31');
    expect(closings()).toBe(1);
  });
});

describe('a closing has one closing entry', () => {
  it('refuses a second closing entry beside the first, and any once the closing has its entry', () => {
    books();
    expect(inTransaction(() => {
      const id = insertClosing(2024, '2024-12-31');
      closingEntry(id);
      closingEntry(id);
    })).toThrow('closing.entryMismatch');
    expect(inTransaction(() => {
      const id = insertClosing(2024, '2024-12-31');
      const entry = closingEntry(id);
      f.env.db.prepare('UPDATE fiscal_year_closings SET entry_id = ? WHERE id = ?').run(entry.id, id);
      closingEntry(id);
    })).toThrow(/closing\.entryMismatch|entry\.yearClosed/);
    expect(closings()).toBe(0);
    expect(f.env.db.prepare("SELECT COUNT(*) FROM journal_entries WHERE source_type = 'closing'").pluck().get()).toBe(0);
  });

  it('its entry is dated on the closing date', () => {
    books();
    expect(inTransaction(() => {
      const id = insertClosing(2024, '2024-12-31');
      const entry = closingEntry(id, '2024-12-30');
      f.env.db.prepare('UPDATE fiscal_year_closings SET entry_id = ? WHERE id = ?').run(entry.id, id);
    })).toThrow('closing.immutable');
    expect(closings()).toBe(0);
  });
});

describe('a year is reopened only by its reversal, on its date, within the year, with a reason', () => {
  const reopen = (closingId: number, voidedOn: string, reason: string, voidEntryId: number | null) =>
    f.env.db.prepare(`UPDATE fiscal_year_closings SET voided_on = ?, voided_at = 'x', voided_by = 'sqlite3', void_reason = ?, void_entry_id = ?
                       WHERE id = ?`).run(voidedOn, reason, voidEntryId, closingId);
  const reversalOf = (entryId: number, date: string, closingId: number) => reverseDocumentEntry(f.env.db, testContext, entryId, date, {
    description: 'Reapertura a mano', sourceType: 'closing_void', sourceId: closingId,
  });

  it('refuses a reopening dated apart from its reversal, outside the year, or without a reason', () => {
    books();
    const { closing } = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024, date: '2024-12-20' });
    const { id, entryId } = closing!;
    expect(inTransaction(() => reopen(id, '2024-12-28', 'Venta olvidada', reversalOf(entryId!, '2024-12-22', id).id)))
      .toThrow('closing.immutable');
    // Its reversal cannot leave the year (the entry is refused), so neither can the reopening.
    expect(inTransaction(() => reopen(id, '2025-01-05', 'Venta olvidada', reversalOf(entryId!, '2025-01-05', id).id)))
      .toThrow('closing.entryMismatch');
    expect(inTransaction(() => reopen(id, '2024-12-22', '   ', reversalOf(entryId!, '2024-12-22', id).id)))
      .toThrow('closing.reopenReasonRequired');
    expect(f.api.listFiscalYearClosings({ associationId: f.associationId }).find((y) => y.fiscalYear === 2024)?.status).toBe('closed');
    // The same reopening, as Khipu writes it, is accepted.
    f.env.db.transaction(() => reopen(id, '2024-12-22', 'Venta olvidada', reversalOf(entryId!, '2024-12-22', id).id))();
    expect(f.api.listFiscalYearClosings({ associationId: f.associationId }).find((y) => y.fiscalYear === 2024)?.status).toBe('open');
  });

  it('a closing without an entry reopens on or after its date, within the year', () => {
    f = reportsFixture();
    f.post('2024-02-10', 'Capital inicial', [['cash', 100_000], ['member_capital_contributions', -100_000]]);
    const { closing } = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024, date: '2024-12-20' });
    expect(closing!.entryId).toBeNull();
    expect(inTransaction(() => reopen(closing!.id, '2024-12-19', 'Error', null))).toThrow('closing.reopenNotInYear');
    expect(inTransaction(() => reopen(closing!.id, '2025-01-02', 'Error', null))).toThrow('closing.reopenNotInYear');
    reopen(closing!.id, '2024-12-31', 'Error', null);
    expect(f.env.db.prepare('SELECT voided_on FROM fiscal_year_closings WHERE id = ?').pluck().get(closing!.id)).toBe('2024-12-31');
  });
});
