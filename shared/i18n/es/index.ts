import { commonErrors } from './common';
import { moneyErrors } from './money';
import { peruErrors } from './peru';
import { ledgerErrors } from './ledger';
import { contributionsErrors } from './contributions';
import { membersErrors } from './members';
import { reportsErrors } from './reports';
import { exportsErrors } from './exports';
import { integrityMessages } from './integrity';
import { salesErrors } from './sales';
import { purchasesErrors } from './purchases';
import { tradeErrors } from './trade';
import { partiesErrors } from './parties';
import { stockErrors } from './stock';
import { paymentsErrors } from './payments';
import { contractsErrors } from './contracts';
import { acopioErrors } from './acopio';

export const errorsEs = {
  ...commonErrors,
  ...moneyErrors,
  ...peruErrors,
  ...ledgerErrors,
  ...contributionsErrors,
  ...membersErrors,
  ...reportsErrors,
  ...exportsErrors,
  ...integrityMessages,
  ...salesErrors,
  ...purchasesErrors,
  ...tradeErrors,
  ...partiesErrors,
  ...stockErrors,
  ...paymentsErrors,
  ...contractsErrors,
  ...acopioErrors,
};
