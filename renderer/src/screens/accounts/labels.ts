import type { AccountView } from '../../../../shared/results';
import type { MessageKey } from '../../i18n/messages';

/** The account's type in words: Activo, Pasivo, Patrimonio, Ingreso, Gasto. */
export const typeLabel = (account: AccountView): MessageKey => `chart.type.${account.type}`;

/** Heading or postable, in words a treasurer reads. */
export const usageLabel = (account: AccountView): MessageKey => (account.postable ? 'chart.use.postable' : 'chart.use.heading');
