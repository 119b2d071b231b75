// Maps `app://khipu/<path>` to a file of the built renderer (dist/renderer) and
// says which headers it is served with. Pure (node:path only) so it is unit
// tested in Node; electron/protocol.ts wires it to `protocol.handle`.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isAppUrl } from './app-origin';

/** Every response of the app scheme carries this policy: only our own files run. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused unless served with a JavaScript type, so this must be right. */
export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for every app-scheme response, found or not. */
export function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

export function fileHeaders(file: string): Record<string, string> {
  return { ...baseHeaders(), 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' };
}

// Windows device names open a device instead of a file, wherever they appear.
const windowsDeviceName = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

function isSafeSegment(segment: string): boolean {
  return (
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    !/[/\\:\0]/.test(segment) &&
    !windowsDeviceName.test(segment)
  );
}

/**
 * The file under `root` that an app URL names, or null when the URL is not
 * ours or would leave `root` (`..`, encoded `%2e%2e`, encoded slashes or
 * backslashes, drive letters). A folder URL (`app://khipu/`) means its index.html.
 */
export function resolveRendererFile(url: string, root: string): string | null {
  if (!isAppUrl(url)) return null;
  // Chromium gives a standard scheme's bare origin the path '/'; Node's parser gives ''.
  const pathname = new URL(url).pathname || '/';
  const path = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  const segments: string[] = [];
  for (const raw of path.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!isSafeSegment(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const inside = relative(base, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}
