import { userInfo } from 'node:os';
import { operations, isOperationName, type OperationName, type OperationInput, type ParsedInput } from '../shared/api';
import type { AssociationSummary } from '../shared/results';
import { KhipuError } from '../shared/errors';
import type { ApiResponse } from '../shared/bridge';
import type { Locale } from '../shared/i18n';
import type { WriteContext } from './audit/log';
import type { LedgerDatabase } from './storage/open';
import { createAssociation, getAssociation, setLockDate, updateAssociation } from './associations/service';
import { addAccount, listAccounts, renameAccount, setAccountArchived } from './accounts/service';
import { postEntry, reverseEntry } from './journal/post';
import { postEntries } from './journal/batch';
import { getEntry, listJournal } from './journal/list';
import { inputError } from './input-errors';
import { bulkWrite } from './storage/write';
import { prepared } from './storage/statements';
import type { HandlerResult, HandlersFor } from './handlers';
import { membersHandlers } from './members/handlers';
import { contributionsHandlers } from './contributions/handlers';
import { reportsHandlers } from './reports/handlers';
import { odelHandlers } from './odel/handlers';
import { exportsHandlers } from './exports/handlers';
import { closingHandlers } from './closing/handlers';
import { integrityHandlers } from './integrity/handlers';
import { tradeHandlers } from './trade/handlers';
import { salesHandlers } from './sales/handlers';
import { partiesHandlers } from './parties/handlers';
import { stockHandlers } from './stock/handlers';
import { paymentsHandlers } from './payments/handlers';
import { purchasesHandlers } from './purchases/handlers';
import { contractsHandlers } from './contracts/handlers';
import { acopioHandlers } from './acopio/handlers';
import { openExampleAssociation } from './demo/example';
import { accountActivity, balancesAt, trialBalance } from './reports/balances';


type Handlers = HandlersFor<OperationName>;

function handlers(db: LedgerDatabase, context: WriteContext, self: () => LedgerApi) {
  return {
    listAssociations: (_input: ParsedInput<'listAssociations'>) =>
      db.prepare('SELECT id, name, ruc, legal_form AS legalForm, ubigeo, lock_date AS lockDate FROM associations ORDER BY name')
        .all() as AssociationSummary[],
    getAssociation: (input) => getAssociation(db, input.associationId),
    createAssociation: (input) => ({ id: createAssociation(db, context, input) }),
    updateAssociation: (input) => updateAssociation(db, context, input),
    // All or nothing: a power cut halfway leaves no half-built example behind.
    openExampleAssociation: (_input) => bulkWrite(db, () => openExampleAssociation(self(), context.now())),
    setLockDate: (input) => setLockDate(db, context, input.associationId, input.lockDate, input.reason ?? undefined),
    listAccounts: (input) => listAccounts(db, input.associationId, input.search),
    addAccount: (input) => addAccount(db, context, input),
    renameAccount: (input) => renameAccount(db, context, input),
    setAccountArchived: (input) => setAccountArchived(db, context, input),
    postEntry: (input) => postEntry(db, context, input),
    postEntries: (input) => postEntries(db, context, input),
    reverseEntry: (input) => reverseEntry(db, context, input),
    getEntry: (input) => getEntry(db, input.entryId),
    accountBalances: (input) => balancesAt(db, input),
    accountActivity: (input) => accountActivity(db, input),
    trialBalance: (input) => trialBalance(db, input),
    listJournal: (input) => listJournal(db, input),
    ...membersHandlers(db, context),
    ...contributionsHandlers(db, context),
    ...reportsHandlers(db, context),
    ...odelHandlers(db, context),
    ...exportsHandlers(db, context),
    ...closingHandlers(db, context),
    ...integrityHandlers(db, context),
    ...tradeHandlers(db, context),
    ...salesHandlers(db, context),
    ...partiesHandlers(db, context),
    ...stockHandlers(db, context),
    ...paymentsHandlers(db, context),
    ...purchasesHandlers(db, context),
    ...contractsHandlers(db, context),
    ...acopioHandlers(db, context),
  } satisfies Handlers;
}

/**
 * When an input names an association that does not exist, that is what the caller is told, naming
 * associationId, even if a service first failed to find the account, member or type the input also
 * names (which also "does not exist" there). Looked up only on failure: the success path pays nothing.
 */
function blameMissingAssociation(db: LedgerDatabase, input: unknown, error: unknown): unknown {
  const notFound = !(error instanceof KhipuError) || (error.code.endsWith('.notFound') && error.field !== 'associationId');
  const associationId = (input as { associationId?: unknown }).associationId;
  if (!notFound || typeof associationId !== 'number') return error;
  if (prepared(db, 'SELECT 1 FROM associations WHERE id = ?').get(associationId) !== undefined) return error;
  return new KhipuError('association.notFound', { field: 'associationId', params: { id: associationId } });
}

/** One method per operation: takes the input as a caller writes it, answers the contract's result. */
export type LedgerApi = { [Op in OperationName]: (input: OperationInput<Op>) => HandlerResult<Op> };

export interface LedgerApiOptions {
  actor?: string;
  now?: () => Date;
}

/**
 * The ledger's one API: every input is parsed with its schema before it reaches a service.
 * Methods throw KhipuError; `dispatch` turns any failure into data for the transports.
 */
export function createLedgerApi(db: LedgerDatabase, options: LedgerApiOptions = {}): LedgerApi {
  const context: WriteContext = { actor: options.actor ?? userInfo().username, now: options.now ?? (() => new Date()) };
  const raw = handlers(db, context, () => api as unknown as LedgerApi) as Record<OperationName, (input: unknown) => unknown>;
  const api = {} as Record<OperationName, (input: unknown) => unknown>;
  for (const name of Object.keys(operations) as OperationName[]) {
    api[name] = (input: unknown) => {
      const parsed = operations[name].input.safeParse(input ?? {});
      if (!parsed.success) throw inputError(parsed.error, input);
      try {
        const result = raw[name](parsed.data);
        return result instanceof Promise ? result.catch((error: unknown) => { throw blameMissingAssociation(db, parsed.data, error); }) : result;
      } catch (error) {
        throw blameMissingAssociation(db, parsed.data, error);
      }
    };
  }
  return api as unknown as LedgerApi;
}

export type DispatchResult = ApiResponse;

/** Any failure as data: our refusals in the user's language, anything else as a bare "internal" error. */
function failure(error: unknown, locale: Locale): ApiResponse {
  if (error instanceof KhipuError) return { ok: false, error: error.toApiError(locale) };
  // A trigger's RAISE carries one of our codes; anything else stays internal and is never shown raw.
  const code = error instanceof Error ? /^[a-z]+\.[a-zA-Z]+$/.exec(error.message)?.[0] : undefined;
  if (!code) console.error('Khipu: error inesperado', error);
  return { ok: false, error: new KhipuError(code ?? 'internal').toApiError(locale) };
}

function unknownOperation(operation: string, locale: Locale): ApiResponse {
  return { ok: false, error: new KhipuError('operation.unknown', { params: { operation } }).toApiError(locale) };
}

/** What the transports call: every operation, synchronous or not, answered as an envelope. */
export async function dispatchAsync(api: LedgerApi, operation: string, input: unknown, locale: Locale = 'es'): Promise<ApiResponse> {
  if (!isOperationName(operation)) return unknownOperation(operation, locale);
  try {
    const call = api[operation] as (input: unknown) => unknown;
    return { ok: true, result: (await call(input)) ?? null };
  } catch (error) {
    return failure(error, locale);
  }
}

/** The same for synchronous operations, for scripts and tests that want the envelope at once. */
export function dispatch(api: LedgerApi, operation: string, input: unknown, locale: Locale = 'es'): DispatchResult {
  if (!isOperationName(operation)) return unknownOperation(operation, locale);
  try {
    const call = api[operation] as (input: unknown) => unknown;
    const result = call(input);
    if (result instanceof Promise) {
      result.catch(() => undefined); // answered below as a misuse; the late outcome is dropped
      throw new Error(`${operation} is asynchronous: use dispatchAsync`);
    }
    return { ok: true, result: result ?? null };
  } catch (error) {
    return failure(error, locale);
  }
}
