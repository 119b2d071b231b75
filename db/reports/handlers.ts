import type { reportsOperations } from '../../shared/operations/reports';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { cashBook, generalLedger } from './books';
import { dashboard } from './dashboard';
import { contributionsByMember, membersBySex } from './members';
import { balanceSheet, incomeStatement } from './statements';

/** This folder's rows of the operation table (the ledger's own balances are wired in db/api.ts). All read-only. */
export function reportsHandlers(db: LedgerDatabase, _context: WriteContext): HandlersFor<keyof typeof reportsOperations> {
  return {
    balanceSheet: (input) => balanceSheet(db, input),
    incomeStatement: (input) => incomeStatement(db, input),
    cashBook: (input) => cashBook(db, input),
    generalLedger: (input) => generalLedger(db, input),
    contributionsByMember: (input) => contributionsByMember(db, input),
    membersBySex: (input) => membersBySex(db, input),
    dashboard: (input) => dashboard(db, input),
  };
}
