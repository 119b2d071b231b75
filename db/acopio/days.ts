import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { assertDocumentTotal, assertLineAmount, multiplyQuantity } from '../../shared/money';
import type {
  AcopioDayGrid, AcopioDaySummary, AcopioDayView, AcopioRowView, AcopioStatus,
} from '../../shared/operations/acopio';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation, reverseAndLink, roleAccount } from './links';
import { insertEntry, type NewLine, type PostingCache } from '../journal/post';
import { activeOnSql } from '../members/active';
import { inventoryRoleOf, moveStock, requireProduct, type ProductRow } from '../stock/movements';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import {
  levyOn, normaliseGrade, overlapError, overlappingSettlement, pricesOn, requireDay, type AcopioDayRow, type PriceRow,
} from './common';

// A day's acopio sheet for one product: ONE entry (Dr inventory / Cr 4419 per member, member
// dimension) and ONE stock movement in at the sheet's value. Rows are priced by the product's price
// of the day for the member's grade; amount = multiplyQuantity(price, quantity), rounded once.

export interface AcopioDayRequest {
  associationId: number;
  productId: number;
  date: string;
  rows: readonly { memberId: number; grade?: string | null | undefined; quantity: number }[];
  note?: string | null | undefined;
  replacesDayId?: number | null;
}

interface MemberCheck { id: number; association_id: number; full_name: string; active: number }

interface PricedRow { memberId: number; memberName: string; grade: string; quantity: number; unitPrice: number; amount: number; priceId: number }

function priceRows(db: LedgerDatabase, request: AcopioDayRequest, product: ProductRow): PricedRow[] {
  const prices = pricesOn(db, product.id, request.date);
  if (prices.length === 0) {
    throw new KhipuError('acopio.noPrice', { field: 'productId', params: { product: product.name, date: displayDate(request.date) } });
  }
  const byGrade = new Map<string, PriceRow>(prices.map((p) => [p.grade, p]));
  const hasGrades = prices.some((p) => p.grade !== '');
  const memberStatement = prepared(db, `SELECT m.id, m.association_id, m.full_name, ${activeOnSql('m.id', '@date')} AS active
      FROM members m WHERE m.id = @id`);
  const seen = new Set<number>();
  return request.rows.map((row, index) => {
    const at = `rows.${index}`;
    const member = memberStatement.get({ id: row.memberId, date: request.date }) as MemberCheck | undefined;
    if (!member || member.association_id !== request.associationId) {
      throw new KhipuError('member.notFound', { field: `${at}.memberId`, params: { id: row.memberId } });
    }
    if (member.active !== 1) {
      throw new KhipuError('acopio.memberNotActive', {
        field: `${at}.memberId`, params: { member: member.full_name, date: displayDate(request.date) },
      });
    }
    if (seen.has(member.id)) {
      throw new KhipuError('acopio.memberRepeated', { field: `${at}.memberId`, params: { member: member.full_name } });
    }
    seen.add(member.id);
    const grade = normaliseGrade(row.grade);
    if (hasGrades && grade === '') {
      throw new KhipuError('acopio.gradeRequired', { field: `${at}.grade`, params: { product: product.name, member: member.full_name } });
    }
    const price = byGrade.get(grade);
    if (!price) {
      throw new KhipuError('acopio.noPriceForGrade', {
        field: `${at}.grade`, params: { product: product.name, grade, date: displayDate(request.date) },
      });
    }
    const settled = overlappingSettlement(db, member.id, request.date, request.date);
    if (settled) throw overlapError(settled, member.full_name, `${at}.memberId`);
    const amount = multiplyQuantity(price.price, row.quantity);
    if (amount <= 0) {
      throw new KhipuError('acopio.amountZero', { field: `${at}.quantity`, params: { member: member.full_name } });
    }
    assertLineAmount(amount, `${at}.quantity`);
    return {
      memberId: member.id, memberName: member.full_name, grade, quantity: row.quantity, unitPrice: price.price, amount,
      priceId: price.id,
    };
  });
}

const nextDayId = (db: LedgerDatabase): number =>
  (prepared(db, 'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM acopio_days').get() as { next: number }).next;

/**
 * Checks, posts and writes one sheet inside the caller's transaction (the generator calls it in its
 * bulk, sharing a posting cache); returns the sheet's id.
 */
export function insertAcopioDay(
  db: LedgerDatabase, context: WriteContext, request: AcopioDayRequest, cache?: PostingCache,
): number {
  const association = requireAssociation(db, request.associationId);
  checkNotLocked(association, request.date);
  const product = requireProduct(db, request.associationId, request.productId);
  const live = prepared(db, 'SELECT id FROM acopio_days WHERE association_id = ? AND product_id = ? AND date = ? AND voided_on IS NULL')
    .get(request.associationId, product.id, request.date) as { id: number } | undefined;
  if (live) {
    throw new KhipuError('acopio.dayExists', { field: 'date', params: { product: product.name, date: displayDate(request.date) } });
  }
  const rows = priceRows(db, request, product);
  const total = rows.reduce((sum, row) => sum + row.amount, 0);
  const totalQuantity = rows.reduce((sum, row) => sum + row.quantity, 0);
  assertDocumentTotal(total, 'rows');

  const dayId = nextDayId(db);
  const inventoryId = roleAccount(db, request.associationId, inventoryRoleOf(product.category));
  const payableId = roleAccount(db, request.associationId, 'payable_members');
  const when = displayDate(request.date);
  const lines: NewLine[] = [
    { accountId: inventoryId, amount: total, productLineId: product.product_line_id, memo: `Acopio de ${product.name} del ${when}` },
    ...rows.map((row) => ({
      accountId: payableId, amount: -row.amount, memberId: row.memberId, memo: `Acopio ${product.name} ${when}`,
    })),
  ];
  const entry = insertEntry(db, context, {
    associationId: request.associationId, date: request.date, lines, sourceType: 'acopio_day', sourceId: dayId,
    description: `Acopio de ${product.name} del ${when} (${rows.length} socios)`,
  }, {}, cache);
  const insertRow = prepared(db, `INSERT INTO acopio_rows (day_id, line_no, member_id, grade, quantity, unit_price, amount, price_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  rows.forEach((row, index) => {
    insertRow.run(dayId, index + 1, row.memberId, row.grade, row.quantity, row.unitPrice, row.amount, row.priceId);
  });
  prepared(db, `INSERT INTO acopio_days (id, association_id, product_id, date, total, total_quantity, member_count, note, entry_id,
      replaces_day_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    dayId, request.associationId, product.id, request.date, total, totalQuantity, rows.length,
    request.note === undefined || request.note === null || request.note === '' ? null : request.note,
    entry.id, request.replacesDayId ?? null, context.now().toISOString(), context.actor,
  );
  moveStock(db, {
    associationId: request.associationId, productId: product.id, date: request.date, quantity: totalQuantity, value: total,
    sourceType: 'acopio_day', sourceId: dayId, entryId: entry.id, field: 'rows',
  });
  return dayId;
}

export function recordAcopioDay(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordAcopioDay'>): AcopioDayView {
  return writeTransaction(db, () => {
    const dayId = insertAcopioDay(db, context, input);
    appendAudit(db, context, 'recordAcopioDay', input.associationId, { ...input, dayId });
    return getAcopioDay(db, dayId);
  });
}

/** Voids a sheet inside the caller's transaction. */
function voidDay(db: LedgerDatabase, context: WriteContext, day: AcopioDayRow, date: string, reason: string): void {
  const product = requireProduct(db, day.association_id, day.product_id, 'dayId', { allowArchived: true });
  if (day.voided_on !== null) {
    throw new KhipuError('acopio.dayAlreadyVoided', {
      field: 'dayId', params: { product: product.name, date: displayDate(day.date), voidedOn: displayDate(day.voided_on) },
    });
  }
  if (date < day.date) throw new KhipuError('acopio.voidBeforeDate', { field: 'date', params: { date: displayDate(day.date) } });
  checkNotLocked(requireAssociation(db, day.association_id), date);
  const settled = prepared(db, `SELECT s.series, s.number, s.period_from, s.period_to, m.full_name FROM acopio_rows r
        JOIN settlements s ON s.member_id = r.member_id AND s.voided_on IS NULL AND s.period_from <= ? AND s.period_to >= ?
        JOIN members m ON m.id = r.member_id
       WHERE r.day_id = ? LIMIT 1`).get(day.date, day.date, day.id) as
    { series: string; number: number; period_from: string; period_to: string; full_name: string } | undefined;
  if (settled) throw overlapError(settled, settled.full_name, 'dayId');
  const when = displayDate(day.date);
  const reversal = reverseAndLink(db, context, day.entry_id, date, {
    description: `Anulación del acopio de ${product.name} del ${when}: ${reason}`, sourceType: 'acopio_day_void', sourceId: day.id,
  });
  moveStock(db, {
    associationId: day.association_id, productId: day.product_id, date, quantity: -day.total_quantity, value: day.total,
    sourceType: 'acopio_day_void', sourceId: day.id, entryId: reversal.id, field: 'dayId',
  });
  prepared(db, 'UPDATE acopio_days SET voided_on = ?, voided_at = ?, void_reason = ?, void_entry_id = ? WHERE id = ?')
    .run(date, context.now().toISOString(), reason, reversal.id, day.id);
}

export function voidAcopioDay(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidAcopioDay'>): AcopioDayView {
  return writeTransaction(db, () => {
    const day = requireDay(db, input.dayId);
    voidDay(db, context, day, input.date, input.reason);
    appendAudit(db, context, 'voidAcopioDay', day.association_id, input);
    return getAcopioDay(db, day.id);
  });
}

export function correctAcopioDay(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'correctAcopioDay'>): AcopioDayView {
  return writeTransaction(db, () => {
    const day = requireDay(db, input.dayId);
    voidDay(db, context, day, input.voidDate ?? day.date, input.reason);
    const dayId = insertAcopioDay(db, context, {
      associationId: day.association_id, productId: day.product_id, date: day.date, rows: input.rows,
      note: input.note === undefined ? day.note : input.note, replacesDayId: day.id,
    });
    appendAudit(db, context, 'correctAcopioDay', day.association_id, { ...input, newDayId: dayId });
    return getAcopioDay(db, dayId);
  });
}

const status = (voidedOn: string | null): AcopioStatus => (voidedOn === null ? 'valid' : 'voided');

export function getAcopioDay(db: LedgerDatabase, dayId: number): AcopioDayView {
  const day = requireDay(db, dayId);
  const product = prepared(db, 'SELECT name, unit FROM products WHERE id = ?').get(day.product_id) as { name: string; unit: string };
  const rows = prepared(db, `SELECT r.line_no AS lineNo, r.member_id AS memberId, m.full_name AS memberName, NULL AS memberCode,
         r.grade, r.quantity, r.unit_price AS unitPrice, r.amount,
         (SELECT s.id FROM settlements s WHERE s.member_id = r.member_id AND s.voided_on IS NULL
             AND s.period_from <= @date AND s.period_to >= @date) AS settlementId
        FROM acopio_rows r JOIN members m ON m.id = r.member_id WHERE r.day_id = @dayId ORDER BY r.line_no`)
    .all({ dayId, date: day.date }) as AcopioRowView[];
  const replacedBy = prepared(db, 'SELECT id FROM acopio_days WHERE replaces_day_id = ? ORDER BY id LIMIT 1').get(dayId) as
    { id: number } | undefined;
  return {
    id: day.id, associationId: day.association_id, productId: day.product_id, productName: product.name, unit: product.unit,
    date: day.date, rows, totalQuantity: day.total_quantity, total: day.total, memberCount: day.member_count, note: day.note,
    entryId: day.entry_id, replacesDayId: day.replaces_day_id, replacedByDayId: replacedBy?.id ?? null,
    status: status(day.voided_on),
    voided: day.voided_on === null ? null : { date: day.voided_on, reason: day.void_reason ?? '', entryId: day.void_entry_id ?? 0 },
    createdAt: day.created_at, createdBy: day.created_by,
  };
}

export function listAcopioDays(db: LedgerDatabase, input: ParsedInput<'listAcopioDays'>): AcopioDaySummary[] {
  const rows = prepared(db, `SELECT d.id, d.product_id AS productId, p.name AS productName, p.unit, d.date, d.member_count AS memberCount,
         d.total_quantity AS totalQuantity, d.total, d.voided_on AS voidedOn
        FROM acopio_days d JOIN products p ON p.id = d.product_id
       WHERE d.association_id = @associationId AND (@productId IS NULL OR d.product_id = @productId)
         AND (@from IS NULL OR d.date >= @from) AND (@to IS NULL OR d.date <= @to)
         AND (@status IS NULL OR (@status = 'valid') = (d.voided_on IS NULL))
       ORDER BY d.date DESC, d.id DESC LIMIT @limit`)
    .all({
      associationId: input.associationId, productId: input.productId ?? null, from: input.from ?? null, to: input.to ?? null,
      status: input.status ?? null, limit: input.limit ?? 1000,
    }) as (Omit<AcopioDaySummary, 'status'> & { voidedOn: string | null })[];
  return rows.map(({ voidedOn, ...row }) => ({ ...row, status: status(voidedOn) }));
}

export function acopioDay(db: LedgerDatabase, input: ParsedInput<'acopioDay'>): AcopioDayGrid {
  const association = requireAssociation(db, input.associationId);
  const product = requireProduct(db, input.associationId, input.productId, 'productId', { allowArchived: true });
  const live = prepared(db, 'SELECT id FROM acopio_days WHERE association_id = ? AND product_id = ? AND date = ? AND voided_on IS NULL')
    .get(input.associationId, product.id, input.date) as { id: number } | undefined;
  const previous = prepared(db, `SELECT id, date FROM acopio_days WHERE association_id = ? AND product_id = ? AND date < ?
        AND voided_on IS NULL ORDER BY date DESC, id DESC LIMIT 1`).get(input.associationId, product.id, input.date) as
    { id: number; date: string } | undefined;
  const previousMembers = previous
    ? prepared(db, `SELECT r.member_id AS memberId, m.full_name AS memberName, NULL AS memberCode, r.grade, r.quantity AS lastQuantity
          FROM acopio_rows r JOIN members m ON m.id = r.member_id
         WHERE r.day_id = @dayId AND ${activeOnSql('r.member_id', '@date')} ORDER BY r.line_no`)
      .all({ dayId: previous.id, date: input.date }) as AcopioDayGrid['previousMembers']
    : [];
  const prices = pricesOn(db, product.id, input.date);
  const levy = levyOn(db, product.id, input.date);
  return {
    date: input.date, productId: product.id, productName: product.name, unit: product.unit,
    day: live ? getAcopioDay(db, live.id) : null,
    previousDate: previous?.date ?? null,
    previousMembers,
    prices: prices.map((p) => ({ grade: p.grade, price: p.price, priceId: p.id })),
    hasGrades: prices.some((p) => p.grade !== ''),
    levyPerUnit: levy?.amountPerUnit ?? null,
    locked: association.lock_date !== null && input.date <= association.lock_date,
  };
}
