import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../../shared/results';
import { ApiCallError } from '../../api/client';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AddSubaccountForm } from './AddSubaccountForm';
import { RenameAccountForm } from './RenameAccountForm';
import { typeLabel, usageLabel } from './labels';

type View = 'details' | 'add' | 'rename';

interface AccountDialogProps {
  associationId: number;
  account: AccountView;
  onClose(): void;
  /** Called with the parent's id once a sub-account exists, so the tree can open down to it. */
  onAdded(parentId: number): void;
}

/** One account: what it is, and the three things that can be done to it. */
export function AccountDialog({ associationId, account, onClose, onAdded }: AccountDialogProps) {
  const t = useT();
  const [view, setView] = useState<View>('details');
  // Kept outside the views so a screen reader hears it when it changes.
  const [notice, setNotice] = useState<string | null>(null);
  const [returned, setReturned] = useState(false);
  const go = (next: View, message: string | null = null) => {
    setNotice(message);
    setView(next);
    setReturned(next === 'details');
  };
  return (
    <Dialog title={t('chart.dialog.title', { code: account.code, name: account.name })} onClose={onClose}>
      <p role="status" className="chart__notice">{notice}</p>
      {view === 'details' && (
        <AccountDetails
          associationId={associationId}
          account={account}
          focusActions={returned}
          onAdd={() => go('add')}
          onRename={() => go('rename')}
          onNotice={setNotice}
          onClose={onClose}
        />
      )}
      {view === 'add' && (
        <AddSubaccountForm
          associationId={associationId}
          parent={account}
          onCancel={() => go('details')}
          onDone={(added) => {
            onAdded(account.id);
            go('details', t('chart.add.done', { code: added.code, name: added.name }));
          }}
        />
      )}
      {view === 'rename' && (
        <RenameAccountForm
          associationId={associationId}
          account={account}
          onCancel={() => go('details')}
          onDone={(renamed) => go('details', t('chart.rename.done', { name: renamed.name }))}
        />
      )}
    </Dialog>
  );
}

interface DetailsProps {
  associationId: number;
  account: AccountView;
  /** Back from a form: focus the actions. On first open the Dialog places focus itself. */
  focusActions: boolean;
  onAdd(): void;
  onRename(): void;
  onNotice(message: string | null): void;
  onClose(): void;
}

function AccountDetails({ associationId, account, focusActions, onAdd, onRename, onNotice, onClose }: DetailsProps) {
  const t = useT();
  const archive = useWrite('setAccountArchived');
  const [error, setError] = useState<string | null>(null);
  const firstAction = useRef<HTMLButtonElement>(null);
  // Coming back from a form, focus returns to the actions instead of getting lost.
  useEffect(() => {
    if (focusActions) firstAction.current?.focus();
  }, [focusActions]);

  const toggleArchived = async () => {
    setError(null);
    onNotice(null);
    try {
      const updated = await archive.mutateAsync({ associationId, accountId: account.id, archived: !account.archived });
      onNotice(t(updated.archived ? 'chart.archive.done' : 'chart.restore.done', { code: updated.code }));
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : t('app.unreachable'));
    }
  };

  const facts: [label: string, value: string][] = [
    [t('chart.dialog.code'), account.code],
    [t('chart.dialog.name'), account.name],
    [t('chart.dialog.pcgeName'), account.pcgeName],
    [t('chart.dialog.type'), t(typeLabel(account))],
    [t('chart.dialog.use'), t(usageLabel(account))],
    [t('chart.dialog.status'), account.archived ? t('chart.archived') : t('chart.dialog.active')],
  ];
  return (
    <>
      <dl className="chart__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">{t('chart.archiveHint')}</p>
      <ErrorAlert message={error} />
      <div className="actions">
        {/* An archived account takes no sub-accounts (the engine refuses), so the action is not offered. */}
        {!account.archived && (
          <button type="button" ref={firstAction} onClick={onAdd}>{t('chart.action.add')}</button>
        )}
        <button type="button" ref={account.archived ? firstAction : undefined} onClick={onRename}>{t('chart.action.rename')}</button>
        <button type="button" className={account.archived ? undefined : 'button--danger'} disabled={archive.isPending} onClick={toggleArchived}>
          {archive.isPending ? t('chart.saving') : t(account.archived ? 'chart.action.restore' : 'chart.action.archive')}
        </button>
        <button type="button" onClick={onClose}>{t('action.close')}</button>
      </div>
    </>
  );
}
