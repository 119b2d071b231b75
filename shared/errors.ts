import { errorMessage, type Locale } from './i18n';

/** What crosses every transport when an operation fails. */
export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

export type ErrorParams = Record<string, string | number>;

export interface ErrorContext { code: string; params: ErrorParams }

function composeMessage(code: string, params: ErrorParams, within: ErrorContext | undefined, locale: Locale): string {
  const message = errorMessage(code, params, locale);
  return within ? `${errorMessage(within.code, within.params, locale)} ${message}` : message;
}

/**
 * A refusal the user can act on. The message is looked up in the i18n
 * catalogs by `code`, so the same error reads in Spanish or English.
 */
export class KhipuError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly params: ErrorParams;
  /** Where the refusal happened when it is one item of a batch (e.g. «Asiento 3 del lote …:»), shown first. */
  readonly within: ErrorContext | undefined;

  constructor(code: string, options: { field?: string; params?: ErrorParams; within?: ErrorContext } = {}) {
    super(composeMessage(code, options.params ?? {}, options.within, 'es'));
    this.name = 'KhipuError';
    this.code = code;
    this.field = options.field;
    this.params = options.params ?? {};
    this.within = options.within;
  }

  toApiError(locale: Locale = 'es'): ApiError {
    const error: ApiError = { code: this.code, message: composeMessage(this.code, this.params, this.within, locale) };
    if (this.field !== undefined) error.field = this.field;
    return error;
  }
}

export function isKhipuError(value: unknown): value is KhipuError {
  return value instanceof KhipuError;
}
