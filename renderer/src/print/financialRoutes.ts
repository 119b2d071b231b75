import { isIsoDate } from '../../../shared/dates';
import { positiveId } from '../format/params';

// Print addresses of the financial reports and the association summaries, and
// how each print route reads its own back. Dates are ISO (yyyy-mm-dd).

export type FinancialPrint = 'balance-sheet' | 'income-statement' | 'cash-book' | 'ledger' | 'contributions' | 'members-by-sex';

type ParamValue = string | number | null | undefined;

/** `/print/<report>?associationId=1&…`, leaving out empty values. */
export function financialPrintRoute(report: FinancialPrint, associationId: number, params: Record<string, ParamValue>): string {
  const search = new URLSearchParams({ associationId: String(associationId) });
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  return `/print/${report}?${search.toString()}`;
}


export interface PrintParams {
  associationId: number;
  dates: Record<string, string>;
  accountId: number | null;
}

/**
 * The association, the named dates (all required, ISO) and an optional `accountId`;
 * null when anything required is missing or malformed, so the route says so instead of printing nonsense.
 */
export function readPrintParams(params: URLSearchParams, dateKeys: readonly string[], accountRequired = false): PrintParams | null {
  const associationId = positiveId(params.get('associationId'));
  if (associationId === null) return null;
  const dates: Record<string, string> = {};
  for (const key of dateKeys) {
    const value = params.get(key) ?? '';
    if (!isIsoDate(value)) return null;
    dates[key] = value;
  }
  const accountText = params.get('accountId');
  const accountId = positiveId(accountText);
  if (accountText !== null && accountId === null) return null;
  if (accountRequired && accountId === null) return null;
  return { associationId, dates, accountId };
}
