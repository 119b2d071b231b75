import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedgerDatabase, type LedgerDatabase } from '../storage/open';
import type { WriteContext } from '../audit/log';

/** A real SQLite file in its own temporary folder; never a mock. */
export function tempDatabase(): { db: LedgerDatabase; path: string; folder: string; cleanup: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'khipu-test-'));
  const path = join(folder, 'khipu.sqlite');
  const db = openLedgerDatabase(path);
  return {
    db, path, folder,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export const testContext: WriteContext = { actor: 'prueba', now: () => new Date('2026-03-15T12:00:00Z') };
