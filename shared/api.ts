import { z } from 'zod';
import { ledgerOperations, type LedgerResults } from './operations/ledger';
import { membersOperations, type MembersResults } from './operations/members';
import { contributionsOperations, type ContributionsResults } from './operations/contributions';
import { reportsOperations, type ReportsResults } from './operations/reports';
import { odelOperations, type OdelResults } from './operations/odel';
import { exportsOperations, type ExportsResults } from './operations/exports';
import { closingOperations, type ClosingResults } from './operations/closing';
import { integrityOperations, type IntegrityResults } from './operations/integrity';
import { tradeOperations, type TradeResults } from './operations/trade';
import { salesOperations, type SalesResults } from './operations/sales';
import { partiesOperations, type PartiesResults } from './operations/parties';
import { stockOperations, type StockResults } from './operations/stock';
import { purchasesOperations, type PurchasesResults } from './operations/purchases';
import { paymentsOperations, type PaymentsResults } from './operations/payments';
import { contractsOperations, type ContractsResults } from './operations/contracts';
import { acopioOperations, type AcopioResults } from './operations/acopio';

// THE operation table: every action the UI or a script can take is one row,
// gathered here from one file per domain under shared/operations/.
// db/ implements it; Electron IPC and browser-mode HTTP dispatch through it.

export const operations = {
  ...ledgerOperations, ...membersOperations, ...contributionsOperations, ...reportsOperations, ...odelOperations, ...exportsOperations,
  ...closingOperations, ...integrityOperations, ...tradeOperations, ...salesOperations, ...partiesOperations, ...stockOperations, ...purchasesOperations, ...paymentsOperations,
  ...contractsOperations, ...acopioOperations,
} as const;

export type OperationName = keyof typeof operations;

/** What each operation answers (the result half of the contract). */
export interface OperationResults extends LedgerResults, MembersResults, ContributionsResults, ReportsResults, OdelResults, ExportsResults,
  ClosingResults, IntegrityResults, TradeResults, SalesResults, PartiesResults, StockResults, PurchasesResults, PaymentsResults,
  ContractsResults, AcopioResults {}
export type OperationResult<Op extends OperationName> = OperationResults[Op];
export type OperationInput<Op extends OperationName> = z.input<(typeof operations)[Op]['input']>;
export type ParsedInput<Op extends OperationName> = z.output<(typeof operations)[Op]['input']>;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

/** JSON Schemas of every operation's input, for GET /api/operations and scripts. */
export function operationSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, op]) => [name, z.toJSONSchema(op.input, { io: 'input' })]),
  );
}
