import { keepPreviousData } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { PartySummary } from '../../../../shared/operations/parties';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { PartyForm } from './PartyForm';
import { PurchasesTabs } from './PurchasesTabs';
import { PARTY_KINDS, type PartyKind } from './purchaseWords';

type Editing = { kind: 'new' } | { kind: 'edit'; party: PartySummary } | null;

/**
 * Proveedores: one register of everyone the association buys from, sells to, borrows from or
 * reports to. Searched without minding accents ("nunez" finds "Núñez"); a party once used is
 * archived, never deleted, so its documents keep their name.
 */
export function PartiesScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<PartyKind | ''>('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<string | null>(null);
  const typed = useDeferredValue(search.trim());
  // While the next search runs, the last answer stays on screen rather than a blank table.
  const parties = useOperation('listParties', {
    associationId, ...(typed ? { search: typed } : {}), ...(kind ? { kind } : {}), includeArchived,
  }, { placeholderData: keepPreviousData });
  const archive = useWrite('archiveParty');
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const toggleArchived = async (party: PartySummary) => {
    setDone(null);
    setArchiveError(null);
    try {
      await archive.mutateAsync({ partyId: party.id, archived: !party.archived });
      setDone(t(party.archived ? 'purchase.party.restored' : 'purchase.party.archivedDone', { name: party.name }));
    } catch (failure) {
      setArchiveError(failure instanceof Error ? failure.message : t('app.unreachable'));
    }
  };
  const rows = parties.data ?? [];
  return (
    <section className="screen">
      <h1>{t('purchase.party.title')}</h1>
      <PurchasesTabs />
      <p className="subtitle">{t('purchase.party.explain')}</p>
      {editing ? (
        <section className="panel" aria-label={editing.kind === 'new' ? t('purchase.party.newTitle') : t('purchase.party.editTitle', { name: editing.party.name })}>
          <h2>{editing.kind === 'new' ? t('purchase.party.newTitle') : t('purchase.party.editTitle', { name: editing.party.name })}</h2>
          <PartyForm {...(editing.kind === 'edit' ? { party: editing.party } : {})}
            onSaved={(saved) => { setEditing(null); setDone(t('purchase.party.saved', { name: saved.name })); }}
            onCancel={() => setEditing(null)} />
        </section>
      ) : (
        <p className="actions">
          <button type="button" className="button--primary" onClick={() => { setDone(null); setEditing({ kind: 'new' }); }}>{t('purchase.party.new')}</button>
        </p>
      )}
      {done && <p role="status" className="alert alert--ok">{done}</p>}
      <ErrorAlert message={archiveError ?? parties.error?.message} />
      <div className="form-row">
        <Field label={t('purchase.party.search')} hint={t('purchase.party.searchHint')}>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </Field>
        <Field label={t('purchase.party.kind')}>
          <select value={kind} onChange={(event) => setKind(event.target.value as PartyKind | '')}>
            <option value="">{t('purchase.party.kind.all')}</option>
            {PARTY_KINDS.map((k) => <option key={k} value={k}>{t(`purchase.party.kind.${k}`)}</option>)}
          </select>
        </Field>
        <label className="checkbox"><input type="checkbox" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} /> {t('purchase.party.showArchived')}</label>
      </div>
      {parties.isPending ? <p className="loading">{t('app.loading')}</p> : rows.length === 0 ? <p className="notice">{typed ? t('purchase.party.noMatch') : t('purchase.party.empty')}</p> : (
        <table className="data" aria-label={t('purchase.party.title')}>
          <thead>
            <tr>
              <th>{t('purchase.party.col.name')}</th><th>{t('purchase.party.col.kind')}</th><th>{t('purchase.party.col.document')}</th>
              <th>{t('purchase.party.col.phone')}</th><th>{t('purchase.party.col.district')}</th><th>{t('purchase.party.col.member')}</th><th>{t('purchase.party.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((party) => (
              <tr key={party.id}>
                <td>{party.name}{party.archived && <span className="badge">{t('purchase.party.archivedBadge')}</span>}</td>
                <td>{t(`purchase.party.kind.${party.kind}`)}</td>
                <td>{party.documentNumber ? `${party.documentType.toUpperCase()} ${party.documentNumber}` : '—'}</td>
                <td>{party.phone ?? ''}</td>
                <td>{party.district ?? ''}</td>
                <td>{party.memberName ?? ''}</td>
                <td>
                  <button type="button" className="link-button" aria-label={t('purchase.party.editOne', { name: party.name })}
                    onClick={() => { setDone(null); setEditing({ kind: 'edit', party }); }}>{t('purchase.party.edit')}</button>{' '}
                  <button type="button" className="link-button" disabled={archive.isPending}
                    aria-label={t(party.archived ? 'purchase.party.restoreOne' : 'purchase.party.archiveOne', { name: party.name })}
                    onClick={() => void toggleArchived(party)}>{t(party.archived ? 'purchase.party.restore' : 'purchase.party.archive')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
