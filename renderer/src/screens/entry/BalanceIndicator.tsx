import { useSettings } from '../../app/settings';
import { formatMoney } from '../../format/format';
import { entryBalance, type LineAmounts } from './balance';

/** Live: does the entry balance yet, and how much is missing on which side. */
export function BalanceIndicator({ lines }: { lines: readonly LineAmounts[] }) {
  const { t, locale } = useSettings();
  const { debits, credits, difference } = entryBalance(lines, locale);
  let text: string;
  let tone: string;
  if (debits === 0 && credits === 0) {
    text = t('newEntry.empty');
    tone = 'neutral';
  } else if (difference === 0) {
    text = t('newEntry.balanced', { debits: formatMoney(debits), credits: formatMoney(credits) });
    tone = 'ok';
  } else {
    const side = difference > 0 ? t('newEntry.sideCredit') : t('newEntry.sideDebit');
    text = t('newEntry.unbalanced', { difference: formatMoney(Math.abs(difference)), side });
    tone = 'warn';
  }
  return (
    <p className={`balance-indicator balance-indicator--${tone}`} role="status" aria-live="polite" data-testid="balance-indicator">
      {text}
    </p>
  );
}
