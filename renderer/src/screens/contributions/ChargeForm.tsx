import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { formatAmount } from '../../../../shared/money';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { MemberField } from './MemberSelect';

interface ChargeValues {
  memberId: number | null;
  contributionTypeId: string;
  amount: string;
  date: string;
  description: string;
}

/** One member owes a fine, an extraordinary or a capital contribution. */
export function ChargeForm() {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const types = useOperation('listContributionTypes', { associationId });
  const chargeable = (types.data ?? []).filter((type) => ['fine', 'extraordinary', 'capital'].includes(type.kind) && !type.archived);
  const create = useWrite('createCharge');
  const [done, setDone] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<ChargeValues>({
    defaultValues: { memberId: null, contributionTypeId: '', amount: '', date: formatDate(todayIso()), description: '' },
  });
  const submit = handleSubmit(async (values) => {
    setDone(null);
    if (values.memberId === null) return setError('memberId', { message: t('form.required', { field: t('contrib.charge.member') }) });
    const type = chargeable.find((c) => c.id === Number(values.contributionTypeId));
    if (!type) return setError('contributionTypeId', { message: t('form.required', { field: t('contrib.charge.type') }) });
    const amount = readAmount(values.amount, locale);
    if (amount.error || amount.centimos === null) {
      return setError('amount', { message: amount.error ?? t('form.required', { field: t('contrib.charge.amount') }) }, { shouldFocus: true });
    }
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    try {
      const charge = await create.mutateAsync({
        associationId, memberId: values.memberId, contributionTypeId: type.id, amount: amount.centimos, date,
        description: values.description.trim() || null,
      });
      setDone(t('contrib.charge.done', { amount: formatMoney(charge.amount), name: charge.memberName }));
    } catch (error) {
      showApiError(error, setError, { memberId: 'memberId', contributionTypeId: 'contributionTypeId', amount: 'amount', date: 'date', description: 'description' }, t('app.unreachable'));
    }
  });
  if (chargeable.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="charge-member">
      <h2 id="charge-member">{t('contrib.charge')}</h2>
      <p className="subtitle">{t('contrib.charge.explain')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <MemberField control={control} error={errors.memberId?.message} />
          <Field label={t('contrib.charge.type')} error={errors.contributionTypeId?.message}>
            <select {...register('contributionTypeId', {
              onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
                const type = chargeable.find((c) => c.id === Number(event.target.value));
                if (type?.defaultAmount) setValue('amount', formatAmount(type.defaultAmount));
              },
            })}>
              <option value="">{t('contrib.choose')}</option>
              {chargeable.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
            </select>
          </Field>
          <Field label={t('contrib.charge.amount')} hint={t('form.amountHint')} error={errors.amount?.message}>
            <input type="text" inputMode="decimal" className="num" {...register('amount')} />
          </Field>
          <DateField label={t('contrib.charge.date')} error={errors.date?.message} registration={register('date')} />
        </div>
        <Field label={t('contrib.charge.description')} error={errors.description?.message}>
          <input type="text" {...register('description')} />
        </Field>
        <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('contrib.charge.submit')}>
          {done && <span role="status" className="alert--inline">{done}</span>}
        </FormActions>
      </form>
    </section>
  );
}
