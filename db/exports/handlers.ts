import type { exportsOperations } from '../../shared/operations/exports';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { exportReport } from './export-report';

/** This folder's rows of the operation table: read-only, so no audit entries. */
export function exportsHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof exportsOperations> {
  return {
    exportReport: (input) => exportReport(db, context.now(), input),
  };
}
