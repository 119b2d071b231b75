import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { JournalEntryView } from '../../../../shared/results';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { EntryDetail } from './EntryDetail';
import { JournalFilters } from './JournalFilters';
import { JournalTable } from './JournalTable';
import { useJournalTotal } from './useJournalPages';

/** The filters live in the address (?desde=&hasta=&cuenta=&texto=), so Back and reload keep them. */
function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const criteria = {
    from: params.get('desde'),
    to: params.get('hasta'),
    accountId: params.get('cuenta') ? Number(params.get('cuenta')) : null,
    text: params.get('texto'),
  };
  const setCriteria = useCallback(
    (next: typeof criteria) => {
      const entries = Object.entries({ desde: next.from, hasta: next.to, cuenta: next.accountId, texto: next.text })
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([key, value]) => [key, String(value)]);
      setParams(new URLSearchParams(entries), { replace: true });
    },
    [setParams],
  );
  return [criteria, setCriteria] as const;
}

export function JournalScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const [criteria, setCriteria] = useFilterParams();
  const [openEntryId, setOpenEntryId] = useState<number | null>(null);
  const accounts = useOperation('listAccounts', { associationId });
  const filter = { associationId, ...criteria };
  const count = useJournalTotal(filter);
  // The dialog reads the entry afresh, so a reversal made in it shows at once.
  const openEntry = useOperation('getEntry', { entryId: openEntryId ?? 0 }, { enabled: openEntryId !== null });
  const onOpen = useCallback((entry: JournalEntryView) => setOpenEntryId(entry.id), []);
  return (
    <section className="screen screen--journal">
      <div className="screen__header">
        <h1>{t('journal.title')}</h1>
        <span className="subtitle" data-testid="journal-count">
          {count.isSuccess && (count.total === 1
            ? t('journal.countOne')
            : t('journal.count', { count: count.total.toLocaleString('en-US') }))}
        </span>
        <Link className="button button--primary" to="nuevo">{t('journal.new')}</Link>
      </div>
      <JournalFilters accounts={accounts.data ?? []} value={criteria} onChange={setCriteria} />
      <JournalTable filter={filter} onOpen={onOpen} />
      {openEntry.data && <EntryDetail entry={openEntry.data} onClose={() => setOpenEntryId(null)} />}
    </section>
  );
}
