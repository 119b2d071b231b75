import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../format/format';
import type { MessageKey } from '../../i18n/messages';

/** What members can owe, each with the account it credits. The usual set is one click away. */
export function ContributionTypes() {
  const t = useT();
  const associationId = useAssociationId();
  const types = useOperation('listContributionTypes', { associationId });
  const seed = useWrite('seedDefaultContributionTypes');
  const list = types.data ?? [];
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
            </tr>
          </thead>
          <tbody>
            {list.map((type) => (
              <tr key={type.id}>
                <td>{type.name}</td>
                <td>
                  {t(`contrib.kind.${type.kind}` as MessageKey)}
                  {type.frequency && ` (${t(`contrib.frequency.${type.frequency}` as MessageKey)})`}
                </td>
                <td className="num">{type.defaultAmount !== null ? formatMoney(type.defaultAmount) : ''}</td>
                <td><span className="code">{type.accountCode}</span> {type.accountName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
