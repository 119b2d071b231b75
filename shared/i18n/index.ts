import { errorsEs } from './es';
import { errorsEn } from './en';

export type Locale = 'es' | 'en';
export const defaultLocale: Locale = 'es';

const catalogs: Record<Locale, Record<string, string>> = { es: errorsEs, en: errorsEn };

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function errorMessage(
  code: string,
  params: Record<string, string | number>,
  locale: Locale = defaultLocale,
): string {
  const template = catalogs[locale][code] ?? catalogs.es[code] ?? catalogs[locale]['internal'] ?? code;
  return interpolate(template, params);
}

export function hasErrorMessage(code: string, locale: Locale): boolean {
  return code in catalogs[locale];
}

export function errorCodes(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}
