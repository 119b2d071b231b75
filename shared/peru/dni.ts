import { KhipuError } from '../errors';

/** DNI (Documento Nacional de Identidad, RENIEC): exactly 8 digits, no check digit used. */
const EIGHT_DIGITS = /^\d{8}$/;

/** True for a string that is, after trimming, exactly 8 digits. */
export function isValidDni(value: unknown): boolean {
  return typeof value === 'string' && EIGHT_DIGITS.test(value.trim());
}

/**
 * Returns the DNI trimmed, or throws a KhipuError. Leading zeros matter
 * (00123456 is a real DNI), which is why numbers are refused, not converted.
 */
export function assertDni(value: unknown, field = 'dni'): string {
  const dni = typeof value === 'string' ? value.trim() : value == null ? '' : String(value);
  if (dni === '') throw new KhipuError('peru.dni.required', { field, params: { value: dni } });
  if (typeof value !== 'string' || !EIGHT_DIGITS.test(dni)) {
    throw new KhipuError('peru.dni.format', { field, params: { value: dni } });
  }
  return dni;
}
