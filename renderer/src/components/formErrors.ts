import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiCallError } from '../api/client';

/**
 * Puts an engine refusal next to the field it names; anything else becomes the
 * form's own message (shown in an ErrorAlert from `errors.root`).
 * `fieldMap` translates API field paths into this form's field names.
 */
export function showApiError<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  fieldMap: Record<string, Path<Values>> | ((apiField: string) => Path<Values> | undefined),
  fallbackMessage: string,
): void {
  if (!(error instanceof ApiCallError)) {
    setError('root', { message: fallbackMessage });
    return;
  }
  const target = !error.field ? undefined : typeof fieldMap === 'function' ? fieldMap(error.field) : fieldMap[error.field];
  if (target) setError(target, { message: error.message }, { shouldFocus: true });
  else setError('root', { message: error.message });
}
