import { useForm } from 'react-hook-form';
import { OFFICER_POSTS, type MemberView, type OfficerPost, type OfficerPostView } from '../../../../shared/operations/members';
import { useAssociationId } from '../../app/association';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';

/** The catalog key of a post's label (Presidente/a…); every post has one. */
export const postLabel = (post: OfficerPost) => `post.${post}` as const;

/** A post the engine still lets one end: open, or ending today or later. */
export const isCurrentPost = (post: OfficerPostView, today: string = todayIso()): boolean =>
  post.termEnd === null || post.termEnd >= today;

interface AssignValues {
  post: OfficerPost | '';
  termStart: string;
  termEnd: string;
}

/** Elect an active member to a post of the junta directiva for a term (its end may be unknown yet). */
export function AssignOfficerForm({ member, onDone }: { member: MemberView; onDone(): void }) {
  const t = useT();
  const associationId = useAssociationId();
  const assign = useWrite('assignOfficerPost');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<AssignValues>({
    defaultValues: { post: '', termStart: formatDate(todayIso()), termEnd: '' },
  });
  const submit = handleSubmit(async (values) => {
    if (!values.post) return setError('post', { message: t('form.required', { field: t('member.post.post') }) }, { shouldFocus: true });
    const termStart = parseDisplayDate(values.termStart);
    if (!termStart) return setError('termStart', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const termEnd = values.termEnd.trim() ? parseDisplayDate(values.termEnd) : null;
    if (values.termEnd.trim() && !termEnd) return setError('termEnd', { message: t('form.dateInvalid') }, { shouldFocus: true });
    try {
      await assign.mutateAsync({ associationId, memberId: member.id, post: values.post, termStart, termEnd });
      onDone();
    } catch (error) {
      showApiError(error, setError, { post: 'post', termStart: 'termStart', termEnd: 'termEnd' }, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('member.post.assignTitle', { name: member.fullName })}</h3>
      <Field label={t('member.post.post')} error={errors.post?.message}>
        <select {...register('post')}>
          <option value="">{t('member.post.choose')}</option>
          {OFFICER_POSTS.map((post) => <option key={post} value={post}>{t(postLabel(post))}</option>)}
        </select>
      </Field>
      <div className="form-row">
        <DateField label={t('member.post.termStart')} error={errors.termStart?.message} registration={register('termStart')} />
        <Field label={t('member.post.termEndOptional')} hint={t('member.post.termEndHint')} error={errors.termEnd?.message}>
          <input type="text" inputMode="numeric" {...register('termEnd')} />
        </Field>
      </div>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('member.post.assignSubmit')}
        cancel={{ label: t('action.cancel'), onClick: onDone }} />
    </form>
  );
}

/** Close a term, early or on schedule; the post stays in the member's history. */
export function EndOfficerForm({ post, onDone }: { post: OfficerPostView; onDone(): void }) {
  const t = useT();
  const associationId = useAssociationId();
  const end = useWrite('endOfficerPost');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm({
    defaultValues: { termEnd: formatDate(post.termEnd ?? todayIso()) },
  });
  const submit = handleSubmit(async (values) => {
    const termEnd = parseDisplayDate(values.termEnd);
    if (!termEnd) return setError('termEnd', { message: t('form.dateInvalid') }, { shouldFocus: true });
    try {
      await end.mutateAsync({ associationId, postId: post.id, termEnd });
      onDone();
    } catch (error) {
      showApiError(error, setError, { termEnd: 'termEnd' }, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('member.post.endTitle', { post: t(postLabel(post.post)), name: post.memberName })}</h3>
      <p>{t('member.post.endExplain', { from: formatDate(post.termStart) })}</p>
      <DateField label={t('member.post.termEnd')} error={errors.termEnd?.message} registration={register('termEnd')} />
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('member.post.endSubmit')}
        tone="danger" cancel={{ label: t('action.cancel'), onClick: onDone }} />
    </form>
  );
}
