import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KhipuError } from './errors';
import { errorCodes, errorMessage, hasErrorMessage } from './i18n';
import {
  addCentimos,
  allocate,
  amountInWords,
  assertCentimos,
  assertDocumentTotal,
  assertLineAmount,
  formatAmount,
  formatSoles,
  integerInWords,
  isCentimos,
  MAX_DOCUMENT_CENTIMOS,
  MAX_LINE_CENTIMOS,
  multiplyByRatio,
  multiplyQuantity,
  parseSoles,
  percentOf,
  roundHalfAwayFromZero,
  splitEvenly,
  subtractCentimos,
  sumCentimos,
} from './money';
import { khipuError } from './testing/errors';

const MAX = Number.MAX_SAFE_INTEGER;


/** The error has a money code, reads in Spanish by default, and exists in both catalogs. */
function expectMoneyError(error: KhipuError, code: string): void {
  expect(error.code).toBe(code);
  expect(hasErrorMessage(code, 'es')).toBe(true);
  expect(hasErrorMessage(code, 'en')).toBe(true);
  expect(error.message).toBe(errorMessage(code, error.params, 'es'));
  expect(error.message).not.toContain('{');
}

describe('isCentimos / assertCentimos', () => {
  it.each([0, 1, -1, 123456, MAX, -MAX])('accepts %s', (n) => {
    expect(isCentimos(n)).toBe(true);
    expect(() => assertCentimos(n)).not.toThrow();
  });

  it.each([0.5, -0.1, NaN, Infinity, -Infinity, MAX + 1, '100', null, undefined, 10n])('rejects %s', (n) => {
    expect(isCentimos(n)).toBe(false);
    const error = khipuError(() => assertCentimos(n, 'amount'));
    expectMoneyError(error, 'money.notCentimos');
    expect(error.field).toBe('amount');
  });
});

describe('the ceilings', () => {
  it('let any report over 900,000 lines at the line ceiling stay exact', () => {
    expect(BigInt(MAX_LINE_CENTIMOS) * 900_000n).toBeLessThanOrEqual(BigInt(Number.MAX_SAFE_INTEGER));
    expect(MAX_DOCUMENT_CENTIMOS).toBe(10 * MAX_LINE_CENTIMOS);
  });

  it('refuse one céntimo more, either way, naming the field and the ceiling in soles', () => {
    expect(() => assertLineAmount(MAX_LINE_CENTIMOS, 'amount')).not.toThrow();
    expect(() => assertLineAmount(-MAX_LINE_CENTIMOS, 'amount')).not.toThrow();
    const error = khipuError(() => assertLineAmount(-MAX_LINE_CENTIMOS - 1, 'lines.0.amount'));
    expect(error.code).toBe('money.lineTooLarge');
    expect(error.field).toBe('lines.0.amount');
    expect(error.message).toBe('El monto del campo «lines.0.amount» pasa del máximo que Khipu registra: S/ 100,000,000.00 por monto.');
    expect(() => assertDocumentTotal(MAX_DOCUMENT_CENTIMOS)).not.toThrow();
    expect(khipuError(() => assertDocumentTotal(MAX_DOCUMENT_CENTIMOS + 1, 'lines')).message).toBe(
      'El total del documento (S/ 1,000,000,000.01) pasa del máximo que Khipu registra: S/ 1,000,000,000.00 por documento.',
    );
  });
});

describe('parseSoles', () => {
  it.each([
    ['S/ 1,234.56', 123456],
    ['S/. 1,234.56', 123456],
    ['S/1234.5', 123450],
    ['1234.5', 123450],
    ['1,234', 123400],
    ['0.05', 5],
    ['.50', 50],
    ['.5', 50],
    ['-12.30', -1230],
    ['-S/ 12.30', -1230],
    ['S/ -12.30', -1230],
    ['  S/ 7  ', 700],
    ['s/ 7', 700],
    ['S/.7.5', 750],
    ['\u00a0S/\u00a015.00\u00a0', 1500],
    ['0', 0],
    ['-0.00', 0],
    ['007', 700],
    ['1,234,567.89', 123456789],
    ['1234567', 123456700],
    ['90071992547409.91', MAX],
    ['-90,071,992,547,409.91', -MAX],
    // A decimal comma: exactly one comma, one or two digits after it, no point.
    ['5,00', 500],
    ['5,5', 550],
    ['12,34', 1234],
    ['S/ 1234,56', 123456],
    [',50', 50],
    ['-5,5', -550],
    ['S/ -0,05', -5],
    ['1,234', 123400], // three digits after the comma: thousands, as before
    ['5,555', 555500],
  ])('%j → %i céntimos', (text, centimos) => {
    const parsed = parseSoles(text);
    expect(Object.is(parsed, centimos)).toBe(true); // also: never -0
  });

  it.each([
    ['', 'money.required'],
    ['   ', 'money.required'],
    ['abc', 'money.invalid'],
    ['12abc', 'money.invalid'],
    ['1.2.3', 'money.invalid'],
    ['1,23.4', 'money.invalid'],
    ['1,2345', 'money.invalid'],
    ['5,', 'money.invalid'],
    ['1,5.0', 'money.invalid'],
    ['1,2,3', 'money.invalid'],
    ['1.234,56', 'money.europeanSeparators'],
    ['S/ 1.234.567,8', 'money.europeanSeparators'],
    ['0,123', 'money.invalid'],
    [',123', 'money.invalid'],
    ['1 234', 'money.invalid'],
    ['NaN', 'money.invalid'],
    ['Infinity', 'money.invalid'],
    ['1e3', 'money.invalid'],
    ['0x10', 'money.invalid'],
    ['S/', 'money.invalid'],
    ['-', 'money.invalid'],
    ['.', 'money.invalid'],
    ['12.', 'money.invalid'],
    ['+5', 'money.invalid'],
    ['--5', 'money.invalid'],
    ['-S/ -5', 'money.invalid'],
    ['(12.30)', 'money.invalid'],
    ['S/ 12.30 soles', 'money.invalid'],
    ['１２', 'money.invalid'],
    ['1.234', 'money.tooManyDecimals'],
    ['0.005', 'money.tooManyDecimals'],
    ['S/ 1,234.567', 'money.tooManyDecimals'],
    ['90071992547409.92', 'money.outOfRange'],
    ['-90071992547409.92', 'money.outOfRange'],
    ['100000000000000000000', 'money.outOfRange'],
  ])('rejects %j with %s', (text, code) => {
    const error = khipuError(() => parseSoles(text, 'monto'));
    expectMoneyError(error, code);
    expect(error.field).toBe('monto');
    expect(error.message).toContain('monto'); // Spanish wording
    expect(error.message).toContain(text.trim()); // names what the user typed
  });

  it('reads one comma with one or two digits after it, and no point, as the decimal comma', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, cents, oneDigit) => {
        const fraction = oneDigit ? String(cents % 10) : String(cents).padStart(2, '0');
        const expected = whole * 100n + BigInt(oneDigit ? (cents % 10) * 10 : cents);
        expect(parseSoles(`${whole},${fraction}`)).toBe(Number(expected));
        // The same amount written the Peruvian way reads the same.
        expect(parseSoles(`${whole}.${fraction}`)).toBe(Number(expected));
      }),
    );
  });

  it('keeps a comma followed by three digits as thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), (thousands, units) => {
        expect(parseSoles(`${thousands},${String(units).padStart(3, '0')}`)).toBe((thousands * 1000 + units) * 100);
      }),
    );
  });

  it('refuses the European way with a message that shows the Peruvian one', () => {
    expect(khipuError(() => parseSoles('1.234,56')).message).toBe(
      'El monto «1.234,56» usa punto para miles y coma para decimales. En el Perú se escribe 1,234.50 (o 1234,50 sin separador de miles).',
    );
  });

  it('quotes at most a short excerpt of what was typed', () => {
    const error = khipuError(() => parseSoles(`12${'x'.repeat(10_000)}`));
    expect(error.message.length).toBeLessThan(150);
    expect(error.message).toContain('…');
  });

  it('refuses anything but text', () => {
    expectMoneyError(khipuError(() => parseSoles(12.5 as unknown as string)), 'money.invalid');
  });

  it('says how to write it, in Spanish by default and in English on request', () => {
    const error = khipuError(() => parseSoles('12abc'));
    expect(error.message).toBe('El monto «12abc» no es válido. Escríbalo como 1,234.50.');
    expect(error.toApiError('en').message).toBe('The amount “12abc” is not valid. Write it as 1,234.50.');
  });

  it('either returns céntimos or throws a money KhipuError, whatever is typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^-?(S\/\.? ?)?[\d,]{0,8}(\.\d{0,3})?$/)), (text) => {
        try {
          expect(isCentimos(parseSoles(text))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(KhipuError);
          expect((error as KhipuError).code).toMatch(/^money\./);
        }
      }),
    );
  });
});

describe('formatSoles / formatAmount', () => {
  it.each([
    [0, 'S/ 0.00', '0.00'],
    [-0, 'S/ 0.00', '0.00'],
    [1, 'S/ 0.01', '0.01'],
    [5, 'S/ 0.05', '0.05'],
    [99, 'S/ 0.99', '0.99'],
    [100, 'S/ 1.00', '1.00'],
    [-1, '-S/ 0.01', '-0.01'],
    [99999, 'S/ 999.99', '999.99'],
    [100000, 'S/ 1,000.00', '1,000.00'],
    [123456, 'S/ 1,234.56', '1,234.56'],
    [-123456, '-S/ 1,234.56', '-1,234.56'],
    [19116276, 'S/ 191,162.76', '191,162.76'],
    [123456789, 'S/ 1,234,567.89', '1,234,567.89'],
    [MAX, 'S/ 90,071,992,547,409.91', '90,071,992,547,409.91'],
    [-MAX, '-S/ 90,071,992,547,409.91', '-90,071,992,547,409.91'],
  ])('%i → %s', (centimos, withSymbol, plain) => {
    expect(formatSoles(centimos)).toBe(withSymbol);
    expect(formatSoles(centimos, { symbol: true })).toBe(withSymbol);
    expect(formatSoles(centimos, { symbol: false })).toBe(plain);
    expect(formatAmount(centimos)).toBe(plain);
  });

  it.each([1.5, NaN, Infinity, MAX + 1])('refuses %s', (n) => {
    expectMoneyError(khipuError(() => formatSoles(n)), 'money.notCentimos');
  });

  it('parse ∘ format is the identity on every safe integer', () => {
    const amounts = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 }));
    fc.assert(
      fc.property(amounts, (centimos) => {
        const expected = centimos === 0 ? 0 : centimos; // -0 formats as 0
        expect(parseSoles(formatSoles(centimos))).toBe(expected);
        expect(parseSoles(formatAmount(centimos))).toBe(expected);
      }),
    );
  });
});

describe('céntimo arithmetic', () => {
  it.each([
    [[], 0],
    [[5], 5],
    [[1, 2, 3], 6],
    [[120, -20], 100],
    [[MAX, 1, -1], MAX], // exact in between, though MAX + 1 is not a safe integer
    [[MAX, -MAX], 0],
  ])('sum of %j is %i', (xs, total) => {
    expect(sumCentimos(xs)).toBe(total);
    expect(addCentimos(...xs)).toBe(total);
  });

  it.each([
    [500, 120, 380],
    [120, 500, -380],
    [-MAX, -MAX, 0],
    [0, MAX, -MAX],
  ])('%i − %i = %i', (a, b, difference) => {
    expect(subtractCentimos(a, b)).toBe(difference);
  });

  it.each([
    ['add past the top', () => addCentimos(MAX, 1)],
    ['sum past the bottom', () => sumCentimos([-MAX, -1])],
    ['subtract past the bottom', () => subtractCentimos(-MAX, 1)],
    ['subtract past the top', () => subtractCentimos(MAX, -1)],
  ])('%s throws money.outOfRange', (_label, fn) => {
    const error = khipuError(fn);
    expectMoneyError(error, 'money.outOfRange');
    expect(error.message).toMatch(/S\/ 90,071,992,547,409\.92/);
  });

  it('refuses floats instead of adding them', () => {
    expectMoneyError(khipuError(() => addCentimos(0.1, 0.2)), 'money.notCentimos');
    expectMoneyError(khipuError(() => subtractCentimos(1, NaN)), 'money.notCentimos');
  });
});

describe('roundHalfAwayFromZero', () => {
  it.each([
    [1, 2, 1], // 0.5
    [-1, 2, -1], // -0.5
    [3, 2, 2], // 1.5
    [5, 2, 3], // 2.5
    [-5, 2, -3], // -2.5
    [-3, 2, -2], // -1.5
    [7, 2, 4], // 3.5
    [1, 3, 0],
    [2, 3, 1],
    [-2, 3, -1],
    [1, -2, -1],
    [-1, -2, 1],
    [0, 5, 0],
    [7, 1, 7],
    [1499, 1000, 1],
    [1500, 1000, 2],
    [-1500, 1000, -2],
  ])('%i / %i → %i', (numerator, denominator, rounded) => {
    expect(roundHalfAwayFromZero(numerator, denominator)).toBe(rounded);
    expect(roundHalfAwayFromZero(BigInt(numerator), BigInt(denominator))).toBe(rounded);
  });

  it('works on BigInt products beyond 2^53', () => {
    expect(roundHalfAwayFromZero(10n ** 20n + 50_000n, 10n ** 5n)).toBe(10 ** 15 + 1);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-1, 3), 0)).toBe(true);
  });

  it('is symmetric and within half a unit of the exact quotient', () => {
    // Numerators up to 10^21 (beyond 2^53), quotients within the safe range.
    const fraction = fc
      .bigInt({ min: 1n, max: 10n ** 6n })
      .chain((d) => fc.tuple(fc.bigInt({ min: -(10n ** 15n) * d, max: 10n ** 15n * d }), fc.constant(d)));
    fc.assert(
      fc.property(fraction, ([n, d]) => {
        const r = roundHalfAwayFromZero(n, d);
        expect(roundHalfAwayFromZero(-n, d)).toBe(r === 0 ? 0 : -r);
        const error = BigInt(r) * d - n;
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
      }),
    );
  });

  it('refuses a zero denominator and fractional inputs', () => {
    expectMoneyError(khipuError(() => roundHalfAwayFromZero(1, 0)), 'money.divisionByZero');
    expectMoneyError(khipuError(() => roundHalfAwayFromZero(0.5, 1)), 'money.notInteger');
    expectMoneyError(khipuError(() => roundHalfAwayFromZero(10n ** 20n, 1n)), 'money.outOfRange');
  });
});

describe('multiplyQuantity / multiplyByRatio / percentOf', () => {
  it.each([
    [120, 12_345, 1481], // S/ 1.20 per litre × 12.345 l = 14.814 → S/ 14.81
    [150, 1_000, 150], // 1 unit
    [5, 1_500, 8], // S/ 0.05 levy × 1.5 l = 0.075 → S/ 0.08 (half away from zero)
    [5, 100, 1], // 0.005 → 0.01
    [-5, 100, -1],
    [250, 0, 0],
    [MAX, 1_000, MAX],
    [9_000_000_000_000, 1_000_000, 9_000_000_000_000_000], // product 9 × 10^18 needs BigInt
  ])('%i céntimos × %i thousandths = %i', (price, quantity, total) => {
    expect(multiplyQuantity(price, quantity)).toBe(total);
  });

  it.each([
    [100_000, 4_440, 44_400], // 44.4 % of S/ 1,000.00
    [1_000, 1_800, 180], // 18 %
    [333, 5_000, 167], // 166.5 → 167
    [-333, 5_000, -167],
    [1, 10_000, 1],
  ])('%i × %i basis points = %i', (centimos, basisPoints, part) => {
    expect(percentOf(centimos, basisPoints)).toBe(part);
  });

  it.each([
    [1_000, 1, 3, 333],
    [2_000, 1, 3, 667],
    [-2_000, 1, 3, -667],
    [100, 3, -2, -150],
  ])('%i × %i / %i = %i', (centimos, numerator, denominator, result) => {
    expect(multiplyByRatio(centimos, numerator, denominator)).toBe(result);
  });

  it('refuses bad inputs', () => {
    expectMoneyError(khipuError(() => multiplyByRatio(100, 1, 0)), 'money.divisionByZero');
    expectMoneyError(khipuError(() => multiplyQuantity(120, 1.5)), 'money.notInteger');
    expectMoneyError(khipuError(() => multiplyQuantity(1.2, 1_000)), 'money.notCentimos');
    expectMoneyError(khipuError(() => multiplyQuantity(MAX, 2_000)), 'money.outOfRange');
  });
});

describe('allocate / splitEvenly', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1, [1, 1], [1, 0]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [-1, [1, 1], [-1, 0]],
    [0, [1, 2], [0, 0]],
    [100, [0, 1], [0, 100]],
    [10, [3, 7], [3, 7]],
    [101, [1, 2, 3], [17, 34, 50]], // remainders 5/6, 4/6, 3/6: the two largest get a céntimo
    [3, [1, 1, 1, 1], [1, 1, 1, 0]], // ties: earliest first
    [5, [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0]],
    [100_000, [444, 556], [44_400, 55_600]],
    [MAX, [MAX, MAX], [(MAX + 1) / 2, (MAX - 1) / 2]],
  ])('%i by %j → %j', (total, weights, parts) => {
    const result = allocate(total, weights);
    expect(result).toEqual(parts);
    expect(result.every((p) => !Object.is(p, -0))).toBe(true);
  });

  it.each([
    [[], 'money.noWeights'],
    [[0, 0], 'money.zeroWeights'],
    [[1, -1], 'money.invalidWeight'],
    [[1, 0.5], 'money.invalidWeight'],
    [[NaN], 'money.invalidWeight'],
  ])('refuses weights %j with %s', (weights, code) => {
    expectMoneyError(khipuError(() => allocate(100, weights)), code);
  });

  it('refuses a total that is not céntimos', () => {
    expectMoneyError(khipuError(() => allocate(1.5, [1])), 'money.notCentimos');
  });

  const totals = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -10_000, max: 10_000 }));
  const weights = fc
    .array(fc.oneof(fc.nat({ max: 10 }), fc.nat({ max: 1_000_000 }), fc.maxSafeNat()), { minLength: 1, maxLength: 12 })
    .filter((ws) => ws.some((w) => w > 0));

  it('preserves the sum, keeps each part within a céntimo of its exact share, and is deterministic', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        const parts = allocate(total, ws);
        expect(parts).toHaveLength(ws.length);
        expect(sumCentimos(parts)).toBe(total);
        const sum = ws.reduce((a, w) => a + BigInt(w), 0n);
        parts.forEach((part, i) => {
          // |part − total·w/W| < 1  ⇔  |part·W − total·w| < W
          const gap = BigInt(part) * sum - BigInt(total) * BigInt(ws[i]!);
          expect((gap < 0n ? -gap : gap) < sum).toBe(true);
        });
        expect(allocate(total, ws)).toEqual(parts);
      }),
    );
  });

  it('splits a negative total as the mirror of the positive one', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        const mirrored = allocate(-total, ws).map((p) => (p === 0 ? 0 : -p));
        expect(mirrored).toEqual(allocate(total, ws));
      }),
    );
  });

  it.each([
    [100, 3, [34, 33, 33]],
    [-7, 2, [-4, -3]],
    [0, 3, [0, 0, 0]],
    [5, 1, [5]],
  ])('splitEvenly(%i, %i) → %j', (total, n, parts) => {
    expect(splitEvenly(total, n)).toEqual(parts);
  });

  it('splitEvenly gives parts that differ by at most one céntimo, larger first', () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = splitEvenly(total, n);
        expect(sumCentimos(parts)).toBe(total);
        const abs = parts.map(Math.abs);
        expect(Math.max(...abs) - Math.min(...abs)).toBeLessThanOrEqual(1);
        abs.forEach((p, i) => i > 0 && expect(p).toBeLessThanOrEqual(abs[i - 1]!));
      }),
    );
  });

  it.each([0, -1, 1.5, NaN])('splitEvenly refuses %s parts', (n) => {
    expectMoneyError(khipuError(() => splitEvenly(100, n)), 'money.invalidParts');
  });
});

describe('amountInWords', () => {
  // Amounts in céntimos; the comment shows the soles.
  it.each([
    [0, 'CERO CON 00/100 SOLES'],
    [1, 'CERO CON 01/100 SOLES'], // 0.01
    [100, 'UNO CON 00/100 SOLES'], // 1
    [1_000, 'DIEZ CON 00/100 SOLES'],
    [1_100, 'ONCE CON 00/100 SOLES'],
    [1_500, 'QUINCE CON 00/100 SOLES'],
    [1_600, 'DIECISÉIS CON 00/100 SOLES'],
    [1_900, 'DIECINUEVE CON 00/100 SOLES'],
    [2_000, 'VEINTE CON 00/100 SOLES'],
    [2_100, 'VEINTIUNO CON 00/100 SOLES'],
    [2_200, 'VEINTIDÓS CON 00/100 SOLES'],
    [2_300, 'VEINTITRÉS CON 00/100 SOLES'],
    [2_600, 'VEINTISÉIS CON 00/100 SOLES'],
    [3_000, 'TREINTA CON 00/100 SOLES'],
    [3_100, 'TREINTA Y UNO CON 00/100 SOLES'],
    [9_900, 'NOVENTA Y NUEVE CON 00/100 SOLES'],
    [10_000, 'CIEN CON 00/100 SOLES'],
    [10_100, 'CIENTO UNO CON 00/100 SOLES'],
    [11_500, 'CIENTO QUINCE CON 00/100 SOLES'],
    [12_100, 'CIENTO VEINTIUNO CON 00/100 SOLES'],
    [30_000, 'TRESCIENTOS CON 00/100 SOLES'],
    [50_000, 'QUINIENTOS CON 00/100 SOLES'],
    [55_500, 'QUINIENTOS CINCUENTA Y CINCO CON 00/100 SOLES'],
    [70_000, 'SETECIENTOS CON 00/100 SOLES'],
    [90_000, 'NOVECIENTOS CON 00/100 SOLES'],
    [99_900, 'NOVECIENTOS NOVENTA Y NUEVE CON 00/100 SOLES'],
    [99_999, 'NOVECIENTOS NOVENTA Y NUEVE CON 99/100 SOLES'],
    [100_000, 'MIL CON 00/100 SOLES'], // 1,000: MIL, not UN MIL
    [100_100, 'MIL UNO CON 00/100 SOLES'],
    [102_100, 'MIL VEINTIUNO CON 00/100 SOLES'],
    [200_000, 'DOS MIL CON 00/100 SOLES'],
    [1_600_000, 'DIECISÉIS MIL CON 00/100 SOLES'],
    [2_100_000, 'VEINTIÚN MIL CON 00/100 SOLES'],
    [2_100_100, 'VEINTIÚN MIL UNO CON 00/100 SOLES'],
    [2_170_000, 'VEINTIÚN MIL SETECIENTOS CON 00/100 SOLES'],
    [2_200_000, 'VEINTIDÓS MIL CON 00/100 SOLES'],
    [3_100_000, 'TREINTA Y UN MIL CON 00/100 SOLES'],
    [1_471_400, 'CATORCE MIL SETECIENTOS CATORCE CON 00/100 SOLES'],
    [5_024_400, 'CINCUENTA MIL DOSCIENTOS CUARENTA Y CUATRO CON 00/100 SOLES'],
    [10_000_000, 'CIEN MIL CON 00/100 SOLES'],
    [10_047_761, 'CIEN MIL CUATROCIENTOS SETENTA Y SIETE CON 61/100 SOLES'],
    [10_100_000, 'CIENTO UN MIL CON 00/100 SOLES'],
    [12_100_000, 'CIENTO VEINTIÚN MIL CON 00/100 SOLES'],
    [19_116_276, 'CIENTO NOVENTA Y UN MIL CIENTO SESENTA Y DOS CON 76/100 SOLES'],
    [50_150_000, 'QUINIENTOS UN MIL QUINIENTOS CON 00/100 SOLES'],
    [99_999_900, 'NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE CON 00/100 SOLES'],
    [100_000_000, 'UN MILLÓN CON 00/100 SOLES'],
    [100_000_100, 'UN MILLÓN UNO CON 00/100 SOLES'],
    [123_456_789, 'UN MILLÓN DOSCIENTOS TREINTA Y CUATRO MIL QUINIENTOS SESENTA Y SIETE CON 89/100 SOLES'],
    [200_000_001, 'DOS MILLONES CON 01/100 SOLES'],
    [2_100_000_000, 'VEINTIÚN MILLONES CON 00/100 SOLES'],
    [3_100_000_000, 'TREINTA Y UN MILLONES CON 00/100 SOLES'],
    [10_000_000_000, 'CIEN MILLONES CON 00/100 SOLES'],
    [10_100_000_000, 'CIENTO UN MILLONES CON 00/100 SOLES'],
    [100_000_000_000, 'MIL MILLONES CON 00/100 SOLES'],
    [100_100_000_000, 'MIL UN MILLONES CON 00/100 SOLES'],
    [100_000_100_000, 'MIL MILLONES MIL CON 00/100 SOLES'],
    [2_100_000_000_000, 'VEINTIÚN MIL MILLONES CON 00/100 SOLES'],
    [100_000_000_000_000, 'UN BILLÓN CON 00/100 SOLES'],
    [100_000_000_000_100, 'UN BILLÓN UNO CON 00/100 SOLES'],
    [2_100_000_000_000_000, 'VEINTIÚN BILLONES CON 00/100 SOLES'],
    [
      MAX, // S/ 90,071,992,547,409.91
      'NOVENTA BILLONES SETENTA Y UN MIL NOVECIENTOS NOVENTA Y DOS MILLONES QUINIENTOS CUARENTA Y SIETE MIL CUATROCIENTOS NUEVE CON 91/100 SOLES',
    ],
  ])('%i céntimos → %s', (centimos, words) => {
    expect(amountInWords(centimos)).toBe(words);
  });

  it('refuses a negative amount: a receipt never prints one', () => {
    const error = khipuError(() => amountInWords(-1230));
    expectMoneyError(error, 'money.negativeInWords');
    expect(error.message).toContain('-S/ 12.30');
  });

  it('refuses a fraction of a céntimo', () => {
    expectMoneyError(khipuError(() => amountInWords(0.5)), 'money.notCentimos');
  });

  it('writes every amount as single-spaced uppercase words', () => {
    fc.assert(
      fc.property(fc.nat({ max: MAX }), (centimos) => {
        expect(amountInWords(centimos)).toMatch(/^[A-ZÁÉÍÓÚ]+( [A-ZÁÉÍÓÚ]+)* CON \d{2}\/100 SOLES$/);
      }),
    );
  });
});

describe('integerInWords', () => {
  it.each([
    [0, 'CERO'],
    [1, 'UNO'],
    [21, 'VEINTIUNO'],
    [1_000, 'MIL'],
    [21_021, 'VEINTIÚN MIL VEINTIUNO'],
    [1_000_000, 'UN MILLÓN'],
    [MAX, 'NUEVE MIL SIETE BILLONES CIENTO NOVENTA Y NUEVE MIL DOSCIENTOS CINCUENTA Y CUATRO MILLONES SETECIENTOS CUARENTA MIL NOVECIENTOS NOVENTA Y UNO'],
  ])('%i → %s', (n, words) => {
    expect(integerInWords(n)).toBe(words);
  });

  it.each([-1, 1.5, NaN, MAX + 1])('refuses %s', (n) => {
    expectMoneyError(khipuError(() => integerInWords(n)), 'money.notInteger');
  });
});

describe('money error catalogs', () => {
  it('has every money code in Spanish and English', () => {
    const es = errorCodes('es').filter((c) => c.startsWith('money.')).sort();
    const en = errorCodes('en').filter((c) => c.startsWith('money.')).sort();
    expect(es).toEqual(en);
    expect(es.length).toBeGreaterThanOrEqual(10);
  });
});
