import type { OperationName, OperationResults, ParsedInput } from '../shared/api';

/**
 * Operations that wait on something besides SQLite (reading or writing a
 * spreadsheet). Their handlers return a promise; the transports await every
 * operation alike (dispatchAsync), so the contract's result types stay plain.
 */
export type AsyncOperationName = 'previewMemberImport' | 'importMembers' | 'exportMembers' | 'exportReport';

export type HandlerResult<Op extends OperationName> = Op extends AsyncOperationName
  ? Promise<OperationResults[Op]>
  : OperationResults[Op];

/** The functions a domain folder provides for its rows of the operation table. */
export type HandlersFor<Names extends OperationName> = { [Op in Names]: (input: ParsedInput<Op>) => HandlerResult<Op> };
