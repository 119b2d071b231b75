/** Errors any operation can answer (en). */
export const commonErrors: Record<string, string> = {
  internal: 'An internal error occurred. Nothing was saved. If it happens again, contact support.',
  'input.invalid': 'The field “{field}” is not valid.',
  'input.notAnObject': 'The operation’s input is not valid: it must be a JSON object with its fields.',
  'input.tooSmall': 'The field “{field}” must be at least {limit}.',
  'input.tooBig': 'The field “{field}” must be at most {limit}.',
  'input.required': 'The field “{field}” is missing.',
  'input.tooLong': 'The field “{field}” allows at most {max} characters.',
  'input.notInteger': 'The field “{field}” must be a whole number.',
  'input.date': 'The date in “{field}” is not valid. Use the format yyyy-mm-dd (for example 2026-03-15).',
  'operation.unknown': 'The operation “{operation}” does not exist.',
  // Typed text (shared/text.ts)
  'text.control': 'The field “{field}” holds a control character (a tab, a line break or another). Write it on one line.',
  'text.surrogate': 'The field “{field}” holds a broken character (not valid Unicode text). Type it again.',
  'text.invisible': 'The field “{field}” holds only invisible characters. Type text that shows.',
  // Typed dates dd/mm/yyyy (shared/dates.ts)
  'date.format': 'The date “{value}” cannot be read. Write it as day/month/year, for example 15/03/2026.',
  'date.yearZero': 'Year 0 does not exist. Write the year with four digits, for example 15/03/2026.',
  'date.monthMissing': 'Month {month} does not exist: months go from 1 to 12.',
  'date.dayZero': 'Day 0 does not exist: days start at 1.',
  'date.dayMissing': '{monthEn} {year} does not have {day} days: it has {days}.',
  'db.newerVersion':
    'This file was written by a newer Khipu (schema {fileVersion}; this version understands up to {supportedVersion}). Update Khipu to open it. The file was not changed.',
  'db.notKhipu': 'The file “{path}” is not a Khipu database.',
  'db.busy': 'The database is busy in another program. Try again in a few seconds.',
  'db.migrationFailed': 'The database could not be upgraded to version {version}. The file stays at its last good version and a backup is at {backup}.',
  // Browser mode (HTTP transport)
  'http.badRequest': 'Malformed HTTP request: Khipu cannot read it and did nothing.',
  'http.headersTooLarge': 'HTTP request refused: its headers are too large.',
  'http.unauthorized': 'The access token is missing or wrong. Open Khipu with the address printed by `npm run serve` (it includes ?token=…).',
  'http.forbiddenHost': 'Request refused: Khipu only answers on this computer (127.0.0.1 or localhost).',
  'http.forbiddenOrigin': 'Request refused: it comes from another web page, not from Khipu.',
  'http.badJson': 'The request body is not valid JSON.',
  'http.tooLarge': 'The request is too large (at most 8 MiB).',
  'http.unsupportedMediaType': 'The request must be sent as JSON (Content-Type: application/json).',
  'http.methodNotAllowed': 'HTTP method not allowed for this address.',
  'http.unreachable': 'Could not reach Khipu. Is `npm run serve` still running?',
  // Printing (desktop shell)
  'print.invalidRequest': 'The print request is not valid.',
  'print.timeout': 'The document did not finish preparing for printing. Please try again.',
  'print.failed': 'Could not print or save the PDF. Check the printer or the chosen folder and try again.',
};
