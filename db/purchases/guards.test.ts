import { describe, expect, it } from 'vitest';
import { insertEntry } from '../journal/post';
import { testContext } from '../testing/temp-db';
import { freshPurchasesFixture, type PurchasesFixture } from './testing';

// Version 15: purchases defend themselves as every document does. Each test writes raw SQL on a real
// file, as sqlite3 or Python could, and expects the trigger's refusal; writes run in a transaction,
// so a refusal leaves nothing behind.

let f: PurchasesFixture;
freshPurchasesFixture((fixture) => { f = fixture; });

const inTransaction = (work: () => void) => () => f.db.transaction(work)();
const nextId = () => (f.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM purchases').get() as { id: number }).id;

const credit = () => f.api.recordPurchase({
  associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'boleta', documentNumber: 'B001-9',
  payment: 'credit', dueDate: '2026-04-10', lines: [{ description: 'Flete', amount: 5_000, category: 'transport' }],
});

/** A purchase's own entry, posted as Khipu posts it. */
function purchaseEntry(purchaseId: number, amount: number, sourceType = 'purchase', date = '2026-03-10') {
  return insertEntry(f.db, testContext, {
    associationId: f.associationId, date, description: 'Compra a mano', sourceType, sourceId: purchaseId,
    lines: [{ accountId: f.roleId('transport_expense'), amount }, { accountId: f.roleId('payable_suppliers'), amount: -amount, partyId: f.supplierId }],
  });
}
function insertLine(purchaseId: number, amount: number) {
  f.db.prepare(`INSERT INTO purchase_lines (purchase_id, line_no, description, amount, category, account_id)
      VALUES (?, 1, 'Flete', ?, 'transport', ?)`).run(purchaseId, amount, f.roleId('transport_expense'));
}
/** A purchase row without IGV, due ten days later; `total` and `payment` let a test break the row's own rules. */
function insertPurchase(id: number, subtotal: number, entryId: number, row: { total?: number; payment?: 'cash' | 'credit' } = {}) {
  f.db.prepare(`INSERT INTO purchases (id, association_id, date, party_id, document_kind, subtotal, igv, total, payment, due_date,
      entry_id, created_at, created_by) VALUES (?, ?, '2026-03-10', ?, 'none', ?, 0, ?, ?, '2026-03-20', ?, 'x', 'sqlite3')`)
    .run(id, f.associationId, f.supplierId, subtotal, row.total ?? subtotal, row.payment ?? 'credit', entryId);
}

describe('a purchase written by hand', () => {
  it('is accepted with its own posted entry and lines that add up (the guard is not simply "never")', () => {
    inTransaction(() => {
      const id = nextId();
      const entry = purchaseEntry(id, 3_000);
      insertLine(id, 3_000);
      insertPurchase(id, 3_000, entry.id);
    })();
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM purchases').get()).toEqual({ n: 1 });
  });

  it('is refused without its own entry, with lines that do not add up, or already voided', () => {
    const id = nextId();
    expect(inTransaction(() => {
      const entry = purchaseEntry(id + 1, 3_000);
      insertLine(id, 3_000);
      insertPurchase(id, 3_000, entry.id);
    })).toThrow('purchase.entryMismatch');
    expect(inTransaction(() => {
      const entry = purchaseEntry(id, 3_000);
      insertLine(id, 2_999);
      insertPurchase(id, 3_000, entry.id);
    })).toThrow('purchase.linesMismatch');
    expect(inTransaction(() => {
      const entry = purchaseEntry(id, 3_000);
      insertLine(id, 3_000);
      f.db.prepare(`INSERT INTO purchases (id, association_id, date, party_id, document_kind, subtotal, igv, total, payment, due_date,
          entry_id, voided_on, voided_at, void_reason, void_entry_id, created_at, created_by)
          VALUES (?, ?, '2026-03-10', ?, 'none', 3000, 0, 3000, 'credit', '2026-03-20', ?, '2026-03-10', 'x', 'x', ?, 'x', 'x')`)
        .run(id, f.associationId, f.supplierId, entry.id, entry.id);
    })).toThrow('purchase.immutable');
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM purchases').get()).toEqual({ n: 0 });
  });

  it('refuses a total that is not subtotal + IGV, and a cash purchase due another day', () => {
    const id = nextId();
    expect(inTransaction(() => {
      const entry = purchaseEntry(id, 3_000);
      insertLine(id, 3_000);
      insertPurchase(id, 3_000, entry.id, { total: 3_001 });
    })).toThrow(/CHECK constraint/);
    expect(inTransaction(() => {
      const entry = purchaseEntry(id, 3_000);
      insertLine(id, 3_000);
      insertPurchase(id, 3_000, entry.id, { payment: 'cash' });
    })).toThrow(/CHECK constraint/);
  });
});

describe('a recorded purchase', () => {
  it('is never changed, never deleted; nor are its lines, nor new lines added', () => {
    const purchase = credit();
    expect(() => f.db.prepare('UPDATE purchases SET total = 1, subtotal = 1 WHERE id = ?').run(purchase.id)).toThrow('purchase.immutable');
    expect(() => f.db.prepare("UPDATE purchases SET due_date = '2027-01-01' WHERE id = ?").run(purchase.id)).toThrow('purchase.immutable');
    expect(() => f.db.prepare('DELETE FROM purchases WHERE id = ?').run(purchase.id)).toThrow('purchase.immutable');
    expect(() => f.db.prepare('UPDATE purchase_lines SET amount = 1').run()).toThrow('purchase.immutable');
    expect(() => f.db.prepare('DELETE FROM purchase_lines').run()).toThrow('purchase.immutable');
    expect(() => insertLine(purchase.id, 100)).toThrow('purchase.immutable');
    expect(f.api.getPurchase({ purchaseId: purchase.id }).total).toBe(5_000);
  });

  it('is voided only by its own posted purchase_void entry that reverses its entry, dated on the void date, and only once', () => {
    const purchase = credit();
    const stray = f.db.transaction(() => purchaseEntry(purchase.id, -5_000, 'purchase_void', '2026-03-12'))();
    expect(() => f.db.prepare(`UPDATE purchases SET voided_on = '2026-03-12', voided_at = 'x', void_reason = 'a mano', void_entry_id = ?
        WHERE id = ?`).run(stray.id, purchase.id)).toThrow('purchase.immutable');
    const voided = f.api.voidPurchase({ purchaseId: purchase.id, date: '2026-03-12', reason: 'Error' });
    expect(() => f.db.prepare("UPDATE purchases SET void_reason = 'otra' WHERE id = ?").run(purchase.id)).toThrow('purchase.immutable');
    expect(voided.status).toBe('voided');
  });

  it('keeps a joint purchase while a share\'s charge is live, and its shares never change', () => {
    const rosa = f.member('Rosa Quispe Huamán');
    const purchase = f.api.recordPurchase({
      associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none', payment: 'credit',
      dueDate: '2026-04-10', lines: [{ description: 'Semilla', quantity: 100_000, amount: 9_000, category: 'joint' }],
      jointShares: { by: 'quantity', members: [{ memberId: rosa, quantity: 100_000 }] },
    });
    expect(() => f.db.prepare('UPDATE joint_purchase_shares SET amount = 1').run()).toThrow('purchase.immutable');
    expect(() => f.db.prepare('DELETE FROM joint_purchase_shares').run()).toThrow('purchase.immutable');
    expect(inTransaction(() => {
      const reversal = insertEntry(f.db, testContext, {
        associationId: f.associationId, date: '2026-03-12', description: 'Anulación a mano', sourceType: 'purchase_void',
        sourceId: purchase.id, lines: [
          { accountId: f.roleId('receivable_other'), amount: -9_000 },
          { accountId: f.roleId('payable_suppliers'), amount: 9_000, partyId: f.supplierId },
        ],
      }, { reversesEntryId: purchase.entryId });
      f.db.prepare('UPDATE journal_entries SET reversed_by_entry_id = ? WHERE id = ?').run(reversal.id, purchase.entryId);
      f.db.prepare(`UPDATE purchases SET voided_on = '2026-03-12', voided_at = 'x', void_reason = 'a mano', void_entry_id = ?
          WHERE id = ?`).run(reversal.id, purchase.id);
    })).toThrow('purchase.sharesLive');
  });
});
