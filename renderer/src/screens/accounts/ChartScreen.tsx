import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { AccountDialog } from './AccountDialog';
import { ancestorIds, defaultExpanded, visibleRows, type ChartRow } from './chartTree';
import { typeLabel, usageLabel } from './labels';
import './chart.css';

export function ChartScreen() {
  const associationId = useAssociationId();
  // A fresh tree per association: open headings and the search do not carry over.
  return <Chart key={associationId} associationId={associationId} />;
}

function Chart({ associationId }: { associationId: number }) {
  const t = useT();
  const accounts = useOperation('listAccounts', { associationId });
  const list = useMemo(() => accounts.data ?? [], [accounts.data]);
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [expanded, setExpanded] = useState<Set<number> | null>(null); // null: the default (2-digit accounts visible)
  const [openId, setOpenId] = useState<number | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const titleId = useId();

  const initial = useMemo(() => defaultExpanded(list), [list]);
  const open = expanded ?? initial;
  const rows = useMemo(() => visibleRows(list, { search, showArchived, expanded: open }), [list, search, showArchived, open]);
  const searching = search.trim() !== '';
  const selected = list.find((a) => a.id === openId);

  const change = (edit: (next: Set<number>) => void) =>
    setExpanded((current) => {
      const next = new Set(current ?? initial);
      edit(next);
      return next;
    });
  const toggle = (id: number) => change((next) => (next.has(id) ? next.delete(id) : next.add(id)));
  // After adding a sub-account, open the way down to it so it can be seen.
  const reveal = (id: number) => change((next) => [id, ...ancestorIds(list, id)].forEach((a) => next.add(a)));

  // The dialog gives focus back to the row it came from; if that row is gone (archived and hidden), use the search box.
  const dialogWasOpen = useRef(false);
  useEffect(() => {
    if (openId !== null) {
      dialogWasOpen.current = true;
      return;
    }
    if (dialogWasOpen.current && (document.activeElement === document.body || document.activeElement === null)) {
      searchInput.current?.focus();
    }
    dialogWasOpen.current = false;
  }, [openId]);

  return (
    <section className="screen chart">
      <h1 id={titleId}>{t('chart.title')}</h1>
      <p className="subtitle">{t('chart.lead')}</p>
      <div className="chart__tools" role="search">
        <Field label={t('chart.search')} hint={t('chart.searchHint')}>
          <input type="text" ref={searchInput} value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
        </Field>
        <label className="chart__check">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          {t('chart.showArchived')}
        </label>
      </div>
      <div className="actions">
        <button type="button" disabled={searching} onClick={() => setExpanded(new Set(list.map((a) => a.id)))}>
          {t('chart.expandAll')}
        </button>
        <button type="button" disabled={searching} onClick={() => setExpanded(null)}>{t('chart.collapseAll')}</button>
      </div>
      <ErrorAlert message={accounts.error?.message} />
      {accounts.isPending && <p className="loading">{t('app.loading')}</p>}
      {accounts.isSuccess && rows.length === 0 && <p className="notice">{t('chart.empty', { search: search.trim() })}</p>}
      {rows.length > 0 && (
        <table className="data chart__table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('chart.col.code')}</th>
              <th scope="col">{t('chart.col.name')}</th>
              <th scope="col">{t('chart.col.type')}</th>
              <th scope="col">{t('chart.col.use')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <AccountRow key={row.account.id} row={row} searching={searching} onToggle={toggle} onOpen={setOpenId} />
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <AccountDialog associationId={associationId} account={selected} onClose={() => setOpenId(null)} onAdded={reveal} />
      )}
    </section>
  );
}

interface AccountRowProps {
  row: ChartRow;
  searching: boolean;
  onToggle(id: number): void;
  onOpen(id: number): void;
}

function AccountRow({ row, searching, onToggle, onOpen }: AccountRowProps) {
  const t = useT();
  const { account, depth, hasChildren, expanded } = row;
  const classes = ['chart__row', account.postable ? 'is-postable' : 'is-heading', account.archived ? 'is-archived' : ''];
  return (
    <tr className={classes.join(' ').trim()} data-code={account.code}>
      <td className="chart__code" style={{ '--depth': depth } as CSSProperties}>
        {hasChildren && !searching ? (
          <button
            type="button"
            className="chart__toggle"
            aria-expanded={expanded}
            aria-label={t('chart.toggle', { code: account.code, name: account.name })}
            onClick={() => onToggle(account.id)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="chart__toggle-space" aria-hidden="true" />
        )}
        <span className="code">{account.code}</span>
      </td>
      <td>
        <button
          type="button"
          className="link-button chart__name"
          aria-haspopup="dialog"
          aria-label={t('chart.open', { code: account.code, name: account.name })}
          onClick={() => onOpen(account.id)}
        >
          {account.name}
        </button>
        {account.archived && <span className="badge">{t('chart.archived')}</span>}
        {account.pcgeName !== account.name && (
          <div className="chart__pcge">{t('chart.pcgeName', { name: account.pcgeName })}</div>
        )}
      </td>
      <td>{t(typeLabel(account))}</td>
      <td>{t(usageLabel(account))}</td>
    </tr>
  );
}
