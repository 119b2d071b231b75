import type Database from 'better-sqlite3';
import { foldText } from '../../shared/text';

/** Escapes LIKE wildcards in user input, for use with ESCAPE '\'. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

// better-sqlite3 has no ICU, hence a registered function rather than LIKE's ASCII-only folding.
export function registerTextFunctions(db: Database.Database): void {
  db.function('khipu_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : value,
  );
}
