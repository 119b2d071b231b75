import { expect } from 'vitest';
import { KhipuError } from '../errors';
import { errorMessage, hasErrorMessage } from '../i18n';

/** Runs `fn` and returns the KhipuError it throws; anything else fails the test. */
export function khipuError(fn: () => unknown): KhipuError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KhipuError) return error;
    throw error;
  }
  throw new Error('expected a KhipuError');
}

/** The error has the code and field, reads in Spanish by default, and exists in both catalogs. */
export function expectCataloguedError(error: KhipuError, code: string, field: string): void {
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
  expect(hasErrorMessage(code, 'es')).toBe(true);
  expect(hasErrorMessage(code, 'en')).toBe(true);
  expect(error.message).toBe(errorMessage(code, error.params, 'es'));
  expect(error.message).not.toContain('{');
  expect(error.toApiError('en').message).not.toContain('{');
}
