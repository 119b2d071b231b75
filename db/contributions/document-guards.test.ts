import { describe, expect, it } from 'vitest';
import { createLedgerApi } from '../api';
import { insertEntry, type PostedEntry } from '../journal/post';
import { migrations } from '../storage/migrations';
import { openLedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';
import { reverseDocumentEntry } from './receipts';
import { FAENA, FINE, addMember, freshFixtureEachTest, type ContributionsFixture } from './testing';

// Versions 10 and 12: refunds, credits and in-kind voids defend themselves as receipts and charges
// do (version 9). Every test writes raw SQL on a real file, as sqlite3 or Python could, and expects
// the refusal; a write is attempted inside a transaction, so a refusal leaves nothing behind.

let f: ContributionsFixture;
let rosa: number;
freshFixtureEachTest((fixture, member) => { f = fixture; rosa = member; });

const pay = (date: string, amount: number) => f.api.recordPayment({ associationId: f.associationId, memberId: rosa, date, amount });
const creditOf = (receiptId: number) =>
  f.db.prepare('SELECT id, account_id AS accountId FROM member_credits WHERE receipt_id = ?').get(receiptId) as { id: number; accountId: number };
const nextRefundId = () => (f.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM credit_refunds').get() as { id: number }).id;
const inTransaction = (work: () => void) => () => f.db.transaction(work)();

/** A refund's entry as Khipu posts it: Dr the credit's account (member named) / Cr `paidFrom`. */
function refundEntry(refundId: number, creditAccountId: number, amount: number, date = '2026-01-06',
  source: { sourceType: string; sourceId: number } = { sourceType: 'credit_refund', sourceId: refundId }): PostedEntry {
  return insertEntry(f.db, testContext, {
    associationId: f.associationId, date, description: 'Devolución a mano', ...source,
    lines: [{ accountId: creditAccountId, amount, memberId: rosa }, { accountId: f.roleId('cash'), amount: -amount }],
  });
}

/** A raw INSERT of a refund, numbered next, from the cash box unless another account is named. */
function insertRefund(row: { id: number; amount: number; entryId: number; accountId?: number; date?: string }): void {
  f.db.prepare(`INSERT INTO credit_refunds (id, association_id, series, number, date, member_id, amount, account_id, reason, entry_id,
                 created_at, created_by)
                SELECT ?, ?, '001', COALESCE(MAX(number), 0) + 1, ?, ?, ?, ?, 'A mano', ?, 'x', 'sqlite3' FROM credit_refunds`)
    .run(row.id, f.associationId, row.date ?? '2026-01-06', rosa, row.amount, row.accountId ?? f.roleId('cash'), row.entryId);
}
const insertUse = (refundId: number, creditId: number, amount: number) =>
  f.db.prepare('INSERT INTO credit_refund_uses (refund_id, credit_id, amount) VALUES (?, ?, ?)').run(refundId, creditId, amount);

/** A second association, for accounts that are not this one's. */
function otherAssociationCash(): number {
  const other = f.api.createAssociation({ name: 'Comité de Regantes Chacapampa', legalForm: 'comite', ubigeo: '030601' }).id;
  return f.api.listAccounts({ associationId: other }).find((a) => a.role === 'cash')!.id;
}

describe('a credit refund is inserted only with its own posted entry and a cash or bank account', () => {
  it('refuses an entry that is not its own posted credit_refund entry of its association and date', () => {
    const credit = creditOf(pay('2026-01-05', 1_000).id);
    const id = nextRefundId();
    const manual = f.api.postEntry({
      associationId: f.associationId, date: '2026-01-06', description: 'Depósito de caja en el banco',
      lines: [{ accountId: f.roleId('bank'), amount: 500 }, { accountId: f.roleId('cash'), amount: -500 }],
    });
    expect(inTransaction(() => insertRefund({ id, amount: 500, entryId: manual.id }))).toThrow('creditRefund.entryMismatch');
    // The entry of another refund id, and its own entry under another date.
    expect(inTransaction(() => {
      const entry = refundEntry(id + 1, credit.accountId, 500);
      insertRefund({ id, amount: 500, entryId: entry.id });
    })).toThrow('creditRefund.entryMismatch');
    expect(inTransaction(() => {
      const entry = refundEntry(id, credit.accountId, 500);
      insertRefund({ id, amount: 500, entryId: entry.id, date: '2026-01-07' });
    })).toThrow('creditRefund.entryMismatch');
    // A draft: its header names the refund, but it was never posted.
    expect(inTransaction(() => {
      f.db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, source_type, source_id,
                      created_at, created_by)
                    SELECT ?, 2026, MAX(number) + 1, '2026-01-06', 'Borrador', 'credit_refund', ?, 'x', 'x'
                      FROM journal_entries WHERE association_id = ? AND fiscal_year = 2026`).run(f.associationId, id, f.associationId);
      insertRefund({ id, amount: 500, entryId: Number(f.db.prepare('SELECT MAX(id) AS id FROM journal_entries').pluck().get()) });
    })).toThrow('creditRefund.entryMismatch');
    expect(f.db.prepare('SELECT COUNT(*) FROM credit_refunds').pluck().get()).toBe(0);
  });

  it('refuses an account that is not a postable cash or bank account (10…) of its association', () => {
    const credit = creditOf(pay('2026-01-05', 1_000).id);
    const heading = (f.db.prepare("SELECT id FROM accounts WHERE association_id = ? AND code = '10'").get(f.associationId) as { id: number }).id;
    const foreignCash = otherAssociationCash();
    for (const accountId of [f.roleId('receivable_members'), heading, foreignCash]) {
      expect(inTransaction(() => {
        const id = nextRefundId();
        const entry = refundEntry(id, credit.accountId, 500);
        insertRefund({ id, amount: 500, entryId: entry.id, accountId });
      })).toThrow('creditRefund.accountNotCash');
    }
    // The bank is a cash or bank account: the same refund from it is accepted.
    f.db.transaction(() => {
      const id = nextRefundId();
      insertRefund({ id, amount: 500, entryId: refundEntry(id, credit.accountId, 500).id, accountId: f.roleId('bank') });
      insertUse(id, credit.id, 500);
    })();
    expect(f.api.listCreditRefunds({ associationId: f.associationId })).toHaveLength(1);
  });
});

describe("a refund's uses add up to its amount", () => {
  function rawRefund(amount: number, uses: (refundId: number, creditId: number) => void): void {
    const credit = creditOf(pay('2026-01-05', 1_000).id);
    f.db.transaction(() => {
      const id = nextRefundId();
      insertRefund({ id, amount, entryId: refundEntry(id, credit.accountId, amount).id });
      uses(id, credit.id);
    })();
  }

  it('never beyond it, one use at a time', () => {
    expect(() => rawRefund(500, (id, credit) => insertUse(id, credit, 600))).toThrow('creditRefund.usesExceedAmount');
    const second = creditOf(pay('2026-01-05', 300).id);
    expect(() => rawRefund(500, (id, credit) => { insertUse(id, credit, 400); insertUse(id, second.id, 200); }))
      .toThrow('creditRefund.usesExceedAmount');
    expect(f.db.prepare('SELECT COUNT(*) FROM credit_refund_uses').pluck().get()).toBe(0);
  });

  it('exactly, by the end of the transaction that writes them (a deferred key)', () => {
    expect(() => rawRefund(500, (id, credit) => insertUse(id, credit, 400))).toThrow('FOREIGN KEY constraint failed');
    expect(() => rawRefund(500, () => undefined)).toThrow('FOREIGN KEY constraint failed');
    expect(f.db.prepare('SELECT COUNT(*) FROM credit_refunds').pluck().get()).toBe(0);
    rawRefund(500, (id, credit) => { insertUse(id, credit, 300); insertUse(id, creditOf(pay('2026-01-05', 200).id).id, 200); });
    expect(f.db.prepare('SELECT refund_id AS refundId, drawn FROM credit_refund_drawn ORDER BY drawn').all())
      .toEqual([{ refundId: 1, drawn: 300 }, { refundId: 1, drawn: 500 }]);
  });

  it('the running totals are written only by the uses: never by hand, never changed', () => {
    pay('2026-01-05', 1_000);
    const refund = f.api.refundCredit({ associationId: f.associationId, memberId: rosa, date: '2026-01-06', amount: 400, reason: 'Viaja' });
    expect(() => f.db.prepare('INSERT INTO credit_refund_drawn (refund_id, drawn) VALUES (?, 600)').run(refund.id))
      .toThrow('creditRefund.drawnDerived');
    expect(() => f.db.prepare('UPDATE credit_refund_drawn SET drawn = 1').run()).toThrow('creditRefund.drawnDerived');
    expect(() => f.db.prepare('DELETE FROM credit_refund_drawn').run()).toThrow('creditRefund.drawnDerived');
    expect(f.db.prepare('SELECT drawn FROM credit_refund_drawn').pluck().all()).toEqual([400]);
  });
});

describe('a refund is voided only by its posted reversal, dated on the void date', () => {
  const voidRefund = (refundId: number, voidedOn: string, voidEntryId: number) =>
    f.db.prepare(`UPDATE credit_refunds SET voided_on = ?, voided_at = 'x', void_reason = 'A mano', void_entry_id = ? WHERE id = ?`)
      .run(voidedOn, voidEntryId, refundId);

  it('refuses a reversal dated on another day, or one never posted', () => {
    pay('2026-01-05', 1_000);
    const refund = f.api.refundCredit({ associationId: f.associationId, memberId: rosa, date: '2026-01-06', amount: 400, reason: 'Viaja' });
    expect(inTransaction(() => {
      const reversal = reverseDocumentEntry(f.db, testContext, refund.entryId, '2026-01-10', {
        description: 'Anulación a mano', sourceType: 'credit_refund_void', sourceId: refund.id,
      });
      voidRefund(refund.id, '2026-01-12', reversal.id);
    })).toThrow('creditRefund.immutable');
    expect(inTransaction(() => {
      f.db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, source_type, source_id,
                      reverses_entry_id, created_at, created_by)
                    SELECT ?, 2026, MAX(number) + 1, '2026-01-10', 'Borrador', 'credit_refund_void', ?, ?, 'x', 'x'
                      FROM journal_entries WHERE association_id = ? AND fiscal_year = 2026`)
        .run(f.associationId, refund.id, refund.entryId, f.associationId);
      voidRefund(refund.id, '2026-01-10', Number(f.db.prepare('SELECT MAX(id) FROM journal_entries').pluck().get()));
    })).toThrow('creditRefund.immutable');
    expect(f.api.getCreditRefund({ refundId: refund.id }).status).toBe('valid');
    // Voided through Khipu, the same rule holds.
    expect(f.api.voidCreditRefund({ refundId: refund.id, date: '2026-01-10', reason: 'No viajó' }).status).toBe('voided');
  });
});

describe('a member credit sits in an account of its own association', () => {
  it('refuses at insert an account of another association; the account never changes', () => {
    f.api.createCharge({ associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FINE), date: '2026-01-04', amount: 1_000 });
    const exact = pay('2026-01-05', 1_000); // pays the fine: no credit of its own
    const foreignCash = otherAssociationCash();
    expect(() => f.db.prepare(`INSERT INTO member_credits (association_id, member_id, receipt_id, date, amount, account_id)
                               VALUES (?, ?, ?, '2026-01-05', 100, ?)`).run(f.associationId, rosa, exact.id, foreignCash))
      .toThrow('credit.accountOtherAssociation');
    const credit = creditOf(pay('2026-01-06', 1_000).id);
    expect(() => f.db.prepare('UPDATE member_credits SET account_id = ? WHERE id = ?').run(foreignCash, credit.id)).toThrow('receipt.immutable');
  });

  it("migration 10 puts older credit in the account its receipt credited, even where no account holds payable_members", () => {
    const env = tempDatabase();
    env.db.close();
    const path = `${env.folder}/v9.sqlite`;
    const old = openLedgerDatabase(path, { migrations: migrations.filter((m) => m.version <= 9), backupDirectory: env.folder });
    const associationId = createLedgerApi(old, testContext)
      .createAssociation({ name: 'Asociación Ccori Ñawi', legalForm: 'asociacion', ubigeo: '030601' }).id;
    old.prepare("DELETE FROM accounts WHERE association_id = ? AND code IN ('4418', '6598')").run(associationId);
    const member = addMember(old, associationId, 'Tika Pallana Ccori');
    const role = (r: string) => old.prepare('SELECT id FROM accounts WHERE association_id = ? AND role = ?').pluck().get(associationId, r) as number;
    const payable = role('payable_members');
    const entry = old.transaction(() => insertEntry(old, testContext, {
      associationId, date: '2026-01-05', sourceType: 'receipt', sourceId: 1, description: 'Recibo 001-000001 — Tika',
      lines: [{ accountId: role('cash'), amount: 800 }, { accountId: payable, amount: -800, memberId: member }],
    }))();
    old.prepare(`INSERT INTO receipts (id, association_id, series, number, date, member_id, total, account_id, entry_id, created_at, created_by)
                 VALUES (1, ?, '001', 1, '2026-01-05', ?, 800, ?, ?, '2026-01-05T10:00:00Z', 'prueba')`)
      .run(associationId, member, role('cash'), entry.id);
    old.prepare("INSERT INTO receipt_lines (receipt_id, line_no, description, amount) VALUES (1, 1, 'Saldo a favor (adelanto)', 800)").run();
    old.prepare("INSERT INTO member_credits (association_id, member_id, receipt_id, date, amount) VALUES (?, ?, 1, '2026-01-05', 800)")
      .run(associationId, member);
    // A tool took the role off 4419: the role alone no longer says where the credit sits.
    old.prepare("UPDATE accounts SET role = NULL WHERE id = ?").run(payable);
    old.close();

    const db = openLedgerDatabase(path, { backupDirectory: env.folder });
    try {
      expect(db.prepare('SELECT account_id FROM member_credits').pluck().all()).toEqual([payable]);
    } finally {
      db.close();
      env.cleanup();
    }
  });
});

describe('an in-kind contribution is voided only by its posted void entry, dated on the void date', () => {
  const voidInKind = (id: number, voidedOn: string, voidEntryId: number) =>
    f.db.prepare(`UPDATE in_kind_contributions SET voided_on = ?, voided_at = 'x', void_reason = 'A mano', void_entry_id = ? WHERE id = ?`)
      .run(voidedOn, voidEntryId, id);

  it('refuses a void entry dated on another day, or one never posted', () => {
    const work = f.api.recordInKindContribution({
      associationId: f.associationId, memberId: rosa, contributionTypeId: f.typeId(FAENA), date: '2026-03-08', description: 'Faena', value: 2000,
    });
    expect(inTransaction(() => {
      const reversal = reverseDocumentEntry(f.db, testContext, work.entryId, '2026-03-10', {
        description: 'Anulación a mano', sourceType: 'in_kind_void', sourceId: work.id,
      });
      voidInKind(work.id, '2026-03-11', reversal.id);
    })).toThrow('inKind.immutable');
    expect(inTransaction(() => {
      f.db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, source_type, source_id,
                      reverses_entry_id, created_at, created_by)
                    SELECT ?, 2026, MAX(number) + 1, '2026-03-10', 'Borrador', 'in_kind_void', ?, ?, 'x', 'x'
                      FROM journal_entries WHERE association_id = ? AND fiscal_year = 2026`)
        .run(f.associationId, work.id, work.entryId, f.associationId);
      voidInKind(work.id, '2026-03-10', Number(f.db.prepare('SELECT MAX(id) FROM journal_entries').pluck().get()));
    })).toThrow('inKind.immutable');
    expect(f.api.voidInKind({ inKindId: work.id, date: '2026-03-10', reason: 'error' }).voided).toMatchObject({ date: '2026-03-10' });
  });
});
