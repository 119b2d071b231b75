import { describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { insertEntry } from '../journal/post';
import { testContext } from '../testing/temp-db';
import { freshSalesFixture, type SalesFixture } from './testing';

// Version 17's triggers: sales and collections defend themselves against raw SQL, as sqlite3 or
// Python could write it. Each write runs in a transaction, so a refusal leaves nothing behind.

let f: SalesFixture;
freshSalesFixture((fixture) => { f = fixture; });
const inTransaction = (work: () => void) => () => f.db.transaction(work)();

function creditSale() {
  const cheese = f.product('Queso andino', { salePrice: 2_000 });
  f.receive(cheese, 10 * 1000, 1_000);
  const buyer = f.buyer('Doña Julia');
  const sale = f.api.recordSale({
    associationId: f.associationId, date: '2026-03-10', partyId: buyer, documentKind: 'nota_venta', payment: 'credit',
    dueDate: '2026-03-31', lines: [{ productId: cheese, quantity: 2_000 }],
  });
  return { cheese, buyer, sale };
}

describe('a sale changes only by counting a print or by its void', () => {
  it('refuses edits of its amounts, buyer, document or lines, and any delete', () => {
    const { sale } = creditSale();
    for (const change of ['total = total + 100, subtotal = subtotal + 100', 'party_id = NULL', "document_number = 'X'", "due_date = '2026-12-31'",
      'print_count = print_count + 2']) {
      expect(inTransaction(() => f.db.prepare(`UPDATE sales SET ${change} WHERE id = ?`).run(sale.id)), change).toThrow(/sale\.immutable|CHECK/);
    }
    expect(inTransaction(() => f.db.prepare('DELETE FROM sales WHERE id = ?').run(sale.id))).toThrow('sale.immutable');
    expect(inTransaction(() => f.db.prepare('UPDATE sale_lines SET amount = 1 WHERE sale_id = ?').run(sale.id))).toThrow('sale.immutable');
    expect(inTransaction(() => f.db.prepare('DELETE FROM sale_lines WHERE sale_id = ?').run(sale.id))).toThrow('sale.immutable');
    expect(inTransaction(() => f.db.prepare(`INSERT INTO sale_lines (sale_id, line_no, product_id, quantity, unit_price, amount, cost)
      SELECT sale_id, 2, product_id, 1000, 1, 1, 0 FROM sale_lines WHERE sale_id = ?`).run(sale.id))).toThrow('sale.immutable');
    expect(f.db.prepare('UPDATE sales SET print_count = print_count + 1 WHERE id = ?').run(sale.id).changes).toBe(1);
  });

  it('is voided only with its own posted sale_void reversal, dated on the void date', () => {
    const { sale } = creditSale();
    const manual = f.api.postEntry({
      associationId: f.associationId, date: '2026-03-12', description: 'A mano',
      lines: [{ accountId: f.roleId('bank'), amount: 500 }, { accountId: f.roleId('cash'), amount: -500 }],
    });
    expect(inTransaction(() => f.db.prepare(`UPDATE sales SET voided_on = '2026-03-12', voided_at = 'x', void_reason = 'x',
      void_entry_id = ? WHERE id = ?`).run(manual.id, sale.id))).toThrow('sale.immutable');
    // Its entry is reversed only by voiding the sale.
    expect(dispatch(f.api, 'reverseEntry', { entryId: sale.entryId, date: '2026-03-12', reason: 'a mano' }))
      .toMatchObject({ ok: false, error: { code: 'entry.ownedByDocument' } });
  });

  it('is inserted only with its own posted entry and lines that add up to its subtotal, numbered without gaps', () => {
    const { cheese, sale } = creditSale();
    const id = sale.id + 1;
    const insert = (row: { subtotal: number; notaNumber: number | null; entryId?: number; kind?: string }) => {
      const entry = insertEntry(f.db, testContext, {
        associationId: f.associationId, date: '2026-03-11', description: 'Venta a mano', sourceType: 'sale', sourceId: id,
        lines: [{ accountId: f.roleId('cash'), amount: 2_000 }, { accountId: f.roleId('sales_products'), amount: -2_000 }],
      });
      f.db.prepare(`INSERT INTO sale_lines (sale_id, line_no, product_id, quantity, unit_price, amount, cost) VALUES (?, 1, ?, 1000, 2000, 2000, 0)`)
        .run(id, cheese);
      f.db.prepare(`INSERT INTO sales (id, association_id, date, document_kind, nota_series, nota_number, subtotal, igv, total, payment,
          account_id, entry_id, created_at, created_by) VALUES (?, ?, '2026-03-11', ?, ?, ?, ?, 0, ?, 'cash', ?, ?, 'x', 'sqlite3')`)
        .run(id, f.associationId, row.kind ?? 'nota_venta', row.notaNumber === null ? null : '001', row.notaNumber, row.subtotal, row.subtotal,
          f.roleId('cash'), row.entryId ?? entry.id);
    };
    expect(inTransaction(() => insert({ subtotal: 2_000, notaNumber: 3 }))).toThrow('sale.numberGap');
    expect(inTransaction(() => insert({ subtotal: 2_500, notaNumber: 2 }))).toThrow('sale.linesMismatch');
    expect(inTransaction(() => insert({ subtotal: 2_000, notaNumber: 2, entryId: sale.entryId }))).toThrow('sale.entryMismatch');
    expect(inTransaction(() => insert({ subtotal: 2_000, notaNumber: null, kind: 'none' }))).not.toThrow();
  });
});

describe('a collection', () => {
  it('cannot be edited, deleted or given allocations after it is written; a sale it paid cannot be voided by hand', () => {
    const { buyer, sale } = creditSale();
    const collection = f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-15', amount: 1_500 });
    expect(inTransaction(() => f.db.prepare('UPDATE sale_collections SET amount = 1 WHERE id = ?').run(collection.id))).toThrow('saleCollection.immutable');
    expect(inTransaction(() => f.db.prepare('DELETE FROM sale_collections WHERE id = ?').run(collection.id))).toThrow('saleCollection.immutable');
    expect(inTransaction(() => f.db.prepare('UPDATE collection_allocations SET amount = 1').run())).toThrow('saleCollection.immutable');
    expect(inTransaction(() => f.db.prepare('DELETE FROM collection_allocations').run())).toThrow('saleCollection.immutable');
    expect(inTransaction(() => f.db.prepare('INSERT INTO collection_allocations (collection_id, sale_id, amount) VALUES (?, ?, 1)')
      .run(collection.id, sale.id))).toThrow('saleCollection.immutable');
    // The sale's void by hand, even with a proper reversal, waits for the collection's void.
    expect(inTransaction(() => {
      const reversal = insertEntry(f.db, testContext, {
        associationId: f.associationId, date: '2026-03-16', description: 'Anulación a mano', sourceType: 'sale_void', sourceId: sale.id,
        lines: [{ accountId: f.roleId('receivable_customers'), amount: -4_000, partyId: buyer }, { accountId: f.roleId('sales_products'), amount: 4_000 }],
      }, { reversesEntryId: sale.entryId });
      f.db.prepare('UPDATE journal_entries SET reversed_by_entry_id = ? WHERE id = ?').run(reversal.id, sale.entryId);
      f.db.prepare(`UPDATE sales SET voided_on = '2026-03-16', voided_at = 'x', void_reason = 'x', void_entry_id = ? WHERE id = ?`)
        .run(reversal.id, sale.id);
    })).toThrow('sale.hasCollections');
  });

  it('is inserted only paying live credit sales of its buyer, never beyond their total or its own amount', () => {
    const { buyer, sale } = creditSale();
    const next = (f.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM sale_collections').get() as { id: number }).id;
    const write = (allocation: number, amount: number, partyId = buyer) => {
      const entry = insertEntry(f.db, testContext, {
        associationId: f.associationId, date: '2026-03-15', description: 'Cobro a mano', sourceType: 'sale_collection', sourceId: next,
        lines: [{ accountId: f.roleId('cash'), amount }, { accountId: f.roleId('receivable_customers'), amount: -amount, partyId }],
      });
      f.db.prepare('INSERT INTO collection_allocations (collection_id, sale_id, amount) VALUES (?, ?, ?)').run(next, sale.id, allocation);
      f.db.prepare(`INSERT INTO sale_collections (id, association_id, series, number, date, party_id, account_id, amount, owed_after,
          entry_id, created_at, created_by) VALUES (?, ?, '002', 1, '2026-03-15', ?, ?, ?, 0, ?, 'x', 'sqlite3')`)
        .run(next, f.associationId, partyId, f.roleId('cash'), amount, entry.id);
    };
    expect(inTransaction(() => write(4_001, 5_000))).toThrow('saleCollection.saleNotOpen');
    expect(inTransaction(() => write(3_000, 2_000))).toThrow('saleCollection.allocationsExceedAmount');
    expect(inTransaction(() => write(1_000, 1_000, f.buyer('El Tambo')))).toThrow('saleCollection.saleNotOpen');
    expect(inTransaction(() => write(4_000, 4_000))).not.toThrow();
  });
});
