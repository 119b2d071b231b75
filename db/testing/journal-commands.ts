import fc from 'fast-check';
import { expect } from 'vitest';
import { KhipuError } from '../../shared/errors';
import { postEntry, reverseEntry } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { testContext } from './temp-db';

// Random journal activity for property tests: postings over two associations,
// reversals of earlier postings, and unbalanced postings the engine must refuse.

export type JournalCommand =
  | { kind: 'post'; association: number; day: number; picks: number[]; amounts: number[] }
  | { kind: 'reverse'; pick: number; extraDays: number }
  | { kind: 'unbalanced'; association: number; amount: number };

export function journalCommand(limits: { maxDay: number; maxPicks: number; maxAmounts: number; maxExtraDays: number }): fc.Arbitrary<JournalCommand> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({
      kind: fc.constant('post' as const), association: fc.integer({ min: 0, max: 1 }), day: fc.integer({ min: 0, max: limits.maxDay }),
      picks: fc.array(fc.nat(), { minLength: 2, maxLength: limits.maxPicks }),
      amounts: fc.array(fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((n) => n !== 0), { minLength: 1, maxLength: limits.maxAmounts }),
    }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), extraDays: fc.integer({ min: 0, max: limits.maxExtraDays }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unbalanced' as const), association: fc.integer({ min: 0, max: 1 }), amount: fc.integer({ min: 1, max: 1000 }) }) },
  );
}

/** Day n of a two-year window starting 01/01/2025, as yyyy-mm-dd. */
export const isoDay = (day: number) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);

/**
 * The lines of a `post` command on the association's postable accounts: its amounts plus one
 * balancing line; null when they already sum to zero (nothing to post).
 */
export function balancedLines(command: Extract<JournalCommand, { kind: 'post' }>, accounts: readonly number[]): { accountId: number; amount: number }[] | null {
  const amounts = command.amounts.slice(0, command.picks.length - 1);
  const lines = amounts.map((amount, i) => ({ accountId: accounts[command.picks[i]! % accounts.length]!, amount }));
  const balancing = -amounts.reduce((a, b) => a + b, 0);
  if (balancing === 0) return null;
  lines.push({ accountId: accounts[command.picks[command.picks.length - 1]! % accounts.length]!, amount: balancing });
  return lines;
}

/** Lines of an entry as the journal holds them, signed. */
export type LineAmounts = { accountId: number; amount: number }[];

/**
 * Carries out one command through the engine on `associations` (ids) and their `postable`
 * account ids: posts, reverses the pick-th entry not yet reversed, or checks that an unbalanced
 * posting is refused and that `state()` reads the same after it. Returns the lines whose amounts
 * were added to the books (a reversal's are the original's negated); null when nothing was posted.
 */
export function applyJournalCommand(
  db: LedgerDatabase, associations: readonly number[], postable: readonly number[][], c: JournalCommand, state: () => unknown,
): LineAmounts | null {
  if (c.kind === 'post') {
    const lines = balancedLines(c, postable[c.association]!);
    if (!lines) return null;
    postEntry(db, testContext, { associationId: associations[c.association]!, date: isoDay(c.day), description: 'Movimiento', lines });
    return lines;
  }
  if (c.kind === 'reverse') {
    const open = db.prepare(
      'SELECT id, date FROM journal_entries WHERE reversed_by_entry_id IS NULL AND reverses_entry_id IS NULL ORDER BY id',
    ).all() as { id: number; date: string }[];
    if (open.length === 0) return null;
    const target = open[c.pick % open.length]!;
    const date = new Date(Date.parse(target.date) + c.extraDays * 86_400_000).toISOString().slice(0, 10);
    reverseEntry(db, testContext, { entryId: target.id, date, reason: 'prueba' });
    return (db.prepare('SELECT account_id AS accountId, amount FROM journal_lines WHERE entry_id = ?').all(target.id) as LineAmounts)
      .map((l) => ({ accountId: l.accountId, amount: -l.amount }));
  }
  const before = state();
  const accounts = postable[c.association]!;
  expect(() => postEntry(db, testContext, { associationId: associations[c.association]!, date: isoDay(40), description: 'Malo',
    lines: [{ accountId: accounts[0]!, amount: c.amount }, { accountId: accounts[1]!, amount: -c.amount - 1 }] }))
    .toThrow(KhipuError);
  expect(state()).toEqual(before);
  return null;
}
