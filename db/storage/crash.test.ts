import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerApi } from '../api';
import { seededRandom } from '../demo/random';
import { tempDatabase } from '../testing/temp-db';
import { latestSchemaVersion } from './migrations';
import Database from 'better-sqlite3';
import { openLedgerDatabase, type LedgerDatabase } from './open';

// A process writing documents of every kind is killed (SIGKILL, no chance to clean up) at random moments,
// again and again, on the same file. After each kill the file opens, passes SQLite's own checks and
// Khipu's integrity check, keeps every write the writer saw committed, and holds a batch whole or not at
// all; numbered documents stay gapless. A kill inside a migration leaves the file at the version before it.

const writer = resolve(__dirname, '../testing/crash-writer.ts');
const repo = resolve(__dirname, '../..');

interface Report { op: string; id?: number; vouchers?: number[]; batch?: number; size?: number }

interface Run { committed: Report[]; inFlightBatch: Report | null; exitSignal: string | null; stderr: string }

/** Starts the writer and kills it once `killAfter` writes were committed, or `delayMs` into a batch. */
function runAndKill(path: string, seed: string, fixture: object, plan: { killAfter: number; duringBatch: boolean; delayMs: number }): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, seed, JSON.stringify(fixture)], { cwd: repo });
    const run: Run = { committed: [], inFlightBatch: null, exitSignal: null, stderr: '' };
    let buffer = '';
    let killing = false;
    const kill = () => { if (!killing) { killing = true; child.kill('SIGKILL'); } };
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const report = JSON.parse(buffer.slice(0, newline)) as Report;
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (killing) continue;
        if (report.op === 'batchStart' || report.op === 'migrating') {
          run.inFlightBatch = report;
          if (plan.duringBatch || report.op === 'migrating') setTimeout(kill, plan.delayMs);
          continue;
        }
        run.inFlightBatch = null;
        run.committed.push(report);
        if (!plan.duringBatch && run.committed.length >= plan.killAfter) kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => { run.stderr += chunk.toString('utf8'); });
    child.on('error', fail);
    child.on('exit', (_code, signal) => {
      run.exitSignal = signal;
      done(run);
    });
  });
}

function gaplessNumbers(db: LedgerDatabase): { table: string; count: number; max: number }[] {
  return [
    'SELECT \'receipts\' AS t, COUNT(*) AS count, MAX(number) AS max FROM receipts GROUP BY association_id, series',
    'SELECT \'payment_vouchers\', COUNT(*), MAX(number) FROM payment_vouchers GROUP BY association_id, series',
    'SELECT \'sales\', COUNT(*), MAX(nota_number) FROM sales WHERE nota_number IS NOT NULL GROUP BY association_id, nota_series',
    'SELECT \'sale_collections\', COUNT(*), MAX(number) FROM sale_collections GROUP BY association_id, series',
    'SELECT \'journal_entries\', COUNT(*), MAX(number) FROM journal_entries GROUP BY association_id, fiscal_year',
  ].flatMap((sql) => (db.prepare(sql).raw().all() as [string, number, number][]).map(([table, count, max]) => ({ table, count, max })));
}

/** The file's schema version, read without migrating it. */
function fileVersion(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

const tableOf: Record<string, string> = {
  receipt: 'receipts', purchase: 'purchases', voucher: 'payment_vouchers', sale: 'sales', collection: 'sale_collections',
  adjustment: 'stock_adjustments',
};

describe('a writer killed at random moments', () => {
  let env: ReturnType<typeof tempDatabase>;
  let fixture: Record<string, unknown>;
  beforeAll(() => {
    env = tempDatabase();
    const api = createLedgerApi(env.db, { actor: 'prueba' });
    const associationId = api.createAssociation({
      name: 'Asociación de Productores Lecheros Sumaq Q\'oy', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
    }).id;
    const members = ['41234501', '41234502', '41234503', '41234504'].map((dni, n) => api.createMember({
      associationId, dni, givenNames: ['Rosa', 'Juana', 'Eulogio', 'Tika'][n]!, surnames: 'Quispe Huamán', sex: n === 2 ? 'M' : 'F',
      joinedOn: '2025-01-10',
    }).id);
    const suppliers = [
      api.createParty({ associationId, name: 'Agroveterinaria El Ganadero E.I.R.L.', kind: 'supplier', documentType: 'ruc', documentNumber: '20452187664' }).id,
      api.createParty({ associationId, name: 'Eusebio Ccahuana Rojas', kind: 'supplier', documentType: 'dni', documentNumber: '42118765' }).id,
    ];
    const buyers = [
      api.createParty({ associationId, name: 'Restaurante El Mirador', kind: 'buyer', documentType: 'none' }).id,
      api.createParty({ associationId, name: 'Bodega Doña Justina', kind: 'buyer', documentType: 'dni', documentNumber: '31200017' }).id,
    ];
    const cheese = api.createProduct({ associationId, name: 'Queso fresco', unit: 'kg', category: 'product', salePrice: 1_800 }).id;
    const feed = api.createProduct({ associationId, name: 'Alimento balanceado', unit: 'kg', category: 'supply' }).id;
    api.recordStockAdjustment({ associationId, productId: cheese, date: '2026-03-01', quantity: 60_000, reason: 'count', unitCost: 1_100 });
    const accounts = api.listAccounts({ associationId });
    const role = (name: string) => accounts.find((a) => a.role === name)!.id;
    fixture = { associationId, members, suppliers, buyers, cheese, feed, cash: role('cash'), bank: role('bank') };
    env.db.close();
  });
  afterAll(() => env.cleanup());

  it('leaves a file that opens whole, with every committed write and nothing half-written', async () => {
    const random = seededRandom(20_261_204);
    const seen: Report[] = [];
    let killedInBatch = 0;
    for (let round = 0; round < 7; round += 1) {
      const duringBatch = round % 3 === 2;
      const run = await runAndKill(env.path, String(round + 1), fixture, {
        killAfter: 3 + Math.floor(random() * 30), duringBatch, delayMs: Math.floor(random() * 25),
      });
      expect(run.stderr).toBe('');
      expect(run.exitSignal).toBe('SIGKILL');
      seen.push(...run.committed);

      const db = openLedgerDatabase(env.path);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const report = createLedgerApi(db, { actor: 'prueba' }).checkIntegrity({});
        expect(report.findings).toEqual([]);
        expect(report.ok).toBe(true);
        // Every write the writer saw committed is there, with the vouchers it issued.
        for (const write of seen) {
          const table = tableOf[write.op];
          if (table) expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE id = ?`).get(write.id), `${write.op} ${write.id}`).toEqual({ n: 1 });
          for (const voucher of write.vouchers ?? []) {
            expect(db.prepare('SELECT COUNT(*) AS n FROM payment_vouchers WHERE id = ?').get(voucher)).toEqual({ n: 1 });
          }
          if (write.op === 'voidPurchase') {
            expect(db.prepare('SELECT voided_on IS NOT NULL AS voided FROM purchases WHERE id = ?').get(write.id)).toEqual({ voided: 1 });
          }
        }
        // A batch is whole or absent: the one cut short too.
        const batchEntries = (batch: number) => (db.prepare("SELECT COUNT(*) AS n FROM journal_entries WHERE description LIKE ?")
          .get(`Lote %-${batch}: %`) as { n: number }).n;
        for (const write of seen.filter((w) => w.op === 'batch')) expect(batchEntries(write.batch!)).toBeGreaterThanOrEqual(write.size!);
        if (run.inFlightBatch?.op === 'batchStart') {
          killedInBatch += 1;
          const lines = (db.prepare("SELECT COUNT(*) AS n FROM journal_entries WHERE description LIKE ?")
            .get(`Lote ${round + 1}-${run.inFlightBatch.batch}: %`) as { n: number }).n;
          expect([0, run.inFlightBatch.size]).toContain(lines);
        }
        for (const numbering of gaplessNumbers(db)) expect(numbering.max, numbering.table).toBe(numbering.count);
        expect(db.prepare('SELECT COALESCE(SUM(amount), 0) AS s FROM journal_lines').get()).toEqual({ s: 0 });
      } finally {
        db.close();
      }
    }
    expect(seen.length).toBeGreaterThan(20);
    expect(new Set(seen.map((w) => w.op)).size).toBeGreaterThanOrEqual(5);
    expect(killedInBatch).toBeGreaterThan(0);
  }, 120_000);

  it('keeps the file at the version before a migration killed halfway, and opens it as before', async () => {
    const before = fileVersion(env.path);
    expect(before).toBe(latestSchemaVersion);
    const run = await runAndKill(env.path, 'migrate', {}, { killAfter: Infinity, duringBatch: false, delayMs: 300 });
    expect(run.stderr).toBe('');
    expect(run.exitSignal).toBe('SIGKILL');
    expect(run.inFlightBatch?.op).toBe('migrating');
    expect(fileVersion(env.path)).toBe(before);
    // The backup taken before the migration is a whole copy of the file.
    const backups = readdirSync(env.folder).filter((name) => name.endsWith('.backup.sqlite'));
    expect(backups.length).toBeGreaterThan(0);
    const db = openLedgerDatabase(env.path);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE name = 'crash_probe'").get()).toEqual({ n: 0 });
      expect(createLedgerApi(db, { actor: 'prueba' }).checkIntegrity({}).findings).toEqual([]);
    } finally {
      db.close();
    }
    for (const backup of backups) {
      const copy = openLedgerDatabase(join(env.folder, backup));
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        copy.close();
      }
    }
    expect(existsSync(env.path)).toBe(true);
  }, 60_000);
});
