import { describe, expect, it } from 'vitest';
import { insertEntry, type PostedEntry } from '../journal/post';
import { reverseDocumentEntry } from '../contributions/receipts';
import { writeTransaction } from './write';
import { DUE, FINE, freshFixtureEachTest, type ContributionsFixture } from '../contributions/testing';
import { tempDatabase, testContext } from '../testing/temp-db';
import { join } from 'node:path';
import { createLedgerApi, dispatch } from '../api';
import { openLedgerDatabase } from './open';
import { migrations } from './migrations';

// Version 9: whatever writes to the file (Khipu, sqlite3, Python), the database refuses what would
// make its books lie. Every test here writes raw SQL on a real file and expects the refusal.

let f: ContributionsFixture;
let rosa: number;
freshFixtureEachTest((fixture, member) => { f = fixture; rosa = member; });


function manualEntry(date = '2026-03-02', amount = 1_000): PostedEntry {
  return f.api.postEntry({
    associationId: f.associationId, date, description: 'Depósito de caja en el banco',
    lines: [{ accountId: f.roleId('bank'), amount }, { accountId: f.roleId('cash'), amount: -amount }],
  });
}

interface EntryRow { id: number; association_id: number; fiscal_year: number; date: string; source_type: string | null; source_id: number | null }
const entry = (id: number) => f.db.prepare('SELECT * FROM journal_entries WHERE id = ?').get(id) as EntryRow;

/** A raw INSERT of an entry header that reverses `originalId`, with the next gapless number. */
function rawReversalHeader(originalId: number, sourceType: string | null, sourceId: number | null, date = '2026-03-20'): void {
  const original = entry(originalId);
  f.db.prepare(
    `INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, source_type, source_id,
       reverses_entry_id, created_at, created_by)
     SELECT ?, ?, COALESCE(MAX(number), 0) + 1, ?, 'Reversión a mano', ?, ?, ?, '2026-03-20T00:00:00Z', 'sqlite3'
       FROM journal_entries WHERE association_id = ? AND fiscal_year = ?`,
  ).run(original.association_id, original.fiscal_year, date, sourceType, sourceId, originalId, original.association_id, original.fiscal_year);
}

describe('reversal links', () => {
  it('reversed_by_entry_id is set only to the entry that reverses this one', () => {
    const a = manualEntry();
    const b = manualEntry();
    expect(() => f.db.prepare('UPDATE journal_entries SET reversed_by_entry_id = ? WHERE id = ?').run(b.id, a.id))
      .toThrow('entry.reversalLink');
    const reversal = f.api.reverseEntry({ entryId: a.id, date: '2026-03-03', reason: 'Monto equivocado' });
    expect(entry(a.id)).toMatchObject({ id: a.id });
    expect((f.db.prepare('SELECT reversed_by_entry_id AS r FROM journal_entries WHERE id = ?').get(a.id) as { r: number }).r)
      .toBe(reversal.id);
    // Once set, the link never moves nor clears.
    expect(() => f.db.prepare('UPDATE journal_entries SET reversed_by_entry_id = ? WHERE id = ?').run(b.id, a.id)).toThrow('entry.immutable');
    expect(() => f.db.prepare('UPDATE journal_entries SET reversed_by_entry_id = NULL WHERE id = ?').run(a.id)).toThrow('entry.immutable');
  });

  it('an entry reverses only a posted entry of its association, on or after its date, that is not a reversal', () => {
    const a = manualEntry('2026-03-10');
    expect(() => rawReversalHeader(a.id, 'reversal', a.id, '2026-03-09')).toThrow('entry.reversalLink');
    const reversal = f.api.reverseEntry({ entryId: manualEntry().id, date: '2026-03-03', reason: 'Duplicado' });
    expect(() => rawReversalHeader(reversal.id, 'reversal', reversal.id)).toThrow('entry.reversalLink');
    const other = f.api.createAssociation({ name: 'Comité de Regantes Chacapampa', legalForm: 'comite', ubigeo: '030601' }).id;
    const foreign = f.api.postEntry({
      associationId: other, date: '2026-03-02', description: 'Aporte',
      lines: [
        { accountId: f.api.listAccounts({ associationId: other }).find((x) => x.role === 'cash')!.id, amount: 500 },
        { accountId: f.api.listAccounts({ associationId: other }).find((x) => x.role === 'bank')!.id, amount: -500 },
      ],
    });
    expect(() => f.db.prepare(
      `INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, source_type, source_id, reverses_entry_id, created_at, created_by)
       SELECT ?, 2026, COALESCE(MAX(number), 0) + 1, '2026-03-20', 'x', 'reversal', ?, ?, 'x', 'x' FROM journal_entries WHERE association_id = ? AND fiscal_year = 2026`,
    ).run(f.associationId, foreign.id, foreign.id, f.associationId)).toThrow('entry.reversalLink');
  });
});

describe("a document's entry is reversed only by voiding that document (one rule for every type)", () => {
  function documentEntries() {
    const dues = f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03' });
    const charge = f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FINE), date: '2026-03-02', amount: 2_000 });
    const inKind = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId('Faena (aporte en especie)'), date: '2026-03-03',
      description: 'Limpieza del canal', quantity: 1000, value: 4_000,
    });
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-04', amount: 700 });
    const voided = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-05', amount: 300 });
    const voidEntry = f.api.voidReceipt({ receiptId: voided.id, date: '2026-03-06', reason: 'Monto equivocado' }).voided!.entryId;
    // A document type Khipu does not have yet: a purchase, with the same convention.
    const purchase = writeTransaction(f.db, () => insertEntry(f.db, testContext, {
      associationId: f.associationId, date: '2026-03-07', description: 'Compra de alimento balanceado', sourceType: 'purchase', sourceId: 41,
      lines: [{ accountId: f.roleId('services_expense'), amount: 5_000 }, { accountId: f.roleId('cash'), amount: -5_000 }],
    }));
    return {
      dues: dues.entryId!, charge: charge.entryId, in_kind: inKind.entryId, receipt: receipt.entryId, receipt_void: voidEntry,
      purchase: purchase.id,
    };
  }

  it('refuses the generic reversal, by the operation and by raw SQL, for each document type', () => {
    const entries = documentEntries();
    for (const [type, id] of Object.entries(entries)) {
      expect(entry(id).source_type, type).toBe(type);
      const byOperation = dispatch(f.api, 'reverseEntry', { entryId: id, date: '2026-03-20', reason: 'Corrección' });
      // A void entry is itself a reversal: the operation says so before the database does.
      expect(byOperation, type).toMatchObject({ ok: false, error: { code: type === 'receipt_void' ? 'entry.isReversal' : 'entry.ownedByDocument' } });
      expect(() => rawReversalHeader(id, 'reversal', id), type).toThrow(type === 'receipt_void' ? /entry\.(ownedByDocument|reversalLink)/ : /entry\.ownedByDocument/);
      // Not even by a void of another type, or of another document of the same type.
      expect(() => rawReversalHeader(id, 'sale_void', entry(id).source_id), type).toThrow(/entry\.(ownedByDocument|reversalLink)/);
      expect(() => rawReversalHeader(id, `${type}_void`, (entry(id).source_id ?? 0) + 1000), type).toThrow(/entry\.(ownedByDocument|reversalLink)/);
    }
  });

  it("accepts the document's own void, for a document type added later too", () => {
    const { purchase } = documentEntries();
    const voided = writeTransaction(f.db, () => reverseDocumentEntry(f.db, testContext, purchase, '2026-03-21', {
      description: 'Anulación de la compra', sourceType: 'purchase_void', sourceId: 41,
    }));
    expect(entry(voided.id)).toMatchObject({ source_type: 'purchase_void', source_id: 41 });
  });

  it('a manual entry stays reversible by the generic reversal', () => {
    const manual = manualEntry();
    expect(f.api.reverseEntry({ entryId: manual.id, date: '2026-03-20', reason: 'Error' }).id).toBeGreaterThan(manual.id);
  });
});

describe('void fields change only by voiding', () => {
  it("a receipt's: only with its own posted reversal, dated on the void date; never cleared", () => {
    f.api.generateDues({ associationId: f.associationId, contributionTypeId: f.typeId(DUE), period: '2026-03' });
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-04', amount: 1_500 });
    const other = manualEntry();
    const setVoid = (entryId: number, date = '2026-03-05') => f.db
      .prepare("UPDATE receipts SET voided_on = ?, voided_at = 'x', void_reason = 'a mano', void_entry_id = ? WHERE id = ?")
      .run(date, entryId, receipt.id);
    expect(() => setVoid(other.id)).toThrow('document.voidWithoutEntry');
    expect(() => setVoid(receipt.entryId)).toThrow('document.voidWithoutEntry');
    // The allocations and the credit of a live receipt cannot be released by hand either.
    expect(() => f.db.prepare("UPDATE allocations SET voided_on = '2026-03-05' WHERE receipt_id = ?").run(receipt.id))
      .toThrow('document.voidWithoutEntry');
    expect(() => f.db.prepare("UPDATE member_credits SET voided_on = '2026-03-05' WHERE receipt_id = ?").run(receipt.id))
      .toThrow('document.voidWithoutEntry');

    const voided = f.api.voidReceipt({ receiptId: receipt.id, date: '2026-03-06', reason: 'Se registró dos veces' });
    expect(voided.status).toBe('voided');
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM allocations WHERE receipt_id = ? AND voided_on IS NULL').get(receipt.id)).toEqual({ n: 0 });
    expect(() => f.db.prepare('UPDATE receipts SET voided_on = NULL, voided_at = NULL, void_reason = NULL, void_entry_id = NULL WHERE id = ?').run(receipt.id))
      .toThrow('receipt.immutable');
    expect(() => f.db.prepare('UPDATE allocations SET voided_on = NULL WHERE receipt_id = ?').run(receipt.id)).toThrow('allocation.immutable');
    expect(() => f.db.prepare('UPDATE member_credits SET voided_on = NULL WHERE receipt_id = ?').run(receipt.id)).toThrow('receipt.immutable');
  });

  it("a charge's: only with its posted 'charge_void' entry; credit it used is released only by that void", () => {
    f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date: '2026-03-01', amount: 500 }); // credit in favour
    const charge = f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FINE), date: '2026-03-02', amount: 2_000 });
    expect(f.db.prepare("SELECT COUNT(*) AS n FROM allocations WHERE charge_id = ? AND source = 'credit'").get(charge.id)).toEqual({ n: 1 });
    const setVoid = (entryId: number) => f.db
      .prepare("UPDATE charges SET voided_on = '2026-03-05', void_reason = 'a mano', void_entry_id = ? WHERE id = ?")
      .run(entryId, charge.id);
    expect(() => setVoid(manualEntry().id)).toThrow('document.voidWithoutEntry');
    expect(() => setVoid(charge.entryId)).toThrow('document.voidWithoutEntry');
    expect(() => f.db.prepare("UPDATE allocations SET voided_on = '2026-03-05' WHERE charge_id = ?").run(charge.id))
      .toThrow('document.voidWithoutEntry');
    const voided = f.api.voidCharge({ chargeId: charge.id, date: '2026-03-05', reason: 'Multa puesta por error' });
    expect(voided.voided).toMatchObject({ date: '2026-03-05' });
    expect(() => f.db.prepare('UPDATE charges SET voided_on = NULL, void_reason = NULL, void_entry_id = NULL WHERE id = ?').run(charge.id))
      .toThrow('charge.immutable');
  });
});

describe('monthly snapshots are written only by posting', () => {
  it('refuses any direct insert, update or delete', () => {
    manualEntry();
    const cash = f.roleId('cash');
    expect(() => f.db.prepare(
      "INSERT INTO account_month_balances (association_id, account_id, month, debits, credits) VALUES (?, ?, '2026-04', 1, 0)",
    ).run(f.associationId, cash)).toThrow('snapshot.derived');
    expect(() => f.db.prepare('UPDATE account_month_balances SET credits = credits + 1 WHERE account_id = ?').run(cash)).toThrow('snapshot.derived');
    expect(() => f.db.prepare('UPDATE account_month_balances SET debits = debits - 1 WHERE account_id = ?').run(cash)).toThrow('snapshot.derived');
    expect(() => f.db.prepare('DELETE FROM account_month_balances').run()).toThrow('snapshot.derived');
    // The posting path still keeps them, and leaves no flag raised behind it.
    manualEntry('2026-03-03', 250);
    expect(f.db.prepare("SELECT credits FROM account_month_balances WHERE account_id = ? AND month = '2026-03'").get(cash)).toEqual({ credits: 1_250 });
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM posting_in_progress').get()).toEqual({ n: 0 });
  });
});

describe('no line outlives an unposted entry', () => {
  it('a draft with lines cannot be committed; nothing of it stays in the file', () => {
    const before = f.db.prepare('SELECT COUNT(*) AS entries, (SELECT COUNT(*) FROM journal_lines) AS lines FROM journal_entries').get();
    expect(() => f.db.transaction(() => {
      f.db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, created_at, created_by)
                    SELECT ?, 2026, COALESCE(MAX(number), 0) + 1, '2026-03-02', 'Borrador', 'x', 'x' FROM journal_entries
                     WHERE association_id = ? AND fiscal_year = 2026`).run(f.associationId, f.associationId);
      const id = (f.db.prepare('SELECT MAX(id) AS id FROM journal_entries').get() as { id: number }).id;
      f.db.prepare("INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount) VALUES (?, 1, ?, '2026-03-02', 700)").run(id, f.roleId('cash'));
      f.db.prepare("INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount) VALUES (?, 2, ?, '2026-03-02', -700)").run(id, f.roleId('bank'));
    })()).toThrow(/FOREIGN KEY constraint failed/);
    expect(f.db.prepare('SELECT COUNT(*) AS entries, (SELECT COUNT(*) FROM journal_lines) AS lines FROM journal_entries').get()).toEqual(before);
    // Nor line by line outside a transaction.
    expect(() => f.db.prepare("INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount) VALUES (?, 9, ?, '2026-03-02', 1)")
      .run(manualEntry().id, f.roleId('cash'))).toThrow('entry.immutable');
  });
});

describe('the association', () => {
  const lockDate = () => (f.db.prepare('SELECT lock_date AS d FROM associations WHERE id = ?').get(f.associationId) as { d: string | null }).d;

  it('changes its lock date only through setLockDate, audited; never cleared or moved back by hand', () => {
    expect(() => f.db.prepare("UPDATE associations SET lock_date = '2026-01-31' WHERE id = ?").run(f.associationId)).toThrow('lock.unaudited');
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-01-31' });
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-02-28' });
    expect(lockDate()).toBe('2026-02-28');
    expect(() => f.db.prepare('UPDATE associations SET lock_date = NULL WHERE id = ?').run(f.associationId)).toThrow('lock.unaudited');
    expect(() => f.db.prepare("UPDATE associations SET lock_date = '2026-01-31' WHERE id = ?").run(f.associationId)).toThrow('lock.unaudited');
    expect(() => f.db.prepare("UPDATE associations SET lock_date = '2026-03-31' WHERE id = ?").run(f.associationId)).toThrow('lock.unaudited');
    // An audit row that names another change does not open the door.
    f.db.prepare(`INSERT INTO audit_log (at, actor, association_id, operation, details)
                  VALUES ('x', 'sqlite3', ?, 'setLockDate', '{"from":"2026-02-28","to":null}')`).run(f.associationId);
    expect(() => f.db.prepare('UPDATE associations SET lock_date = NULL WHERE id = ?').run(f.associationId)).toThrow('lock.unaudited');
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-01-31', reason: 'Corregir un recibo de febrero' });
    expect(lockDate()).toBe('2026-01-31');
    const audit = f.db.prepare("SELECT details FROM audit_log WHERE operation = 'setLockDate' ORDER BY id DESC LIMIT 1").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ from: '2026-02-28', to: '2026-01-31', reason: 'Corregir un recibo de febrero' });
  });

  it('keeps its fiscal-year start once it has entries', () => {
    f.db.prepare('UPDATE associations SET fiscal_year_start_month = 4 WHERE id = ?').run(f.associationId);
    f.db.prepare('UPDATE associations SET fiscal_year_start_month = 1 WHERE id = ?').run(f.associationId);
    manualEntry();
    expect(() => f.db.prepare('UPDATE associations SET fiscal_year_start_month = 4 WHERE id = ?').run(f.associationId))
      .toThrow('association.fiscalYearFixed');
  });
});

describe('a file from before version 8', () => {
  it('upgrades with every line, balance and link kept, and then defends itself', () => {
    const env = tempDatabase(); // a folder to hold the old file
    try {
      const path = join(env.folder, 'v7.sqlite');
      const old = openLedgerDatabase(path, { migrations: migrations.filter((m) => m.version <= 7) });
      const api = createLedgerApi(old, { actor: testContext.actor, now: testContext.now });
      const associationId = api.createAssociation({ name: 'Asociación Apícola Wayta', legalForm: 'asociacion', ubigeo: '030601' }).id;
      const role = (r: string) => api.listAccounts({ associationId }).find((a) => a.role === r)!.id;
      const posted = [1, 2, 3].map((day) => api.postEntry({
        associationId, date: `2026-0${day}-10`, description: 'Venta de miel',
        lines: [{ accountId: role('cash'), amount: 1_000 * day }, { accountId: role('bank'), amount: -1_000 * day }],
      }));
      api.reverseEntry({ entryId: posted[1]!.id, date: '2026-03-11', reason: 'Duplicado' });
      const read = (db: typeof old) => ({
        lines: db.prepare('SELECT id, entry_id, line_no, account_id, date, amount FROM journal_lines ORDER BY id').all(),
        snapshots: db.prepare('SELECT * FROM account_month_balances ORDER BY account_id, month').all(),
        links: db.prepare('SELECT id, reverses_entry_id, reversed_by_entry_id FROM journal_entries ORDER BY id').all(),
      });
      const before = read(old);
      old.close();

      const upgraded = openLedgerDatabase(path);
      try {
        expect(read(upgraded)).toEqual(before);
        expect(upgraded.pragma('foreign_key_check')).toEqual([]);
        expect(createLedgerApi(upgraded).checkIntegrity({})).toMatchObject({ ok: true, lines: 8 });
        expect(() => upgraded.prepare('DELETE FROM account_month_balances').run()).toThrow('snapshot.derived');
        expect(() => upgraded.prepare("UPDATE associations SET lock_date = '2026-01-31'").run()).toThrow('lock.unaudited');
      } finally {
        upgraded.close();
      }
    } finally {
      env.cleanup();
    }
  });
});
