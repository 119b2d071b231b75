import { afterEach, describe, expect, it } from 'vitest';
import { expectCataloguedError, khipuError } from '../../shared/testing/errors';
import { dispatch } from '../api';
import { reportsFixture, type ReportsFixture } from '../reports/testing';

// Closing a fiscal year on a real SQLite file (the fixture's clock reads 15/03/2026).

let f: ReportsFixture;
afterEach(() => f.env.cleanup());

/** Two years of books: 2024 a surplus of S/ 300.00, 2025 a deficit of S/ 50.00. */
function twoYears(startMonth = 1): ReportsFixture {
  f = reportsFixture({ fiscalYearStartMonth: startMonth });
  f.post('2024-02-10', 'Capital inicial', [['cash', 100_000], ['member_capital_contributions', -100_000]]);
  f.post('2024-05-10', 'Venta de miel', [['cash', 50_000], ['sales_products', -50_000]]);
  f.post('2024-06-10', 'Flete', [['transport_expense', 20_000], ['cash', -20_000]]);
  f.post('2025-03-10', 'Cuotas', [['cash', 10_000], ['dues_income', -10_000]]);
  f.post('2025-04-10', 'Flete', [['transport_expense', 15_000], ['cash', -15_000]]);
  return f;
}

const closingEntry = (entryId: number) =>
  f.env.db.prepare('SELECT source_type, source_id, date, description FROM journal_entries WHERE id = ?').get(entryId) as
    { source_type: string; source_id: number; date: string; description: string };
const lines = (entryId: number) =>
  f.env.db.prepare('SELECT account_id AS accountId, amount FROM journal_lines WHERE entry_id = ? ORDER BY line_no').all(entryId);

describe('closeFiscalYear', () => {
  it('moves every income and expense balance of the year into 591 by one marked entry on the last day', () => {
    twoYears();
    const view = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    expect(view.status).toBe('closed');
    expect(view).toMatchObject({ from: '2024-01-01', to: '2024-12-31', totalIncome: 50_000, totalExpenses: 20_000, result: 30_000 });
    expect(view.resultAccount?.code).toBe('591');
    const entryId = view.closing!.entryId!;
    expect(closingEntry(entryId)).toMatchObject({ source_type: 'closing', source_id: view.closing!.id, date: '2024-12-31' });
    expect(lines(entryId)).toEqual([
      { accountId: f.role('transport_expense'), amount: -20_000 },
      { accountId: f.role('sales_products'), amount: 50_000 },
      { accountId: f.role('accumulated_results'), amount: -30_000 },
    ]);
    const audit = f.env.db.prepare("SELECT details FROM audit_log WHERE operation = 'closeFiscalYear'").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ fiscalYear: 2024, result: 30_000, entryId });
  });

  it('puts a deficit in 592', () => {
    twoYears();
    f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    const view = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2025 });
    expect(view.result).toBe(-5_000);
    expect(view.resultAccount?.code).toBe('592');
    expect(lines(view.closing!.entryId!)).toContainEqual({ accountId: f.role('accumulated_losses'), amount: 5_000 });
  });

  it('follows the fiscal-year start month', () => {
    twoYears(4); // April to March: 2024-02-10 belongs to fiscal year 2023
    const view = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2023 });
    expect(view).toMatchObject({ from: '2023-04-01', to: '2024-03-31', result: 0 });
    expect(view.closing!.entryId).toBeNull(); // only capital: nothing to close
    const next = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    expect(next).toMatchObject({ from: '2024-04-01', to: '2025-03-31', totalIncome: 60_000, totalExpenses: 20_000 });
    expect(closingEntry(next.closing!.entryId!).date).toBe('2025-03-31');
  });

  it('refuses a year that has not ended, a year already closed, and years out of order', () => {
    twoYears();
    const notEnded = khipuError(() => f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2026 }));
    expectCataloguedError(notEnded, 'closing.yearNotEnded', 'fiscalYear');
    expect(notEnded.message).toContain('31/12/2026');
    expectCataloguedError(khipuError(() => f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2025 })),
      'closing.earlierYearOpen', 'fiscalYear');
    f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    const twice = khipuError(() => f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 }));
    expectCataloguedError(twice, 'closing.alreadyClosed', 'fiscalYear');
    expect(twice.message).toBe('El año 2024 ya está cerrado (cierre del 31/12/2024). Para cerrarlo de nuevo, primero reábralo.');
    expect(f.env.db.prepare("SELECT COUNT(*) AS n FROM journal_entries WHERE source_type = 'closing'").get()).toEqual({ n: 1 });
  });

  it('refuses a date outside the year, before its last movement, or in a locked period', () => {
    twoYears();
    expectCataloguedError(khipuError(() => f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024, date: '2025-01-01' })),
      'closing.dateOutsideYear', 'date');
    expectCataloguedError(khipuError(() => f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024, date: '2024-06-01' })),
      'closing.entriesAfterDate', 'date');
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2024-12-31' });
    expectCataloguedError(khipuError(() => f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 })),
      'closing.locked', 'date');
    expect(f.api.listFiscalYearClosings({ associationId: f.associationId }).every((y) => y.status === 'open')).toBe(true);
  });

  it('accepts a date after the last movement of the year', () => {
    twoYears();
    const view = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024, date: '2024-06-10' });
    expect(closingEntry(view.closing!.entryId!).date).toBe('2024-06-10');
  });
});

describe('a closed year', () => {
  it('takes no new entry, and its closing entry is undone only by reopening', () => {
    twoYears();
    const { closing } = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    expect(() => f.post('2024-11-30', 'Venta tardía', [['cash', 1_000], ['sales_products', -1_000]])).toThrow(expect.objectContaining({ code: 'entry.yearClosed', field: 'date' }));
    const viaDispatch = dispatch(f.api, 'postEntry', {
      associationId: f.associationId, date: '2024-11-30', description: 'Venta tardía',
      lines: [{ accountId: f.role('cash'), amount: 1_000 }, { accountId: f.role('sales_products'), amount: -1_000 }],
    });
    expect(viaDispatch).toMatchObject({ ok: false, error: { code: 'entry.yearClosed', field: 'date' } });
    expect(() => f.api.reverseEntry({ entryId: closing!.entryId!, date: '2024-12-31', reason: 'Prueba' })).toThrow();
    f.post('2025-05-01', 'Venta', [['cash', 1_000], ['sales_products', -1_000]]); // the next year is open
  });

  it('reopens by reversing the closing entry (closing_void, same source) and can close again', () => {
    twoYears();
    const closed = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    const reopened = f.api.reopenFiscalYear({ associationId: f.associationId, fiscalYear: 2024, date: '2024-12-31', reason: 'Falta una venta' });
    expect(reopened.status).toBe('open');
    expect(reopened.closing).toMatchObject({ id: closed.closing!.id, voidedOn: '2024-12-31', voidReason: 'Falta una venta' });
    const reversal = closingEntry(reopened.closing!.voidEntryId!);
    expect(reversal).toMatchObject({ source_type: 'closing_void', source_id: closed.closing!.id });
    f.post('2024-12-20', 'Venta olvidada', [['cash', 5_000], ['sales_products', -5_000]]);
    const again = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    expect(again.result).toBe(35_000);
    const [year2024] = f.api.listFiscalYearClosings({ associationId: f.associationId }).filter((y) => y.fiscalYear === 2024);
    expect(year2024).toMatchObject({ status: 'closed', closing: { id: again.closing!.id } });
    expect(year2024!.reopened.map((c) => c.id)).toEqual([closed.closing!.id]);
    const printedOld = f.api.getFiscalYearClosing({ associationId: f.associationId, fiscalYear: 2024, closingId: closed.closing!.id });
    expect(printedOld).toMatchObject({ status: 'closed', result: 30_000, closing: { voidedOn: '2024-12-31' } });
  });

  it('reopens newest first, within the closed year, outside the locked period', () => {
    twoYears();
    f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2025 });
    expectCataloguedError(khipuError(() => f.api.reopenFiscalYear({ associationId: f.associationId, fiscalYear: 2024, date: '2024-12-31', reason: 'x' })),
      'closing.laterYearClosed', 'fiscalYear');
    expectCataloguedError(khipuError(() => f.api.reopenFiscalYear({ associationId: f.associationId, fiscalYear: 2025, date: '2026-01-05', reason: 'x' })),
      'closing.reopenDate', 'date');
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2025-12-31' });
    expectCataloguedError(khipuError(() => f.api.reopenFiscalYear({ associationId: f.associationId, fiscalYear: 2025, date: '2025-12-31', reason: 'x' })),
      'closing.locked', 'date');
    expectCataloguedError(khipuError(() => f.api.reopenFiscalYear({ associationId: f.associationId, fiscalYear: 2026, date: '2026-12-31', reason: 'x' })),
      'closing.notClosed', 'fiscalYear');
  });

  it('the database refuses editing, deleting or forging closings', () => {
    twoYears();
    const { closing } = f.api.closeFiscalYear({ associationId: f.associationId, fiscalYear: 2024 });
    const db = f.env.db;
    expect(() => db.prepare('UPDATE fiscal_year_closings SET date = ? WHERE id = ?').run('2024-12-30', closing!.id)).toThrow('closing.immutable');
    expect(() => db.prepare('UPDATE fiscal_year_closings SET voided_on = ?, voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?')
      .run('2024-12-31', 'x', 'x', 'x', closing!.id)).toThrow('closing.immutable'); // voided without reversing the entry
    expect(() => db.prepare('DELETE FROM fiscal_year_closings WHERE id = ?').run(closing!.id)).toThrow('closing.immutable');
    expect(() => db.prepare(`INSERT INTO fiscal_year_closings (association_id, fiscal_year, date, closed_at, closed_by)
                             VALUES (?, 2023, '2023-12-31', 'x', 'x')`).run(f.associationId)).toThrow('closing.laterYearClosed');
    expect(() => db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, source_type, source_id,
        created_at, created_by) VALUES (?, 2025, 3, '2025-12-31', 'Cierre falso', 'closing', 999, 'x', 'x')`).run(f.associationId))
      .toThrow('closing.entryMismatch');
  });
});
