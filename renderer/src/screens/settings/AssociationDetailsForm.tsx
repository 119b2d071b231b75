import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { AssociationDetails } from '../../../../shared/results';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import {
  AssociationFields, associationFieldMap, associationInput, legalForms, type AssociationFieldValues, type LegalForm,
} from '../welcome/AssociationFields';

const valuesOf = (details: AssociationDetails): AssociationFieldValues => ({
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
  const { register, control, handleSubmit, setError, reset, formState: { errors, isSubmitting } } = useForm<AssociationFieldValues>({
    defaultValues: valuesOf(details),
  });
  const submit = handleSubmit(async (values) => {
    if (!values.name.trim()) return setError('name', { message: t('form.required', { field: t('wizard.name') }) }, { shouldFocus: true });
    try {
      const after = await update.mutateAsync({ associationId: details.id, ...associationInput(values) });
      reset(valuesOf(after));
      setOpen(false);
      setSaved(true);
    } catch (error) {
      showApiError(error, setError, associationFieldMap, t('app.unreachable'));
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
        <AssociationFields register={register} control={control} errors={errors} fiscalYearHint={t('settings.details.fiscalYearHint')} />
        <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('settings.details.save')}
          cancel={{ label: t('action.cancel'), onClick: () => { reset(valuesOf(details)); setOpen(false); } }} />
      </form>
    </section>
  );
}
