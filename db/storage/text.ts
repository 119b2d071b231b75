import type Database from 'better-sqlite3';

/**
 * Folds Spanish text for search: no case, no accents, no apostrophes, so
 * "nunez" finds "Nuñez" and "qoy" finds "Q'oy". better-sqlite3 has no ICU,
 * hence a registered function rather than LIKE's ASCII-only folding.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´]/g, '')
    .toLocaleLowerCase('es')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards in user input, for use with ESCAPE '\'. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function registerTextFunctions(db: Database.Database): void {
  db.function('khipu_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : value,
  );
}
