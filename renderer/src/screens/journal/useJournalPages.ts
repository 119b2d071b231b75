import { useCallback } from 'react';
import type { OperationInput } from '../../../../shared/api';
import type { JournalEntryView } from '../../../../shared/results';
import { useOperation } from '../../app/client';

export const JOURNAL_PAGE_SIZE = 200;

export type JournalFilter = Omit<OperationInput<'listJournal'>, 'limit' | 'offset'>;

/** How many entries match: one COUNT and one row, whatever the size of the journal. */
export function useJournalTotal(filter: JournalFilter) {
  const query = useOperation('listJournal', { ...filter, limit: 1, offset: 0 });
  return { total: query.data?.total ?? 0, isSuccess: query.isSuccess, error: query.error };
}

/**
 * The rows in view come from at most two consecutive pages (a screenful is far
 * smaller than a page), so 100,000 entries cost what a screenful costs.
 * A fixed number of queries keeps the hooks simple and the renders finite.
 */
export function useJournalPages(filter: JournalFilter, firstVisibleIndex: number, total: number) {
  const page = Math.floor(firstVisibleIndex / JOURNAL_PAGE_SIZE);
  const offset = page * JOURNAL_PAGE_SIZE;
  const current = useOperation('listJournal', { ...filter, limit: JOURNAL_PAGE_SIZE, offset }, { enabled: total > 0, gcTime: 60_000 });
  const next = useOperation(
    'listJournal',
    { ...filter, limit: JOURNAL_PAGE_SIZE, offset: offset + JOURNAL_PAGE_SIZE },
    { enabled: total > offset + JOURNAL_PAGE_SIZE, gcTime: 60_000 },
  );
  const currentEntries = current.data?.entries;
  const nextEntries = next.data?.entries;
  // Stable while neither page changes, so the table below does not see "new data" on every render.
  const rowAt = useCallback(
    (index: number): JournalEntryView | undefined => {
      const relative = index - offset;
      if (relative < 0) return undefined;
      if (relative < JOURNAL_PAGE_SIZE) return currentEntries?.[relative];
      return nextEntries?.[relative - JOURNAL_PAGE_SIZE];
    },
    [offset, currentEntries, nextEntries],
  );
  return { error: current.error ?? next.error, rowAt };
}
