import type { contractsOperations } from '../../shared/operations/contracts';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';

/** This folder's rows of the operation table. */
export function contractsHandlers(_db: LedgerDatabase, _context: WriteContext): HandlersFor<keyof typeof contractsOperations> {
  return {};
}
