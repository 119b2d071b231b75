import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lateDeliveryPenalty, penaltyFactorHundredths } from './late-delivery-penalty';

// Figures worked by hand (docs/contracts.md): 0.10 × amount ÷ (F × term) per day, rounded once.

describe('the penalty for late delivery', () => {
  it('a month of milk (S/ 1,226.17, 30-day term, F = 0.40) five days late', () => {
    // 0.10 × 1,226.17 ÷ (0.40 × 30) = S/ 10.2180…/day; × 5 = S/ 51.0904… → S/ 51.09.
    expect(lateDeliveryPenalty({ amount: 122_617, termDays: 30, daysLate: 5, contractAmount: 1_471_400 })).toEqual({
      factor: 40, daily: 1_022, uncapped: 5_109, cap: 147_140, penalty: 5_109, capped: false,
    });
  });

  it('a year of flour (S/ 50,244, 365-day term, F = 0.25): 30 days late, then 100 days late against the 10% cap', () => {
    // 0.10 × 50,244 ÷ (0.25 × 365) = S/ 55.0619…/day; × 30 = S/ 1,651.8575… → S/ 1,651.86.
    expect(lateDeliveryPenalty({ amount: 5_024_400, termDays: 365, daysLate: 30, contractAmount: 5_024_400 }))
      .toMatchObject({ factor: 25, daily: 5_506, uncapped: 165_186, penalty: 165_186, capped: false });
    // × 100 = S/ 5,506.19, more than 10% of the contract (S/ 5,024.40).
    expect(lateDeliveryPenalty({ amount: 5_024_400, termDays: 365, daysLate: 100, contractAmount: 5_024_400 }))
      .toMatchObject({ uncapped: 550_619, cap: 502_440, penalty: 502_440, capped: true });
    // Penalties already counted on the contract use up the cap.
    expect(lateDeliveryPenalty({ amount: 5_024_400, termDays: 365, daysLate: 30, contractAmount: 5_024_400, alreadyApplied: 400_000 }))
      .toMatchObject({ penalty: 102_440, capped: true });
    expect(lateDeliveryPenalty({ amount: 5_024_400, termDays: 365, daysLate: 30, contractAmount: 5_024_400, alreadyApplied: 600_000 }))
      .toMatchObject({ penalty: 0, capped: true });
  });

  it('takes F = 0.40 up to a 60-day term and 0.25 from 61 days', () => {
    expect(penaltyFactorHundredths(1)).toBe(40);
    expect(penaltyFactorHundredths(60)).toBe(40);
    expect(penaltyFactorHundredths(61)).toBe(25);
    expect(lateDeliveryPenalty({ amount: 100_000, termDays: 60, daysLate: 1, contractAmount: 100_000 }).daily).toBe(417); // 1,000 ÷ 24
    expect(lateDeliveryPenalty({ amount: 100_000, termDays: 61, daysLate: 1, contractAmount: 100_000 }).daily).toBe(656); // 1,000 ÷ 15.25
  });

  it('costs nothing on time', () => {
    expect(lateDeliveryPenalty({ amount: 122_617, termDays: 30, daysLate: 0, contractAmount: 1_471_400 }))
      .toMatchObject({ uncapped: 0, penalty: 0, capped: false });
  });

  it('refuses a term of zero days, fractional or negative days and negative amounts, naming the field', () => {
    const base = { amount: 10_000, termDays: 30, daysLate: 2, contractAmount: 10_000 };
    expect(() => lateDeliveryPenalty({ ...base, termDays: 0 })).toThrow(expect.objectContaining({ code: 'penalty.termInvalid', field: 'termDays' }));
    expect(() => lateDeliveryPenalty({ ...base, daysLate: 1.5 })).toThrow(expect.objectContaining({ code: 'penalty.daysLateInvalid', field: 'daysLate' }));
    expect(() => lateDeliveryPenalty({ ...base, daysLate: -1 })).toThrow(expect.objectContaining({ code: 'penalty.daysLateInvalid' }));
    expect(() => lateDeliveryPenalty({ ...base, amount: -1 })).toThrow(expect.objectContaining({ code: 'penalty.amountNegative', field: 'amount' }));
    expect(() => lateDeliveryPenalty({ ...base, amount: 0.5 })).toThrow();
  });

  const input = fc.record({
    amount: fc.integer({ min: 0, max: 10_000_000_000 }),
    termDays: fc.integer({ min: 1, max: 1_500 }),
    daysLate: fc.integer({ min: 0, max: 2_000 }),
    contractAmount: fc.integer({ min: 0, max: 50_000_000_000 }),
    alreadyApplied: fc.integer({ min: 0, max: 5_000_000_000 }),
  });

  it('is the exact fraction rounded once, never more than the cap left, and grows with every day late', () => {
    fc.assert(fc.property(input, (x) => {
      const result = lateDeliveryPenalty(x);
      const f = BigInt(result.factor * x.termDays);
      // |uncapped − 10·d·A ÷ (F·T)| ≤ ½ céntimo, in integers: |2·uncapped·F·T − 20·d·A| ≤ F·T.
      const error = 2n * BigInt(result.uncapped) * f - 20n * BigInt(x.daysLate) * BigInt(x.amount);
      expect(error <= f && -error <= f).toBe(true);
      expect(result.cap).toBe(Math.round(x.contractAmount / 10));
      expect(result.penalty).toBe(Math.max(0, Math.min(result.uncapped, result.cap - x.alreadyApplied)));
      expect(result.penalty + Math.min(x.alreadyApplied, result.cap)).toBeLessThanOrEqual(result.cap);
      const dayMore = lateDeliveryPenalty({ ...x, daysLate: x.daysLate + 1 });
      expect(dayMore.uncapped).toBeGreaterThanOrEqual(result.uncapped);
      expect(dayMore.penalty).toBeGreaterThanOrEqual(result.penalty);
    }), { numRuns: 500 });
  });
});
