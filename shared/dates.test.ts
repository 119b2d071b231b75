import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format, isValid, parseISO } from 'date-fns';
import { addDays as addIsoDays, daysInMonth, displayDate, isIsoDate, parseDisplayDate } from './dates';
import { KhipuError } from './errors';
import { khipuError } from './testing/errors';

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

describe('parseDisplayDate', () => {
  it.each([
    ['5/3/2026', '2026-03-05'], ['05/03/2026', '2026-03-05'], [' 29/02/2024 ', '2024-02-29'], ['31/12/2026', '2026-12-31'],
    ['1/1/0001', '0001-01-01'],
  ])('%j → %s', (text, iso) => {
    expect(parseDisplayDate(text)).toBe(iso);
  });

  it.each([
    ['31/02/2026', 'date.dayMissing', 'Febrero de 2026 no tiene 31 días: tiene 28.', 'February 2026 does not have 31 days: it has 28.'],
    ['29/02/2025', 'date.dayMissing', 'Febrero de 2025 no tiene 29 días: tiene 28.', 'February 2025 does not have 29 days: it has 28.'],
    ['31/04/2026', 'date.dayMissing', 'Abril de 2026 no tiene 31 días: tiene 30.', 'April 2026 does not have 31 days: it has 30.'],
    ['5/13/2026', 'date.monthMissing', 'El mes 13 no existe: los meses van del 1 al 12.', 'Month 13 does not exist: months go from 1 to 12.'],
    ['5/0/2026', 'date.monthMissing', 'El mes 0 no existe: los meses van del 1 al 12.', 'Month 0 does not exist: months go from 1 to 12.'],
    ['0/3/2026', 'date.dayZero', 'El día 0 no existe: los días empiezan en 1.', 'Day 0 does not exist: days start at 1.'],
    ['5/3/0000', 'date.yearZero', 'El año 0 no existe. Escriba el año con cuatro cifras, por ejemplo 15/03/2026.',
      'Year 0 does not exist. Write the year with four digits, for example 15/03/2026.'],
    ['2026-03-05', 'date.format', 'La fecha «2026-03-05» no se entiende. Escríbala como día/mes/año, por ejemplo 15/03/2026.',
      'The date “2026-03-05” cannot be read. Write it as day/month/year, for example 15/03/2026.'],
    ['5/3/26', 'date.format', 'La fecha «5/3/26» no se entiende. Escríbala como día/mes/año, por ejemplo 15/03/2026.',
      'The date “5/3/26” cannot be read. Write it as day/month/year, for example 15/03/2026.'],
  ])('%j says what is wrong (%s)', (text, code, spanish, english) => {
    const error = khipuError(() => parseDisplayDate(text, 'date'));
    expect(error.code).toBe(code);
    expect(error.field).toBe('date');
    expect(error.message).toBe(spanish);
    expect(error.toApiError('en').message).toBe(english);
  });

  it('agrees with isIsoDate: a date is read exactly when it exists, and reads back as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }), (d, m, y) => {
        const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const typed = `${d}/${m}/${String(y).padStart(4, '0')}`;
        if (isIsoDate(iso)) {
          expect(parseDisplayDate(typed)).toBe(iso);
          expect(displayDate(iso)).toBe(`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(y).padStart(4, '0')}`);
        } else {
          expect(() => parseDisplayDate(typed)).toThrow(KhipuError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days by the calendar', () => {
    expect(addIsoDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addIsoDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addIsoDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addIsoDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addIsoDays('2026-03-15', 0)).toBe('2026-03-15');
  });

  it("agrees with date-fns for any date and shift", () => {
    fc.assert(fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
      fc.integer({ min: -4_000, max: 4_000 }), (date, days) => {
        const iso = format(date, 'yyyy-MM-dd');
        const expected = new Date(parseISO(iso));
        expected.setDate(expected.getDate() + days);
        expect(addIsoDays(iso, days)).toBe(format(expected, 'yyyy-MM-dd'));
      }));
  });
});
