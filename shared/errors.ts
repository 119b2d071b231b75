import { errorMessage, type Locale } from './i18n';

/** What crosses every transport when an operation fails. */
export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

export type ErrorParams = Record<string, string | number>;

/**
 * A refusal the user can act on. The message is looked up in the i18n
 * catalogs by `code`, so the same error reads in Spanish or English.
 */
export class KhipuError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly params: ErrorParams;

  constructor(code: string, options: { field?: string; params?: ErrorParams } = {}) {
    super(errorMessage(code, options.params ?? {}, 'es'));
    this.name = 'KhipuError';
    this.code = code;
    this.field = options.field;
    this.params = options.params ?? {};
  }

  toApiError(locale: Locale = 'es'): ApiError {
    const error: ApiError = { code: this.code, message: errorMessage(this.code, this.params, locale) };
    if (this.field !== undefined) error.field = this.field;
    return error;
  }
}

export function isKhipuError(value: unknown): value is KhipuError {
  return value instanceof KhipuError;
}
