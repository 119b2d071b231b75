import { Controller, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { showApiError } from '../../components/formErrors';
import type { MessageKey } from '../../i18n/messages';
import { PlacePicker } from './PlacePicker';

const legalForms = ['asociacion', 'cooperativa', 'comite', 'comunidad', 'otra'] as const;

interface NewAssociationValues {
  name: string;
  ruc: string;
  legalForm: (typeof legalForms)[number];
  ubigeo: string;
  address: string;
  registryEntry: string;
  mainProducts: string;
  fiscalYearStartMonth: string;
}

export function NewAssociationForm({ onCancel }: { onCancel(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useWrite('createAssociation');
  const { register, control, handleSubmit, setError, formState } = useForm<NewAssociationValues>({
    defaultValues: { name: '', ruc: '', legalForm: 'asociacion', ubigeo: '', address: '', registryEntry: '', mainProducts: '', fiscalYearStartMonth: '1' },
  });
  const { errors } = formState;

  const submit = handleSubmit(async (values) => {
    if (!values.name.trim()) return setError('name', { message: t('form.required', { field: t('wizard.name') }) }, { shouldFocus: true });
    try {
      const { id } = await create.mutateAsync({
        name: values.name,
        ruc: values.ruc.trim() || null,
        legalForm: values.legalForm,
        ubigeo: values.ubigeo,
        address: values.address.trim() || null,
        registryEntry: values.registryEntry.trim() || null,
        mainProducts: values.mainProducts.split(',').map((p) => p.trim()).filter(Boolean),
        fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
      });
      void navigate(`/a/${id}/inicio`);
    } catch (error) {
      showApiError(error, setError, {
        name: 'name', ruc: 'ruc', legalForm: 'legalForm', ubigeo: 'ubigeo', address: 'address',
        registryEntry: 'registryEntry', mainProducts: 'mainProducts', fiscalYearStartMonth: 'fiscalYearStartMonth',
      }, t('app.unreachable'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('wizard.name')} error={errors.name?.message}>
        <input type="text" autoFocus {...register('name')} />
      </Field>
      <div className="form-row">
        <Field label={t('wizard.ruc')} hint={t('wizard.rucHint')} error={errors.ruc?.message}>
          <input type="text" inputMode="numeric" maxLength={11} {...register('ruc')} />
        </Field>
        <Field label={t('wizard.legalForm')} error={errors.legalForm?.message}>
          <select {...register('legalForm')}>
            {legalForms.map((form) => <option key={form} value={form}>{t(`wizard.legalForm.${form}` as MessageKey)}</option>)}
          </select>
        </Field>
      </div>
      <Controller
        control={control}
        name="ubigeo"
        render={({ field }) => <PlacePicker value={field.value} onChange={field.onChange} error={errors.ubigeo?.message} />}
      />
      <div className="form-row">
        <Field label={t('wizard.address')} error={errors.address?.message}>
          <input type="text" {...register('address')} />
        </Field>
        <Field label={t('wizard.registryEntry')} error={errors.registryEntry?.message}>
          <input type="text" {...register('registryEntry')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('wizard.mainProducts')} hint={t('wizard.mainProductsHint')} error={errors.mainProducts?.message}>
          <input type="text" {...register('mainProducts')} />
        </Field>
        <Field label={t('wizard.fiscalYearStart')} error={errors.fiscalYearStartMonth?.message}>
          <select {...register('fiscalYearStartMonth')}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
              <option key={month} value={month}>{t(`month.${month}` as MessageKey)}</option>
            ))}
          </select>
        </Field>
      </div>
      <FormActions error={errors.root?.message} submitting={formState.isSubmitting} submitLabel={t('wizard.submit')}
        busyLabel={t('wizard.creating')} cancel={{ label: t('action.back'), onClick: onCancel }} />
    </form>
  );
}
