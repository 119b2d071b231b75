import { commonErrors } from './common';
import { moneyErrors } from './money';
import { peruErrors } from './peru';
import { ledgerErrors } from './ledger';

export const errorsEs = {
  ...commonErrors,
  ...moneyErrors,
  ...peruErrors,
  ...ledgerErrors,
};
