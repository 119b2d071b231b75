import type { acopioOperations } from '../../shared/operations/acopio';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';

/** This folder's rows of the operation table. */
export function acopioHandlers(_db: LedgerDatabase, _context: WriteContext): HandlersFor<keyof typeof acopioOperations> {
  return {};
}
