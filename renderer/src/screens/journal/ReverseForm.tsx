import { useForm } from 'react-hook-form';
import type { JournalEntryView } from '../../../../shared/results';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { FormActions } from '../../components/FormActions';
import { DateField, Field } from '../../components/Field';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';

interface ReverseValues {
  date: string;
  reason: string;
}

export function ReverseForm({ entry, onDone, onCancel }: { entry: JournalEntryView; onDone(number: string): void; onCancel(): void }) {
  const t = useT();
  const reverse = useWrite('reverseEntry');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<ReverseValues>({
    defaultValues: { date: formatDate(todayIso()), reason: '' },
  });
  const submit = handleSubmit(async (values) => {
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (!values.reason.trim()) return setError('reason', { message: t('form.required', { field: t('entry.reverseReason') }) }, { shouldFocus: true });
    try {
      const posted = await reverse.mutateAsync({ entryId: entry.id, date, reason: values.reason });
      onDone(`${posted.fiscalYear}-${String(posted.number).padStart(5, '0')}`);
    } catch (error) {
      showApiError(error, setError, { date: 'date', reason: 'reason' }, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="reverse-form">
      <p>{t('entry.reverseExplain')}</p>
      <DateField label={t('entry.reverseDate')} error={errors.date?.message} registration={register('date')} />
      <Field label={t('entry.reverseReason')} hint={t('entry.reverseReasonHint')} error={errors.reason?.message}>
        <input type="text" {...register('reason')} />
      </Field>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('entry.reverseSubmit')} tone="danger"
        cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
