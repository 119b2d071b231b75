// Argument checks for the one generic IPC handler. Pure, so unit tested in Node.
import type { ApiResponse } from '../shared/bridge';
import { KhipuError } from '../shared/errors';
import type { Locale } from '../shared/i18n';
import { isAppUrl } from './app-origin';

/** Only our own pages may call the ledger: a frame from anywhere else is refused. */
export function isTrustedSenderUrl(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/** 'en' when asked for; Spanish otherwise (the default of the whole app). */
export function normalizeLocale(value: unknown): Locale {
  return value === 'en' ? 'en' : 'es';
}

export type CallArguments =
  | { ok: true; operation: string; input: unknown; locale: Locale }
  | { ok: false; response: ApiResponse };

function describe(value: unknown): string {
  if (value === null) return 'null';
  return `(${typeof value})`;
}

/**
 * What crosses `khipu:call` is untrusted data: the operation must be a string
 * (dispatch then looks it up in the table), the locale 'es' or 'en'.
 */
export function normalizeCallArguments(operation: unknown, input: unknown, locale: unknown): CallArguments {
  const normalizedLocale = normalizeLocale(locale);
  if (typeof operation !== 'string') {
    const error = new KhipuError('operation.unknown', { params: { operation: describe(operation) } });
    return { ok: false, response: { ok: false, error: error.toApiError(normalizedLocale) } };
  }
  return { ok: true, operation, input, locale: normalizedLocale };
}
