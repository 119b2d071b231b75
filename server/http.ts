import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createLedgerApi, type LedgerApi } from '../db/api';
import { openLedgerDatabase, resolveDatabasePath } from '../db/storage/open';
import { handleApiRequest } from './api-routes';
import { allowedAuthorities, hasOneHostAtMost, hostForUrl, isAllowedHost, isAllowedOrigin, localeFrom, originFormPath } from './request-checks';
import { clientErrorResponse, securityHeaders, sendError } from './responses';
import { serveStatic } from './static-files';

// Browser mode: the ledger API over HTTP on this machine, plus the built renderer.

export interface BrowserModeOptions {
  databasePath?: string;
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  token?: string;
  staticDirectory?: string;
  actor?: string;
}

export interface BrowserModeServer {
  /** Opens the UI; carries the token, so treat it like a password. */
  url: string;
  origin: string;
  port: number;
  token: string;
  databasePath: string;
  close(): Promise<void>;
}

const defaultStaticDirectory = fileURLToPath(new URL('../dist/renderer', import.meta.url));

interface RequestContext {
  api: LedgerApi;
  token: string;
  staticDirectory: string;
  /** Filled once listening: the port is only known then when 0 was asked for. */
  authorities: Set<string>;
}

export async function startBrowserModeServer(options: BrowserModeOptions = {}): Promise<BrowserModeServer> {
  const host = options.host ?? '127.0.0.1';
  // `||`, not `??`: an empty token would let anyone in.
  const token = options.token || process.env.KHIPU_TOKEN || randomBytes(32).toString('hex');
  const databasePath = resolveDatabasePath(options.databasePath);
  const db = openLedgerDatabase(databasePath);
  const context: RequestContext = {
    api: createLedgerApi(db, { actor: options.actor }),
    token,
    staticDirectory: options.staticDirectory ?? defaultStaticDirectory,
    authorities: new Set(),
  };
  const server = createServer((request, response) => void handleRequest(request, response, context));
  server.on('clientError', answerClientError);

  let port: number;
  try {
    port = await listen(server, options.port ?? 4173, host);
  } catch (error) {
    db.close();
    throw error;
  }
  context.authorities = allowedAuthorities(host, port);
  // A wildcard bind is reached locally through loopback.
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : hostForUrl(host);
  const origin = `http://${urlHost}:${port}`;

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    databasePath,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      db.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, context: RequestContext): Promise<void> {
  const locale = localeFrom(request.headers);
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
  try {
    // Checked before anything else, so a web page that re-points DNS or posts cross-site learns nothing.
    const path = originFormPath(request.url);
    if (path === null || !hasOneHostAtMost(request)) return sendError(response, 400, 'http.badRequest', locale);
    if (!isAllowedHost(request.headers, context.authorities)) return sendError(response, 403, 'http.forbiddenHost', locale);
    if (!isAllowedOrigin(request.headers, context.authorities)) return sendError(response, 403, 'http.forbiddenOrigin', locale);

    if (path === '/api' || path.startsWith('/api/')) return await handleApiRequest(request, response, path, { ...context, locale });
    await serveStatic(request, response, path, context.staticDirectory);
  } catch (error) {
    console.error('Khipu (modo navegador): error inesperado', error);
    if (response.headersSent) response.destroy();
    else sendError(response, 500, 'internal', locale);
  }
}

/**
 * What Node's own parser refuses (a malformed request line, a bad header, one too large) never
 * reaches handleRequest: it is answered here with a plain 400 (431 for oversized headers) in our
 * envelope and the connection closed, rather than a bare status or a dropped socket.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400));
}
