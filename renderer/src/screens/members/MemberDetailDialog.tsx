import { useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import type { MemberView, OfficerPostView } from '../../../../shared/operations/members';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';
import type { MessageKey } from '../../i18n/messages';
import { MemberFormDialog } from './MemberFormDialog';
import { AssignOfficerForm, EndOfficerForm, isCurrentPost, postLabel } from './OfficerForms';

/** Leaving needs a date and a reason; rejoining a date. Either way the member keeps their history. */
function MembershipForm({ member, kind, onDone }: { member: MemberView; kind: 'leave' | 'rejoin'; onDone(): void }) {
  const t = useT();
  const associationId = useAssociationId();
  const leave = useWrite('memberLeaves');
  const rejoin = useWrite('memberRejoins');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm({
    defaultValues: { date: formatDate(todayIso()), reason: '' },
  });
  const submit = handleSubmit(async ({ date, reason }) => {
    const iso = parseDisplayDate(date);
    if (!iso) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    try {
      if (kind === 'leave') await leave.mutateAsync({ associationId, memberId: member.id, leftOn: iso, reason });
      else await rejoin.mutateAsync({ associationId, memberId: member.id, joinedOn: iso });
      onDone();
    } catch (error) {
      showApiError(error, setError, { leftOn: 'date', joinedOn: 'date', reason: 'reason' }, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t(kind === 'leave' ? 'member.leave.title' : 'member.rejoin.title', { name: member.fullName })}</h3>
      {kind === 'leave' && <p>{t('member.leave.explain')}</p>}
      <DateField label={t(kind === 'leave' ? 'member.leave.date' : 'member.rejoin.date')} error={errors.date?.message} registration={register('date')} />
      {kind === 'leave' && (
        <Field label={t('member.leave.reason')} error={errors.reason?.message}>
          <input type="text" {...register('reason')} />
        </Field>
      )}
      <FormActions error={errors.root?.message} submitting={isSubmitting}
        submitLabel={t(kind === 'leave' ? 'member.leave.submit' : 'member.rejoin.submit')}
        cancel={{ label: t('action.cancel'), onClick: onDone }} />
    </form>
  );
}

export function MemberDetailDialog({ memberId, onClose }: { memberId: number; onClose(): void }) {
  const t = useT();
  const associationId = useAssociationId();
  const member = useOperation('getMember', { associationId, memberId });
  const [step, setStep] = useState<'view' | 'edit' | 'leave' | 'rejoin' | 'assign'>('view');
  const [ending, setEnding] = useState<OfficerPostView | null>(null);
  const data = member.data;
  const today = todayIso();
  if (step === 'edit' && data) return <MemberFormDialog member={data} onClose={() => setStep('view')} />;
  return (
    <Dialog title={data ? t('member.detail.title', { name: data.fullName }) : t('app.loading')} onClose={onClose}>
      <ErrorAlert message={member.error?.message} />
      {data && (
        <>
          <dl className="entry-meta">
            <dt>{t('member.detail.dni')}</dt><dd>{data.dni ?? '—'}</dd>
            <dt>{t('member.detail.sex')}</dt><dd>{data.sex ? t(`sex.${data.sex}` as MessageKey) : '—'}</dd>
            <dt>{t('member.detail.birthDate')}</dt><dd>{data.birthDate ? formatDate(data.birthDate) : '—'}</dd>
            <dt>{t('member.detail.community')}</dt><dd>{data.community ?? '—'}</dd>
            <dt>{t('member.detail.phone')}</dt><dd>{data.phone ?? '—'}</dd>
          </dl>
          <h3>{t('member.detail.history')}</h3>
          <ul>
            {data.memberships.map((period) => (
              <li key={period.id}>
                {period.leftOn
                  ? t('member.detail.periodClosed', { from: formatDate(period.joinedOn), to: formatDate(period.leftOn), reason: period.leaveReason ?? '' })
                  : t('member.detail.period', { from: formatDate(period.joinedOn) })}
              </li>
            ))}
          </ul>
          <h3>{t('member.detail.posts')}</h3>
          {data.posts.length === 0 ? <p>{t('member.detail.noPosts')}</p> : (
            <ul>
              {data.posts.map((post) => (
                <li key={post.id}>
                  {post.termEnd
                    ? t('member.detail.postTermClosed', { post: t(postLabel(post.post)), from: formatDate(post.termStart), to: formatDate(post.termEnd) })
                    : t('member.detail.postTerm', { post: t(postLabel(post.post)), from: formatDate(post.termStart) })}
                  {step === 'view' && !ending && isCurrentPost(post, today) && (
                    <>
                      {' '}
                      <button type="button" className="link-button" aria-label={t('member.post.endFor', { post: t(postLabel(post.post)) })}
                        onClick={() => setEnding(post)}>{t('member.post.end')}</button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {ending
            ? <EndOfficerForm post={ending} onDone={() => setEnding(null)} />
            : step === 'assign'
            ? <AssignOfficerForm member={data} onDone={() => setStep('view')} />
            : step === 'leave' || step === 'rejoin'
            ? <MembershipForm member={data} kind={step} onDone={() => setStep('view')} />
            : (
              <div className="actions">
                <Link className="button" to={`/a/${associationId}/socios/${data.id}/estado`}>{t('member.detail.statement')}</Link>
                {data.active && <Link className="button" to={`/a/${associationId}/aportes/cobrar?socio=${data.id}`}>{t('member.detail.collect')}</Link>}
                <button type="button" onClick={() => setStep('edit')}>{t('member.detail.edit')}</button>
                {data.active && <button type="button" onClick={() => setStep('assign')}>{t('member.post.assign')}</button>}
                {data.active
                  ? <button type="button" className="button--danger" onClick={() => setStep('leave')}>{t('member.detail.leave')}</button>
                  : <button type="button" onClick={() => setStep('rejoin')}>{t('member.detail.rejoin')}</button>}
                <button type="button" onClick={onClose}>{t('action.close')}</button>
              </div>
            )}
        </>
      )}
    </Dialog>
  );
}
