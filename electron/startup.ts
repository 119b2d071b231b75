// Start-up decisions that need no Electron: where the ledger file is and what
// the user reads when it cannot be opened. Unit tested in Node.
import { join } from 'node:path';
import { KhipuError } from '../shared/errors';

export const DATABASE_FILE_NAME = 'khipu.sqlite';

/** KHIPU_DB wins when set (and not blank); otherwise the file in the user's data folder. */
export function databasePathFor(env: Record<string, string | undefined>, userDataDir: string): string {
  const explicit = env.KHIPU_DB?.trim();
  return explicit ? explicit : join(userDataDir, DATABASE_FILE_NAME);
}

/** Spanish text for the start-up error box; never a stack trace. */
export function startupErrorMessage(error: unknown): string {
  const known = error instanceof KhipuError ? error : new KhipuError('internal');
  return known.toApiError('es').message;
}
