import { useForm } from 'react-hook-form';
import { useT } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';

/**
 * The second step of voiding a document (charge, in-kind contribution, receipt, credit refund): what
 * voiding does, the date and a reason (required), then the red button. Cancelling leaves the
 * document as it was.
 */
export function VoidDocumentForm({ title, explain, labels, onVoid, onVoided, onCancel }: {
  /** Names the document where nothing around the form does (a list); a document's own panel already has its heading. */
  title?: string;
  explain: string;
  /** Each document's catalog words for the date, the reason and the button; a charge's by default. */
  labels?: { date: string; reason: string; submit: string };
  onVoid(input: { date: string; reason: string }): Promise<unknown>;
  onVoided(): void;
  onCancel(): void;
}) {
  const t = useT();
  const words = labels ?? { date: t('contrib.fix.voidDate'), reason: t('contrib.fix.voidReason'), submit: t('contrib.fix.voidSubmit') };
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm({
    defaultValues: { date: formatDate(todayIso()), reason: '' },
  });
  const submit = handleSubmit(async ({ date, reason }) => {
    const iso = parseDisplayDate(date);
    if (!iso) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (!reason.trim()) return setError('reason', { message: t('form.required', { field: words.reason }) }, { shouldFocus: true });
    try {
      await onVoid({ date: iso, reason });
      onVoided();
    } catch (error) {
      showApiError(error, setError, { date: 'date', reason: 'reason' }, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={title} className="void-form">
      {title && <p><strong>{title}</strong></p>}
      <p>{explain}</p>
      <div className="form-row">
        <DateField label={words.date} error={errors.date?.message} registration={register('date')} />
        <Field label={words.reason} error={errors.reason?.message}>
          <input type="text" {...register('reason')} />
        </Field>
      </div>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={words.submit} tone="danger"
        cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
