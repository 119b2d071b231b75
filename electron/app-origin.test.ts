import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appRouteUrl, isAllowedNavigation, isAppUrl, isExternalLinkAllowed } from './app-origin';

describe('isAppUrl', () => {
  it('accepts our own origin', () => {
    expect(APP_ENTRY_URL).toBe('app://khipu/index.html');
    expect(isAppUrl('app://khipu/index.html')).toBe(true);
    expect(isAppUrl('app://khipu/index.html#/print/receipt?id=1')).toBe(true);
    expect(isAppUrl('app://khipu/')).toBe(true);
  });

  it('rejects look-alikes and everything else', () => {
    for (const url of [
      'app://khipu.evil/index.html',
      'app://evil/index.html',
      'app://khipu:1234/index.html',
      'app://a:b@khipu/index.html',
      'apps://khipu/index.html',
      'http://khipu/index.html',
      'http://evil.example/',
      'file:///C:/khipu/index.html',
      'data:text/html,<h1>x</h1>',
      'about:blank',
      '',
      'garbage',
      null,
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('appRouteUrl', () => {
  it('puts the route in the hash of the entry page (HashRouter)', () => {
    expect(appRouteUrl('/print/trial-balance?associationId=1&to=2026-12-31')).toBe(
      'app://khipu/index.html#/print/trial-balance?associationId=1&to=2026-12-31',
    );
  });
});

describe('isAllowedNavigation', () => {
  it('allows hash changes and reloads within the app page', () => {
    expect(isAllowedNavigation('app://khipu/index.html#/', 'app://khipu/index.html#/journal')).toBe(true);
    expect(isAllowedNavigation('app://khipu/index.html', 'app://khipu/index.html')).toBe(true);
  });

  it('blocks other documents, other origins and other schemes', () => {
    expect(isAllowedNavigation('app://khipu/index.html', 'app://khipu/other.html')).toBe(false);
    expect(isAllowedNavigation('app://khipu/index.html', 'https://evil.example/')).toBe(false);
    expect(isAllowedNavigation('app://khipu/index.html', 'file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://khipu/index.html', 'data:text/html,hi')).toBe(false);
    expect(isAllowedNavigation('about:blank', 'app://khipu/index.html')).toBe(false);
  });
});

describe('isExternalLinkAllowed', () => {
  it('opens only plain https links in the system browser', () => {
    expect(isExternalLinkAllowed('https://www.sunat.gob.pe/')).toBe(true);
    expect(isExternalLinkAllowed('http://www.sunat.gob.pe/')).toBe(false);
    expect(isExternalLinkAllowed('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isExternalLinkAllowed('smb://server/share')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('https://user:pw@example.com/')).toBe(false);
    expect(isExternalLinkAllowed('not a url')).toBe(false);
  });
});
