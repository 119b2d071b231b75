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

/** A whole raw HTTP response for a request Node could not parse (no ServerResponse exists then); Spanish, Khipu's default. */
export function clientErrorResponse(status: 400 | 431): string {
  const code = status === 431 ? 'http.headersTooLarge' : 'http.badRequest';
  const body = JSON.stringify({ ok: false, error: new KhipuError(code).toApiError('es') } satisfies ApiResponse);
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  const headers = [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    ...Object.entries(securityHeaders).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}
