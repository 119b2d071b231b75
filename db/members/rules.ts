import { KhipuError } from '../../shared/errors';
import { assertDni } from '../../shared/peru/dni';
import { displayDate } from '../../shared/dates';
import { cleanText, readText } from '../../shared/text';
import type { Sex } from '../../shared/operations/members';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// Validation shared by the forms (createMember, updateMember) and the import:
// one rule, so a row that previews clean is a row createMember would accept.

/** Today's date in Peru (UTC−5 all year, no daylight saving). */
export function limaToday(now: Date): string {
  return new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
}

/** The rule of every typed text (shared/text.ts: invisible characters stripped, NFC, trimmed), inner spaces collapsed; apostrophes, accents and ñ stay as typed. */
export function cleanName(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

/**
 * Cleaned text, or null when blank. With a field, text the operations would refuse (a control character,
 * nothing visible) is refused here too, naming it: the import's rows obey the same rule as the forms.
 */
export function optionalClean(value: string | null | undefined, field?: string): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanName(field === undefined ? value : readText(value, field));
  return cleaned === '' ? null : cleaned;
}

export function fullName(givenNames: string, surnames: string): string {
  return `${givenNames} ${surnames}`.trim();
}

export function cleanPhone(value: string | null | undefined, field = 'phone'): string | null {
  const phone = optionalClean(value, field);
  if (phone === null) return null;
  if (!/^\+?[\d ]+$/.test(phone) || !/\d/.test(phone) || phone.length > 20) {
    throw new KhipuError('member.phoneInvalid', { field, params: { value: phone } });
  }
  return phone;
}

export function requireName(value: string | null | undefined, field: 'givenNames' | 'surnames'): string {
  const name = optionalClean(value, field);
  if (name === null) throw new KhipuError(field === 'givenNames' ? 'member.givenNamesRequired' : 'member.surnamesRequired', { field });
  return name;
}

export function checkBirthDate(birthDate: string | null, joinedOn: string | null, today: string, field = 'birthDate'): void {
  if (birthDate === null) return;
  if (birthDate > today) {
    throw new KhipuError('member.birthDateFuture', { field, params: { date: displayDate(birthDate) } });
  }
  if (joinedOn !== null && birthDate >= joinedOn) {
    throw new KhipuError('member.birthDateAfterJoin', {
      field, params: { date: displayDate(birthDate), joinedOn: displayDate(joinedOn) },
    });
  }
}

/** The DNI, trimmed and checked, and not held by another member of the association. */
export function checkDni(db: LedgerDatabase, associationId: number, value: unknown, exceptMemberId?: number): string {
  const dni = assertDni(value, 'dni');
  const other = prepared(db, 'SELECT id, full_name AS name FROM members WHERE association_id = ? AND dni = ? AND id IS NOT ?')
    .get(associationId, dni, exceptMemberId ?? null) as { id: number; name: string } | undefined;
  if (other) throw new KhipuError('member.dniTaken', { field: 'dni', params: { dni, name: other.name } });
  return dni;
}

export function assertAssociation(db: LedgerDatabase, associationId: number): { name: string } {
  const row = prepared(db, 'SELECT name FROM associations WHERE id = ?').get(associationId) as { name: string } | undefined;
  if (!row) throw new KhipuError('association.notFound', { field: 'associationId', params: { id: associationId } });
  return row;
}

export const SEX_WORDS: Record<string, Sex> = {
  f: 'F', m: 'M', mujer: 'F', hombre: 'M', femenino: 'F', masculino: 'M', varon: 'M', female: 'F', male: 'M',
  socia: 'F', socio: 'M',
};
