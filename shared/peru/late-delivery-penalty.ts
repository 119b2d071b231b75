import { KhipuError } from '../errors';
import { assertCentimos, multiplyByRatio, percentOf, type Centimos } from '../money';

// The penalty for late delivery (penalidad por mora) a public entity may deduct from what it pays for
// goods, as Peru's public-procurement rules set it (docs/contracts.md gives the source):
//   daily penalty = 0.10 × amount ÷ (F × term in days),
//   F = 0.40 for terms up to 60 days, 0.25 above (goods),
// all the penalties of a contract together capped at 10% of its amount. Pure and exact: the penalty
// for the days late is computed as one fraction and rounded once, never day by day.

/** F as a fraction over 100: 0.40 for terms up to 60 days, 0.25 above. */
export function penaltyFactorHundredths(termDays: number): 40 | 25 {
  return termDays <= 60 ? 40 : 25;
}

export interface LateDeliveryPenaltyInput {
  /** The amount the delay is counted on: the late delivery's (or the contract's when it has one delivery), céntimos. */
  amount: Centimos;
  /** The term of that delivery in days (from the contract or its schedule), at least 1. */
  termDays: number;
  /** Calendar days late, 0 or more. */
  daysLate: number;
  /** The contract's amount, céntimos: the cap is 10% of it. */
  contractAmount: Centimos;
  /** Penalties of the same contract already counted, céntimos: together they never pass the cap. */
  alreadyApplied?: Centimos;
}

export interface LateDeliveryPenalty {
  factor: 40 | 25;
  /** 0.10 × amount ÷ (F × term), rounded once to the céntimo: what the printed sheet shows per day. */
  daily: Centimos;
  /** daysLate × the unrounded daily penalty, rounded once, before the cap. */
  uncapped: Centimos;
  /** 10% of the contract's amount. */
  cap: Centimos;
  /** What the entity may deduct for this delay: the uncapped penalty, or what is left of the cap. */
  penalty: Centimos;
  /** True when the cap cut the penalty. */
  capped: boolean;
}

function positiveInteger(value: number, field: string, allowZero: boolean): void {
  if (!Number.isSafeInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new KhipuError(allowZero ? 'penalty.daysLateInvalid' : 'penalty.termInvalid', { field, params: { value: String(value) } });
  }
}

export function lateDeliveryPenalty(input: LateDeliveryPenaltyInput): LateDeliveryPenalty {
  assertCentimos(input.amount, 'amount');
  assertCentimos(input.contractAmount, 'contractAmount');
  positiveInteger(input.termDays, 'termDays', false);
  positiveInteger(input.daysLate, 'daysLate', true);
  const alreadyApplied = input.alreadyApplied ?? 0;
  assertCentimos(alreadyApplied, 'alreadyApplied');
  if (input.amount < 0 || input.contractAmount < 0 || alreadyApplied < 0) {
    throw new KhipuError('penalty.amountNegative', { field: input.amount < 0 ? 'amount' : input.contractAmount < 0 ? 'contractAmount' : 'alreadyApplied' });
  }
  const factor = penaltyFactorHundredths(input.termDays);
  // 0.10 × A ÷ (F/100 × T) = 10 × A ÷ (F × T).
  const denominator = factor * input.termDays;
  const daily = multiplyByRatio(input.amount, 10, denominator);
  const uncapped = multiplyByRatio(input.amount, 10 * input.daysLate, denominator);
  const cap = percentOf(input.contractAmount, 1_000);
  const left = Math.max(cap - alreadyApplied, 0);
  const penalty = Math.min(uncapped, left);
  return { factor, daily, uncapped, cap, penalty, capped: penalty < uncapped };
}
