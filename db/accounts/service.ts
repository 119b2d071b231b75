import type { AccountView } from '../../shared/results';
import { KhipuError } from '../../shared/errors';
import { escapeLike } from '../storage/text';
import { foldText } from '../../shared/text';
import { appendAudit, type WriteContext } from '../audit/log';
import { sql, type Selectable } from 'kysely';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { query, selectAll, selectFirst, type AccountsTable } from '../storage/schema';

export type { AccountView };

type AccountRow = Selectable<AccountsTable>;

const toView = (row: AccountRow): AccountView => ({
  id: row.id, code: row.code, name: row.name, pcgeName: row.pcge_name, type: row.type, parentId: row.parent_id,
  postable: row.postable === 1, role: row.role, archived: row.archived_at !== null,
});

export function listAccounts(db: LedgerDatabase, associationId: number, search?: string): AccountView[] {
  const term = search?.trim();
  let built = query.selectFrom('accounts').selectAll().where('association_id', '=', associationId);
  if (term) {
    const codePrefix = `${escapeLike(term)}%`;
    const namePart = `%${escapeLike(foldText(term))}%`;
    built = built.where(
      sql<boolean>`(code LIKE ${codePrefix} ESCAPE '\\' OR khipu_fold(name) LIKE ${namePart} ESCAPE '\\')`,
    );
  }
  return selectAll(db, built.orderBy('code')).map(toView);
}

function getAccount(db: LedgerDatabase, associationId: number, id: number, field = 'accountId'): AccountRow {
  const row = selectFirst(
    db,
    query.selectFrom('accounts').selectAll().where('id', '=', id).where('association_id', '=', associationId),
  );
  if (!row) throw new KhipuError('account.notFound', { field, params: { id } });
  return row;
}

/** A sub-account takes its parent's type; a parent that already has postings cannot get children. */
export function addAccount(
  db: LedgerDatabase,
  context: WriteContext,
  input: { associationId: number; parentCode: string; code: string; name: string },
): AccountView {
  return writeTransaction(db, () => {
    const parent = db.prepare('SELECT * FROM accounts WHERE association_id = ? AND code = ?').get(input.associationId, input.parentCode) as
      | AccountRow | undefined;
    if (!parent) throw new KhipuError('account.parentNotFound', { field: 'parentCode', params: { parentCode: input.parentCode } });
    if (parent.archived_at) throw new KhipuError('account.parentArchived', { field: 'parentCode', params: { parentCode: parent.code } });
    if (!/^\d+$/.test(input.code) || !input.code.startsWith(parent.code) || input.code === parent.code) {
      throw new KhipuError('account.codeFormat', { field: 'code', params: { parentCode: parent.code } });
    }
    if (db.prepare('SELECT 1 FROM accounts WHERE association_id = ? AND code = ?').get(input.associationId, input.code)) {
      throw new KhipuError('account.codeTaken', { field: 'code', params: { code: input.code } });
    }
    if (parent.postable) {
      if (db.prepare('SELECT 1 FROM journal_lines WHERE account_id = ? LIMIT 1').get(parent.id)) {
        throw new KhipuError('account.parentUsed', { field: 'parentCode', params: { parentCode: parent.code } });
      }
      // An unused detail account becomes a heading. Its role (e.g. `cash`) moves to
      // this first sub-account, so what Khipu posts to "Caja" lands in "Caja principal".
      db.prepare('UPDATE accounts SET postable = 0, role = NULL WHERE id = ?').run(parent.id);
    }
    const inheritedRole = parent.postable ? parent.role : null;
    const name = input.name.trim();
    if (!name) throw new KhipuError('input.required', { field: 'name', params: { field: 'nombre' } });
    const id = Number(
      db.prepare(
        `INSERT INTO accounts (association_id, code, name, pcge_name, type, parent_id, postable, role)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
      ).run(input.associationId, input.code, name, name, parent.type, parent.id, inheritedRole).lastInsertRowid,
    );
    appendAudit(db, context, 'addAccount', input.associationId, { id, ...input, name });
    return toView(getAccount(db, input.associationId, id));
  });
}

export function renameAccount(
  db: LedgerDatabase,
  context: WriteContext,
  input: { associationId: number; accountId: number; name: string },
): AccountView {
  return writeTransaction(db, () => {
    const before = getAccount(db, input.associationId, input.accountId);
    const name = input.name.trim();
    if (!name) throw new KhipuError('input.required', { field: 'name', params: { field: 'nombre' } });
    db.prepare('UPDATE accounts SET name = ? WHERE id = ?').run(name, before.id);
    appendAudit(db, context, 'renameAccount', input.associationId, { id: before.id, from: before.name, to: name });
    return toView(getAccount(db, input.associationId, before.id));
  });
}

/** Archived accounts keep their history and can be restored; used accounts are never deleted. */
export function setAccountArchived(
  db: LedgerDatabase,
  context: WriteContext,
  input: { associationId: number; accountId: number; archived: boolean },
): AccountView {
  return writeTransaction(db, () => {
    const account = getAccount(db, input.associationId, input.accountId);
    if (input.archived) {
      const activeChild = db.prepare('SELECT 1 FROM accounts WHERE parent_id = ? AND archived_at IS NULL').get(account.id);
      if (activeChild) throw new KhipuError('account.hasActiveChildren', { field: 'accountId', params: { name: account.name } });
    }
    db.prepare('UPDATE accounts SET archived_at = ? WHERE id = ?').run(input.archived ? context.now().toISOString() : null, account.id);
    appendAudit(db, context, input.archived ? 'archiveAccount' : 'restoreAccount', input.associationId, { id: account.id });
    return toView(getAccount(db, input.associationId, account.id));
  });
}
