import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { operations } from '../shared/api';
import type { ApiResponse } from '../shared/bridge';
import { errorMessage, hasErrorMessage } from '../shared/i18n';
import { tempDatabase } from '../db/testing/temp-db';
import { startBrowserModeServer, type BrowserModeOptions, type BrowserModeServer } from './http';
import { maxBodyBytes } from './api-routes';

// Browser mode end to end: a real server on a free port, a real SQLite file, Node's fetch.

const temp = tempDatabase();
const staticDirectory = join(temp.folder, 'renderer');
const indexHtml = '<!doctype html><title>Khipu</title><script type="module" src="/app.js"></script>';
const appJs = 'console.log("khipu");';
const expectedCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
const association = { name: 'Asociación Sumaq Qoy', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601' };

const started: BrowserModeServer[] = [];
let server: BrowserModeServer;

async function startServer(options: BrowserModeOptions = {}): Promise<BrowserModeServer> {
  const instance = await startBrowserModeServer({ databasePath: temp.path, port: 0, staticDirectory, ...options });
  started.push(instance);
  return instance;
}

beforeAll(async () => {
  mkdirSync(staticDirectory);
  writeFileSync(join(staticDirectory, 'index.html'), indexHtml);
  writeFileSync(join(staticDirectory, 'app.js'), appJs);
  writeFileSync(join(temp.folder, 'secret.txt'), 'not for the browser');
  server = await startServer({ token: 'test-token', actor: 'prueba' });
});

afterAll(async () => {
  await Promise.all(started.map((instance) => instance.close()));
  temp.cleanup();
});

function call(operation: string, input?: unknown, init: { headers?: Record<string, string>; body?: string } = {}) {
  return fetch(`${server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...init.headers },
    body: init.body ?? (input === undefined ? undefined : JSON.stringify(input)),
  });
}

async function envelope(response: Response): Promise<ApiResponse> {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await response.json()) as ApiResponse;
}

function refusal(code: string, locale: 'es' | 'en' = 'es'): ApiResponse {
  return { ok: false, error: { code, message: errorMessage(code, {}, locale) } };
}

async function associationNames(): Promise<string[]> {
  const body = await envelope(await call('listAssociations'));
  expect(body.ok).toBe(true);
  return (body.ok ? (body.result as { name: string }[]) : []).map((a) => a.name);
}

/** Raw request, for what fetch will not send: a forged Host, or `..` left unnormalised in the path. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject).end();
  });
}

describe('the ledger API over HTTP', () => {
  it('refuses a missing or wrong token with 401 and writes nothing', async () => {
    const missing = await call('createAssociation', association, { headers: { Authorization: '' } });
    expect(missing.status).toBe(401);
    expect(await envelope(missing)).toEqual(refusal('http.unauthorized'));

    const wrong = await call('createAssociation', association, { headers: { Authorization: 'Bearer test-tokem' } });
    expect(wrong.status).toBe(401);
    expect(await envelope(wrong)).toEqual(refusal('http.unauthorized'));

    const notBearer = await call('createAssociation', association, { headers: { Authorization: 'test-token' } });
    expect(notBearer.status).toBe(401);

    expect(await associationNames()).toEqual([]);
    expect(temp.db.prepare('SELECT count(*) AS n FROM associations').get()).toEqual({ n: 0 });
  });

  it('refuses a call from another web page (Origin) with 403 and writes nothing', async () => {
    const response = await call('createAssociation', association, { headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
    expect(await envelope(response)).toEqual(refusal('http.forbiddenOrigin'));

    const otherPort = await call('createAssociation', association, { headers: { Origin: 'http://127.0.0.1:1' } });
    expect(otherPort.status).toBe(403);
    const nullOrigin = await call('createAssociation', association, { headers: { Origin: 'null' } });
    expect(nullOrigin.status).toBe(403);

    expect(await associationNames()).toEqual([]);
  });

  it('creates an association and lists it back, from its own origin', async () => {
    const created = await call('createAssociation', association, { headers: { Origin: server.origin } });
    expect(created.status).toBe(200);
    const body = await envelope(created);
    expect(body).toEqual({ ok: true, result: { id: expect.any(Number) } });
    const { id } = (body.ok ? body.result : {}) as { id: number };

    const fromLocalhost = { headers: { Origin: `http://localhost:${server.port}` } };
    expect(await envelope(await call('listAssociations', undefined, fromLocalhost))).toEqual({
      ok: true,
      result: [{ id, name: association.name, ruc: association.ruc, legalForm: 'asociacion', ubigeo: '030601', lockDate: null }],
    });
    const audit = temp.db.prepare('SELECT actor FROM audit_log').all() as { actor: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((row) => row.actor))).toEqual(new Set(['prueba']));
  });

  it('refuses a forged Host header with 403 (DNS rebinding)', async () => {
    const forged = await rawGet('/', { Host: `evil.example:${server.port}` });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body)).toEqual(refusal('http.forbiddenHost'));

    const forgedApi = await rawGet('/api/operations', { Host: 'evil.example', Authorization: `Bearer ${server.token}` });
    expect(forgedApi.status).toBe(403);

    expect((await rawGet('/', { Host: `localhost:${server.port}` })).status).toBe(200);
    expect((await rawGet('/', { Host: `[::1]:${server.port}` })).status).toBe(200);
  });

  it('answers a validation error with 400, the field, and a Spanish message by default', async () => {
    const response = await call('accountBalances', { associationId: 1, date: '15/03/2026' });
    expect(response.status).toBe(400);
    expect(await envelope(response)).toEqual({
      ok: false,
      error: { code: 'input.date', field: 'date', message: errorMessage('input.date', { field: 'date' }, 'es') },
    });
    expect(errorMessage('input.date', { field: 'date' }, 'es')).toContain('aaaa-mm-dd');
  });

  it('answers in English when the first preferred language is English', async () => {
    const response = await call('accountBalances', { associationId: 1, date: '15/03/2026' }, {
      headers: { 'Accept-Language': 'en-GB,es;q=0.5' },
    });
    expect(response.status).toBe(400);
    const body = await envelope(response);
    expect(body.ok === false && body.error.message).toBe(errorMessage('input.date', { field: 'date' }, 'en'));
    expect(body.ok === false && body.error.message).toContain('yyyy-mm-dd');

    const spanishFirst = await envelope(await call('accountBalances', { associationId: 1, date: 'x' }, {
      headers: { 'Accept-Language': 'es-PE,en;q=0.8' },
    }));
    expect(spanishFirst.ok === false && spanishFirst.error.message).toContain('aaaa-mm-dd');
  });

  it('answers an unknown operation with 404', async () => {
    const response = await call('borrarTodo', {});
    expect(response.status).toBe(404);
    expect(await envelope(response)).toEqual({
      ok: false,
      error: { code: 'operation.unknown', message: 'La operación «borrarTodo» no existe.' },
    });
  });

  it('refuses malformed JSON with 400 and a body over the limit with 413', async () => {
    const badJson = await call('listAssociations', undefined, { body: '{"associationId": ' });
    expect(badJson.status).toBe(400);
    expect(await envelope(badJson)).toEqual(refusal('http.badJson'));

    const name = 'x'.repeat(maxBodyBytes);
    const tooLarge = await call('createAssociation', { ...association, name });
    expect(tooLarge.status).toBe(413);
    expect(await envelope(tooLarge)).toEqual(refusal('http.tooLarge'));
    expect(await associationNames()).toEqual([association.name]);
  });

  it('also stops a streamed body (no Content-Length) at the limit', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(maxBodyBytes / 2 + 1));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${server.origin}/api/listAssociations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await envelope(response)).toEqual(refusal('http.tooLarge'));
  });

  it('requires a JSON content type (415) and POST (405 with Allow)', async () => {
    const form = await call('listAssociations', undefined, { headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    expect(await envelope(form)).toEqual(refusal('http.unsupportedMediaType'));

    const get = await fetch(`${server.origin}/api/listAssociations`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await envelope(get)).toEqual(refusal('http.methodNotAllowed'));
  });

  it('marks API responses as not cacheable and sends the security headers', async () => {
    const response = await call('listAssociations');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe(expectedCsp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lists every operation with its input JSON Schema (token required)', async () => {
    const unauthorized = await fetch(`${server.origin}/api/operations`);
    expect(unauthorized.status).toBe(401);

    const response = await fetch(`${server.origin}/api/operations`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(200);
    const body = await envelope(response);
    expect(body.ok).toBe(true);
    const listed = (body.ok ? body.result : null) as { operations: { name: string; inputSchema: { type: string; properties: Record<string, unknown>; required?: string[] } }[] };
    expect(listed.operations.map((op) => op.name)).toEqual(Object.keys(operations));
    for (const op of listed.operations) expect(op.inputSchema.type).toBe('object');
    const postEntry = listed.operations.find((op) => op.name === 'postEntry');
    expect(Object.keys(postEntry?.inputSchema.properties ?? {})).toEqual(['associationId', 'date', 'description', 'lines']);
    expect(postEntry?.inputSchema.required).toEqual(['associationId', 'date', 'description', 'lines']);
  });
});

describe('the built renderer', () => {
  it('serves index.html at / with the CSP, and other files with their type', async () => {
    const index = await fetch(`${server.origin}/?token=${server.token}`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(expectedCsp);
    expect(await index.text()).toBe(indexHtml);

    const script = await fetch(`${server.origin}/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe(appJs);

    const head = await fetch(`${server.origin}/app.js`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(appJs)));
  });

  it('answers the UI routes with index.html, but a missing asset with 404', async () => {
    const route = await fetch(`${server.origin}/asientos/2026-1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(indexHtml);
    expect((await fetch(`${server.origin}/assets/missing.js`)).status).toBe(404);
  });

  // fetch and the URL parser fold plain `..`; encoded slashes survive until the server decodes them.
  it.each([
    ['/../secret.txt', 404],
    ['/..%2fsecret.txt', 404],
    ['/%2e%2e%2fsecret.txt', 404],
    ['/..%5csecret.txt', 404],
    ['/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', 404],
    ['/../../../../../../etc/passwd', 200], // folded to /etc/passwd inside the folder: a UI route
  ])('never serves a file outside the folder: %s', async (path, status) => {
    const response = await rawGet(path, { Host: `127.0.0.1:${server.port}` });
    expect(response.status).toBe(status);
    expect(response.body).toBe(status === 200 ? indexHtml : 'No encontrado.');
  });

  it('explains in Spanish how to build the UI when it is not built yet', async () => {
    const unbuilt = await startServer({ staticDirectory: join(temp.folder, 'no-renderer') });
    const response = await fetch(`${unbuilt.origin}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('npm run build:renderer');
  });
});

/** Sends bytes as they are over TCP, so malformed request lines reach the server; answers the raw response. */
function rawExchange(bytes: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    });
    socket.write(bytes); // not end(): a half-closed socket may be dropped before a slower answer is written
  });
}

describe('malformed requests', () => {
  const host = () => `Host: 127.0.0.1:${server.port}\r\n`;
  const badRequest = { ok: false, error: { code: 'http.badRequest', message: errorMessage('http.badRequest', {}) } };

  it.each([
    ['a target that is not valid percent-encoding', 'GET /%zz HTTP/1.1'],
    ['a percent-encoding that is not UTF-8', 'GET /%C0%AF HTTP/1.1'],
    ['an absolute-form target', 'GET http://evil/ HTTP/1.1'],
    ['an absolute-form API call', 'POST http://127.0.0.1/api/listAssociations HTTP/1.1'],
    ['a protocol-relative target', 'GET //evil/x HTTP/1.1'],
    ['the asterisk form', 'OPTIONS * HTTP/1.1'],
    ['an overlong URL', `GET /${'a'.repeat(5000)} HTTP/1.1`],
    ['raw non-ASCII in the target', 'GET /caf\u00e9 HTTP/1.1'],
    ['a DEL in the target', 'GET /a\u007fb HTTP/1.1'],
  ])('answers 400 in our envelope to %s', async (_name, requestLine) => {
    const response = await rawExchange(`${requestLine}\r\n${host()}Connection: close\r\n\r\n`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual(badRequest);
  });

  it('refuses a request with two Host headers, even when both are allowed', async () => {
    const response = await rawExchange(`GET / HTTP/1.1\r\n${host()}${host()}Connection: close\r\n\r\n`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual(badRequest);
  });

  it.each([
    ['a control character in the target', 'GET /a\u0001b HTTP/1.1\r\n'],
    ['junk after the version', 'GET / HTTP/1.1 extra\r\n'],
    ['a request line of junk', '\u0000\u0001\u0002 junk\r\n'],
    ['a space inside the target', 'GET /a b HTTP/1.1\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/9.9\r\n'],
    ['a header without a colon', `GET / HTTP/1.1\r\n${'Host 127.0.0.1'}\r\n`],
  ])('answers what Node itself refuses (%s) with a clean 400, never a dropped socket or a 500', async (_name, start) => {
    const response = await rawExchange(`${start}Connection: close\r\n\r\n`);
    expect(response.status).toBe(400);
    expect(response.headers).toContain('Content-Type: application/json; charset=utf-8');
    expect(JSON.parse(response.body)).toEqual(badRequest);
  });

  it('answers oversized headers with 431, and the server keeps serving', async () => {
    const response = await rawExchange(`GET / HTTP/1.1\r\n${host()}X-Big: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(response.status).toBe(431);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'http.headersTooLarge' } });
    expect((await call('listAssociations')).status).toBe(200);
  });

  it('still serves a well-formed request over the same raw path', async () => {
    const response = await rawExchange(`GET /app.js?v=1%20 HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`);
    expect(response.status).toBe(200);
    expect(response.body).toBe(appJs);
  });
});

describe('starting the server', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('takes the token from KHIPU_TOKEN, else makes a fresh random one, and puts it in the URL', async () => {
    vi.stubEnv('KHIPU_TOKEN', 'from-env');
    const fromEnv = await startServer();
    expect(fromEnv.token).toBe('from-env');
    expect(fromEnv.url).toBe(`http://127.0.0.1:${fromEnv.port}/?token=from-env`);

    vi.stubEnv('KHIPU_TOKEN', '');
    const first = await startServer();
    const second = await startServer();
    expect(first.token).toMatch(/^[0-9a-f]{64}$/);
    expect(first.token).not.toBe(second.token);
  });

  it('refuses a port in use, leaving the first server running', async () => {
    await expect(startServer({ port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect((await call('listAssociations')).status).toBe(200);
  });
});

describe('error catalogs', () => {
  it.each([
    'http.unauthorized', 'http.forbiddenHost', 'http.forbiddenOrigin', 'http.badJson', 'http.tooLarge',
    'http.unsupportedMediaType', 'http.methodNotAllowed', 'http.badRequest', 'http.headersTooLarge',
  ])('have a Spanish and an English message for %s', (code) => {
    expect(hasErrorMessage(code, 'es')).toBe(true);
    expect(hasErrorMessage(code, 'en')).toBe(true);
  });
});
