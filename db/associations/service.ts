import type { AssociationDetails } from '../../shared/results';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { assertRuc } from '../../shared/peru/ruc';
import { assertUbigeo, findUbigeo } from '../../shared/peru/ubigeo';
import { chartTemplate } from '../accounts/chart-template';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';

export interface NewAssociation {
  name: string;
  ruc?: string | null;
  legalForm: string;
  registryEntry?: string | null;
  ubigeo: string;
  address?: string | null;
  mainProducts?: string[];
  fiscalYearStartMonth?: number;
}

export function createAssociation(db: LedgerDatabase, context: WriteContext, input: NewAssociation): number {
  const name = input.name.trim();
  if (name === '') throw new KhipuError('input.required', { field: 'name', params: { field: 'nombre' } });
  const ruc = input.ruc ? assertRuc(input.ruc) : null;
  const ubigeo = assertUbigeo(input.ubigeo);
  return writeTransaction(db, () => {
    if (prepared(db, 'SELECT 1 FROM associations WHERE name = ?').get(name)) {
      throw new KhipuError('association.nameTaken', { field: 'name', params: { name } });
    }
    if (ruc) {
      const other = prepared(db, 'SELECT name FROM associations WHERE ruc = ?').get(ruc) as { name: string } | undefined;
      if (other) throw new KhipuError('association.rucTaken', { field: 'ruc', params: { ruc, name: other.name } });
    }
    const id = Number(
      prepared(db, `INSERT INTO associations (name, ruc, legal_form, registry_entry, ubigeo, address, main_products,
             fiscal_year_start_month, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          name, ruc, input.legalForm, input.registryEntry ?? null, ubigeo.code, input.address ?? null,
          JSON.stringify(input.mainProducts ?? []), input.fiscalYearStartMonth ?? 1, context.now().toISOString(),
        ).lastInsertRowid,
    );
    seedChart(db, id);
    appendAudit(db, context, 'createAssociation', id, { ...input, name, ruc, ubigeo: ubigeo.code });
    return id;
  });
}

function seedChart(db: LedgerDatabase, associationId: number): void {
  const insert = prepared(db,
    `INSERT INTO accounts (association_id, code, name, pcge_name, type, parent_id, postable, role)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const idByCode = new Map<string, number>();
  for (const account of chartTemplate) {
    const parentId = account.parentCode === null ? null : (idByCode.get(account.parentCode) ?? null);
    const id = insert.run(
      associationId, account.code, account.name, account.pcgeName, account.type, parentId,
      account.postable ? 1 : 0, account.role ?? null,
    ).lastInsertRowid;
    idByCode.set(account.code, Number(id));
  }
}

export function setLockDate(
  db: LedgerDatabase,
  context: WriteContext,
  associationId: number,
  lockDate: string | null,
  reason?: string,
): void {
  writeTransaction(db, () => {
    const row = prepared(db, 'SELECT lock_date FROM associations WHERE id = ?').get(associationId) as
      | { lock_date: string | null }
      | undefined;
    if (!row) throw new KhipuError('association.notFound', { params: { id: associationId } });
    const reopening = row.lock_date !== null && (lockDate === null || lockDate < row.lock_date);
    if (reopening && !reason?.trim()) {
      // What is missing is the reason, so that is the field to mark.
      throw new KhipuError('lock.beforeCurrent', {
        field: 'reason',
        params: { lockDate: lockDate ? displayDate(lockDate) : '—', currentLockDate: row.lock_date ? displayDate(row.lock_date) : '—' },
      });
    }
    prepared(db, 'UPDATE associations SET lock_date = ? WHERE id = ?').run(lockDate, associationId);
    appendAudit(db, context, 'setLockDate', associationId, { from: row.lock_date, to: lockDate, reason });
  });
}


export function getAssociation(db: LedgerDatabase, associationId: number): AssociationDetails {
  const row = prepared(db, 'SELECT * FROM associations WHERE id = ?').get(associationId) as
    | { id: number; name: string; ruc: string | null; legal_form: string; registry_entry: string | null; ubigeo: string;
        address: string | null; main_products: string; fiscal_year_start_month: number; lock_date: string | null; created_at: string }
    | undefined;
  if (!row) throw new KhipuError('association.notFound', { field: 'associationId', params: { id: associationId } });
  const place = findUbigeo(row.ubigeo);
  return {
    id: row.id, name: row.name, ruc: row.ruc, legalForm: row.legal_form, registryEntry: row.registry_entry,
    ubigeo: row.ubigeo, department: place?.department ?? '', province: place?.province ?? '', district: place?.district ?? '',
    address: row.address, mainProducts: JSON.parse(row.main_products) as string[],
    fiscalYearStartMonth: row.fiscal_year_start_month, lockDate: row.lock_date, createdAt: row.created_at,
  };
}
