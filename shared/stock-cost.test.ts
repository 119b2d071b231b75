import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMovement, averageOutCost, averageUnitCost, emptyStock, formatQuantity, formatQuantityWithUnit } from './stock-cost';

describe('weighted average cost', () => {
  it('values an out at round(q × V / Q), half away from zero, and takes all the value with the last unit', () => {
    const stock = { quantity: 3000, value: 1000 }; // 3 kg worth S/ 10.00
    expect(averageOutCost(stock, 1000)).toBe(333); // 333.33…
    expect(averageOutCost(stock, 1500)).toBe(500);
    expect(averageOutCost({ quantity: 2000, value: 5 }, 1000)).toBe(3); // 2.5 → 3
    expect(averageOutCost(stock, 3000)).toBe(1000);
    expect(() => averageOutCost(stock, 3001)).toThrow();
    expect(() => averageOutCost(stock, 0)).toThrow();
  });

  it('gives the average per whole unit, rounded once, and 0 for an empty store', () => {
    expect(averageUnitCost({ quantity: 12500, value: 22500 })).toBe(1800); // 12.5 kg for S/ 225 → S/ 18.00/kg
    expect(averageUnitCost({ quantity: 3, value: 1 })).toBe(333); // 0.003 l for 1 céntimo → 333.33 per litre
    expect(averageUnitCost(emptyStock)).toBe(0);
  });

  it('refuses a movement that would leave stock or value below zero, or value without stock', () => {
    expect(applyMovement(emptyStock, 1000, 500)).toEqual({ quantity: 1000, value: 500 });
    expect(applyMovement({ quantity: 1000, value: 500 }, -1000, -500)).toEqual({ quantity: 0, value: 0 });
    expect(applyMovement({ quantity: 1000, value: 500 }, -1000, -499)).toBeNull();
    expect(applyMovement({ quantity: 1000, value: 500 }, -500, -501)).toBeNull();
    expect(applyMovement({ quantity: 1000, value: 500 }, -1001, -500)).toBeNull();
    expect(applyMovement(emptyStock, 1000, -1)).toBeNull();
    expect(applyMovement(emptyStock, 0, 0)).toBeNull();
  });

  it('never lets average-cost outs drive the value below zero or leave value behind (any ins and outs)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('in' as const), quantity: fc.integer({ min: 1, max: 5_000_000 }), value: fc.integer({ min: 0, max: 100_000_000 }) }),
      fc.record({ kind: fc.constant('out' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      let stock = { ...emptyStock };
      for (const s of steps) {
        if (s.kind === 'in') {
          stock = applyMovement(stock, s.quantity, s.value)!;
        } else if (stock.quantity > 0) {
          const q = Math.max(1, Math.round(s.share * stock.quantity));
          const next = applyMovement(stock, -q, -averageOutCost(stock, q));
          expect(next).not.toBeNull();
          stock = next!;
        }
        expect(stock.value).toBeGreaterThanOrEqual(0);
        if (stock.quantity === 0) expect(stock.value).toBe(0);
      }
    }));
  });
});

describe('quantities as Peru writes them', () => {
  it('shows thousandths with a decimal point and grouped thousands, without trailing zeros', () => {
    expect(formatQuantity(12500)).toBe('12.5');
    expect(formatQuantity(1234567)).toBe('1,234.567');
    expect(formatQuantity(5)).toBe('0.005');
    expect(formatQuantity(-3000)).toBe('-3');
    expect(formatQuantityWithUnit(2000, 'head')).toBe('2 cab.');
  });
});
