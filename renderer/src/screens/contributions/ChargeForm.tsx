import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { ApiCallError } from '../../api/client';
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
  const members = useOperation('listMembers', { associationId, active: true });
  const [done, setDone] = useState<string | null>(null);
  /** The question asked when the same charge was already recorded that day; answering yes records it anyway. */
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const blank: ChargeValues = { memberId: null, contributionTypeId: '', amount: '', date: formatDate(todayIso()), description: '' };
  const { register, control, handleSubmit, setError, setValue, reset, formState: { errors, isSubmitting } } = useForm<ChargeValues>({
    defaultValues: blank,
  });
  const record = async (values: ChargeValues, confirmDuplicate: boolean) => {
    setDone(null);
    setDuplicate(null);
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
        description: values.description.trim() || null, confirmDuplicate,
      });
      // A fresh form for the next charge: nothing of this one is left to be sent twice by mistake.
      reset({ ...blank, date: values.date });
      setDone(t('contrib.charge.done', { amount: formatMoney(charge.amount), name: charge.memberName }));
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'charge.possibleDuplicate') {
        const name = members.data?.members.find((m) => m.id === values.memberId)?.fullName ?? '';
        setDuplicate(date === todayIso()
          ? t('contrib.charge.duplicateToday', { type: type.name, name })
          : t('contrib.charge.duplicateOn', { type: type.name, name, date: formatDate(date) }));
        return;
      }
      showApiError(error, setError, { memberId: 'memberId', contributionTypeId: 'contributionTypeId', amount: 'amount', date: 'date', description: 'description' }, t('app.unreachable'));
    }
  };
  const submit = handleSubmit((values) => record(values, false));
  const confirm = handleSubmit((values) => record(values, true));
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
        {duplicate ? (
          <div role="alertdialog" aria-labelledby="charge-duplicate" className="alert">
            <p id="charge-duplicate">{duplicate}</p>
            <div className="actions">
              <button type="button" className="button--primary" disabled={isSubmitting} onClick={() => void confirm()}>
                {t('contrib.charge.duplicateYes')}
              </button>
              <button type="button" onClick={() => setDuplicate(null)}>{t('contrib.charge.duplicateNo')}</button>
            </div>
          </div>
        ) : (
          <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('contrib.charge.submit')}>
            {done && <span role="status" className="alert--inline">{done}</span>}
          </FormActions>
        )}
      </form>
    </section>
  );
}
