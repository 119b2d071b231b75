import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { AssociationDetails } from '../../../../shared/results';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import type { MessageKey } from '../../i18n/messages';
import { PlacePicker } from '../welcome/PlacePicker';

const legalForms = ['asociacion', 'cooperativa', 'comite', 'comunidad', 'otra'] as const;
type LegalForm = (typeof legalForms)[number];

interface DetailsValues {
  name: string;
  ruc: string;
  legalForm: LegalForm;
  ubigeo: string;
  address: string;
  registryEntry: string;
  mainProducts: string;
  fiscalYearStartMonth: string;
}

const fieldMap = {
  name: 'name', ruc: 'ruc', legalForm: 'legalForm', ubigeo: 'ubigeo', address: 'address',
  registryEntry: 'registryEntry', mainProducts: 'mainProducts', fiscalYearStartMonth: 'fiscalYearStartMonth',
} as const;

const valuesOf = (details: AssociationDetails): DetailsValues => ({
  name: details.name,
  ruc: details.ruc ?? '',
  legalForm: (legalForms as readonly string[]).includes(details.legalForm) ? details.legalForm as LegalForm : 'otra',
  ubigeo: details.ubigeo,
  address: details.address ?? '',
  registryEntry: details.registryEntry ?? '',
  mainProducts: details.mainProducts.join(', '),
  fiscalYearStartMonth: String(details.fiscalYearStartMonth),
});

/**
 * Corrects the association's details (name, RUC, registry entry, district, products…). The engine
 * checks the RUC, logs each change with its old and new value, and refuses a new fiscal-year start
 * once anything is recorded. Printed documents read the details afresh, so they show the correction.
 */
export function AssociationDetailsForm({ details }: { details: AssociationDetails }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = useWrite('updateAssociation');
  const { register, control, handleSubmit, setError, reset, formState: { errors, isSubmitting } } = useForm<DetailsValues>({
    defaultValues: valuesOf(details),
  });
  const submit = handleSubmit(async (values) => {
    if (!values.name.trim()) return setError('name', { message: t('form.required', { field: t('wizard.name') }) }, { shouldFocus: true });
    try {
      const after = await update.mutateAsync({
        associationId: details.id,
        name: values.name,
        ruc: values.ruc.trim() || null,
        legalForm: values.legalForm,
        ubigeo: values.ubigeo,
        address: values.address.trim() || null,
        registryEntry: values.registryEntry.trim() || null,
        mainProducts: values.mainProducts.split(',').map((p) => p.trim()).filter(Boolean),
        fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
      });
      reset(valuesOf(after));
      setOpen(false);
      setSaved(true);
    } catch (error) {
      showApiError(error, setError, fieldMap, t('app.unreachable'));
    }
  });
  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={() => { setSaved(false); setOpen(true); }}>{t('settings.details.edit')}</button>
        {saved && <span role="status" className="alert--inline">{t('settings.details.saved')}</span>}
      </div>
    );
  }
  return (
    <section className="settings__section" aria-labelledby="settings-details">
      <h2 id="settings-details">{t('settings.details.title')}</h2>
      <p className="field__hint">{t('settings.details.explain')}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('wizard.name')} error={errors.name?.message}>
          <input type="text" {...register('name')} />
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
          <Field label={t('wizard.fiscalYearStart')} hint={t('settings.details.fiscalYearHint')} error={errors.fiscalYearStartMonth?.message}>
            <select {...register('fiscalYearStartMonth')}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
                <option key={month} value={month}>{t(`month.${month}` as MessageKey)}</option>
              ))}
            </select>
          </Field>
        </div>
        <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('settings.details.save')}
          cancel={{ label: t('action.cancel'), onClick: () => { reset(valuesOf(details)); setOpen(false); } }} />
      </form>
    </section>
  );
}
