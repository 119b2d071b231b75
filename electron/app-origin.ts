// Where the app's own pages live and which URLs may be opened or navigated to.
// Pure (no electron import) so it is unit tested in Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'khipu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The renderer's entry page; routes live in the hash (HashRouter). */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for URLs of our own origin (`app://khipu/...`), nothing else: no port,
 * no credentials, no look-alike host. Node's URL gives `origin: 'null'` for
 * custom schemes, so protocol and host are compared one by one.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The page a renderer route is shown in: `app://khipu/index.html#/print/...`. */
export function appRouteUrl(route: string): string {
  return `${APP_ENTRY_URL}#${route}`;
}

function withoutHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/**
 * A window may only move within the same app document (a hash change or a
 * reload); everything else (other files, other origins, file:, data:) is refused.
 */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  if (!isAppUrl(currentUrl) || !isAppUrl(targetUrl)) return false;
  const current = parse(currentUrl);
  const target = parse(targetUrl);
  return current !== null && target !== null && withoutHash(current) === withoutHash(target);
}

/** Links the system browser may open: plain https without credentials. */
export function isExternalLinkAllowed(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}
