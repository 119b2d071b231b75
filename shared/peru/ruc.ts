import { KhipuError } from '../errors';

/**
 * RUC (Registro Único de Contribuyentes, SUNAT): 11 digits. The first two say
 * what kind of taxpayer it is, the last is a modulus-11 check digit.
 */

/** SUNAT weights for the first 10 digits. */
const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Prefixes SUNAT issues: 10 natural persons, 15 and 17 special cases of
 * natural persons (non-domiciled, foreigners without a DNI), 16 pre-1993
 * taxpayers, 20 legal entities (producer associations are 20).
 */
export const RUC_PREFIXES: readonly string[] = ['10', '15', '16', '17', '20'];

const ELEVEN_DIGITS = /^\d{11}$/;

/**
 * The check digit for the first 10 digits of a RUC:
 * r = 11 − (Σ digit × weight mod 11); r = 10 → 0, r = 11 → 1.
 */
export function rucCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) {
    throw new KhipuError('peru.ruc.format', { field: 'ruc', params: { value: first10 } });
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * WEIGHTS[i]!;
  const r = 11 - (sum % 11);
  return r === 10 ? 0 : r === 11 ? 1 : r;
}

/** Why a RUC is refused, or undefined when it is valid. */
function rucProblem(ruc: string): 'peru.ruc.required' | 'peru.ruc.format' | 'peru.ruc.prefix' | 'peru.ruc.checkDigit' | undefined {
  if (ruc === '') return 'peru.ruc.required';
  if (!ELEVEN_DIGITS.test(ruc)) return 'peru.ruc.format';
  if (!RUC_PREFIXES.includes(ruc.slice(0, 2))) return 'peru.ruc.prefix';
  if (rucCheckDigit(ruc.slice(0, 10)) !== Number(ruc[10])) return 'peru.ruc.checkDigit';
  return undefined;
}

/** A valid RUC of a legal entity (20…) made from a serial number, with its check digit: for example and test data. */
export function legalEntityRucFor(serial: number): string {
  const first10 = `20${String(serial).padStart(8, '0')}`;
  return `${first10}${rucCheckDigit(first10)}`;
}

/** True for a string that is, after trimming, a RUC SUNAT could have issued. */
export function isValidRuc(value: unknown): boolean {
  return typeof value === 'string' && rucProblem(value.trim()) === undefined;
}

/** True for a valid RUC of a legal entity (prefix 20), the kind associations have. */
export function isLegalEntityRuc(value: unknown): boolean {
  return isValidRuc(value) && (value as string).trim().startsWith('20');
}

/**
 * Returns the RUC trimmed, or throws a KhipuError saying what is wrong with it.
 * Only surrounding spaces are forgiven: a RUC with inner spaces or dashes was
 * probably mistyped, so it is refused rather than guessed at.
 */
export function assertRuc(value: unknown, field = 'ruc'): string {
  const ruc = typeof value === 'string' ? value.trim() : value == null ? '' : String(value);
  const problem = typeof value === 'string' || value == null ? rucProblem(ruc) : 'peru.ruc.format';
  if (problem !== undefined) throw new KhipuError(problem, { field, params: { value: ruc } });
  return ruc;
}
