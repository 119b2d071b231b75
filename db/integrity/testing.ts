import { createLedgerApi } from '../api';
import { openLedgerDatabase } from '../storage/open';

// Test support for the integrity tests: what checkIntegrity says of a file on disk.

/** Opens the file at `path`, checks it (the whole file, or one association) and closes it. */
export function checkFile(path: string, input: { associationId?: number } = {}) {
  const db = openLedgerDatabase(path);
  try {
    return createLedgerApi(db).checkIntegrity(input);
  } finally {
    db.close();
  }
}
