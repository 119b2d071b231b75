import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// Look-ups the acopio services share. All run inside the caller's transaction.

export interface AcopioDayRow {
  id: number; association_id: number; product_id: number; date: string; total: number; total_quantity: number;
  member_count: number; note: string | null; entry_id: number; replaces_day_id: number | null; voided_on: string | null;
  voided_at: string | null; void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}

export interface SettlementRow {
  id: number; association_id: number; series: string; number: number; date: string; member_id: number;
  period_from: string; period_to: string; quantity: number; gross: number; levy: number; deductions: number; net: number;
  receipt_id: number | null; entry_id: number | null; note: string | null; print_count: number; voided_on: string | null;
  voided_at: string | null; void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}

export interface PriceRow { id: number; product_id: number; grade: string; valid_from: string; valid_to: string | null; price: number }

export function requireDay(db: LedgerDatabase, dayId: number, field = 'dayId'): AcopioDayRow {
  const row = prepared(db, 'SELECT * FROM acopio_days WHERE id = ?').get(dayId) as AcopioDayRow | undefined;
  if (!row) throw new KhipuError('acopio.dayNotFound', { field, params: { id: dayId } });
  return row;
}

export function requireSettlement(db: LedgerDatabase, settlementId: number, field = 'settlementId'): SettlementRow {
  const row = prepared(db, 'SELECT * FROM settlements WHERE id = ?').get(settlementId) as SettlementRow | undefined;
  if (!row) throw new KhipuError('acopio.settlementNotFound', { field, params: { id: settlementId } });
  return row;
}

/** The grade as stored: trimmed, '' for ungraded. */
export const normaliseGrade = (grade: string | null | undefined): string => (grade ?? '').trim();

/** The prices of a product in force on a date, one per grade. */
export function pricesOn(db: LedgerDatabase, productId: number, date: string): PriceRow[] {
  return prepared(db, `SELECT id, product_id, grade, valid_from, valid_to, price FROM acopio_prices
      WHERE product_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY grade`)
    .all(productId, date, date) as PriceRow[];
}

/** The levy per whole unit on a product on a date, with the contribution type and its income account. */
export interface LevyInForce { typeId: number; name: string; amountPerUnit: number; accountId: number }

export function levyOn(db: LedgerDatabase, productId: number, date: string): LevyInForce | null {
  const row = prepared(db, `SELECT l.levy_type_id AS typeId, t.name, t.amount_per_unit AS amountPerUnit, t.account_id AS accountId
      FROM acopio_levies l LEFT JOIN contribution_types t ON t.id = l.levy_type_id
      WHERE l.product_id = ? AND l.valid_from <= ? ORDER BY l.valid_from DESC LIMIT 1`).get(productId, date) as
    { typeId: number | null; name: string | null; amountPerUnit: number | null; accountId: number | null } | undefined;
  if (!row || row.typeId === null || row.amountPerUnit === null || row.accountId === null || row.name === null) return null;
  return { typeId: row.typeId, name: row.name, amountPerUnit: row.amountPerUnit, accountId: row.accountId };
}

/** A live settlement of the member whose period overlaps [from, to], if any. */
export function overlappingSettlement(
  db: LedgerDatabase, memberId: number, from: string, to: string,
): { id: number; series: string; number: number; period_from: string; period_to: string } | undefined {
  return prepared(db, `SELECT id, series, number, period_from, period_to FROM settlements
      WHERE member_id = ? AND voided_on IS NULL AND period_from <= ? AND period_to >= ? LIMIT 1`)
    .get(memberId, to, from) as { id: number; series: string; number: number; period_from: string; period_to: string } | undefined;
}

export function overlapError(
  found: { series: string; number: number; period_from: string; period_to: string }, member: string, field: string,
): KhipuError {
  return new KhipuError('acopio.settlementOverlap', {
    field,
    params: {
      member, number: `${found.series}-${String(found.number).padStart(6, '0')}`,
      from: displayDate(found.period_from), to: displayDate(found.period_to),
    },
  });
}
