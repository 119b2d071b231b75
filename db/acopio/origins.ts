import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import type { OriginDocumentKind, ProductOriginView } from '../../shared/operations/acopio';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';

// Where the product came from: a sale or a contract delivery names the acopio days it came from.

const documentTable: Record<OriginDocumentKind, string> = { sale: 'sales', contract_delivery: 'contract_deliveries' };

function requireDocument(db: LedgerDatabase, kind: OriginDocumentKind, documentId: number, associationId?: number): number {
  const table = documentTable[kind];
  const exists = prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  const row = exists
    ? prepared(db, `SELECT association_id, voided_on FROM ${table} WHERE id = ?`).get(documentId) as
      { association_id: number; voided_on: string | null } | undefined
    : undefined;
  if (!row || (associationId !== undefined && row.association_id !== associationId)) {
    throw new KhipuError('acopio.originDocumentNotFound', { field: 'documentId', params: { id: documentId } });
  }
  if (associationId !== undefined && row.voided_on !== null) {
    throw new KhipuError('acopio.originDocumentVoided', { field: 'documentId', params: { id: documentId } });
  }
  return row.association_id;
}

export function setProductOrigin(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'setProductOrigin'>): ProductOriginView {
  return writeTransaction(db, () => {
    requireDocument(db, input.documentKind, input.documentId, input.associationId);
    const seen = new Set<number>();
    input.dayIds.forEach((dayId, index) => {
      const field = `dayIds.${index}`;
      const day = prepared(db, 'SELECT association_id, voided_on FROM acopio_days WHERE id = ?').get(dayId) as
        { association_id: number; voided_on: string | null } | undefined;
      if (!day || day.association_id !== input.associationId) throw new KhipuError('acopio.dayNotFound', { field, params: { id: dayId } });
      if (day.voided_on !== null) throw new KhipuError('acopio.originDayVoided', { field, params: { id: dayId } });
      if (seen.has(dayId)) throw new KhipuError('acopio.originDayRepeated', { field, params: { id: dayId } });
      seen.add(dayId);
    });
    prepared(db, 'DELETE FROM product_origins WHERE document_kind = ? AND document_id = ?').run(input.documentKind, input.documentId);
    const insert = prepared(db, `INSERT INTO product_origins (association_id, document_kind, document_id, day_id, created_at)
        VALUES (?, ?, ?, ?, ?)`);
    const now = context.now().toISOString();
    for (const dayId of input.dayIds) insert.run(input.associationId, input.documentKind, input.documentId, dayId, now);
    appendAudit(db, context, 'setProductOrigin', input.associationId, input);
    return productOrigin(db, input);
  });
}

export function productOrigin(db: LedgerDatabase, input: { documentKind: OriginDocumentKind; documentId: number }): ProductOriginView {
  requireDocument(db, input.documentKind, input.documentId);
  const days = (prepared(db, `SELECT d.id AS dayId, d.date, d.product_id AS productId, p.name AS productName,
         d.total_quantity AS totalQuantity, d.voided_on AS voidedOn
        FROM product_origins o JOIN acopio_days d ON d.id = o.day_id JOIN products p ON p.id = d.product_id
       WHERE o.document_kind = ? AND o.document_id = ? ORDER BY d.date, d.id`)
    .all(input.documentKind, input.documentId) as (Omit<ProductOriginView['days'][number], 'status'> & { voidedOn: string | null })[])
    .map(({ voidedOn, ...day }) => ({ ...day, status: voidedOn === null ? 'valid' as const : 'voided' as const }));
  const members = prepared(db, `SELECT r.member_id AS memberId, m.full_name AS memberName, NULL AS memberCode,
         SUM(r.quantity) AS quantity, COUNT(*) AS days
        FROM product_origins o JOIN acopio_days d ON d.id = o.day_id AND d.voided_on IS NULL
        JOIN acopio_rows r ON r.day_id = d.id JOIN members m ON m.id = r.member_id
       WHERE o.document_kind = ? AND o.document_id = ? GROUP BY r.member_id ORDER BY m.full_name, r.member_id`)
    .all(input.documentKind, input.documentId) as ProductOriginView['members'];
  return {
    documentKind: input.documentKind, documentId: input.documentId, days, members,
    totalQuantity: members.reduce((sum, m) => sum + m.quantity, 0),
  };
}
