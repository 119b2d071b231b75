import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KhipuError } from './errors';
import { cleanText, excerpt, foldText, readText, textProblem } from './text';

// What a person types is stored one way: invisible characters gone, NFC, trimmed; unusable text is refused.

const invisibles = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\u2063', '\u2064', '\uFEFF', '\u00AD', '\u061C',
  '\u202E', '\uFE0F', '\uFE00', '\u034F', '\u3164', '\u115F', '\u2800', '\u{E0041}', '\u{E0100}'];
const invisible = fc.constantFrom(...invisibles);
/** Any text at all, lone surrogates and controls included. */
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom(...invisibles, '\u0301', ' ', '\t', '\n', '\u00A0'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))), maxLength: 30 });

describe('cleanText', () => {
  it('strips invisible characters, composes accents and trims', () => {
    expect(cleanText('  Ana\u200B María\u00AD  ')).toBe('Ana María');
    expect(cleanText('Jose\u0301')).toBe('José');
    expect(cleanText('e\u200D\u0301')).toBe('é'); // a joiner kept the accent from its letter
    expect(cleanText('\u0301\u0301 Ana')).toBe('Ana'); // marks with no letter before them
    expect(cleanText('\uFEFFQ’ero\u2060')).toBe('Q’ero');
  });

  it('is idempotent, answers NFC, has no invisible character and no blank at its edges', () => {
    fc.assert(fc.property(anyText, (value) => {
      const cleaned = cleanText(value);
      expect(cleanText(cleaned)).toBe(cleaned);
      expect(cleaned.normalize('NFC')).toBe(cleaned);
      for (const character of invisibles) expect(cleaned).not.toContain(character);
      expect(cleaned).toBe(cleaned.trim());
      expect(cleaned).not.toMatch(/^\p{M}/u);
    }), { numRuns: 2000 });
  });

  it('makes names that differ only by invisible characters one name', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(12), invisible), { maxLength: 4 }), (name, inserts) => {
      const dirty = [...name]; // by code point, so no insertion splits a surrogate pair
      for (const [at, character] of inserts) dirty.splice(at, 0, character);
      expect(cleanText(dirty.join(''))).toBe(cleanText(name));
      expect(foldText(dirty.join(''))).toBe(foldText(name)); // and searches find them either way
    }));
  });
});

describe('textProblem', () => {
  it('refuses control characters, lone surrogates and text that shows nothing', () => {
    expect(textProblem('Ana\tMaría')).toBe('text.control');
    expect(textProblem('Ana\nMaría')).toBe('text.control');
    expect(textProblem('Ana\u0085María')).toBe('text.control'); // C1 (NEL)
    expect(textProblem('Ana\u0000')).toBe('text.control');
    expect(textProblem('Ana\u2028María')).toBe('text.control');
    expect(textProblem('Ana\uD800')).toBe('text.surrogate');
    expect(textProblem('\uDC00Ana')).toBe('text.surrogate');
    expect(textProblem('\u200B\u200D\uFE0F')).toBe('text.invisible');
    expect(textProblem('\u0301')).toBe('text.invisible'); // a combining mark alone
    expect(textProblem('\u3164')).toBe('text.invisible');
  });

  it('accepts what people write, trailing line breaks of a pasted cell included', () => {
    for (const value of ['Asociación Sumaq Qoy', 'Q’ero', 'Ñañez', '🐄 Leche', '👩‍🌾', 'Juan Pérez\n', '\tMaría', '', '   ']) {
      expect(textProblem(value)).toBeNull();
    }
  });

  it('never lets through text the cleaning would leave with a control, a lone surrogate or nothing visible', () => {
    fc.assert(fc.property(anyText, (value) => {
      const problem = textProblem(value);
      const cleaned = cleanText(value);
      const usable = !/[\uD800-\uDFFF]/u.test(cleaned) && !/[\p{Cc}\u2028\u2029]/u.test(cleaned);
      if (problem === null) {
        expect(usable).toBe(true);
        if (value.trim() !== '') expect(cleaned).not.toBe('');
      } else {
        expect(problem === 'text.invisible' ? cleaned === '' : !usable).toBe(true);
      }
    }), { numRuns: 3000 });
  });
});

describe('readText', () => {
  it('names the field it refuses', () => {
    try {
      readText('\u200B', 'givenNames');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KhipuError);
      expect((error as KhipuError).field).toBe('givenNames');
      expect((error as KhipuError).message).toBe('El campo «givenNames» solo tiene caracteres invisibles. Escriba un texto que se vea.');
    }
    expect(readText(' Rosa\u200B ', 'givenNames')).toBe('Rosa');
  });
});

describe('excerpt', () => {
  it('quotes at most 40 characters, whole code points, on one line', () => {
    expect(excerpt('corto')).toBe('corto');
    expect(excerpt('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
    expect(excerpt('🐄'.repeat(50))).toBe(`${'🐄'.repeat(40)}…`);
    expect(excerpt('a\nb')).toBe('a b');
  });
});
