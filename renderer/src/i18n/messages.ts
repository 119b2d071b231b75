import type { Locale } from '../../../shared/i18n';
import { interpolate } from '../../../shared/i18n';
import { commonEs } from './es/common';
import { commonEn } from './en/common';
import { wizardEs } from './es/wizard';
import { wizardEn } from './en/wizard';
import { journalEs } from './es/journal';
import { journalEn } from './en/journal';
import { accountsEs } from './es/accounts';
import { accountsEn } from './en/accounts';
import { settingsEs } from './es/settings';
import { settingsEn } from './en/settings';
import { reportsEs } from './es/reports';
import { reportsEn } from './en/reports';
import { membersEs } from './es/members';
import { membersEn } from './en/members';
import { contributionsEs } from './es/contributions';
import { contributionsEn } from './en/contributions';
import { statementsEs } from './es/statements';
import { statementsEn } from './en/statements';
import { odelEs } from './es/odel';
import { odelEn } from './en/odel';
import { memberCreditEs } from './es/memberCredit';
import { memberCreditEn } from './en/memberCredit';
import { closingEs } from './es/closing';
import { closingEn } from './en/closing';
import { salesEs } from './es/sales';
import { salesEn } from './en/sales';
import { tradeScreensEs } from './es/tradeScreens';
import { tradeScreensEn } from './en/tradeScreens';
import { tradeEs } from './es/trade';
import { tradeEn } from './en/trade';
import { salesPrintEs } from './es/salesPrint';
import { salesPrintEn } from './en/salesPrint';
import { paymentsEs } from './es/payments';
import { paymentsEn } from './en/payments';
import { purchasesEs } from './es/purchases';
import { purchasesEn } from './en/purchases';
import { contractsEs } from './es/contracts';
import { contractsEn } from './en/contracts';
import { acopioEs } from './es/acopio';
import { acopioEn } from './en/acopio';

// Every string the UI shows. Each English section is typed against its Spanish
// one, so a missing translation fails the typecheck.
const messagesEs = { ...commonEs, ...wizardEs, ...journalEs, ...accountsEs, ...settingsEs, ...reportsEs, ...membersEs,
  ...contributionsEs, ...statementsEs, ...odelEs, ...memberCreditEs,
  ...closingEs,
  ...salesEs, ...tradeScreensEs, ...tradeEs,
  ...salesPrintEs,
  ...paymentsEs,
  ...purchasesEs,
  ...contractsEs,
  ...acopioEs,
};
export type MessageKey = keyof typeof messagesEs;

const messagesEn: Record<MessageKey, string> = {
  ...commonEn, ...wizardEn, ...journalEn, ...accountsEn, ...settingsEn, ...reportsEn, ...membersEn,
  ...contributionsEn, ...statementsEn, ...odelEn, ...memberCreditEn,
  ...closingEn,
  ...salesEn, ...tradeScreensEn, ...tradeEn,
  ...salesPrintEn,
  ...paymentsEn,
  ...purchasesEn,
  ...contractsEn,
  ...acopioEn,
};

export const catalogs: Record<Locale, Record<MessageKey, string>> = { es: messagesEs, en: messagesEn };

export type MessageParams = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return interpolate(catalogs[locale][key], params, locale);
}
