import { errorsEs } from './es';
import { errorsEn } from './en';

export type Locale = 'es' | 'en';
export const defaultLocale: Locale = 'es';

const catalogs: Record<Locale, Record<string, string>> = { es: errorsEs, en: errorsEn };

const pluralRules: Record<Locale, Intl.PluralRules> = { es: new Intl.PluralRules('es'), en: new Intl.PluralRules('en') };

/**
 * Replaces each `{count, plural, one {# cuota} other {# cuotas}}` by the branch the number
 * asks for in the language (Intl.PluralRules; `other` when no branch matches), `#` standing
 * for the number. Branches may hold `{name}` placeholders; without a numeric count the `other`
 * branch is shown with «…» for the number, so no raw block ever reaches a person.
 */
function selectPlurals(template: string, params: Record<string, string | number>, locale: Locale): string {
  const start = /\{(\w+),\s*plural,/g;
  let out = '';
  let from = 0;
  for (let match = start.exec(template); match; match = start.exec(template)) {
    // Find the block's closing brace, and its `key {text}` branches on the way.
    const branches = new Map<string, string>();
    let at = match.index + match[0].length;
    let closed = -1;
    while (at < template.length) {
      const branch = /^\s*(=\d+|\w+)\s*\{/.exec(template.slice(at));
      if (!branch) {
        const end = /^\s*\}/.exec(template.slice(at));
        if (end) closed = at + end[0].length;
        break;
      }
      let depth = 1;
      let cursor = at + branch[0].length;
      while (cursor < template.length && depth > 0) {
        if (template[cursor] === '{') depth += 1;
        else if (template[cursor] === '}') depth -= 1;
        cursor += 1;
      }
      branches.set(branch[1]!, template.slice(at + branch[0].length, cursor - 1));
      at = cursor;
    }
    if (closed < 0) break;
    const count = params[match[1]!];
    const block = template.slice(match.index, closed);
    let text = block;
    if (typeof count === 'number' && Number.isFinite(count)) {
      const chosen = branches.get(`=${count}`) ?? branches.get(pluralRules[locale].select(count)) ?? branches.get('other');
      if (chosen !== undefined) text = chosen.replace(/#/g, String(count));
    } else {
      // No count to choose by: the general form, its number a hole like any missing parameter.
      const general = branches.get('other');
      if (general !== undefined) text = general.replace(/#/g, MISSING_PARAM);
    }
    out += template.slice(from, match.index) + text;
    from = closed;
    start.lastIndex = closed;
  }
  return out + template.slice(from);
}

/** What a placeholder whose parameter is missing prints: never the raw `{name}`. */
export const MISSING_PARAM = '…';

/**
 * Fills `{name}` placeholders and `{count, plural, one {…} other {…}}` blocks. A missing parameter
 * prints «…»: a message with a hole reads better than one with code in it.
 */
export function interpolate(template: string, params: Record<string, string | number>, locale: Locale = defaultLocale): string {
  return selectPlurals(template, params, locale).replace(/\{(\w+)\}/g, (_whole, key: string) => {
    const value: unknown = Object.hasOwn(params, key) ? params[key] : undefined;
    return (typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : MISSING_PARAM;
  });
}

/** Longest a parameter prints in an error message: parameters echo what was typed, and a message quotes, it does not repeat. */
export const MAX_PARAM_CHARACTERS = 60;
/** Parameters that are not typed text and must be read whole (a file path the user has to find). */
const VERBATIM_PARAMS = new Set(['path', 'backup']);

/** A parameter as an error message may show it: one line, braces as parentheses (an echoed "{amount}" is no placeholder), a short excerpt. */
function quotedParam(key: string, value: string | number): string | number {
  if (typeof value === 'number') return value;
  const text = value.replace(/\p{Cc}/gu, ' ').replaceAll('{', '(').replaceAll('}', ')');
  const characters = [...text];
  if (VERBATIM_PARAMS.has(key) || characters.length <= MAX_PARAM_CHARACTERS) return text;
  return `${characters.slice(0, MAX_PARAM_CHARACTERS).join('')}…`;
}

/** The `{name}` placeholders a template fills, plural counts included (a branch's `one {text}` is not one). */
export function placeholders(template: string): string[] {
  const names = template.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{(\w+)(?:\}|,\s*plural,)/g);
  return [...new Set([...names].map((match) => match[1]!))];
}

export function errorMessage(
  code: string,
  params: Record<string, string | number>,
  locale: Locale = defaultLocale,
): string {
  const template = catalogs[locale][code] ?? catalogs.es[code] ?? catalogs[locale]['internal'] ?? code;
  const quoted = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, quotedParam(key, value)]));
  return interpolate(template, quoted, locale);
}

export function hasErrorMessage(code: string, locale: Locale): boolean {
  return code in catalogs[locale];
}

export function errorCodes(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}
