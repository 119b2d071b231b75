import { useState } from 'react';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../format/format';
import type { MessageKey } from '../../i18n/messages';
import { TypeForm } from './TypeForm';

/** What members can owe, each with the account it credits. The usual set is one click away. */
export function ContributionTypes() {
  const t = useT();
  const associationId = useAssociationId();
  const types = useOperation('listContributionTypes', { associationId, includeArchived: true });
  const seed = useWrite('seedDefaultContributionTypes');
  const list = types.data ?? [];
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const editingType = list.find((type) => type.id === editing);
  return (
    <section className="panel" aria-labelledby="contribution-types">
      <h2 id="contribution-types">{t('contrib.types')}</h2>
      <ErrorAlert message={types.error?.message ?? seed.error?.message} />
      {types.isSuccess && list.length === 0 && (
        <>
          <p>{t('contrib.types.empty')}</p>
          <p className="subtitle">{t('contrib.types.seedHint')}</p>
          <button type="button" className="button--primary" disabled={seed.isPending}
            onClick={() => seed.mutate({ associationId })}>{t('contrib.types.seed')}</button>
        </>
      )}
      {list.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th>{t('contrib.type.col.name')}</th>
              <th>{t('contrib.type.col.kind')}</th>
              <th className="num">{t('contrib.type.col.amount')}</th>
              <th>{t('contrib.type.col.account')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((type) => (
              <tr key={type.id}>
                <td>{type.name}</td>
                <td>
                  {t(`contrib.kind.${type.kind}` as MessageKey)}
                  {type.frequency && ` (${t(`contrib.frequency.${type.frequency}` as MessageKey)}, ${
                    t(`contrib.type.due.${type.dueRule}` as MessageKey, { n: type.dueValue ?? '' })})`}
                </td>
                <td className="num">{type.defaultAmount !== null ? formatMoney(type.defaultAmount) : ''}</td>
                <td><span className="code">{type.accountCode}</span> {type.accountName}</td>
                <td>
                  {type.archived && <span className="badge">{t('contrib.type.archivedBadge')}</span>}
                  <button type="button" className="link-button" aria-label={t('contrib.type.edit', { name: type.name })}
                    onClick={() => setEditing(type.id)}>{t('contrib.type.editShort')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing === null
        ? <button type="button" onClick={() => setEditing('new')}>{t('contrib.type.new')}</button>
        : <TypeForm key={String(editing)} {...(editingType ? { type: editingType } : {})} onDone={() => setEditing(null)} />}
    </section>
  );
}
