/** Error messages for money (en). Keys are error codes; {name} is filled from the error's params. */
export const moneyErrors: Record<string, string> = {
  'money.required': 'Enter an amount, for example 1,234.50.',
  'money.invalid': 'The amount “{value}” is not valid. Write it as 1,234.50.',
  'money.tooManyDecimals': 'The amount “{value}” has more than two decimals. Write céntimos with two digits, as in 1,234.50.',
  'money.outOfRange': 'The amount “{value}” is too large to record.',
  'money.lineTooLarge': 'The amount in “{field}” is above the most Khipu records: {limit} per amount.',
  'money.documentTooLarge': 'The document total ({total}) is above the most Khipu records: {limit} per document.',
  'money.europeanSeparators':
    'The amount “{value}” uses a point for thousands and a comma for decimals. In Peru it is written 1,234.50 (or 1234,50 without a thousands separator).',
  'money.notCentimos': 'The amount “{value}” is not a whole number of céntimos.',
  'money.notInteger': 'The value “{value}” must be a whole number.',
  'money.divisionByZero': 'An amount cannot be divided by zero.',
  'money.noWeights': 'Give at least one share to split the amount.',
  'money.zeroWeights': 'The amount cannot be split: every share is zero.',
  'money.invalidWeight': 'The share “{value}” is not valid: each share must be a whole number, zero or more.',
  'money.invalidParts': 'An amount cannot be split into “{value}” parts. Give a whole number, 1 or more.',
  'money.negativeInWords': 'The amount “{value}” is negative and cannot be written in words on a receipt.',
};
