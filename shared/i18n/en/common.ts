/** Errors any operation can answer (en). */
export const commonErrors: Record<string, string> = {
  internal: 'An internal error occurred. Nothing was saved. If it happens again, contact support.',
  'input.invalid': 'The field “{field}” is not valid: {detail}',
  'input.required': 'The field “{field}” is missing.',
  'input.tooLong': 'The field “{field}” allows at most {max} characters.',
  'input.notInteger': 'The field “{field}” must be a whole number.',
  'input.date': 'The date in “{field}” is not valid. Use the format yyyy-mm-dd (for example 2026-03-15).',
  'operation.unknown': 'The operation “{operation}” does not exist.',
  'db.newerVersion':
    'This file was written by a newer Khipu (schema {fileVersion}; this version understands up to {supportedVersion}). Update Khipu to open it. The file was not changed.',
  'db.notKhipu': 'The file “{path}” is not a Khipu database.',
  'db.busy': 'The database is busy in another program. Try again in a few seconds.',
  'db.migrationFailed': 'The database could not be upgraded to version {version}. The file stays at its last good version and a backup is at {backup}.',
};
