import type { ParsedInput } from '../../shared/api';
import type { PostedBatch, PostedEntry } from '../../shared/results';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { insertEntry, newPostingCache } from './post';

/**
 * The bulk path: many entries in ONE transaction, all or nothing. Each entry goes through
 * insertEntry, so it gets the same checks (balance, accounts, dimensions, lock date) and the
 * database runs the same triggers per row (gapless numbers, draft-then-post balance check,
 * line checks, monthly snapshots). What a batch saves is the per-call overhead: one
 * transaction and one audit row for all of them, and each account or member read once.
 */
export function postEntries(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'postEntries'>): PostedBatch {
  return writeTransaction(db, () => {
    const cache = newPostingCache();
    let lines = 0;
    let debits = 0;
    const entries: PostedEntry[] = input.entries.map((entry, index) => {
      try {
        const posted = insertEntry(db, context, { associationId: input.associationId, ...entry }, {}, cache);
        lines += entry.lines.length;
        for (const line of entry.lines) if (line.amount > 0) debits += line.amount;
        return posted;
      } catch (error) {
        throw inBatch(error, index, entry);
      }
    });
    const first = entries[0]!;
    const last = entries[entries.length - 1]!;
    // The lines themselves are in the journal (immutable); the audit row records the act.
    appendAudit(db, context, 'postEntries', input.associationId, {
      entries: entries.length, lines, debits, entryIds: [first.id, last.id],
      numbers: [`${first.fiscalYear}-${first.number}`, `${last.fiscalYear}-${last.number}`],
    });
    return { entries, lines };
  });
}

/** An entry's refusal, pointed at that entry of the batch (field and message). */
function inBatch(error: unknown, index: number, entry: { date: string; description: string }): unknown {
  if (!(error instanceof KhipuError)) return error;
  return new KhipuError(error.code, {
    field: error.field === 'associationId' ? error.field : `entries.${index}${error.field ? `.${error.field}` : ''}`,
    params: error.params,
    within: { code: 'batch.entry', params: { index: index + 1, date: displayDate(entry.date), description: entry.description } },
  });
}
