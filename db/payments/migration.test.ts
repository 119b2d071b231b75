import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createLedgerApi } from '../api';
import { addMember } from '../contributions/testing';
import { reverseDocumentEntry } from '../contributions/receipts';
import { checkIntegrity } from '../integrity/check';
import { insertEntry } from '../journal/post';
import { migrations } from '../storage/migrations';
import { openLedgerDatabase, type LedgerDatabase } from '../storage/open';
import { testContext } from '../testing/temp-db';

// Version 16 gives every refund recorded before it its voucher, so every refund is a voucher.

const folders: string[] = [];
afterEach(() => { for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true }); });

/** A refund as version 15 recorded it: its entry, its row, the credit it drew. */
function refundAsBefore(db: LedgerDatabase, associationId: number, memberId: number, number: number, amount: number): { id: number; entryId: number } {
  return db.transaction(() => {
    const credit = db.prepare('SELECT id, account_id FROM member_credits WHERE member_id = ? ORDER BY id LIMIT 1').get(memberId) as
      { id: number; account_id: number };
    const cash = (db.prepare("SELECT id FROM accounts WHERE association_id = ? AND role = 'cash'").get(associationId) as { id: number }).id;
    const id = number;
    const entry = insertEntry(db, testContext, {
      associationId, date: '2026-03-10', description: `Devolución ${number}`, sourceType: 'credit_refund', sourceId: id,
      lines: [{ accountId: credit.account_id, amount, memberId }, { accountId: cash, amount: -amount }],
    });
    db.prepare(`INSERT INTO credit_refunds (id, association_id, series, number, date, member_id, amount, account_id, reason, entry_id,
        created_at, created_by) VALUES (?, ?, '001', ?, '2026-03-10', ?, ?, ?, 'Pidió su dinero', ?, 'now', 'prueba')`)
      .run(id, associationId, number, memberId, amount, cash, entry.id);
    db.prepare('INSERT INTO credit_refund_uses (refund_id, credit_id, amount) VALUES (?, ?, ?)').run(id, credit.id, amount);
    return { id, entryId: entry.id };
  })();
}

it('upgrades a version 15 file: each refund gets its member_refund voucher, numbered in order, voided ones voided', () => {
  const folder = mkdtempSync(join(tmpdir(), 'khipu-v16-'));
  folders.push(folder);
  const path = join(folder, 'khipu.sqlite');
  const old = openLedgerDatabase(path, { migrations: migrations.filter((m) => m.version <= 15), backupDirectory: folder });
  const api = createLedgerApi(old, testContext);
  const associationId = api.createAssociation({
    name: 'Asociación de Criadores de Cuy Santa Rosa', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
  }).id;
  const memberId = addMember(old, associationId, 'Rosa Quispe Huamán', '2024-05-01');
  api.recordPayment({ associationId, memberId, date: '2026-03-01', amount: 9000 });
  const first = refundAsBefore(old, associationId, memberId, 1, 2000);
  const second = refundAsBefore(old, associationId, memberId, 2, 3000);
  old.transaction(() => {
    const reversal = reverseDocumentEntry(old, testContext, second.entryId, '2026-03-11', {
      description: 'Anulación', sourceType: 'credit_refund_void', sourceId: second.id,
    });
    old.prepare(`UPDATE credit_refunds SET voided_on = '2026-03-11', voided_at = 'x', void_reason = 'Error', void_entry_id = ?
                  WHERE id = ?`).run(reversal.id, second.id);
  })();
  old.close();

  const db = openLedgerDatabase(path, { backupDirectory: folder });
  try {
    const upgraded = createLedgerApi(db, testContext);
    expect(upgraded.listPaymentVouchers({ associationId }).map((v) => [v.formattedNumber, v.kind, v.amount, v.status, v.payeeName]))
      .toEqual([
        ['001-000001', 'member_refund', 2000, 'valid', 'Rosa Quispe Huamán'],
        ['001-000002', 'member_refund', 3000, 'voided', 'Rosa Quispe Huamán'],
      ]);
    expect(upgraded.getCreditRefund({ refundId: first.id }).paymentVoucherId).not.toBeNull();
    expect(upgraded.getPaymentVoucher({ voucherId: upgraded.getCreditRefund({ refundId: first.id }).paymentVoucherId! }))
      .toMatchObject({ entryId: first.entryId, concept: 'Devolución de saldo a favor: Pidió su dinero' });
    expect(checkIntegrity(db, { associationId }).findings).toEqual([]);
    // The next voucher follows them.
    expect(upgraded.payLabour({ associationId, date: '2026-03-12', workerName: 'Juan Mamani', amount: 100, concept: 'Jornal' })
      .formattedNumber).toBe('001-000003');
  } finally {
    db.close();
  }
});
