import type Database from 'better-sqlite3';

// Preparing a statement compiles it, and SQLite compiles the table's triggers
// into every INSERT: on the posting path that was half the time. Statements
// are kept per connection and reused; SQLite re-prepares them itself after a
// schema change.
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** Far above the engine's distinct statements; only a bug that builds SQL from values would reach it. */
const MAX_CACHED = 2_000;

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_CACHED) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** Drops a connection's cached statements, so the next call prepares (and a test can observe) them again. */
export function forgetPreparedStatements(db: Database.Database): void {
  caches.delete(db);
}
