import type { ContractCollectionView } from '../../../../shared/operations/contracts';
import { formatDate, formatMoney } from '../../format/format';
import type { MessageKey, MessageParams } from '../../i18n/messages';
import { formatQuantity, unitKey } from '../../print/salesPrintShared';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** "1,200 l", "2.5 kg": a quantity in thousandths in the product's own unit. */
export function quantityWords(t: Translate, thousandths: number, unit: string): string {
  return `${formatQuantity(thousandths)} ${t(unitKey(unit))}`;
}

/** One collection in a line: the date and money received, then each deduction with its voucher. */
export function collectionWords(t: Translate, c: ContractCollectionView): string {
  const parts = [t('collection.line', { date: formatDate(c.date), received: formatMoney(c.received) })];
  if (c.igvWithheld > 0) parts.push(t('collection.line.withheld', { amount: formatMoney(c.igvWithheld), voucher: c.withholdingVoucher ?? '' }));
  if (c.detraction > 0) parts.push(t('collection.line.detraction', { amount: formatMoney(c.detraction), constancia: c.detractionConstancia ?? '' }));
  if (c.penalty > 0) parts.push(t('collection.line.penalty', { amount: formatMoney(c.penalty) }));
  if (c.otherDeductions > 0) parts.push(t('collection.line.other', { description: c.otherDescription ?? '', amount: formatMoney(c.otherDeductions) }));
  return parts.join('; ');
}

/** The tax part of a collection, short for the sheet: "Ret. S/ 49.56 (R001-011)", "Detr. S/ 66.08 (2026020001)", or "—". */
export function taxDeductionWords(t: Translate, c: ContractCollectionView): string {
  if (c.igvWithheld > 0) return t('contractSheet.withheldShort', { amount: formatMoney(c.igvWithheld), voucher: c.withholdingVoucher ?? '' });
  if (c.detraction > 0) return t('contractSheet.detractionShort', { amount: formatMoney(c.detraction), constancia: c.detractionConstancia ?? '' });
  return '—';
}
