import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Locale } from '../shared/i18n';

// Pure checks on a request's headers: who may talk to the server, and in which language to answer.

const loopbackNames = ['127.0.0.1', 'localhost', '::1'];

export function isLoopbackHost(host: string): boolean {
  return loopbackNames.includes(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `::1` → `[::1]`: IPv6 literals need brackets in Host headers and URLs. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The `host:port` values a legitimate request may carry. A page on another site that
 * re-points its own DNS name at 127.0.0.1 still sends its own name, so it is refused.
 */
export function allowedAuthorities(host: string, port: number): Set<string> {
  const names = [...loopbackNames, host].map((name) => hostForUrl(name.toLowerCase()));
  // Browsers omit the default port from Host and Origin.
  return new Set(names.flatMap((name) => (port === 80 ? [`${name}:80`, name] : [`${name}:${port}`])));
}

export function isAllowedHost(headers: IncomingHttpHeaders, authorities: Set<string>): boolean {
  return headers.host !== undefined && authorities.has(headers.host.toLowerCase());
}

/** No Origin is fine (curl, scripts); any other origin means another web page is calling. */
export function isAllowedOrigin(headers: IncomingHttpHeaders, authorities: Set<string>): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  const prefix = 'http://';
  return origin.toLowerCase().startsWith(prefix) && authorities.has(origin.slice(prefix.length).toLowerCase());
}

/** Compares digests so the check takes the same time whatever the length or content of the guess. */
export function hasBearerToken(headers: IncomingHttpHeaders, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(headers.authorization ?? '');
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

export function isJsonContentType(headers: IncomingHttpHeaders): boolean {
  const mediaType = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** English only when the first preferred language is English; Spanish is Khipu's default. */
export function localeFrom(headers: IncomingHttpHeaders): Locale {
  const firstTag = headers['accept-language']?.split(',')[0]?.trim().toLowerCase() ?? '';
  return firstTag.startsWith('en') ? 'en' : 'es';
}

/** Longest request target served: Khipu's own URLs are short; a longer one is junk or an attack. */
export const maxTargetLength = 2048;

/**
 * The path of a request target in origin form (`/api/x?y`), or null when the target is malformed
 * for this server: absolute form (`http://evil/`), `*`, protocol-relative `//host`, control
 * characters, spaces or raw non-ASCII, invalid percent-encoding, or longer than maxTargetLength.
 * Node's parser lets several of these through to the handler.
 */
export function originFormPath(target: string | undefined): string | null {
  if (target === undefined || target.length > maxTargetLength) return null;
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  if (/[^\x21-\x7E]/.test(target)) return null;
  if (/%(?![0-9A-Fa-f]{2})/.test(target)) return null;
  const rawPath = target.split(/[?#]/, 1)[0]!;
  try {
    decodeURIComponent(rawPath); // %C0%AF and other bytes that are not UTF-8
  } catch {
    return null;
  }
  return new URL(target, 'http://khipu.invalid').pathname;
}

/** Node keeps only the first of repeated Host headers; a request that sends two is ambiguous, so refused. */
export function hasOneHostAtMost(request: Pick<IncomingMessage, 'rawHeaders'>): boolean {
  let hosts = 0;
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    if (request.rawHeaders[index]!.toLowerCase() === 'host') hosts += 1;
  }
  return hosts <= 1;
}
