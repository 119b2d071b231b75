import type { MemberStatement, StatementMovement } from '../../../../shared/operations/contributions';
import { subtractCentimos } from '../../../../shared/money';
import type { MessageKey, MessageParams } from '../../i18n/messages';
import { formatMoney } from '../../format/format';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const negate = (centimos: number) => subtractCentimos(0, centimos);

/** "Debe S/ 5.00", "A favor S/ 3.00" or "Al día": a balance in words, never by sign or colour alone. */
export function balanceWords(t: Translate, balance: number): string {
  if (balance > 0) return t('statement.balance.owes', { amount: formatMoney(balance) });
  if (balance < 0) return t('statement.balance.inFavour', { amount: formatMoney(negate(balance)) });
  return t('statement.balance.settled');
}

/** A running balance in the Saldo column: what is owed, or "S/ 3.00 a favor". */
export function balanceCell(t: Translate, balance: number): string {
  return balance < 0 ? t('statement.cellInFavour', { amount: formatMoney(negate(balance)) }) : formatMoney(balance);
}

/**
 * Which column a movement's amount goes in, by the engine's own rule for its totals: charges and
 * voided charges (a negative charge) in Cargo; everything else that moves the balance in Pago, so
 * each column adds up to the engine's totals. A voided receipt and a refund of credit are negative
 * payments: the first takes back the payment it annulled, the second hands money back.
 */
export function movementColumns(movement: StatementMovement): { charge: number | null; payment: number | null } {
  if (movement.amount === 0) return { charge: null, payment: null };
  if (movement.kind === 'charge' || movement.kind === 'voidedCharge') return { charge: movement.amount, payment: null };
  return { charge: null, payment: negate(movement.amount) };
}

/** The period line: "Del 01/03/2026 al 15/03/2026", "Desde el …", "Hasta el …" or "Todos los movimientos". */
export function periodWords(t: Translate, from: string | null, to: string | null, formatDate: (iso: string) => string): string {
  if (from && to) return t('statement.period.fromTo', { from: formatDate(from), to: formatDate(to) });
  if (from) return t('statement.period.from', { from: formatDate(from) });
  if (to) return t('statement.period.to', { to: formatDate(to) });
  return t('statement.period.all');
}

export function balanceLabel(t: Translate, statement: MemberStatement, formatDate: (iso: string) => string): string {
  return statement.to ? t('statement.balanceAt', { date: formatDate(statement.to) }) : t('statement.balanceNow');
}

/** A movement in the user's language: the engine gives its kind and the member's own words. */
export function movementText(t: Translate, movement: StatementMovement): string {
  const number = movement.receiptNumber ?? '';
  const concept = movement.concept ?? '';
  const reason = movement.reason ?? '';
  switch (movement.kind) {
    case 'charge': return concept || movement.description;
    case 'payment': return t('statement.row.payment', { number });
    case 'voidedReceipt': return t('statement.row.voidedReceipt', { number, reason });
    case 'voidedCharge': return t('statement.row.voidedCharge', { concept, reason });
    case 'creditApplied': return t('statement.row.creditApplied', { concept, amount: formatMoney(movement.detailAmount) });
    case 'inKind': return t('statement.row.inKind', { concept });
    case 'creditRefund': return t('statement.row.creditRefund', { number });
    case 'voidedCreditRefund': return t('statement.row.voidedCreditRefund', { number, reason });
    case 'voidedInKind': return t('statement.row.voidedInKind', { concept, reason });
  }
}
