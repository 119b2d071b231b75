import { useForm, useWatch } from 'react-hook-form';
import {
  contributionKinds, dueRules, type ContributionKind, type ContributionTypeView, type DueRule,
} from '../../../../shared/operations/contributions';
import { formatAmount } from '../../../../shared/money';
import { useAssociationId } from '../../app/association';
import { useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import type { MessageKey } from '../../i18n/messages';

interface TypeValues {
  kind: ContributionKind;
  name: string;
  amount: string;
  frequency: 'monthly' | 'yearly';
  unit: string;
  amountPerUnit: string;
  archived: boolean;
  dueRule: DueRule;
  dueValue: string;
}

const fieldMap = {
  kind: 'kind', name: 'name', defaultAmount: 'amount', frequency: 'frequency', unit: 'unit', amountPerUnit: 'amountPerUnit',
  dueRule: 'dueRule', dueValue: 'dueValue',
} as const;

/** Create a contribution type, or change an existing one's name, amount or archived state (its kind and account stay). */
export function TypeForm({ type, onDone }: { type?: ContributionTypeView; onDone(): void }) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const create = useWrite('createContributionType');
  const update = useWrite('updateContributionType');
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<TypeValues>({
    defaultValues: {
      kind: type?.kind ?? 'fine', name: type?.name ?? '', frequency: type?.frequency ?? 'monthly',
      amount: type?.defaultAmount ? formatAmount(type.defaultAmount) : '',
      unit: type?.unit ?? '', amountPerUnit: type?.amountPerUnit ? formatAmount(type.amountPerUnit) : '', archived: type?.archived ?? false,
      dueRule: type?.dueRule ?? 'period_end', dueValue: type?.dueValue !== null && type?.dueValue !== undefined ? String(type.dueValue) : '',
    },
  });
  const kind = useWatch({ control, name: 'kind' });
  const frequency = useWatch({ control, name: 'frequency' });
  const dueRule = useWatch({ control, name: 'dueRule' });
  const isDues = (type?.kind ?? kind) === 'ordinary_due';
  const yearly = (type?.frequency ?? frequency) === 'yearly';
  const submit = handleSubmit(async (values) => {
    const amount = readAmount(values.amount, locale);
    if (amount.error) return setError('amount', { message: amount.error }, { shouldFocus: true });
    const perUnit = readAmount(values.amountPerUnit, locale);
    if (perUnit.error) return setError('amountPerUnit', { message: perUnit.error }, { shouldFocus: true });
    const dueValue = values.dueRule === 'period_end' ? null : /^\d{1,3}$/.test(values.dueValue.trim()) ? Number(values.dueValue.trim()) : undefined;
    if (dueValue === undefined) return setError('dueValue', { message: t('contrib.type.dueValueInvalid') }, { shouldFocus: true });
    const due = isDues ? { dueRule: values.dueRule, dueValue } : {};
    try {
      if (type) {
        await update.mutateAsync({
          associationId, contributionTypeId: type.id, name: values.name, defaultAmount: amount.centimos, archived: values.archived, ...due,
        });
      } else {
        await create.mutateAsync({
          associationId, kind: values.kind, name: values.name, defaultAmount: amount.centimos,
          frequency: values.kind === 'ordinary_due' ? values.frequency : null,
          unit: values.kind === 'levy_per_unit' ? values.unit.trim() || null : null,
          amountPerUnit: values.kind === 'levy_per_unit' ? perUnit.centimos : null,
          ...due,
        });
      }
      onDone();
    } catch (error) {
      showApiError(error, setError, fieldMap, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="type-form">
      <div className="form-row">
        {!type && (
          <Field label={t('contrib.type.col.kind')} error={errors.kind?.message}>
            <select {...register('kind')}>
              {contributionKinds.map((k) => <option key={k} value={k}>{t(`contrib.kind.${k}` as MessageKey)}</option>)}
            </select>
          </Field>
        )}
        <Field label={t('contrib.type.col.name')} error={errors.name?.message}>
          <input type="text" {...register('name')} />
        </Field>
        <Field label={t('contrib.type.amount')} hint={t('form.amountHint')} error={errors.amount?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('amount')} />
        </Field>
        {!type && kind === 'ordinary_due' && (
          <Field label={t('contrib.type.frequency')} error={errors.frequency?.message}>
            <select {...register('frequency')}>
              <option value="monthly">{t('contrib.frequency.monthly')}</option>
              <option value="yearly">{t('contrib.frequency.yearly')}</option>
            </select>
          </Field>
        )}
        {isDues && (
          <Field label={t('contrib.type.dueRule')} error={errors.dueRule?.message}>
            <select {...register('dueRule')}>
              {dueRules.filter((rule) => !(yearly && rule === 'day_of_month')).map((rule) => (
                <option key={rule} value={rule}>{t(`contrib.type.dueRule.${rule}` as MessageKey)}</option>
              ))}
            </select>
          </Field>
        )}
        {isDues && dueRule !== 'period_end' && (
          <Field label={t(dueRule === 'day_of_month' ? 'contrib.type.dueValue.day' : 'contrib.type.dueValue.days')} error={errors.dueValue?.message}>
            <input type="text" inputMode="numeric" className="num" {...register('dueValue')} />
          </Field>
        )}
        {!type && kind === 'levy_per_unit' && (
          <>
            <Field label={t('contrib.type.unit')} error={errors.unit?.message}>
              <input type="text" placeholder="litro" {...register('unit')} />
            </Field>
            <Field label={t('contrib.type.amountPerUnit')} error={errors.amountPerUnit?.message}>
              <input type="text" inputMode="decimal" className="num" placeholder="0.05" {...register('amountPerUnit')} />
            </Field>
          </>
        )}
      </div>
      {type && (
        <label className="checkbox"><input type="checkbox" {...register('archived')} /> {t('contrib.type.archived')}</label>
      )}
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t(type ? 'contrib.type.save' : 'contrib.type.add')}
        cancel={{ label: t('action.cancel'), onClick: onDone }} />
    </form>
  );
}
