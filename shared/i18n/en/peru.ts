/** Error messages for peru (en). Keys are error codes; {name} is filled from the error's params. */
export const peruErrors: Record<string, string> = {
  'peru.ruc.required': 'Enter the RUC: 11 digits, for example 20131312955.',
  'peru.ruc.format':
    'The RUC must have 11 digits, with no letters, spaces or dashes; “{value}” does not. Copy it exactly as on the RUC record.',
  'peru.ruc.prefix':
    'The RUC “{value}” is not valid: it must start with 10, 15, 16, 17 or 20 (an association’s starts with 20).',
  'peru.ruc.checkDigit':
    'The check digit of the RUC “{value}” is not correct: check that all 11 digits were copied correctly.',
  'peru.dni.required': 'Enter the DNI: 8 digits, for example 01234567.',
  'peru.dni.format':
    'The DNI must have exactly 8 digits, with no letters or spaces; “{value}” does not. If it starts with 0, type the 0 too.',
  'peru.ubigeo.required': 'Give the district’s ubigeo: 6 digits, for example 030601.',
  'peru.ubigeo.format':
    'The ubigeo “{value}” is not valid: it must have 6 digits (department, province and district), for example 030601.',
  'peru.ubigeo.unknown': 'The ubigeo “{value}” is not a district of Peru. Look it up by the district’s name.',
  'penalty.termInvalid': 'The delivery term must be a whole number of days, 1 or more; “{value}” is not.',
  'penalty.daysLateInvalid': 'The days late must be a whole number, 0 or more; “{value}” is not.',
  'penalty.amountNegative': 'The amounts a penalty is computed on cannot be negative.',
};
