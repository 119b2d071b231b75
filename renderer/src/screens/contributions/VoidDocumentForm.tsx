import { useForm } from 'react-hook-form';
import { useT } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';

/**
 * The second step of voiding a charge or an in-kind contribution: what voiding does, the date and
 * a reason (required), then the red button. Cancelling leaves the document as it was.
 */
export function VoidDocumentForm({ title, explain, onVoid, onVoided, onCancel }: {
  title: string;
  explain: string;
  onVoid(input: { date: string; reason: string }): Promise<unknown>;
  onVoided(): void;
  onCancel(): void;
}) {
  const t = useT();
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm({
    defaultValues: { date: formatDate(todayIso()), reason: '' },
  });
  const submit = handleSubmit(async ({ date, reason }) => {
    const iso = parseDisplayDate(date);
    if (!iso) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (!reason.trim()) return setError('reason', { message: t('form.required', { field: t('contrib.fix.voidReason') }) }, { shouldFocus: true });
    try {
      await onVoid({ date: iso, reason });
      onVoided();
    } catch (error) {
      showApiError(error, setError, { date: 'date', reason: 'reason' }, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={title} className="void-form">
      <p><strong>{title}</strong></p>
      <p>{explain}</p>
      <div className="form-row">
        <DateField label={t('contrib.fix.voidDate')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('contrib.fix.voidReason')} error={errors.reason?.message}>
          <input type="text" {...register('reason')} />
        </Field>
      </div>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('contrib.fix.voidSubmit')} tone="danger"
        cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
