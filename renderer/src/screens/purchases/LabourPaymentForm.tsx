import { useForm } from 'react-hook-form';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';
import { readQuantity } from '../sales/quantity';
import { useCashAccounts } from '../sales/useCashAccounts';

interface LabourValues {
  workerName: string;
  workerDni: string;
  days: string;
  amount: string;
  concept: string;
  date: string;
  accountId: string;
  productLineId: string;
}

const apiFields: Record<string, keyof LabourValues> = {
  workerName: 'workerName', workerDni: 'workerDni', days: 'days', amount: 'amount', concept: 'concept', date: 'date',
  accountId: 'accountId', productLineId: 'productLineId',
};

/** Day labour paid: who worked (name and DNI as the voucher prints them), how many days, for what, how much. */
export function LabourPaymentForm({ onIssued }: { onIssued(voucherId: number): void }) {
  const t = useSettings().t;
  const associationId = useAssociationId();
  const cash = useCashAccounts(associationId);
  if (cash.error) return <ErrorAlert message={cash.error.message} />;
  if (!cash.accounts) return <p className="loading">{t('app.loading')}</p>;
  return <LabourFields accounts={cash.accounts} onIssued={onIssued} />;
}

function LabourFields({ accounts, onIssued }: { accounts: readonly { id: number; name: string; role: string | null }[]; onIssued(voucherId: number): void }) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const lines = useOperation('listProductLines', { associationId });
  const pay = useWrite('payLabour');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<LabourValues>({
    defaultValues: {
      workerName: '', workerDni: '', days: '', amount: '', concept: '', date: formatDate(todayIso()),
      accountId: String(accounts.find((a) => a.role === 'cash')?.id ?? accounts[0]?.id ?? ''), productLineId: '',
    },
  });
  const submit = handleSubmit(async (values) => {
    if (!values.workerName.trim()) return setError('workerName', { message: t('form.required', { field: t('purchase.labour.name') }) }, { shouldFocus: true });
    const dni = values.workerDni.trim();
    if (dni && !/^\d{8}$/.test(dni)) return setError('workerDni', { message: t('purchase.labour.dniInvalid') }, { shouldFocus: true });
    const days = readQuantity(values.days);
    if (days === undefined || days === 0) return setError('days', { message: t('purchase.labour.daysInvalid') }, { shouldFocus: true });
    const amount = readAmount(values.amount, locale);
    if (amount.error || amount.centimos === null) {
      return setError('amount', { message: amount.error ?? t('form.required', { field: t('purchase.labour.amount') }) }, { shouldFocus: true });
    }
    if (!values.concept.trim()) return setError('concept', { message: t('form.required', { field: t('purchase.labour.concept') }) }, { shouldFocus: true });
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    try {
      const voucher = await pay.mutateAsync({
        associationId, date, workerName: values.workerName.trim(), workerDni: dni || null, amount: amount.centimos,
        accountId: values.accountId ? Number(values.accountId) : null, concept: values.concept.trim(),
        productLineId: values.productLineId ? Number(values.productLineId) : null, days,
      });
      onIssued(voucher.id);
    } catch (failure) {
      showApiError(failure, setError, apiFields, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('purchase.labour.title')}>
      <div className="form-row">
        <Field label={t('purchase.labour.name')} error={errors.workerName?.message}>
          <input type="text" autoComplete="off" {...register('workerName')} />
        </Field>
        <Field label={t('purchase.labour.dni')} hint={t('form.optional')} error={errors.workerDni?.message}>
          <input type="text" inputMode="numeric" autoComplete="off" {...register('workerDni')} />
        </Field>
        <Field label={t('purchase.labour.days')} hint={t('purchase.labour.daysHint')} error={errors.days?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('days')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('purchase.labour.amount')} hint={t('form.amountHint')} error={errors.amount?.message}>
          <input type="text" inputMode="decimal" className="num big-input" {...register('amount')} />
        </Field>
        <DateField label={t('purchase.labour.date')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('purchase.labour.account')} error={errors.accountId?.message}>
          <select {...register('accountId')}>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('purchase.labour.concept')} hint={t('purchase.labour.conceptHint')} error={errors.concept?.message}>
          <input type="text" {...register('concept')} />
        </Field>
        <Field label={t('purchase.labour.line')} error={errors.productLineId?.message}>
          <select {...register('productLineId')}>
            <option value="">{t('purchase.product.noLine')}</option>
            {(lines.data ?? []).map((line) => <option key={line.id} value={line.id}>{line.name}</option>)}
          </select>
        </Field>
      </div>
      <FormActions error={errors.root?.message} submitting={isSubmitting || pay.isPending} submitLabel={t('purchase.labour.submit')} busyLabel={t('purchase.labour.saving')} />
    </form>
  );
}
