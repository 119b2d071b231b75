import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format, isValid, parseISO } from 'date-fns';
import { displayDate, isIsoDate } from './dates';

describe('isIsoDate', () => {
  it.each([
    ['2026-03-05', true], ['2024-02-29', true], ['2000-02-29', true], ['2026-12-31', true], ['0001-01-01', true],
    ['2025-02-29', false], ['1900-02-29', false], ['2026-02-30', false], ['2026-04-31', false], ['2026-13-01', false],
    ['2026-00-10', false], ['2026-01-00', false], ['2026-1-01', false], [' 2026-01-01', false], ['2026-01-01T00:00', false],
    ['', false], ['05/03/2026', false], ['0000-01-01', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('agrees with date-fns on every yyyy-mm-dd shaped string', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const value = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const parsed = parseISO(value);
        expect(isIsoDate(value)).toBe(isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes dates the Peruvian way', () => {
    expect(displayDate('2026-03-05')).toBe('05/03/2026');
  });
});
