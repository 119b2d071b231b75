import { KhipuError } from './errors';

/**
 * Characters that print nothing: zero-width spaces and joiners, direction marks, the soft hyphen,
 * the BOM, variation selectors, tag characters (Unicode's Default_Ignorable_Code_Point), every
 * other format character (Cf), and the blank look-alikes Unicode counts as letters or symbols
 * (Hangul fillers, the braille blank). They are stripped from every text a person types, so
 * "Ana" and "A\u200Bna" are one name wherever names must be unique.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/**
 * Folds Spanish and Quechua text for matching: no case, no accents or ñ (NFD +
 * strip marks), no apostrophes ("Q'oy" = "qoy"), hyphens as spaces, single spaces,
 * no invisible characters (rows stored before text was cleaned still match).
 * One rule for every search, in SQL (khipu_fold) and in memory.
 */
export function foldText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ------------------------------------------------------------ typed text

/** Whitespace and combining marks with nothing to sit on, at the start. */
const LEADING_BLANK = /^[\s\p{M}]+/u;
const TRAILING_BLANK = /\s+$/u;
/** C0 and C1 control characters (tab, newline and carriage return included), DEL, and the Unicode line/paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** In u-mode a well-formed pair is one code point, so this matches only a lone surrogate. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * What Khipu stores for what was typed: invisible characters stripped, NFC, edge whitespace (and
 * combining marks with no letter before them) trimmed. Idempotent. It does not judge: see textProblem.
 */
export function cleanText(value: string): string {
  // NFC after stripping too: a stripped joiner may have kept a letter and its accent apart.
  return value.replace(INVISIBLE, '').normalize('NFC').replace(LEADING_BLANK, '').replace(TRAILING_BLANK, '').normalize('NFC');
}

export type TextProblem = 'text.surrogate' | 'text.control' | 'text.invisible';

/**
 * Why typed text cannot be stored, as a catalog code, or null when it can (possibly empty once cleaned:
 * whether empty is allowed is the field's business). Every Khipu text field is a single line (the
 * screens have no multi-line box), so a tab or line break inside the text is refused rather than
 * silently dropped; at its edges it is trimmed like any space (a cell pasted from a spreadsheet).
 */
export function textProblem(value: string): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'text.surrogate';
  const text = cleanText(value);
  if (CONTROL.test(text)) return 'text.control';
  if (text === '' && value.trim() !== '') return 'text.invisible';
  return null;
}

/** True when the text has at least one character that shows. */
export function isVisibleText(value: string): boolean {
  return cleanText(value) !== '';
}

/** A short quotation of what was typed, for messages: at most `max` characters, then «…». */
export function excerpt(value: string, max = 40): string {
  const characters = [...value.replace(/\p{Cc}/gu, ' ')];
  return characters.length <= max ? characters.join('') : `${characters.slice(0, max).join('')}…`;
}

/** What was typed, cleaned, or a KhipuError naming the field: the same rule as the operation schemas, for paths outside zod (the member import). */
export function readText(value: string, field: string): string {
  const problem = textProblem(value);
  if (problem) throw new KhipuError(problem, { field, params: { field } });
  return cleanText(value);
}
