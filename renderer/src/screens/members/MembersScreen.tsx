import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { MemberView, Sex } from '../../../../shared/operations/members';
import { useAssociationId } from '../../app/association';
import { useClient, useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { VirtualTable } from '../../components/VirtualTable';
import { downloadBase64 } from '../../format/files';
import { formatDate } from '../../format/format';
import { ImportDialog } from './ImportDialog';
import { MemberDetailDialog } from './MemberDetailDialog';
import { MemberFormDialog } from './MemberFormDialog';
import { OfficersPanel } from './OfficersPanel';
import type { MessageKey } from '../../i18n/messages';

type Status = 'active' | 'left' | 'all';
const column = createColumnHelper<MemberView>();

function useColumns(onOpen: (member: MemberView) => void) {
  const t = useT();
  return useMemo(
    () => [
      column.accessor((m) => `${m.surnames}, ${m.givenNames}`, {
        id: 'name',
        header: () => t('members.col.name'),
        cell: (info) => (
          <button type="button" className="link-button" aria-label={t('members.open', { name: info.row.original.fullName })}
            onClick={() => onOpen(info.row.original)}>{info.getValue()}</button>
        ),
      }),
      column.accessor('dni', { header: () => t('members.col.dni'), cell: (info) => <span className="code">{info.getValue() ?? '—'}</span> }),
      column.accessor('sex', { header: () => t('members.col.sex'), cell: (info) => (info.getValue() ? t(`sex.${info.getValue()}` as MessageKey) : '—') }),
      column.accessor('community', { header: () => t('members.col.community'), cell: (info) => info.getValue() ?? '' }),
      column.accessor('joinedOn', { header: () => t('members.col.joined'), cell: (info) => (info.getValue() ? formatDate(info.getValue()!) : '') }),
      column.accessor((m) => m.posts.map((p) => t(`post.${p.post}` as MessageKey)).join(', '), { id: 'post', header: () => t('members.col.post') }),
      column.accessor('active', {
        header: () => t('members.col.status'),
        cell: (info) => info.getValue()
          ? t('members.active')
          : <span className="badge">{t('members.left', { date: info.row.original.leftOn ? formatDate(info.row.original.leftOn) : '' })}</span>,
      }),
    ],
    [t, onOpen],
  );
}

export function MembersScreen() {
  const t = useT();
  const client = useClient();
  const associationId = useAssociationId();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [sex, setSex] = useState<Sex | ''>('');
  const [community, setCommunity] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'import' } | { kind: 'open'; memberId: number } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const filter = {
    associationId,
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(status === 'all' ? {} : { active: status === 'active' }),
    ...(sex ? { sex } : {}),
    ...(community ? { community } : {}),
  };
  const list = useOperation('listMembers', filter);
  const everyone = useOperation('listMembers', { associationId });
  const communities = useOperation('listCommunities', { associationId });
  const columns = useColumns(useMemo(() => (member: MemberView) => setDialog({ kind: 'open', memberId: member.id }), []));
  const counts = list.data?.counts;
  const exportMembers = async () => {
    setExportError(null);
    try {
      const file = await client.call('exportMembers', { associationId, format: 'xlsx' });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : t('app.unreachable'));
    }
  };
  return (
    <section className="screen">
      <div className="screen__header">
        <h1>{t('members.title')}</h1>
        <div className="actions">
          <button type="button" className="button--primary" onClick={() => setDialog({ kind: 'new' })}>{t('members.new')}</button>
          <button type="button" onClick={() => setDialog({ kind: 'import' })}>{t('members.import')}</button>
          <button type="button" onClick={exportMembers}>{t('members.export')}</button>
          <Link className="button" to={`/consulta/${associationId}`}>{t('members.lookup')}</Link>
        </div>
      </div>
      <p className="subtitle">{t('members.lead')}</p>
      <ErrorAlert message={exportError ?? list.error?.message} />
      <div className="cards" data-testid="member-counts">
        {(['total', 'active', 'women', 'men'] as const).map((key) => (
          <div className="card" key={key}>
            <div className="card__label">{t(`members.count.${key}`)}</div>
            <div className="card__figure">{counts ? counts[key] : '—'}</div>
          </div>
        ))}
      </div>
      <OfficersPanel />
      <div className="form-row filters-row">
        <Field label={t('members.search')}>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </Field>
        <Field label={t('members.filter.status')}>
          <select value={status} onChange={(event) => setStatus(event.target.value as Status)}>
            {(['active', 'left', 'all'] as const).map((s) => <option key={s} value={s}>{t(`members.filter.status.${s}`)}</option>)}
          </select>
        </Field>
        <Field label={t('members.filter.sex')}>
          <select value={sex} onChange={(event) => setSex(event.target.value as Sex | '')}>
            <option value="">{t('members.filter.all')}</option>
            <option value="F">{t('sex.F')}</option>
            <option value="M">{t('sex.M')}</option>
          </select>
        </Field>
        <Field label={t('members.filter.community')}>
          <select value={community} onChange={(event) => setCommunity(event.target.value)}>
            <option value="">{t('members.filter.all')}</option>
            {(communities.data ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </Field>
      </div>
      {list.data && list.data.members.length === 0
        ? <p className="notice">{everyone.data?.counts.total === 0 ? t('members.empty') : t('members.noMatch')}</p>
        : <VirtualTable label={t('members.title')} rows={list.data?.members ?? []} columns={columns} rowId={(m) => String(m.id)}
            template="minmax(14rem, 2fr) 7rem 6rem minmax(8rem, 1fr) 7rem minmax(7rem, 1fr) 10rem" testId="members-table"
            onRowOpen={(m) => setDialog({ kind: 'open', memberId: m.id })} />}
      {dialog?.kind === 'new' && <MemberFormDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'open' && <MemberDetailDialog memberId={dialog.memberId} onClose={() => setDialog(null)} />}
    </section>
  );
}
