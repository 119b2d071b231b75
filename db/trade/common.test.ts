import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, bucketOf, daysBetween } from './common';

describe('days past due and their buckets', () => {
  it('puts the boundaries where the report says: not due, 1–30, 31–90, over 90', () => {
    expect(bucketOf(-5)).toBe('notDue');
    expect(bucketOf(0)).toBe('notDue'); // due today is not late yet
    expect(bucketOf(1)).toBe('days1to30');
    expect(bucketOf(30)).toBe('days1to30');
    expect(bucketOf(31)).toBe('days31to90');
    expect(bucketOf(90)).toBe('days31to90');
    expect(bucketOf(91)).toBe('over90');
  });

  it('counts calendar days across months, leap days and years', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2024-02-25', 4)).toBe('2024-02-29');
  });

  it('adding n days and counting them back gives n, for any day and any n', () => {
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
      expect(daysBetween(date, addDays(date, n))).toBe(n);
    }));
  });
});
