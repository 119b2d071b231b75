import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLedgerApi } from '../api';
import { migrations } from '../storage/migrations';
import { openLedgerDatabase } from '../storage/open';
import { testContext } from '../testing/temp-db';

// A file of version 12 whose journal names a party upgrades to 13: parties is rebuilt in place with
// the same ids, every line and contract still points at its party, and the triggers that read
// parties are all back.

const folder = mkdtempSync(join(tmpdir(), 'khipu-parties-upgrade-'));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const triggersReadingParties = (db: ReturnType<typeof openLedgerDatabase>) =>
  (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name <> 'parties' AND sql LIKE '%parties%' ORDER BY name")
    .all() as { name: string; sql: string }[]);

describe('upgrade from version 12 to 13', () => {
  it('keeps every party, with its id and kind, under the posted lines and contracts that name it', () => {
    const path = join(folder, 'v12.sqlite');
    const v12 = openLedgerDatabase(path, { migrations: migrations.filter((m) => m.version <= 12), backupDirectory: folder });
    const api = createLedgerApi(v12, { actor: testContext.actor, now: testContext.now });
    const associationId = api.createAssociation({ name: 'Asociación Apícola Wayra', legalForm: 'asociacion', ubigeo: '030601' }).id;
    const insertParty = v12.prepare('INSERT INTO parties (id, association_id, name, kind) VALUES (?, ?, ?, ?)');
    insertParty.run(7, associationId, 'Municipalidad Provincial de Andahuaylas', 'buyer');
    insertParty.run(9, associationId, 'Envases del Perú', 'supplier');
    v12.prepare("INSERT INTO contracts (association_id, party_id, number) VALUES (?, 7, 'PROCOMPITE-2025-01')").run(associationId);
    const accounts = api.listAccounts({ associationId });
    const role = (r: string) => accounts.find((a) => a.role === r)!.id;
    api.postEntry({
      associationId, date: '2026-02-10', description: 'Venta de miel a la municipalidad',
      lines: [
        { accountId: role('receivable_customers'), amount: 120000, partyId: 7 },
        { accountId: role('sales_goods'), amount: -120000 },
      ],
    });
    const before = triggersReadingParties(v12);
    expect(before.length).toBeGreaterThan(0);
    v12.close();

    const db = openLedgerDatabase(path, { backupDirectory: folder });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(13);
      expect(db.prepare('SELECT id, name, kind, document_type, document_number, archived_at FROM parties ORDER BY id').all()).toEqual([
        { id: 7, name: 'Municipalidad Provincial de Andahuaylas', kind: 'buyer', document_type: 'none', document_number: null, archived_at: null },
        { id: 9, name: 'Envases del Perú', kind: 'supplier', document_type: 'none', document_number: null, archived_at: null },
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare('SELECT party_id FROM journal_lines WHERE party_id IS NOT NULL').all()).toEqual([{ party_id: 7 }]);
      expect(triggersReadingParties(db).filter((t) => before.some((b) => b.name === t.name))).toEqual(before);
      // The rebuilt table defends itself: the party the books name stays; the line trigger still checks parties.
      expect(() => db.prepare('DELETE FROM parties WHERE id = 7').run()).toThrow('party.used');
      const upgraded = createLedgerApi(db, { actor: testContext.actor, now: testContext.now });
      expect(upgraded.listParties({ associationId, search: 'envases' }).map((p) => p.id)).toEqual([9]);
      expect(() => upgraded.postEntry({
        associationId, date: '2026-02-11', description: 'Cobro',
        lines: [{ accountId: role('cash'), amount: 100, partyId: 12345 }, { accountId: role('receivable_customers'), amount: -100 }],
      })).toThrow();
    } finally {
      db.close();
    }
  });
});
