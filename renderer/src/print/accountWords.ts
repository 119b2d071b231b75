import type { MessageKey, MessageParams } from '../i18n/messages';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * Where money went in or came out, in the treasurer's words: "Caja", or "Banco: Banco de la
 * Nación" — the account's own name, never its code. A name that already says it ("Caja",
 * "Banco – cuenta corriente") is shown alone.
 */
export function moneyPlaceWords(t: Translate, kind: 'cash' | 'bank', accountName: string): string {
  const kindWord = t(kind === 'cash' ? 'moneyPlace.cash' : 'moneyPlace.bank');
  const name = accountName.trim();
  if (!name || name.toLocaleLowerCase('es').startsWith(kindWord.toLocaleLowerCase('es'))) return name || kindWord;
  return t('moneyPlace.named', { kind: kindWord, name });
}
