import fc from 'fast-check';

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
