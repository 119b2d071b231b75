import { isIsoDate } from '../../../shared/dates';
import { bookGroupings, tradeSides, type BookGrouping, type TradeSide } from '../../../shared/operations/trade';
import { positiveId } from '../format/params';

// How the trade print routes read their address back (E5): null when anything required is missing
// or malformed, so the route says so instead of printing nonsense. Dates are ISO (yyyy-mm-dd).

/** An optional date: undefined when absent, null when malformed. */
function optionalDate(params: URLSearchParams, key: string): string | undefined | null {
  const value = params.get(key);
  if (value === null || value === '') return undefined;
  return isIsoDate(value) ? value : null;
}

function side(params: URLSearchParams): TradeSide | undefined | null {
  const value = params.get('side');
  if (value === null || value === '') return undefined;
  return (tradeSides as readonly string[]).includes(value) ? (value as TradeSide) : null;
}

export function readPartyStatementParams(params: URLSearchParams) {
  const associationId = positiveId(params.get('associationId'));
  const partyId = positiveId(params.get('partyId'));
  const from = optionalDate(params, 'from');
  const to = optionalDate(params, 'to');
  const chosen = side(params);
  if (associationId === null || partyId === null || from === null || to === null || chosen === null) return null;
  return { associationId, partyId, side: chosen, from: from ?? null, to: to ?? null };
}

export function readAgingParams(params: URLSearchParams) {
  const associationId = positiveId(params.get('associationId'));
  const asOf = optionalDate(params, 'asOf');
  const chosen = side(params);
  if (associationId === null || asOf === null || chosen === null || chosen === undefined) return null;
  return { associationId, side: chosen, asOf };
}

export function readPeriodParams(params: URLSearchParams) {
  const associationId = positiveId(params.get('associationId'));
  const from = optionalDate(params, 'from');
  const to = optionalDate(params, 'to');
  if (associationId === null || !from || !to) return null;
  return { associationId, from, to };
}

export function readBookParams(params: URLSearchParams) {
  const period = readPeriodParams(params);
  const value = params.get('groupBy') || 'document';
  if (period === null || !(bookGroupings as readonly string[]).includes(value)) return null;
  return { ...period, groupBy: value as BookGrouping };
}
