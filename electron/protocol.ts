// Serves the built renderer from `app://khipu/` instead of file://, so the app
// has a real origin, a strict CSP on every response and no access to other files.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-origin';
import { baseHeaders, fileHeaders, resolveRendererFile } from './renderer-files';

/** Must run before `app.whenReady()`: privileges can only be granted at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and a real origin; secure: counts as a secure context;
      // supportFetchAPI: fetch() of our own files; codeCache: faster second start.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function notFound(): Response {
  return new Response('No encontrado', { status: 404, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers app-scheme requests with files under `root` (dist/renderer). Call after ready. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: baseHeaders() });
    }
    const file = resolveRendererFile(request.url, root);
    if (file === null) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: fileHeaders(file) });
    } catch {
      // Missing files and folders read the same: nothing to reveal about the disk.
      return notFound();
    }
  });
}
