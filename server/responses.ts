import type { ServerResponse } from 'node:http';
import type { ApiResponse } from '../shared/bridge';
import { KhipuError } from '../shared/errors';
import type { Locale } from '../shared/i18n';

/** Sent on every response, API or static: the UI may load only its own scripts and talk only to this server. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  // The page URL carries the token: never hand it to another site.
  'Referrer-Policy': 'no-referrer',
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body: ApiResponse,
  extraHeaders: Record<string, string> = {},
): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  response.end(json);
}

/** A transport-level refusal (bad token, origin, body…), in the same envelope as an operation's error. */
export function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  locale: Locale,
  extraHeaders: Record<string, string> = {},
): void {
  sendJson(response, status, { ok: false, error: new KhipuError(code).toApiError(locale) }, extraHeaders);
}
