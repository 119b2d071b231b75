import type { closingOperations } from '../../shared/operations/closing';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import { limaToday } from '../members/rules';
import type { LedgerDatabase } from '../storage/open';
import { closeFiscalYear, reopenFiscalYear } from './close';
import { getFiscalYearClosing, listFiscalYearClosings } from './view';

/** This folder's rows of the operation table. */
export function closingHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof closingOperations> {
  return {
    closeFiscalYear: (input) => closeFiscalYear(db, context, input),
    reopenFiscalYear: (input) => reopenFiscalYear(db, context, input),
    getFiscalYearClosing: (input) => getFiscalYearClosing(db, input),
    listFiscalYearClosings: (input) => listFiscalYearClosings(db, input, limaToday(context.now())),
  };
}
