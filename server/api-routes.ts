import type { IncomingMessage, ServerResponse } from 'node:http';
import { operationSchemas } from '../shared/api';
import type { Locale } from '../shared/i18n';
import { dispatchAsync, type LedgerApi } from '../db/api';
import { hasBearerToken, isJsonContentType } from './request-checks';
import { sendError, sendJson } from './responses';

// Room for a padrón spreadsheet (up to 5 MB, base64 in JSON); still small enough to refuse junk fast.
export const maxBodyBytes = 8 * 1024 * 1024;

interface ApiRequestContext {
  api: LedgerApi;
  token: string;
  locale: Locale;
}

/** `GET /api/operations` and `POST /api/<operation>`; everything under /api needs the token. */
export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  { api, token, locale }: ApiRequestContext,
): Promise<void> {
  if (!hasBearerToken(request.headers, token)) return sendError(response, 401, 'http.unauthorized', locale);

  const operation = path.slice('/api/'.length);
  if (operation === 'operations') {
    if (request.method !== 'GET') return sendError(response, 405, 'http.methodNotAllowed', locale, { Allow: 'GET' });
    return sendJson(response, 200, { ok: true, result: { operations: listOperations() } });
  }
  if (request.method !== 'POST') return sendError(response, 405, 'http.methodNotAllowed', locale, { Allow: 'POST' });
  // Requiring JSON also means a plain HTML form on another site cannot post here.
  if (!isJsonContentType(request.headers)) return sendError(response, 415, 'http.unsupportedMediaType', locale);

  const body = await readBody(request);
  if (body === 'tooLarge') return sendError(response, 413, 'http.tooLarge', locale);
  const input = parseJson(body);
  if (input === invalidJson) return sendError(response, 400, 'http.badJson', locale);

  const answer = await dispatchAsync(api, operation, input, locale);
  sendJson(response, answer.ok ? 200 : statusForErrorCode(answer.error.code), answer);
}

function listOperations(): { name: string; inputSchema: unknown }[] {
  return Object.entries(operationSchemas()).map(([name, inputSchema]) => ({ name, inputSchema }));
}

function statusForErrorCode(code: string): number {
  if (code === 'operation.unknown') return 404;
  if (code === 'internal') return 500;
  return 400;
}

/** Collects the body up to the limit; past it, the rest is drained unread so the client still gets its 413. */
function readBody(request: IncomingMessage): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > maxBodyBytes) {
      request.resume();
      return resolve('tooLarge');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        request.off('data', onData).off('end', onEnd);
        request.resume();
        resolve('tooLarge');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    request.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

const invalidJson = Symbol('invalidJson');

/** An empty body means "no input", as for listAssociations. */
function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalidJson;
  }
}
