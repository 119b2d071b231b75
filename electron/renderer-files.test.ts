import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeFor, fileHeaders, resolveRendererFile } from './renderer-files';

const root = resolve('/opt/khipu/dist/renderer');

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy: only our own scripts, no objects, no base, no framing, no forms', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('goes out with every file, with the right content type and nosniff', () => {
    expect(fileHeaders(join(root, 'assets', 'index-abc.js'))).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
  });
});

describe('contentTypeFor', () => {
  it('names the types a Vite build produces (module scripts need a JavaScript type)', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('assets/index-B1x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('assets/index.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('fonts/inter.woff2')).toBe('font/woff2');
    expect(contentTypeFor('LICENSE')).toBe('application/octet-stream');
  });
});

describe('resolveRendererFile', () => {
  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveRendererFile('app://khipu/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveRendererFile('app://khipu/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile('app://khipu/assets/Se%C3%B1al%20a.png', root)).toBe(join(root, 'assets', 'Señal a.png'));
  });

  it('serves index.html for the root and ignores the hash route and the query', () => {
    expect(resolveRendererFile('app://khipu/', root)).toBe(join(root, 'index.html'));
    expect(resolveRendererFile('app://khipu', root)).toBe(join(root, 'index.html'));
    expect(resolveRendererFile('app://khipu/index.html#/print/receipt?id=3', root)).toBe(join(root, 'index.html'));
    expect(resolveRendererFile('app://khipu/index.html?v=2', root)).toBe(join(root, 'index.html'));
  });

  it('never leaves the renderer folder with dot segments, plain or percent-encoded', () => {
    // The URL parser folds `..` and `%2e%2e` segments before we see them: the result stays inside root.
    const plain = resolveRendererFile('app://khipu/../../etc/passwd', root);
    expect(plain).toBe(join(root, 'etc', 'passwd'));
    const encoded = resolveRendererFile('app://khipu/%2e%2e/%2E%2e/etc/passwd', root);
    expect(encoded).toBe(join(root, 'etc', 'passwd'));
    for (const file of [plain, encoded]) expect(file?.startsWith(root + sep)).toBe(true);
  });

  it('refuses encoded separators, backslashes, drive letters, NUL, device names and broken escapes', () => {
    const hostile = [
      'app://khipu/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://khipu/..%2f..%2fetc/passwd',
      'app://khipu/..%5c..%5cwindows%5cwin.ini',
      'app://khipu/assets/%5c..%5c..%5csecret',
      'app://khipu/C:%5cWindows%5cwin.ini',
      'app://khipu/index.html%00.png',
      'app://khipu/%E0%A4%A',
      'app://khipu/assets//x.js',
      'app://khipu/nul',
      'app://khipu/assets/COM1.js',
    ];
    for (const url of hostile) expect(resolveRendererFile(url, root), url).toBeNull();
  });

  it('refuses other origins and schemes', () => {
    for (const url of [
      'app://evil/index.html',
      'app://khipu:8080/index.html',
      'app://user@khipu/index.html',
      'file:///etc/passwd',
      'https://khipu/index.html',
      'not a url',
    ]) {
      expect(resolveRendererFile(url, root), url).toBeNull();
    }
  });

  it('allows names that merely start with dots', () => {
    expect(resolveRendererFile('app://khipu/..assets/a.js', root)).toBe(join(root, '..assets', 'a.js'));
  });
});
