import type { tradeOperations } from '../../shared/operations/trade';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import { limaToday } from '../members/rules';
import type { LedgerDatabase } from '../storage/open';
import { agingReport, dueThisWeek } from './aging';
import { purchasesBook, salesBook } from './books';
import { rendicionDeCuentas } from './rendicion';
import { partyStatement } from './statement';

/** This folder's rows of the operation table. All read-only; a day left out is today in Lima. */
export function tradeHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof tradeOperations> {
  const today = () => limaToday(context.now());
  return {
    partyStatement: (input) => partyStatement(db, { ...input, to: input.to ?? today() }),
    agingReport: (input) => agingReport(db, { ...input, asOf: input.asOf ?? today() }),
    dueThisWeek: (input) => dueThisWeek(db, { ...input, asOf: input.asOf ?? today() }),
    purchasesBook: (input) => purchasesBook(db, input),
    salesBook: (input) => salesBook(db, input),
    rendicionDeCuentas: (input) => rendicionDeCuentas(db, input),
  };
}
