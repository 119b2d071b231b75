import type { odelOperations } from '../../shared/operations/odel';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { exportHledgerJournal } from '../hledger/export';
import { associationSheet, odelSummary } from './summary';

/** This folder's rows of the operation table: read-only reports, so no audit entries. */
export function odelHandlers(db: LedgerDatabase, _context: WriteContext): HandlersFor<keyof typeof odelOperations> {
  return {
    odelSummary: (input) => odelSummary(db, input),
    associationSheet: (input) => associationSheet(db, input),
    exportHledgerJournal: (input) => exportHledgerJournal(db, input),
  };
}
