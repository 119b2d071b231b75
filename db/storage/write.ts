import type Database from 'better-sqlite3';

// Every write operation is one immediate transaction (a savepoint when nested). A bulk write —
// the generator, the example association — wraps many operations in ONE transaction and runs
// them without a savepoint each: SQLite copies every page a savepoint touches to a sub-journal,
// which cost a third of the posting time. The price is that one failed operation cannot be
// undone alone, so the first failure poisons the bulk: it rolls back whole, even if a caller
// caught the error and went on. All or nothing, as before, but at the scale of the bulk.
const bulks = new WeakMap<Database.Database, { failure: { error: unknown } | null }>();

/** Runs one write operation atomically: its own transaction, or its part of the bulk it is in. */
export function writeTransaction<T>(db: Database.Database, work: () => T): T {
  const bulk = bulks.get(db);
  if (!bulk) return db.transaction(work).immediate();
  try {
    return work();
  } catch (error) {
    bulk.failure ??= { error };
    throw error;
  }
}

/** Runs many write operations as one transaction; any failure inside rolls all of them back. */
export function bulkWrite<T>(db: Database.Database, work: () => T): T {
  if (bulks.has(db)) return work();
  const bulk: { failure: { error: unknown } | null } = { failure: null };
  bulks.set(db, bulk);
  try {
    return db
      .transaction(() => {
        const result = work();
        if (bulk.failure) throw bulk.failure.error;
        return result;
      })
      .immediate();
  } finally {
    bulks.delete(db);
  }
}
