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

/** A valid RUC (11 digits, SUNAT check digit) of a legal entity: associations' RUCs start with 20. */
export function assertAssociationRuc(value: string): string {
  const ruc = assertRuc(value);
  if (!ruc.startsWith('20')) throw new KhipuError('association.rucNotLegalEntity', { field: 'ruc', params: { ruc } });
  return ruc;
}

export function createAssociation(db: LedgerDatabase, context: WriteContext, input: NewAssociation): number {
  const name = input.name.trim();
  if (name === '') throw new KhipuError('input.required', { field: 'name', params: { field: 'nombre' } });
  const ruc = input.ruc ? assertAssociationRuc(input.ruc) : null;
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
    if (!row) throw new KhipuError('association.notFound', { field: 'associationId', params: { id: associationId } });
    const reopening = row.lock_date !== null && (lockDate === null || lockDate < row.lock_date);
    if (reopening && !reason?.trim()) {
      // What is missing is the reason, so that is the field to mark.
      throw new KhipuError('lock.beforeCurrent', {
        field: 'reason',
        params: { lockDate: lockDate ? displayDate(lockDate) : '—', currentLockDate: row.lock_date ? displayDate(row.lock_date) : '—' },
      });
    }
    // The audit row first: the database accepts a new lock date only right after its audit row
    // (trigger associations_lock_date_audited, db/storage/self-defence-migration.ts).
    appendAudit(db, context, 'setLockDate', associationId, { from: row.lock_date, to: lockDate, reason });
    prepared(db, 'UPDATE associations SET lock_date = ? WHERE id = ?').run(lockDate, associationId);
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

export type AssociationChanges = Partial<Omit<NewAssociation, 'name' | 'legalForm' | 'ubigeo'>> & {
  associationId: number; name?: string | undefined; legalForm?: string | undefined; ubigeo?: string | undefined;
};

/** The details a correction may change. */
type Changeable = 'name' | 'ruc' | 'legalForm' | 'registryEntry' | 'ubigeo' | 'address' | 'mainProducts' | 'fiscalYearStartMonth';

/**
 * Corrects the association's details. Fields left out keep their value; `null` (or blank text) clears
 * an optional one. The audit row lists each field that changed with its old and new value. Changing
 * the fiscal-year start would move entries already numbered into other fiscal years, so it is
 * refused once the association has an entry.
 */
export function updateAssociation(db: LedgerDatabase, context: WriteContext, input: AssociationChanges): AssociationDetails {
  return writeTransaction(db, () => {
    const before = getAssociation(db, input.associationId);
    const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);
    const wanted: { [K in Changeable]?: unknown } = {};
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (name === '') throw new KhipuError('input.required', { field: 'name', params: { field: 'nombre' } });
      const clash = prepared(db, 'SELECT 1 FROM associations WHERE khipu_fold(name) = khipu_fold(?) AND id <> ?').get(name, before.id);
      if (clash) throw new KhipuError('association.nameTaken', { field: 'name', params: { name } });
      wanted.name = name;
    }
    if (input.ruc !== undefined) {
      const ruc = blankToNull(input.ruc) ? assertAssociationRuc(input.ruc!) : null;
      const other = ruc === null ? undefined
        : prepared(db, 'SELECT name FROM associations WHERE ruc = ? AND id <> ?').get(ruc, before.id) as { name: string } | undefined;
      if (other) throw new KhipuError('association.rucTaken', { field: 'ruc', params: { ruc: ruc!, name: other.name } });
      wanted.ruc = ruc;
    }
    if (input.legalForm !== undefined) wanted.legalForm = input.legalForm;
    if (input.registryEntry !== undefined) wanted.registryEntry = blankToNull(input.registryEntry);
    if (input.ubigeo !== undefined) wanted.ubigeo = assertUbigeo(input.ubigeo).code;
    if (input.address !== undefined) wanted.address = blankToNull(input.address);
    if (input.mainProducts !== undefined) wanted.mainProducts = input.mainProducts.map((p) => p.trim()).filter((p) => p !== '');
    if (input.fiscalYearStartMonth !== undefined && input.fiscalYearStartMonth !== before.fiscalYearStartMonth) {
      const entries = prepared(db, 'SELECT COUNT(*) AS n FROM journal_entries WHERE association_id = ?').get(before.id) as { n: number };
      if (entries.n > 0) {
        throw new KhipuError('association.fiscalYearHasEntries', {
          field: 'fiscalYearStartMonth', params: { name: before.name, entries: entries.n },
        });
      }
      wanted.fiscalYearStartMonth = input.fiscalYearStartMonth;
    }

    const changes: { field: Changeable; from: unknown; to: unknown }[] = [];
    for (const field of Object.keys(wanted) as Changeable[]) {
      const from = before[field];
      const to = wanted[field];
      if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
    }
    if (changes.length === 0) return before;
    const update = prepared(db, `UPDATE associations SET name = @name, ruc = @ruc, legal_form = @legalForm,
           registry_entry = @registryEntry, ubigeo = @ubigeo, address = @address, main_products = @mainProducts,
           fiscal_year_start_month = @fiscalYearStartMonth WHERE id = @id`);
    const after = { ...before, ...Object.fromEntries(changes.map((c) => [c.field, c.to])) } as AssociationDetails;
    update.run({
      id: before.id, name: after.name, ruc: after.ruc, legalForm: after.legalForm, registryEntry: after.registryEntry,
      ubigeo: after.ubigeo, address: after.address, mainProducts: JSON.stringify(after.mainProducts),
      fiscalYearStartMonth: after.fiscalYearStartMonth,
    });
    appendAudit(db, context, 'updateAssociation', before.id, { changes });
    return getAssociation(db, before.id);
  });
}
