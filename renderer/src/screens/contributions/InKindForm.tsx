import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import type { ContributionTypeView } from '../../../../shared/operations/contributions';
import { MemberField } from './MemberSelect';

interface InKindValues {
  memberId: number | null;
  contributionTypeId: string;
  date: string;
  description: string;
  quantity: string;
  unit: string;
  value: string;
  chargeId: string;
}

/** Whole units typed by people ("2", "1.5") → thousandths, the engine's unit for quantities. */
function readQuantity(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(trimmed);
  if (!match) return undefined;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** A faena or goods given by a member, valued in soles; it may settle one of their charges. */
export function InKindForm() {
  const associationId = useAssociationId();
  const types = useOperation('listContributionTypes', { associationId });
  const inKindTypes = (types.data ?? []).filter((type) => type.kind === 'in_kind' && !type.archived);
  // Started once the types are known, so the type select begins on a real option (see GenerateDuesForm).
  if (inKindTypes.length === 0) return null;
  return <InKindFields inKindTypes={inKindTypes} />;
}

function InKindFields({ inKindTypes }: { inKindTypes: ContributionTypeView[] }) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const record = useWrite('recordInKindContribution');
  const [done, setDone] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<InKindValues>({
    defaultValues: { memberId: null, contributionTypeId: String(inKindTypes[0]!.id), date: formatDate(todayIso()), description: '', quantity: '', unit: 'jornal', value: '', chargeId: '' },
  });
  const memberId = useWatch({ control, name: 'memberId' });
  const charges = useOperation('listCharges', { associationId, memberId: memberId ?? 0, openOnly: true }, { enabled: memberId !== null });
  const submit = handleSubmit(async (values) => {
    setDone(null);
    if (values.memberId === null) return setError('memberId', { message: t('form.required', { field: t('contrib.charge.member') }) });
    const typeId = Number(values.contributionTypeId);
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const quantity = readQuantity(values.quantity);
    if (quantity === undefined) return setError('quantity', { message: t('inKind.quantityInvalid') }, { shouldFocus: true });
    const value = readAmount(values.value, locale);
    if (value.error || value.centimos === null) {
      return setError('value', { message: value.error ?? t('form.required', { field: t('inKind.value') }) }, { shouldFocus: true });
    }
    try {
      const saved = await record.mutateAsync({
        associationId, memberId: values.memberId, contributionTypeId: typeId, date, description: values.description,
        quantity, unit: quantity !== null ? values.unit.trim() || null : null, value: value.centimos,
        chargeId: values.chargeId ? Number(values.chargeId) : null,
      });
      setDone(t('inKind.done', { value: formatMoney(saved.value) }));
    } catch (error) {
      showApiError(error, setError, {
        memberId: 'memberId', contributionTypeId: 'contributionTypeId', date: 'date', description: 'description',
        quantity: 'quantity', unit: 'unit', value: 'value', chargeId: 'chargeId',
      }, t('app.unreachable'));
    }
  });
  return (
    <section className="panel" aria-labelledby="in-kind">
      <h2 id="in-kind">{t('inKind.title')}</h2>
      <p className="subtitle">{t('inKind.explain')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <MemberField control={control} error={errors.memberId?.message} />
          {inKindTypes.length > 1 && (
            <Field label={t('contrib.charge.type')} error={errors.contributionTypeId?.message}>
              <select {...register('contributionTypeId')}>
                {inKindTypes.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
              </select>
            </Field>
          )}
          <DateField label={t('contrib.charge.date')} error={errors.date?.message} registration={register('date')} />
        </div>
        <Field label={t('inKind.description')} error={errors.description?.message}>
          <input type="text" placeholder={t('inKind.descriptionHint')} {...register('description')} />
        </Field>
        <div className="form-row">
          <Field label={t('inKind.quantity')} error={errors.quantity?.message}>
            <input type="text" inputMode="decimal" className="num" {...register('quantity')} />
          </Field>
          <Field label={t('inKind.unit')} error={errors.unit?.message}>
            <input type="text" {...register('unit')} />
          </Field>
          <Field label={t('inKind.value')} hint={t('form.amountHint')} error={errors.value?.message}>
            <input type="text" inputMode="decimal" className="num" {...register('value')} />
          </Field>
          <Field label={t('inKind.settles')} error={errors.chargeId?.message}>
            <select {...register('chargeId')}>
              <option value="">{t('inKind.settlesNothing')}</option>
              {(charges.data ?? []).map((charge) => (
                <option key={charge.id} value={charge.id}>{`${charge.description} — ${formatMoney(charge.open)}`}</option>
              ))}
            </select>
          </Field>
        </div>
        <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('inKind.submit')}>
          {done && <span role="status" className="alert--inline">{done}</span>}
        </FormActions>
      </form>
    </section>
  );
}
