import type { RendicionConceptRow, RendicionDeCuentas } from '../../../../shared/operations/trade';
import type { MessageKey, MessageParams } from '../../i18n/messages';
import { formatMoney } from '../../format/format';

type Translate = (key: MessageKey, params?: MessageParams) => string;

// The rendición's words, the same on the screen and on the paper the assembly approves.

/** A concept in the words of the assembly: "Cuotas", "Compras: Fletes y pasajes". */
export function conceptWords(t: Translate, side: 'in' | 'out', row: RendicionConceptRow<string>): string {
  const concept = t(`tradeUi.${side}.${row.concept}` as MessageKey);
  return row.category ? t('tradeUi.rendicion.withCategory', { concept, category: t(`tradeUi.category.${row.category}` as MessageKey) }) : concept;
}

/** What the association owes its suppliers (`owedBy`), or what buyers owe it (`owedTo`), or that nothing is owed. */
export function debtWords(t: Translate, report: RendicionDeCuentas, side: 'owedBy' | 'owedTo'): string {
  const owed = side === 'owedBy' ? report.owedByAssociation : report.owedToAssociation;
  return owed.total > 0
    ? t(`tradeUi.rendicion.${side}`, { total: formatMoney(owed.total), parties: owed.parties, overdue: formatMoney(owed.overdue) })
    : t(`tradeUi.rendicion.${side}None`);
}
