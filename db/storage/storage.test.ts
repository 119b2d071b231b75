import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLedgerDatabase, resolveDatabasePath } from './open';
import { latestSchemaVersion, migrations } from './migrations';
import { khipuError } from '../../shared/testing/errors';

let folder: string;
beforeEach(() => { folder = mkdtempSync(join(tmpdir(), 'khipu-storage-')); });
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('creates a new file at the latest version, in a folder it makes, with no backup', () => {
  const path = join(folder, 'nested', 'khipu.sqlite');
  openLedgerDatabase(path).close();
  const db = openLedgerDatabase(path);
  expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
  db.close();
  expect(readdirSync(join(folder, 'nested')).filter((f) => f.includes('backup'))).toEqual([]);
});

it('honours KHIPU_DB', () => {
  const previous = process.env.KHIPU_DB;
  process.env.KHIPU_DB = join(folder, 'from-env.sqlite');
  try {
    expect(resolveDatabasePath()).toBe(join(folder, 'from-env.sqlite'));
    expect(resolveDatabasePath('/explicit.sqlite')).toBe('/explicit.sqlite');
  } finally {
    if (previous === undefined) delete process.env.KHIPU_DB;
    else process.env.KHIPU_DB = previous;
  }
});

it('refuses a file that is not a database and leaves it byte-identical', () => {
  const path = join(folder, 'notes.sqlite');
  writeFileSync(path, 'esto no es una base de datos, son apuntes del tesorero '.repeat(20));
  const before = readFileSync(path);
  const error = khipuError(() => openLedgerDatabase(path));
  expect(error.code).toBe('db.notKhipu');
  expect(readFileSync(path).equals(before)).toBe(true);
});

it('refuses a file from a newer Khipu and leaves it byte-identical', () => {
  const path = join(folder, 'newer.sqlite');
  const raw = new Database(path);
  raw.exec('CREATE TABLE future (x)');
  raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
  raw.close();
  const before = readFileSync(path);
  const error = khipuError(() => openLedgerDatabase(path));
  expect(error.code).toBe('db.newerVersion');
  expect(error.message).toContain('versión más nueva');
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(readdirSync(folder)).toEqual(['newer.sqlite']);
});

it('backs up the file before a migration, and a failed migration leaves the file at its last good version', () => {
  const path = join(folder, 'khipu.sqlite');
  openLedgerDatabase(path).close();
  const addColumn = { version: latestSchemaVersion + 1, description: 'test', up: (db: Database.Database) => db.exec('ALTER TABLE associations ADD COLUMN motto TEXT') };
  const broken = { version: latestSchemaVersion + 2, description: 'broken', up: (db: Database.Database) => db.exec('ALTER TABLE nowhere ADD COLUMN x') };
  expect(khipuError(() => openLedgerDatabase(path, { migrations: [...migrations, addColumn, broken] })).code).toBe('db.migrationFailed');
  const backups = readdirSync(folder).filter((f) => f.includes('backup'));
  expect(backups).toHaveLength(1);
  expect(backups[0]).toContain(`.v${latestSchemaVersion}.`);
  const backup = new Database(join(folder, backups[0]!), { readonly: true });
  expect(backup.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
  backup.close();
  const upgraded = new Database(path, { readonly: true });
  expect(upgraded.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 1);
  expect(upgraded.prepare("SELECT COUNT(*) AS n FROM pragma_table_info('associations') WHERE name = 'motto'").get()).toEqual({ n: 1 });
  upgraded.close();
});
