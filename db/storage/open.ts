import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { KhipuError } from '../../shared/errors';
import { migrations as bundledMigrations, type Migration } from './migrations';
import { registerTextFunctions } from './text';

export type LedgerDatabase = Database.Database;

/** The user's data folder, as Electron's app.getPath('userData') would give it. */
export function defaultDatabasePath(): string {
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config')); // where Electron keeps userData on Linux
  return join(base, 'Khipu', 'khipu.sqlite');
}

export function resolveDatabasePath(explicit?: string): string {
  return explicit ?? process.env.KHIPU_DB ?? defaultDatabasePath();
}

/** Reads the schema version without writing anything, so a refused file stays untouched. */
function readSchemaVersion(path: string): number {
  if (!existsSync(path)) return 0;
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } catch {
    throw new KhipuError('db.notKhipu', { params: { path } });
  } finally {
    probe.close();
  }
}

function backupPath(path: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${path}.v${fromVersion}.${stamp}.backup.sqlite`;
}

export interface OpenOptions {
  /** Where backups before a migration go; defaults beside the file. */
  backupDirectory?: string;
  /** Tests only: another migration list, to exercise upgrades. */
  migrations?: readonly Migration[];
}

export function openLedgerDatabase(pathOrUndefined?: string, options: OpenOptions = {}): LedgerDatabase {
  const path = resolveDatabasePath(pathOrUndefined);
  const migrations = options.migrations ?? bundledMigrations;
  const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
  const fileVersion = readSchemaVersion(path);
  if (fileVersion > latestSchemaVersion) {
    throw new KhipuError('db.newerVersion', {
      params: { fileVersion, supportedVersion: latestSchemaVersion },
    });
  }
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    // Power cuts are common where Khipu runs: every commit reaches the disk.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    registerTextFunctions(db);
    migrate(db, path, fileVersion, migrations, options);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(
  db: LedgerDatabase,
  path: string,
  fileVersion: number,
  migrations: readonly Migration[],
  options: OpenOptions,
): void {
  const pending = migrations.filter((m) => m.version > fileVersion);
  if (pending.length === 0) return;
  let backup = '';
  if (fileVersion > 0) {
    backup = options.backupDirectory
      ? join(options.backupDirectory, backupPath(path, fileVersion).split(/[\\/]/).pop() as string)
      : backupPath(path, fileVersion);
    db.prepare('VACUUM INTO ?').run(backup);
  }
  // One transaction per migration: a failure leaves the file at the last good version.
  for (const migration of pending) {
    try {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch {
      throw new KhipuError('db.migrationFailed', { params: { version: migration.version, backup: backup || '—' } });
    }
  }
}
