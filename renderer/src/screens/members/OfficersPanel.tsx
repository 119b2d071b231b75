import { OFFICER_POSTS, type OfficerPostView } from '../../../../shared/operations/members';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format/format';
import { postLabel } from './OfficerForms';

/** In the order of the statute: president first, vocales last; within a post by start of term, then name. */
function byPost(a: OfficerPostView, b: OfficerPostView): number {
  return OFFICER_POSTS.indexOf(a.post) - OFFICER_POSTS.indexOf(b.post)
    || a.termStart.localeCompare(b.termStart)
    || a.memberName.localeCompare(b.memberName, 'es');
}

/** The junta directiva in office today (the engine's today), from listOfficers. */
export function OfficersPanel() {
  const t = useT();
  const associationId = useAssociationId();
  const officers = useOperation('listOfficers', { associationId });
  const list = [...(officers.data ?? [])].sort(byPost);
  return (
    <section className="panel" aria-labelledby="officers-title" data-testid="officers-panel">
      <h2 id="officers-title">{t('members.officers.title')}</h2>
      <ErrorAlert message={officers.error?.message} />
      {officers.isSuccess && list.length === 0 && <p>{t('members.officers.empty')}</p>}
      {list.length > 0 && (
        <table className="data" aria-labelledby="officers-title">
          <thead>
            <tr>
              <th>{t('members.officers.col.post')}</th>
              <th>{t('members.officers.col.name')}</th>
              <th>{t('members.officers.col.from')}</th>
              <th>{t('members.officers.col.to')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((officer) => (
              <tr key={officer.id}>
                <td>{t(postLabel(officer.post))}</td>
                <td>{officer.memberName}</td>
                <td>{formatDate(officer.termStart)}</td>
                <td>{officer.termEnd ? formatDate(officer.termEnd) : t('members.officers.openEnd')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
