import { useForm } from 'react-hook-form';
import type { MemberView, Sex } from '../../../../shared/operations/members';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { Dialog } from '../../components/Dialog';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate } from '../../format/format';

interface MemberValues {
  dni: string;
  givenNames: string;
  surnames: string;
  sex: Sex | '';
  birthDate: string;
  community: string;
  phone: string;
  joinedOn: string;
}

const fields = ['dni', 'givenNames', 'surnames', 'sex', 'birthDate', 'community', 'phone', 'joinedOn'] as const;

function initialValues(member: MemberView | undefined): MemberValues {
  return {
    dni: member?.dni ?? '',
    givenNames: member?.givenNames ?? '',
    surnames: member?.surnames ?? '',
    sex: member?.sex ?? '',
    birthDate: member?.birthDate ? formatDate(member.birthDate) : '',
    community: member?.community ?? '',
    phone: member?.phone ?? '',
    // No default: the day she joined is asked, never assumed to be today.
    joinedOn: member?.joinedOn ? formatDate(member.joinedOn) : '',
  };
}

/** Register a member, or correct one's details (joining and leaving have their own steps). */
export function MemberFormDialog({ member, onClose, onSaved }: { member?: MemberView; onClose(): void; onSaved?(member: MemberView): void }) {
  const t = useT();
  const associationId = useAssociationId();
  const communities = useOperation('listCommunities', { associationId });
  const create = useWrite('createMember');
  const update = useWrite('updateMember');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<MemberValues>({ defaultValues: initialValues(member) });

  const submit = handleSubmit(async (values) => {
    const birthDate = values.birthDate.trim() ? parseDisplayDate(values.birthDate) : null;
    if (values.birthDate.trim() && !birthDate) return setError('birthDate', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const joinedOn = parseDisplayDate(values.joinedOn);
    if (!member && !values.joinedOn.trim()) {
      return setError('joinedOn', { message: t('form.required', { field: t('member.form.joinedOn') }) }, { shouldFocus: true });
    }
    if (!member && !joinedOn) return setError('joinedOn', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (!values.sex) return setError('sex', { message: t('form.required', { field: t('member.form.sex') }) }, { shouldFocus: true });
    const details = {
      associationId, dni: values.dni.trim(), givenNames: values.givenNames, surnames: values.surnames, sex: values.sex,
      birthDate, community: values.community.trim() || null, phone: values.phone.trim() || null,
    };
    try {
      const saved = member
        ? await update.mutateAsync({ ...details, memberId: member.id })
        : await create.mutateAsync({ ...details, joinedOn: joinedOn! });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showApiError(error, setError, Object.fromEntries(fields.map((f) => [f, f])), t('app.unreachable'));
    }
  });
  const listId = `communities-${associationId}`;
  return (
    <Dialog title={member ? t('member.form.editTitle', { name: member.fullName }) : t('member.form.newTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <Field label={t('member.form.dni')} hint={t('member.form.dniHint')} error={errors.dni?.message}>
            <input type="text" inputMode="numeric" maxLength={8} autoComplete="off" {...register('dni')} />
          </Field>
          <Field label={t('member.form.sex')} error={errors.sex?.message}>
            <select {...register('sex')}>
              <option value="" />
              <option value="F">{t('sex.F')}</option>
              <option value="M">{t('sex.M')}</option>
            </select>
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('member.form.givenNames')} error={errors.givenNames?.message}>
            <input type="text" autoComplete="off" {...register('givenNames')} />
          </Field>
          <Field label={t('member.form.surnames')} error={errors.surnames?.message}>
            <input type="text" autoComplete="off" {...register('surnames')} />
          </Field>
        </div>
        <div className="form-row">
          <DateField label={t('member.form.birthDate')} error={errors.birthDate?.message} registration={register('birthDate')} />
          {!member && (
            <DateField label={t('member.form.joinedOn')} error={errors.joinedOn?.message} registration={register('joinedOn')} />
          )}
        </div>
        <div className="form-row">
          <Field label={t('member.form.community')} error={errors.community?.message}>
            <input type="text" list={listId} autoComplete="off" {...register('community')} />
          </Field>
          <Field label={t('member.form.phone')} error={errors.phone?.message}>
            <input type="text" inputMode="tel" autoComplete="off" {...register('phone')} />
          </Field>
        </div>
        <datalist id={listId}>{(communities.data ?? []).map((c) => <option key={c} value={c} />)}</datalist>
        <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('member.form.save')}
          busyLabel={t('member.form.saving')} cancel={{ label: t('action.cancel'), onClick: onClose }} />
      </form>
    </Dialog>
  );
}
