import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import type { AcopioLevy, AcopioPrice } from '../../shared/operations/acopio';
import { appendAudit, type WriteContext } from '../audit/log';
import { requireAssociation, requireType } from '../contributions/common';
import { requireProduct } from '../stock/movements';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { normaliseGrade } from './common';

// Prices paid to members by product, grade and period, and the levy per unit attached to a product.

const priceSelect = `SELECT p.id, p.product_id AS productId, pr.name AS productName, pr.unit, p.grade, p.valid_from AS validFrom,
       p.valid_to AS validTo, p.price, EXISTS (SELECT 1 FROM acopio_rows r WHERE r.price_id = p.id) AS used
  FROM acopio_prices p JOIN products pr ON pr.id = p.product_id`;

type PriceRecord = Omit<AcopioPrice, 'used'> & { used: number };
const toPrice = (row: PriceRecord): AcopioPrice => ({ ...row, used: row.used === 1 });

function getPrice(db: LedgerDatabase, priceId: number): AcopioPrice {
  const row = prepared(db, `${priceSelect} WHERE p.id = ?`).get(priceId) as PriceRecord | undefined;
  if (!row) throw new KhipuError('acopio.priceNotFound', { field: 'priceId', params: { id: priceId } });
  return toPrice(row);
}

export function setAcopioPrice(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'setAcopioPrice'>): AcopioPrice {
  return writeTransaction(db, () => {
    requireAssociation(db, input.associationId);
    const product = requireProduct(db, input.associationId, input.productId);
    const grade = normaliseGrade(input.grade);
    const validTo = input.validTo ?? null;
    if (validTo !== null && validTo < input.validFrom) {
      throw new KhipuError('acopio.priceToBeforeFrom', {
        field: 'validTo', params: { from: displayDate(input.validFrom), to: displayDate(validTo) },
      });
    }
    const other = prepared(db, `SELECT valid_from, valid_to FROM acopio_prices WHERE product_id = ? AND grade = ?
        AND valid_from <= ? AND COALESCE(valid_to, '9999-12-31') >= ? LIMIT 1`)
      .get(product.id, grade, validTo ?? '9999-12-31', input.validFrom) as { valid_from: string; valid_to: string | null } | undefined;
    if (other) {
      throw new KhipuError('acopio.priceOverlap', {
        field: 'validFrom',
        params: {
          product: product.name, grade: grade === '' ? '—' : grade, from: displayDate(other.valid_from),
          to: other.valid_to === null ? '…' : displayDate(other.valid_to),
        },
      });
    }
    const id = Number(prepared(db, `INSERT INTO acopio_prices (association_id, product_id, grade, valid_from, valid_to, price,
        created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.associationId, product.id, grade, input.validFrom, validTo, input.price, context.now().toISOString(), context.actor)
      .lastInsertRowid);
    appendAudit(db, context, 'setAcopioPrice', input.associationId, { ...input, grade, priceId: id });
    return getPrice(db, id);
  });
}

export function listAcopioPrices(db: LedgerDatabase, input: ParsedInput<'listAcopioPrices'>): AcopioPrice[] {
  const rows = prepared(db, `${priceSelect} WHERE p.association_id = @associationId
        AND (@productId IS NULL OR p.product_id = @productId)
        AND (@on IS NULL OR (p.valid_from <= @on AND (p.valid_to IS NULL OR p.valid_to >= @on)))
      ORDER BY pr.name, p.product_id, p.grade, p.valid_from`)
    .all({ associationId: input.associationId, productId: input.productId ?? null, on: input.on ?? null }) as PriceRecord[];
  return rows.map(toPrice);
}

export function removeAcopioPrice(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'removeAcopioPrice'>): { removed: true } {
  return writeTransaction(db, () => {
    const price = getPrice(db, input.priceId);
    if (price.used) throw new KhipuError('acopio.priceInUse', { field: 'priceId', params: { product: price.productName } });
    const { association_id: associationId } = prepared(db, 'SELECT association_id FROM acopio_prices WHERE id = ?')
      .get(input.priceId) as { association_id: number };
    prepared(db, 'DELETE FROM acopio_prices WHERE id = ?').run(input.priceId);
    appendAudit(db, context, 'removeAcopioPrice', associationId, { ...input, price });
    return { removed: true };
  });
}

const levySelect = `SELECT l.id, l.product_id AS productId, pr.name AS productName, l.levy_type_id AS levyTypeId,
       t.name AS levyName, t.amount_per_unit AS amountPerUnit, l.valid_from AS validFrom
  FROM acopio_levies l JOIN products pr ON pr.id = l.product_id LEFT JOIN contribution_types t ON t.id = l.levy_type_id`;

export function setAcopioLevy(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'setAcopioLevy'>): AcopioLevy {
  return writeTransaction(db, () => {
    requireAssociation(db, input.associationId);
    const product = requireProduct(db, input.associationId, input.productId);
    if (input.levyTypeId !== null) {
      const type = requireType(db, input.associationId, input.levyTypeId, 'levyTypeId');
      if (type.kind !== 'levy_per_unit') {
        throw new KhipuError('acopio.levyNotPerUnit', { field: 'levyTypeId', params: { name: type.name } });
      }
    }
    const existing = prepared(db, 'SELECT 1 FROM acopio_levies WHERE product_id = ? AND valid_from = ?').get(product.id, input.validFrom);
    if (existing) {
      throw new KhipuError('acopio.levyDateTaken', {
        field: 'validFrom', params: { product: product.name, date: displayDate(input.validFrom) },
      });
    }
    const id = Number(prepared(db, `INSERT INTO acopio_levies (association_id, product_id, levy_type_id, valid_from, created_at,
        created_by) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(input.associationId, product.id, input.levyTypeId, input.validFrom, context.now().toISOString(), context.actor)
      .lastInsertRowid);
    appendAudit(db, context, 'setAcopioLevy', input.associationId, { ...input, levyId: id });
    return prepared(db, `${levySelect} WHERE l.id = ?`).get(id) as AcopioLevy;
  });
}

export function listAcopioLevies(db: LedgerDatabase, input: ParsedInput<'listAcopioLevies'>): AcopioLevy[] {
  return prepared(db, `${levySelect} WHERE l.association_id = ? ORDER BY pr.name, l.product_id, l.valid_from`)
    .all(input.associationId) as AcopioLevy[];
}
