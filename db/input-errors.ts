import type { z } from 'zod';
import { KhipuError } from '../shared/errors';
import { hasErrorMessage } from '../shared/i18n';

// zod's own messages are English and technical; a treasurer (or a script's
// author) gets one of our catalogued messages, naming the field, instead.

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The string and number params of a refinement (zod keeps whatever the schema gave). */
function catalogParams(params: unknown): Record<string, string | number> {
  if (params === null || typeof params !== 'object') return {};
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
  );
}

/** The first problem of a failed parse, as a KhipuError whose `field` is the input path (e.g. `lines.0.amount`). */
export function inputError(error: z.ZodError, input: unknown): KhipuError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = path.join('.');
  const refuse = (code: string, params: Record<string, string | number> = {}) =>
    new KhipuError(code, { field, params: { field, ...params } });
  if (!issue) return refuse('input.invalid');
  if (path.length === 0) return new KhipuError('input.notAnObject'); // the input itself is not `{ field: value, … }`
  // Our own refinements carry a catalog code as their message (input.date, text.control, money.lineTooLarge…).
  if (issue.code === 'custom' && hasErrorMessage(issue.message, 'es')) return refuse(issue.message, catalogParams(issue.params));
  if (issue.message === 'input.date' || issue.message === 'input.notInteger') return refuse(issue.message);
  const value = valueAt(input, path);
  if (value === undefined || value === null) return refuse('input.required');
  if (issue.code === 'too_small' && typeof value === 'string') return refuse('input.required'); // blank once trimmed
  if (issue.code === 'too_big' && issue.origin === 'string') return refuse('input.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'invalid_type' && issue.expected === 'int') return refuse('input.notInteger');
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    return refuse(issue.code === 'too_small' ? 'input.tooSmall' : 'input.tooBig', { limit: Number(bound) });
  }
  return refuse('input.invalid');
}
