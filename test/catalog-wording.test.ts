import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodes, errorMessage, interpolate, type Locale } from '../shared/i18n';
import { catalogs, translate, type MessageKey } from '../renderer/src/i18n/messages';

// Wording the issue found wrong: "1 cuotas", "asociación(es)", "Cargo" for a board post.

const locales: Locale[] = ['es', 'en'];
const uiMessages = (locale: Locale) => Object.entries(catalogs[locale]) as [MessageKey, string][];
const engineMessages = (locale: Locale) => errorCodes(locale).map((code) => [code, errorMessage(code, {}, locale)] as const);

describe('plural blocks', () => {
  it('choose the branch the count asks for, # standing for the number, in both languages', () => {
    const template = '{count, plural, one {# asociación} other {# asociaciones}}';
    expect(interpolate(template, { count: 1 })).toBe('1 asociación');
    expect(interpolate(template, { count: 0 })).toBe('0 asociaciones');
    expect(interpolate(template, { count: 2 }, 'en')).toBe('2 asociaciones');
    expect(interpolate('{n, plural, =0 {ninguna} one {una} other {#}} y {x}', { n: 0, x: 'y' })).toBe('ninguna y y');
    // Placeholders inside a branch are filled; an unknown count leaves the block visible.
    expect(interpolate('{count, plural, one {la fila {row}} other {# filas, la primera {row}}}', { count: 3, row: 6 })).toBe('3 filas, la primera 6');
    expect(interpolate('{count, plural, one {# fila} other {# filas}}', {})).toBe('… filas');
  });

  it('never leave a brace or a # behind for any count', () => {
    fc.assert(fc.property(fc.nat(1_000_000), fc.constantFrom(...locales), (count, locale) => {
      for (const key of ['odel.totalCount', 'odel.districtCount', 'import.submit', 'import.done'] as const) {
        const text = translate(locale, key, { count });
        expect(text).not.toMatch(/[{}#]/);
        expect(text).toContain(String(count));
      }
      expect(errorMessage('member.importHasErrors', { count, row: 6 }, locale)).not.toMatch(/[{}#]/);
    }));
  });

  it('speak of one thing in the singular', () => {
    expect(translate('es', 'odel.totalCount', { count: 1 })).toBe('Total general: 1 asociación');
    expect(translate('es', 'odel.districtCount', { count: 3 })).toBe('3 asociaciones');
    expect(translate('es', 'import.submit', { count: 1 })).toBe('Importar 1 socio');
    expect(translate('es', 'import.done', { count: 1 })).toBe('Se importó 1 socio.');
    expect(translate('es', 'import.summary', { valid: 1, errors: 1 })).toBe('1 fila correcta, 1 con error.');
    expect(translate('es', 'contrib.type.due.days_after_start', { n: 1 })).toBe('vence al día siguiente');
    expect(translate('es', 'contrib.type.due.days_after_start', { n: 10 })).toBe('vence a los 10 días');
    expect(errorMessage('member.importHasErrors', { count: 1, row: 6 })).toBe(
      'No se importó ningún socio: 1 fila tiene errores (la fila 6). Corrija el archivo y vuelva a intentarlo.',
    );
  });
});

describe('catalog wording', () => {
  it('has no "(s)" / "(es)" plurals in any message', () => {
    for (const locale of locales) {
      const offenders = [...uiMessages(locale), ...engineMessages(locale)]
        .filter(([, text]) => /\p{L}\((?:s|es)\)/u.test(text))
        .map(([key]) => key);
      expect(offenders).toEqual([]);
    }
  });

  it('calls a board post "puesto en la junta directiva", never "cargo" (which is a charge)', () => {
    const postKeys = (key: string) => /(^|\.)(post|posts|noPosts|officer|officers|noOfficers)(\.|$)/.test(key) || key.startsWith('officer.');
    const spanish = [...uiMessages('es'), ...engineMessages('es')].filter(([key]) => postKeys(key));
    expect(spanish.length).toBeGreaterThan(10);
    expect(spanish.filter(([, text]) => /\bcargos?\b/i.test(text)).map(([key]) => key)).toEqual([]);
    expect(translate('es', 'member.post.post')).toBe('Puesto en la junta directiva');
    expect(translate('en', 'member.post.post')).toBe('Board post');
  });

  it('greets everyone alike', () => {
    expect(translate('es', 'wizard.title')).not.toMatch(/^Bienvenid[oa]s?\b/);
  });
});
