import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createAssociation, setLockDate } from '../associations/service';
import { postEntry, reverseEntry } from './post';
import { openLedgerDatabase, type LedgerDatabase } from '../storage/open';
import { latestSchemaVersion } from '../storage/migrations';
import { tempDatabase, testContext } from '../testing/temp-db';
import { KhipuError } from '../../shared/errors';

let env: ReturnType<typeof tempDatabase>;
let db: LedgerDatabase;
let associationId: number;
const account = (role: string) =>
  (db.prepare('SELECT id FROM accounts WHERE association_id = ? AND role = ?').get(associationId, role) as { id: number }).id;
const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function expectKhipuError(fn: () => unknown, code: string): KhipuError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KhipuError);
    expect((error as KhipuError).code).toBe(code);
    return error as KhipuError;
  }
  throw new Error(`expected ${code}`);
}

beforeEach(() => {
  env = tempDatabase();
  db = env.db;
  associationId = createAssociation(db, testContext, {
    name: 'Asociación de Productores Lecheros Sumaq Q\'oy', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
  });
});
afterEach(() => env.cleanup());

const dues = () => ({
  associationId, date: '2026-03-10', description: 'Cuota de marzo — Rosa Quispe',
  lines: [{ accountId: account('cash'), amount: 1050 }, { accountId: account('dues_income'), amount: -1050 }],
});

describe('journal', () => {
  it('posts a balanced entry with the next correlative number and an audit row', () => {
    const first = postEntry(db, testContext, dues());
    const second = postEntry(db, testContext, dues());
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.fiscalYear).toBe(2026);
    const sum = db.prepare('SELECT SUM(amount) AS s FROM journal_lines').get() as { s: number };
    expect(sum.s).toBe(0);
    expect(count('audit_log')).toBe(3); // association + two entries
  });

  it('rejects unbalanced, empty and zero-amount entries and writes nothing', () => {
    const before = [count('journal_entries'), count('journal_lines'), count('audit_log')];
    const error = expectKhipuError(
      () => postEntry(db, testContext, { ...dues(), lines: [{ accountId: account('cash'), amount: 1050 }, { accountId: account('dues_income'), amount: -1000 }] }),
      'entry.unbalanced',
    );
    expect(error.message).toContain('no cuadra');
    expectKhipuError(() => postEntry(db, testContext, { ...dues(), lines: [] }), 'entry.tooFewLines');
    expectKhipuError(
      () => postEntry(db, testContext, { ...dues(), lines: [{ accountId: account('cash'), amount: 0 }, { accountId: account('dues_income'), amount: 0 }] }),
      'entry.zeroAmount',
    );
    expect([count('journal_entries'), count('journal_lines'), count('audit_log')]).toEqual(before);
  });

  it('refuses raw SQL that edits or deletes posted lines and entries', () => {
    postEntry(db, testContext, dues());
    expect(() => db.prepare('UPDATE journal_lines SET amount = 999').run()).toThrow(/entry.immutable/);
    expect(() => db.prepare('DELETE FROM journal_lines').run()).toThrow(/entry.immutable/);
    expect(() => db.prepare("UPDATE journal_entries SET description = 'x'").run()).toThrow(/entry.immutable/);
    expect(() => db.prepare('DELETE FROM journal_entries').run()).toThrow(/entry.immutable/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/audit.appendOnly/);
  });

  it('refuses raw SQL that posts an unbalanced entry', () => {
    const insert = () => {
      const id = db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, created_at, created_by)
        VALUES (?, 2026, 1, '2026-01-01', 'x', 'now', 'sql')`).run(associationId).lastInsertRowid;
      db.prepare("INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount) VALUES (?, 1, ?, '2026-01-01', 5)").run(id, account('cash'));
      db.prepare('UPDATE journal_entries SET posted = 1 WHERE id = ?').run(id);
    };
    expect(() => db.transaction(insert)()).toThrow(/entry.unbalanced/);
    expect(count('journal_entries')).toBe(0);
  });

  it('reverses an entry with linked, opposite lines and a zero net effect', () => {
    const original = postEntry(db, testContext, dues());
    const reversal = reverseEntry(db, testContext, { entryId: original.id, date: '2026-03-20', reason: 'monto equivocado' });
    const links = db.prepare('SELECT id, reverses_entry_id, reversed_by_entry_id FROM journal_entries ORDER BY id').all();
    expect(links).toEqual([
      { id: original.id, reverses_entry_id: null, reversed_by_entry_id: reversal.id },
      { id: reversal.id, reverses_entry_id: original.id, reversed_by_entry_id: null },
    ]);
    const cash = db.prepare('SELECT SUM(amount) AS s FROM journal_lines WHERE account_id = ?').get(account('cash')) as { s: number };
    expect(cash.s).toBe(0);
    expectKhipuError(() => reverseEntry(db, testContext, { entryId: original.id, date: '2026-03-21', reason: 'otra vez' }), 'entry.alreadyReversed');
    expectKhipuError(() => reverseEntry(db, testContext, { entryId: reversal.id, date: '2026-03-21', reason: 'x' }), 'entry.isReversal');
  });

  it('refuses posting and reversing on or before the lock date', () => {
    const original = postEntry(db, testContext, dues());
    setLockDate(db, testContext, associationId, '2026-03-31');
    expectKhipuError(() => postEntry(db, testContext, { ...dues(), date: '2026-03-31' }), 'entry.locked');
    expectKhipuError(() => reverseEntry(db, testContext, { entryId: original.id, date: '2026-03-15', reason: 'x' }), 'entry.locked');
    expect(() => db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, created_at, created_by)
        VALUES (?, 2026, 2, '2026-02-01', 'x', 'now', 'sql')`).run(associationId)).toThrow(/entry.locked/);
    expect(postEntry(db, testContext, { ...dues(), date: '2026-04-01' }).number).toBe(2);
    expectKhipuError(() => setLockDate(db, testContext, associationId, '2026-01-31'), 'lock.beforeCurrent');
  });

  it('numbers per association and year, with no gaps even after a failed posting', () => {
    postEntry(db, testContext, dues());
    expect(() => postEntry(db, testContext, { ...dues(), lines: [{ accountId: account('cash'), amount: 1 }, { accountId: account('dues_income'), amount: -2 }] })).toThrow();
    expect(postEntry(db, testContext, dues()).number).toBe(2);
    expect(postEntry(db, testContext, { ...dues(), date: '2027-01-02' }).number).toBe(1);
    expect(() => db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, created_at, created_by)
        VALUES (?, 2026, 5, '2026-05-01', 'x', 'now', 'sql')`).run(associationId)).toThrow(/entry.numberGap/);
  });

  it('carries member and product-line dimensions, copies them on reversal, refuses unknown ones', () => {
    const member = Number(db.prepare("INSERT INTO members (association_id, full_name, dni) VALUES (?, 'Tika Pallana Núñez', '41234567')").run(associationId).lastInsertRowid);
    const milk = Number(db.prepare("INSERT INTO product_lines (association_id, name) VALUES (?, 'Leche fresca')").run(associationId).lastInsertRowid);
    const entry = { ...dues(), lines: [
      { accountId: account('cash'), amount: 1050, memberId: member, productLineId: milk },
      { accountId: account('dues_income'), amount: -1050, memberId: member },
    ] };
    const posted = postEntry(db, testContext, entry);
    reverseEntry(db, testContext, { entryId: posted.id, date: '2026-03-11', reason: 'duplicado' });
    const byMember = db.prepare('SELECT SUM(amount) AS s, COUNT(*) AS n FROM journal_lines WHERE member_id = ?').get(member);
    expect(byMember).toEqual({ s: 0, n: 4 });
    const error = expectKhipuError(() => postEntry(db, testContext, { ...dues(), lines: [
      { accountId: account('cash'), amount: 5, memberId: 9999 }, { accountId: account('dues_income'), amount: -5 },
    ] }), 'entry.dimensionNotFound');
    expect(error.field).toBe('lines.0.memberId');
    expect(error.message).toContain('socio');
  });

  it('finds names without accents, case or apostrophes', () => {
    const rows = db.prepare("SELECT name FROM associations WHERE khipu_fold(name) LIKE '%' || khipu_fold(?) || '%'").all("sumaq qoy");
    expect(rows).toHaveLength(1);
    expect(db.prepare('SELECT khipu_fold(?) AS f').get('Nuñez')).toEqual({ f: 'nunez' });
  });
});

describe('storage', () => {
  it('reopens a migrated file and refuses one from a newer Khipu, leaving it untouched', () => {
    env.db.close();
    const reopened = openLedgerDatabase(env.path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.pragma('synchronous', { simple: true })).toBe(2);
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    reopened.pragma(`user_version = ${latestSchemaVersion + 1}`);
    reopened.close();
    expectKhipuError(() => openLedgerDatabase(env.path), 'db.newerVersion');
    const raw = new Database(env.path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 1);
    raw.close();
  });
});
