import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate } from '../../format/format';

interface Values {
  lockDate: string;
  reason: string;
}

const toValues = (lockDate: string | null): Values => ({ lockDate: lockDate ? formatDate(lockDate) : '', reason: '' });

/** The lock date: moving it forward is free; moving it back or removing it needs a reason (the engine insists). */
export function LockDateForm({ associationId, current }: { associationId: number; current: string | null }) {
  const t = useT();
  const save = useWrite('setLockDate');
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({ defaultValues: toValues(current) });
  const { errors } = formState;
  // Once saved, the form shows the date now in force and an empty reason.
  useEffect(() => reset(toValues(current)), [current, reset]);

  const submit = handleSubmit(async (values) => {
    setDone(null);
    const text = values.lockDate.trim();
    const lockDate = text === '' ? null : parseDisplayDate(text);
    if (text !== '' && lockDate === null) {
      return setError('lockDate', { message: t('form.dateInvalid') }, { shouldFocus: true });
    }
    try {
      await save.mutateAsync({ associationId, lockDate, reason: values.reason.trim() || undefined });
      setDone(lockDate ? t('settings.lockSaved', { date: formatDate(lockDate) }) : t('settings.lockRemoved'));
    } catch (error) {
      showApiError(error, setError, { lockDate: 'lockDate', reason: 'reason' }, t('app.unreachable'));
    }
  });

  return (
    <section className="settings__section" aria-labelledby="settings-lock">
      <h2 id="settings-lock">{t('settings.lock')}</h2>
      <p>{t('settings.lockExplain')}</p>
      <p className="settings__current" data-testid="current-lock-date">
        {current ? t('settings.lockCurrent', { date: formatDate(current) }) : t('settings.lockNone')}
      </p>
      <form onSubmit={submit} noValidate>
        <Field label={t('settings.lockDate')} hint={t('settings.lockDateHint')} error={errors.lockDate?.message}>
          <input type="text" inputMode="numeric" autoComplete="off" placeholder={t('form.dateHint')} {...register('lockDate')} />
        </Field>
        <Field label={t('settings.lockReason')} hint={t('settings.lockReasonHint')} error={errors.reason?.message}>
          <input type="text" autoComplete="off" maxLength={500} {...register('reason')} />
        </Field>
        <FormActions error={errors.root?.message} submitting={formState.isSubmitting} submitLabel={t('settings.lockSubmit')}
          busyLabel={t('settings.lockSaving')}>
          <span role="status" className="settings__done">{done}</span>
        </FormActions>
      </form>
    </section>
  );
}
