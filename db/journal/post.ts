import type { PostedEntry } from '../../shared/results';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { assertDocumentTotal, assertLineAmount, formatSoles } from '../../shared/money';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { prepared } from '../storage/statements';

export interface NewLine {
  accountId: number;
  /** Signed céntimos: debit positive, credit negative. */
  amount: number;
  memo?: string | null;
  memberId?: number | null;
  partyId?: number | null;
  contractId?: number | null;
  productLineId?: number | null;
}

const dimensions = [
  { key: 'memberId', table: 'members', label: 'socio' },
  { key: 'partyId', table: 'parties', label: 'cliente o proveedor' },
  { key: 'contractId', table: 'contracts', label: 'contrato' },
  { key: 'productLineId', table: 'product_lines', label: 'línea de producto' },
].map((dimension) => ({ ...dimension, exists: `SELECT 1 FROM ${dimension.table} WHERE id = ? AND association_id = ?` })) as readonly {
  key: 'memberId' | 'partyId' | 'contractId' | 'productLineId'; table: string; label: string; exists: string;
}[];

function checkDimensions(db: LedgerDatabase, cache: PostingCache, associationId: number, lines: NewLine[]): void {
  lines.forEach((line, index) => {
    for (const dimension of dimensions) {
      const value = line[dimension.key];
      if (value === null || value === undefined) continue;
      const key = `${dimension.table}:${value}`;
      let found = cache.dimensions.get(key);
      if (found === undefined) {
        found = prepared(db, dimension.exists).get(value, associationId) !== undefined;
        cache.dimensions.set(key, found);
      }
      if (!found) {
        throw new KhipuError('entry.dimensionNotFound', {
          field: `lines.${index}.${dimension.key}`, params: { line: index + 1, dimension: dimension.label },
        });
      }
    }
  });
}

export interface NewEntry {
  associationId: number;
  date: string; // yyyy-mm-dd
  description: string;
  lines: NewLine[];
  sourceType?: string | null;
  sourceId?: number | null;
}

export type { PostedEntry };

interface AssociationRow { lock_date: string | null; fiscal_year_start_month: number }
interface AccountRow { id: number; association_id: number; name: string; postable: number; archived_at: string | null }

/**
 * The rows an entry's checks read (association, accounts, dimensions) and the next number per
 * fiscal year, remembered for one write. A batch shares one cache across its entries, so a
 * thousand entries read each account once; nothing else writes while the batch's transaction runs.
 */
export interface PostingCache {
  association: AssociationRow | undefined;
  accounts: Map<number, AccountRow | undefined>;
  dimensions: Map<string, boolean>;
  nextNumber: Map<number, number>;
}

export function newPostingCache(): PostingCache {
  return { association: undefined, accounts: new Map(), dimensions: new Map(), nextNumber: new Map() };
}

export function fiscalYearOf(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return startMonth === 1 || month >= startMonth ? year : year - 1;
}

function checkBalanced(lines: NewLine[]): void {
  if (lines.length < 2) throw new KhipuError('entry.tooFewLines', { field: 'lines' });
  let debits = 0;
  let credits = 0;
  lines.forEach((line, index) => {
    assertLineAmount(line.amount, `lines.${index}.amount`);
    if (line.amount === 0) {
      throw new KhipuError('entry.zeroAmount', { field: `lines.${index}.amount`, params: { line: index + 1 } });
    }
    if (line.amount > 0) debits += line.amount;
    else credits -= line.amount;
  });
  // Past the ceilings (shared/money.ts) no report could promise an exact sum; postEntries and every document come through here.
  assertDocumentTotal(debits, 'lines');
  if (debits !== credits) {
    throw new KhipuError('entry.unbalanced', {
      field: 'lines',
      params: { debits: formatSoles(debits), credits: formatSoles(credits), difference: formatSoles(debits - credits) },
    });
  }
}

/**
 * A closed fiscal year is refused by its trigger (db/closing/migration.ts) alone, so the check costs
 * nothing on the posting path; the refusal is turned here into one that names the date typed.
 */
function insertHeader(insert: () => number | bigint): number | bigint {
  try {
    return insert();
  } catch (error) {
    if (error instanceof Error && error.message === 'entry.yearClosed') {
      throw new KhipuError('entry.yearClosed', { field: 'date' });
    }
    throw error;
  }
}

/**
 * Inserts a draft header, its lines, then flips it to posted; the database
 * re-checks balance, numbering and lock date in triggers. Call inside a transaction.
 */
export function insertEntry(
  db: LedgerDatabase,
  context: WriteContext,
  entry: NewEntry,
  options: { reversesEntryId?: number; allowArchived?: boolean } = {},
  cache: PostingCache = newPostingCache(),
): PostedEntry {
  checkBalanced(entry.lines);
  cache.association ??= prepared(db, 'SELECT lock_date, fiscal_year_start_month FROM associations WHERE id = ?')
    .get(entry.associationId) as AssociationRow | undefined;
  const association = cache.association;
  if (!association) throw new KhipuError('association.notFound', { field: 'associationId', params: { id: entry.associationId } });
  if (association.lock_date !== null && entry.date <= association.lock_date) {
    throw new KhipuError('entry.locked', { field: 'date', params: { date: displayDate(entry.date), lockDate: displayDate(association.lock_date) } });
  }
  entry.lines.forEach((line, index) => {
    let account = cache.accounts.get(line.accountId);
    if (account === undefined && !cache.accounts.has(line.accountId)) {
      account = prepared(db, 'SELECT id, association_id, name, postable, archived_at FROM accounts WHERE id = ?')
        .get(line.accountId) as AccountRow | undefined;
      cache.accounts.set(line.accountId, account);
    }
    const field = `lines.${index}.accountId`;
    if (!account || account.association_id !== entry.associationId) {
      throw new KhipuError('account.notFound', { field, params: { id: line.accountId } });
    }
    if (!account.postable) throw new KhipuError('account.notPostable', { field, params: { name: account.name } });
    if (account.archived_at && !options.allowArchived) {
      throw new KhipuError('account.archived', { field, params: { name: account.name } });
    }
  });

  checkDimensions(db, cache, entry.associationId, entry.lines);

  const fiscalYear = fiscalYearOf(entry.date, association.fiscal_year_start_month);
  const next = cache.nextNumber.get(fiscalYear) ?? (prepared(
    db, 'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM journal_entries WHERE association_id = ? AND fiscal_year = ?',
  ).get(entry.associationId, fiscalYear) as { next: number }).next;
  const id = Number(insertHeader(() =>
    prepared(
      db,
      `INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, source_type, source_id,
         reverses_entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
      .run(
        entry.associationId, fiscalYear, next, entry.date, entry.description.trim(), entry.sourceType ?? null,
        entry.sourceId ?? null, options.reversesEntryId ?? null, context.now().toISOString(), context.actor,
      ).lastInsertRowid,
  ));
  const insertLine = prepared(
    db,
    `INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount, memo, member_id, party_id, contract_id,
       product_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  entry.lines.forEach((line, index) =>
    insertLine.run(
      id, index + 1, line.accountId, entry.date, line.amount, line.memo ?? null, line.memberId ?? null,
      line.partyId ?? null, line.contractId ?? null, line.productLineId ?? null,
    ),
  );
  prepared(db, 'UPDATE journal_entries SET posted = 1 WHERE id = ?').run(id);
  cache.nextNumber.set(fiscalYear, next + 1);
  return { id, fiscalYear, number: next };
}

export function postEntry(db: LedgerDatabase, context: WriteContext, entry: NewEntry): PostedEntry {
  return writeTransaction(db, () => {
    const posted = insertEntry(db, context, entry);
    appendAudit(db, context, 'postEntry', entry.associationId, { ...posted, entry });
    return posted;
  });
}

interface EntryRow {
  id: number; association_id: number; number: number; date: string; description: string;
  reverses_entry_id: number | null; reversed_by_entry_id: number | null;
}

/** An entry's lines with every amount negated, dimensions kept: the lines of its reversal. */
export function negatedLines(db: LedgerDatabase, entryId: number): NewLine[] {
  const lines = prepared(
    db,
    `SELECT account_id, amount, memo, member_id, party_id, contract_id, product_line_id
       FROM journal_lines WHERE entry_id = ? ORDER BY line_no`,
  ).all(entryId) as {
    account_id: number; amount: number; memo: string | null; member_id: number | null; party_id: number | null;
    contract_id: number | null; product_line_id: number | null;
  }[];
  return lines.map((l) => ({
    accountId: l.account_id, amount: -l.amount, memo: l.memo, memberId: l.member_id, partyId: l.party_id,
    contractId: l.contract_id, productLineId: l.product_line_id,
  }));
}

/** A correction is a new entry with every line negated, linked both ways to the original. */
export function reverseEntry(
  db: LedgerDatabase,
  context: WriteContext,
  input: { entryId: number; date: string; reason: string },
): PostedEntry {
  return writeTransaction(db, () => {
    const original = db.prepare('SELECT * FROM journal_entries WHERE id = ? AND posted = 1').get(input.entryId) as
      | EntryRow
      | undefined;
    if (!original) throw new KhipuError('entry.notFound', { field: 'entryId', params: { id: input.entryId } });
    if (original.reversed_by_entry_id !== null) {
      const reversal = db.prepare('SELECT number FROM journal_entries WHERE id = ?').get(original.reversed_by_entry_id) as { number: number };
      throw new KhipuError('entry.alreadyReversed', {
        field: 'entryId', params: { number: original.number, reversalNumber: reversal.number },
      });
    }
    if (original.reverses_entry_id !== null) {
      throw new KhipuError('entry.isReversal', { field: 'entryId', params: { number: original.number } });
    }
    if (input.date < original.date) {
      throw new KhipuError('entry.reversalBeforeOriginal', { field: 'date', params: { date: displayDate(original.date) } });
    }
    const posted = insertEntry(
      db,
      context,
      {
        associationId: original.association_id,
        date: input.date,
        description: `Reversión del asiento ${original.number}: ${input.reason.trim()}`,
        lines: negatedLines(db, original.id),
        sourceType: 'reversal',
        sourceId: original.id,
      },
      { reversesEntryId: original.id, allowArchived: true },
    );
    db.prepare('UPDATE journal_entries SET reversed_by_entry_id = ? WHERE id = ?').run(posted.id, original.id);
    appendAudit(db, context, 'reverseEntry', original.association_id, { ...posted, ...input });
    return posted;
  });
}
