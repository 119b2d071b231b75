import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const htmlType = 'text/html; charset=utf-8';
const contentTypes: Readonly<Record<string, string>> = {
  '.html': htmlType,
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const notBuiltPage = `<!doctype html>
<html lang="es"><meta charset="utf-8"><title>Khipu</title>
<h1>Falta compilar la interfaz</h1>
<p>Ejecute <code>npm run build:renderer</code> (o inicie con <code>npm run serve</code>) y recargue esta página.</p>
</html>
`;

/**
 * The built renderer: real files by path, and index.html for the UI's own routes
 * (paths without an extension), so a reload on /asientos still opens the app.
 */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  staticDirectory: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(request, response, 405, 'Método no permitido.', { Allow: 'GET, HEAD' });
  }
  const root = resolve(staticDirectory);
  const file = resolveInside(root, path);
  if (file === null) return sendText(request, response, 404, 'No encontrado.');

  if (await isFile(file)) return sendFile(request, response, file);
  if (extname(file) !== '') return sendText(request, response, 404, 'No encontrado.');

  const index = resolve(root, 'index.html');
  if (await isFile(index)) return sendFile(request, response, index);
  sendBody(request, response, 503, Buffer.from(notBuiltPage), { 'Content-Type': htmlType });
}

/** The file a URL path names, or null when it would leave the static folder (`..`, encoded or not). */
function resolveInside(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${decoded}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(request: IncomingMessage, response: ServerResponse, file: string): Promise<void> {
  const contentType = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  sendBody(request, response, 200, await readFile(file), { 'Content-Type': contentType });
}

function sendText(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  sendBody(request, response, status, Buffer.from(text), { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
}

function sendBody(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: Buffer,
  headers: Record<string, string>,
): void {
  response.writeHead(status, { ...headers, 'Content-Length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
}
