import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl, normalizeCallArguments, normalizeLocale } from './ipc-args';

describe('isTrustedSenderUrl', () => {
  it('accepts frames of the app origin', () => {
    expect(isTrustedSenderUrl('app://khipu/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://khipu/index.html#/print/receipt?id=7')).toBe(true);
  });

  it('rejects web pages, files, data URLs and missing frames', () => {
    expect(isTrustedSenderUrl('http://evil')).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/index.html')).toBe(false);
    expect(isTrustedSenderUrl('file:///home/rosa/khipu/index.html')).toBe(false);
    expect(isTrustedSenderUrl('data:text/html,<script>khipu.call()</script>')).toBe(false);
    expect(isTrustedSenderUrl('about:blank')).toBe(false);
    expect(isTrustedSenderUrl(null)).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});

describe('normalizeLocale', () => {
  it("is 'en' only when asked for, Spanish otherwise", () => {
    expect(normalizeLocale('en')).toBe('en');
    expect(normalizeLocale('es')).toBe('es');
    expect(normalizeLocale(undefined)).toBe('es');
    expect(normalizeLocale('fr')).toBe('es');
    expect(normalizeLocale(['en'])).toBe('es');
  });
});

describe('normalizeCallArguments', () => {
  it('passes a string operation, its input and the locale through', () => {
    const input = { associationId: 1 };
    expect(normalizeCallArguments('listAccounts', input, 'en')).toEqual({
      ok: true,
      operation: 'listAccounts',
      input: { associationId: 1 },
      locale: 'en',
    });
    expect(normalizeCallArguments('listAssociations', undefined, undefined)).toEqual({
      ok: true,
      operation: 'listAssociations',
      input: undefined,
      locale: 'es',
    });
  });

  it('answers operation.unknown (as data, in the asked locale) when the operation is not a string', () => {
    expect(normalizeCallArguments(42, {}, 'es')).toEqual({
      ok: false,
      response: { ok: false, error: { code: 'operation.unknown', message: 'La operación «(number)» no existe.' } },
    });
    expect(normalizeCallArguments({ toString: 'x' }, {}, 'en')).toEqual({
      ok: false,
      response: { ok: false, error: { code: 'operation.unknown', message: 'The operation “(object)” does not exist.' } },
    });
    const missing = normalizeCallArguments(null, {}, 'es');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.response).toMatchObject({ ok: false, error: { code: 'operation.unknown' } });
  });
});
