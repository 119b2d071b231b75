import type { integrityOperations } from '../../shared/operations/integrity';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { checkIntegrity } from './check';

/** This folder's rows of the operation table: a read-only check, so no audit entry. */
export function integrityHandlers(db: LedgerDatabase, _context: WriteContext): HandlersFor<keyof typeof integrityOperations> {
  return {
    checkIntegrity: (input) => checkIntegrity(db, input),
  };
}
