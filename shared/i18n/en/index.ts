import { commonErrors } from './common';
import { moneyErrors } from './money';
import { peruErrors } from './peru';
import { ledgerErrors } from './ledger';

export const errorsEn = {
  ...commonErrors,
  ...moneyErrors,
  ...peruErrors,
  ...ledgerErrors,
};
