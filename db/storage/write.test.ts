import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import type { LedgerDatabase } from './open';
import { tempDatabase, testContext } from '../testing/temp-db';
import { bulkWrite } from './write';

let env: ReturnType<typeof tempDatabase>;
let db: LedgerDatabase;
let api: LedgerApi;
let associationId: number;
const cash = () => (db.prepare("SELECT id FROM accounts WHERE association_id = ? AND role = 'cash'").get(associationId) as { id: number }).id;
const income = () => (db.prepare("SELECT id FROM accounts WHERE association_id = ? AND role = 'sales_goods'").get(associationId) as { id: number }).id;
const entries = () => (db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get() as { n: number }).n;
const sale = (amount: number) => ({
  associationId, date: '2026-03-02', description: 'Venta de queso',
  lines: [{ accountId: cash(), amount }, { accountId: income(), amount: -amount }],
});

beforeEach(() => {
  env = tempDatabase();
  db = env.db;
  api = createLedgerApi(db, testContext);
  associationId = api.createAssociation({ name: 'Asociación Lechera Sumaq Wayta', legalForm: 'asociacion', ubigeo: '030601' }).id;
});
afterEach(() => env.cleanup());

describe('bulkWrite', () => {
  it('commits every operation inside it together', () => {
    bulkWrite(db, () => {
      api.postEntry(sale(100));
      api.postEntries({ associationId, entries: [sale(200), sale(300)] });
    });
    expect(entries()).toBe(3);
    expect(db.inTransaction).toBe(false);
  });

  it('rolls back everything when an operation fails, even if the caller caught the error and went on', () => {
    expect(() =>
      bulkWrite(db, () => {
        api.postEntry(sale(100));
        try {
          api.postEntry({ ...sale(100), lines: [{ accountId: cash(), amount: 100 }, { accountId: income(), amount: -99 }] });
        } catch {
          // a caller that swallows the refusal must not commit what the failed operation half-wrote
        }
        api.postEntry(sale(300));
      }),
    ).toThrow(/no cuadra/);
    expect(entries()).toBe(0);
    expect(db.inTransaction).toBe(false);
    // Outside a bulk, a failed operation still undoes only itself.
    api.postEntry(sale(100));
    expect(() => api.postEntry({ ...sale(1), lines: [] })).toThrow();
    expect(entries()).toBe(1);
  });

  it('makes a bulk inside a bulk part of the outer one', () => {
    expect(() =>
      bulkWrite(db, () => {
        bulkWrite(db, () => api.postEntry(sale(100)));
        throw new Error('corte de luz simulado');
      }),
    ).toThrow('corte de luz simulado');
    expect(entries()).toBe(0);
  });
});
