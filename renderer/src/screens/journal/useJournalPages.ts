import { useQueries } from '@tanstack/react-query';
import type { OperationInput } from '../../../../shared/api';
import type { JournalEntryView, JournalPage } from '../../../../shared/results';
import { useClient } from '../../app/client';

export const JOURNAL_PAGE_SIZE = 200;

export type JournalFilter = Omit<OperationInput<'listJournal'>, 'limit' | 'offset'>;

/**
 * Loads only the pages the visible rows fall in, so 100,000 entries cost what
 * a screenful costs. Page 0 is always among them: it carries the total.
 */
export function useJournalPages(filter: JournalFilter, visibleIndexes: readonly number[]) {
  const client = useClient();
  const pages = [...new Set([0, ...visibleIndexes.map((i) => Math.floor(i / JOURNAL_PAGE_SIZE))])];
  const results = useQueries({
    queries: pages.map((page) => {
      const input = { ...filter, limit: JOURNAL_PAGE_SIZE, offset: page * JOURNAL_PAGE_SIZE };
      return {
        queryKey: ['listJournal', input],
        queryFn: () => client.call('listJournal', input),
        gcTime: 60_000,
        placeholderData: (previous: JournalPage | undefined) => previous,
      };
    }),
  });
  const loaded = new Map<number, JournalPage>();
  pages.forEach((page, i) => {
    const data = results[i]?.data;
    if (data && !results[i]?.isPlaceholderData) loaded.set(page, data);
  });
  return {
    error: results.find((r) => r.error)?.error ?? null,
    rowAt(index: number): JournalEntryView | undefined {
      return loaded.get(Math.floor(index / JOURNAL_PAGE_SIZE))?.entries[index % JOURNAL_PAGE_SIZE];
    },
  };
}
