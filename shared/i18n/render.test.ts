import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KhipuError } from '../errors';
import { errorCodes, errorMessage, interpolate, MAX_PARAM_CHARACTERS, MISSING_PARAM, placeholders, type Locale } from './index';
import { errorsEs } from './es';
import { errorsEn } from './en';

// Every engine message, rendered the way a person sees it: no raw {placeholder}, whatever the params.

const locales: Locale[] = ['es', 'en'];
const templates: Record<Locale, Record<string, string>> = { es: errorsEs, en: errorsEn };
const hasPlural = (template: string) => /\{\w+,\s*plural,/.test(template);

describe('the engine catalogs', () => {
  it('hold the same codes with the same placeholders in Spanish and English', () => {
    expect(errorCodes('en').sort()).toEqual(errorCodes('es').sort());
    // A param given in each language (monthEs / monthEn) counts as one.
    const declared = (template: string) => placeholders(template).map((name) => name.replace(/E[sn]$/, '')).sort().join();
    const differing = errorCodes('es').filter((code) => declared(errorsEs[code]!) !== declared(errorsEn[code]!));
    expect(differing).toEqual([]);
  });

  it('render every message with its declared params and no brace left', () => {
    fc.assert(fc.property(fc.constantFrom(...locales), fc.oneof(fc.string({ maxLength: 80 }), fc.integer()), (locale, value) => {
      for (const code of errorCodes(locale)) {
        const params = Object.fromEntries(placeholders(templates[locale][code]!).map((name) => [name, name === 'count' ? 3 : value]));
        const message = errorMessage(code, params, locale);
        expect(message, code).not.toMatch(/[{}]/);
      }
    }), { numRuns: 30 });
  });

  it('render a message whose params are missing with «…», never the raw placeholder', () => {
    for (const locale of locales) {
      for (const code of errorCodes(locale).filter((c) => !hasPlural(templates[locale][c]!))) {
        const message = errorMessage(code, {}, locale);
        expect(message, code).not.toMatch(/\{\w+\}/);
        if (placeholders(templates[locale][code]!).length > 0) expect(message, code).toContain(MISSING_PARAM);
      }
    }
    expect(interpolate('Falta el campo «{field}».', { field: '' })).toBe('Falta el campo «…».');
  });
});

describe('what a message echoes', () => {
  it('is a short excerpt on one line, and braces typed by the user never pass for a placeholder', () => {
    const typed = `${'{amount}'.repeat(20)}\n${'x'.repeat(10_000)}`;
    const message = new KhipuError('money.invalid', { params: { value: typed } }).message;
    expect(message).not.toMatch(/[{}\n]/);
    expect(message.length).toBeLessThan(MAX_PARAM_CHARACTERS + 80);
    expect(message).toContain('(amount)(amount)');
    expect(message).toContain('…');
  });

  it('keeps file paths whole: the user has to find the backup', () => {
    const backup = `/home/tesorera/${'carpeta/'.repeat(20)}khipu.sqlite.bak`;
    expect(errorMessage('db.migrationFailed', { version: 7, backup })).toContain(backup);
  });
});
