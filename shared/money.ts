/**
 * Money as integer céntimos. No float ever touches an amount: text is parsed
 * by string manipulation, products and quotients go through BigInt, and
 * rounding happens in one place (half away from zero).
 */
import { KhipuError } from './errors';
import { excerpt } from './text';

/** An amount in céntimos of a sol: always a safe integer. */
export type Centimos = number;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The ceilings on what may be recorded, far above any association's needs, chosen so that every
 * sum a report makes stays exact in a JS number (Number.MAX_SAFE_INTEGER ≈ 9.007 × 10^15 céntimos):
 *
 * - one amount (a journal line, a charge, a payment, a price): at most S/ 100,000,000.00 = 10^10
 *   céntimos, negative or positive. A report adds lines, so its total is at most (its lines) × 10^10:
 *   exact for any report over up to 900,719 lines even if every one sits at the ceiling. A busy
 *   association writes some 10,000 lines a year, almost all under S/ 10,000.00.
 * - one document (the debits of one entry, whatever its number of lines): at most
 *   S/ 1,000,000,000.00 = 10^11 céntimos, so one document holds at most ten lines at the ceiling,
 *   and any report over up to 90,071 documents at the ceiling stays exact.
 *
 * SQLite adds in 64-bit integers (exact to 9.2 × 10^18), so its SUMs are exact well beyond these bounds;
 * every sum done here goes through BigInt and fromBig, which refuses (money.outOfRange) rather than round.
 * Enforced at the API boundary (lineAmount in shared/operations/schemas.ts) and again by the posting
 * path (assertLineAmount, assertDocumentTotal), so batches and internal callers obey too.
 */
export const MAX_LINE_CENTIMOS = 10_000_000_000;
export const MAX_DOCUMENT_CENTIMOS = 100_000_000_000;

export function isCentimos(n: unknown): n is Centimos {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

export function assertCentimos(n: unknown, field?: string): asserts n is Centimos {
  if (!isCentimos(n)) throw new KhipuError('money.notCentimos', { field, params: { value: String(n) } });
}

/** One amount within the line ceiling, or money.lineTooLarge naming the field. */
export function assertLineAmount(n: Centimos, field?: string): void {
  assertCentimos(n, field);
  if (Math.abs(n) > MAX_LINE_CENTIMOS) {
    throw new KhipuError('money.lineTooLarge', { field, params: { field: field ?? '', limit: formatSoles(MAX_LINE_CENTIMOS) } });
  }
}

/** A document's total (an entry's debits) within the document ceiling. */
export function assertDocumentTotal(total: Centimos, field?: string): void {
  if (Math.abs(total) > MAX_DOCUMENT_CENTIMOS) {
    throw new KhipuError('money.documentTooLarge', {
      field, params: { total: formatSoles(total), limit: formatSoles(MAX_DOCUMENT_CENTIMOS) },
    });
  }
}

/** Ratios, weights and quantities are integers too (quantities in thousandths). */
function assertInteger(n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new KhipuError('money.notInteger', { params: { value: String(n) } });
  }
}

function toBig(n: bigint | number): bigint {
  if (typeof n === 'bigint') return n;
  assertInteger(n);
  return BigInt(n);
}

/** Every result leaves through here, so no operation can hand back an unsafe number. */
function fromBig(n: bigint): Centimos {
  if (n > MAX || n < -MAX) {
    throw new KhipuError('money.outOfRange', { params: { value: formatBig(n, true) } });
  }
  return Number(n); // Number(-0n) is 0: no negative zero leaks out.
}

// ---------------------------------------------------------------- parsing

/**
 * Reads what a treasurer types: `S/ 1,234.56`, `S/. 1,234.56`, `S/1234.5`,
 * `1,234`, `.50`, `-12.30`, `-S/ 12.30`, `S/ -12.30`. The comma groups
 * thousands (Peruvian usage) and, if used, must group every three digits;
 * the point is decimal, with at most two digits (never rounded silently:
 * `1.500` is refused because it may be a European "one thousand five hundred").
 * A decimal comma is read too when it cannot be a thousands comma: exactly one
 * comma, one or two digits after it and no point (`5,00` = 5.00, `5,5` = 5.50,
 * `1234,56` = 1,234.56); `1,234` stays one thousand two hundred thirty-four.
 * Point-then-comma (`1.234,56`, the European way) is refused with its own
 * message rather than guessed. Accounting parentheses `(12.30)` are refused:
 * the minus sign is the one way to write a negative, the same one formatSoles prints.
 */
export function parseSoles(text: string, field?: string): Centimos {
  // Only text is parsed: a JS number would already carry float error.
  if (typeof text !== 'string') throw new KhipuError('money.invalid', { field, params: { value: excerpt(String(text)) } });
  const raw = text.trim();
  const quoted = excerpt(raw);
  if (raw === '') throw new KhipuError('money.required', { field, params: { value: quoted } });
  const invalid = () => new KhipuError('money.invalid', { field, params: { value: quoted } });

  let rest = raw;
  let negative = false;
  if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1).trimStart();
  }
  const symbol = /^s\/\.?/i.exec(rest);
  if (symbol) {
    rest = rest.slice(symbol[0].length).trimStart();
    if (!negative && rest.startsWith('-')) {
      negative = true;
      rest = rest.slice(1).trimStart();
    }
  }

  if (/^\d{1,3}(?:\.\d{3})+,\d{1,2}$/.test(rest)) throw new KhipuError('money.europeanSeparators', { field, params: { value: quoted } });
  // Integer part: correctly grouped with commas, or plain digits (possibly none: `.50`); or a decimal comma.
  const decimalComma = /^(\d*),(\d{1,2})$/.exec(rest);
  const match = decimalComma ?? /^([1-9]\d{0,2}(?:,\d{3})+|\d*)(?:\.(\d+))?$/.exec(rest);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) throw invalid();
  if (fraction.length > 2) throw new KhipuError('money.tooManyDecimals', { field, params: { value: quoted } });

  const centimos = BigInt(whole.replaceAll(',', '') || '0') * 100n + BigInt(fraction.padEnd(2, '0'));
  if (centimos > MAX) throw new KhipuError('money.outOfRange', { field, params: { value: quoted } });
  return Number(negative ? -centimos : centimos);
}

// ------------------------------------------------------------- formatting

/** Groups by hand so the output never depends on the machine's locale. */
function formatBig(centimos: bigint, symbol: boolean): string {
  const digits = (centimos < 0n ? -centimos : centimos).toString().padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = centimos < 0n ? '-' : '';
  return `${sign}${symbol ? 'S/ ' : ''}${whole}.${digits.slice(-2)}`;
}

/** `S/ 1,234.56`, `-S/ 1,234.56`, `S/ 0.00`; `{ symbol: false }` drops the `S/ `. */
export function formatSoles(centimos: Centimos, options: { symbol?: boolean } = {}): string {
  assertCentimos(centimos);
  return formatBig(BigInt(centimos), options.symbol ?? true);
}

/** `1,234.56`: for table columns whose header already says S/. */
export function formatAmount(centimos: Centimos): string {
  return formatSoles(centimos, { symbol: false });
}

// ------------------------------------------------------------- arithmetic

export function sumCentimos(xs: readonly Centimos[]): Centimos {
  let total = 0n;
  for (const x of xs) {
    assertCentimos(x);
    total += BigInt(x);
  }
  return fromBig(total);
}

export function addCentimos(...xs: Centimos[]): Centimos {
  return sumCentimos(xs);
}

export function subtractCentimos(a: Centimos, b: Centimos): Centimos {
  assertCentimos(a);
  assertCentimos(b);
  return fromBig(BigInt(a) - BigInt(b));
}

/**
 * THE rounding rule of Khipu: numerator / denominator rounded half away from
 * zero (0.5 → 1, -0.5 → -1, 2.5 → 3). Every rounded amount comes from here.
 */
export function roundHalfAwayFromZero(numerator: bigint | number, denominator: bigint | number): Centimos {
  const n = toBig(numerator);
  const d = toBig(denominator);
  if (d === 0n) throw new KhipuError('money.divisionByZero');
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  // BigInt division truncates; bump up when the remainder is half or more.
  const q = a / b + (2n * (a % b) >= b ? 1n : 0n);
  return fromBig(n < 0n !== d < 0n ? -q : q);
}

/** centimos × numerator / denominator, rounded once; the product may exceed 2^53. */
export function multiplyByRatio(centimos: Centimos, numerator: number, denominator: number): Centimos {
  assertCentimos(centimos);
  return roundHalfAwayFromZero(BigInt(centimos) * toBig(numerator), toBig(denominator));
}

/** Unit price × quantity in thousandths (litres, kg, units): S/ 1.20 × 12.345 l = S/ 14.81. */
export function multiplyQuantity(unitPrice: Centimos, quantityThousandths: number): Centimos {
  return multiplyByRatio(unitPrice, quantityThousandths, 1000);
}

/** A percentage in basis points (44.4 % = 4440). */
export function percentOf(centimos: Centimos, basisPoints: number): Centimos {
  return multiplyByRatio(centimos, basisPoints, 10_000);
}

// ------------------------------------------------------------- allocation

/**
 * Splits `total` in proportion to `weights` so the parts add up exactly to
 * `total` (largest-remainder method): each part gets the floor of its exact
 * share, and the céntimos left over go one each to the largest remainders,
 * earliest index first on ties. A negative total is split as its mirror.
 */
export function allocate(total: Centimos, weights: readonly number[]): Centimos[] {
  assertCentimos(total);
  if (weights.length === 0) throw new KhipuError('money.noWeights');
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new KhipuError('money.invalidWeight', { params: { value: String(w) } });
  }
  const ws = weights.map(BigInt);
  const sum = ws.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new KhipuError('money.zeroWeights');

  const sign = total < 0 ? -1n : 1n;
  const t = BigInt(total) * sign;
  const parts = ws.map((w) => (t * w) / sum);
  const remainders = ws.map((w) => (t * w) % sum);
  let left = t - parts.reduce((a, b) => a + b, 0n); // always < weights.length
  const order = ws
    .map((_, i) => i)
    .sort((i, j) => {
      const ri = remainders[i]!;
      const rj = remainders[j]!;
      return ri === rj ? i - j : ri > rj ? -1 : 1;
    });
  for (const i of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
}

/** `total` in `n` parts differing by at most one céntimo, larger parts first. */
export function splitEvenly(total: Centimos, n: number): Centimos[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new KhipuError('money.invalidParts', { params: { value: String(n) } });
  return allocate(total, new Array<number>(n).fill(1));
}

// --------------------------------------------------------- amount in words

const UNITS = [
  '', 'UNO', 'DOS', 'TRES', 'CUATRO', 'CINCO', 'SEIS', 'SIETE', 'OCHO', 'NUEVE',
  'DIEZ', 'ONCE', 'DOCE', 'TRECE', 'CATORCE', 'QUINCE', 'DIECISÉIS', 'DIECISIETE', 'DIECIOCHO', 'DIECINUEVE',
  'VEINTE', 'VEINTIUNO', 'VEINTIDÓS', 'VEINTITRÉS', 'VEINTICUATRO', 'VEINTICINCO', 'VEINTISÉIS', 'VEINTISIETE',
  'VEINTIOCHO', 'VEINTINUEVE',
];
const TENS = ['', '', '', 'TREINTA', 'CUARENTA', 'CINCUENTA', 'SESENTA', 'SETENTA', 'OCHENTA', 'NOVENTA'];
const HUNDREDS = [
  '', 'CIENTO', 'DOSCIENTOS', 'TRESCIENTOS', 'CUATROCIENTOS', 'QUINIENTOS', 'SEISCIENTOS', 'SETECIENTOS',
  'OCHOCIENTOS', 'NOVECIENTOS',
];

/**
 * 1..999. `beforeScale` apocopates a final one before MIL, MILLÓN(ES),
 * BILLÓN(ES): VEINTIÚN MIL, CIENTO UN MIL, TREINTA Y UN MILLONES; at the end
 * of the number it stays UNO (VEINTIUNO, CIENTO UNO).
 */
function hundredsInWords(n: number, beforeScale: boolean): string {
  if (n === 100) return 'CIEN';
  const words: string[] = [];
  const hundreds = Math.trunc(n / 100); // exact: n < 1000
  const rest = n % 100;
  if (hundreds > 0) words.push(HUNDREDS[hundreds]!);
  if (rest > 0 && rest < 30) {
    let unit = UNITS[rest]!;
    if (beforeScale && rest === 1) unit = 'UN';
    if (beforeScale && rest === 21) unit = 'VEINTIÚN';
    words.push(unit);
  } else if (rest >= 30) {
    const unit = rest % 10;
    words.push(TENS[Math.trunc(rest / 10)]!);
    if (unit > 0) words.push('Y', beforeScale && unit === 1 ? 'UN' : UNITS[unit]!);
  }
  return words.join(' ');
}

/** 1..999,999: MIL alone for 1000, never UN MIL. */
function thousandsInWords(n: number, beforeScale: boolean): string {
  const thousands = Math.trunc(n / 1000); // exact: n < 10^6
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands === 1) words.push('MIL');
  else if (thousands > 1) words.push(hundredsInWords(thousands, true), 'MIL');
  if (rest > 0) words.push(hundredsInWords(rest, beforeScale));
  return words.join(' ');
}

/**
 * A non-negative integer in Spanish words, uppercase, long scale as used in
 * Peru: 10^9 is MIL MILLONES, 10^12 is BILLÓN. Covers every safe integer.
 */
export function integerInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new KhipuError('money.notInteger', { params: { value: String(n) } });
  if (n === 0) return 'CERO';
  const big = BigInt(n);
  const scales: [chunk: number, one: string, many: string][] = [
    [Number(big / 10n ** 12n), 'BILLÓN', 'BILLONES'],
    [Number((big / 10n ** 6n) % 10n ** 6n), 'MILLÓN', 'MILLONES'],
  ];
  const words: string[] = [];
  for (const [chunk, one, many] of scales) {
    if (chunk === 1) words.push('UN', one);
    else if (chunk > 1) words.push(thousandsInWords(chunk, true), many);
  }
  const rest = Number(big % 10n ** 6n);
  if (rest > 0) words.push(thousandsInWords(rest, false));
  return words.join(' ');
}

/**
 * The "SON:" line of a Peruvian receipt: `CIENTO NOVENTA Y UN MIL CIENTO
 * SESENTA Y DOS CON 76/100 SOLES`. One sol reads `UNO CON 00/100 SOLES`, as
 * receipts print it. A receipt never shows a negative amount, so it throws.
 */
export function amountInWords(centimos: Centimos): string {
  assertCentimos(centimos);
  if (centimos < 0) throw new KhipuError('money.negativeInWords', { params: { value: formatSoles(centimos) } });
  const cents = centimos % 100;
  const soles = (centimos - cents) / 100; // exact: a multiple of 100 divided by 100
  return `${integerInWords(soles)} CON ${String(cents).padStart(2, '0')}/100 SOLES`;
}
