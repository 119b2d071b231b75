import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useT } from '../../app/settings';
import { Field } from '../../components/Field';
import type { MessageKey } from '../../i18n/messages';
import { PlacePicker } from './PlacePicker';

export const legalForms = ['asociacion', 'cooperativa', 'comite', 'comunidad', 'otra'] as const;
export type LegalForm = (typeof legalForms)[number];

/** The association's details as the form holds them: text in every box, products comma-separated. */
export interface AssociationFieldValues {
  name: string;
  ruc: string;
  legalForm: LegalForm;
  ubigeo: string;
  address: string;
  registryEntry: string;
  mainProducts: string;
  fiscalYearStartMonth: string;
}

/** The engine names the same fields the form does, so a refusal lands on its own box. */
export const associationFieldMap = {
  name: 'name', ruc: 'ruc', legalForm: 'legalForm', ubigeo: 'ubigeo', address: 'address',
  registryEntry: 'registryEntry', mainProducts: 'mainProducts', fiscalYearStartMonth: 'fiscalYearStartMonth',
} as const;

/** What the form holds, as createAssociation and updateAssociation take it: blanks become null. */
export const associationInput = (values: AssociationFieldValues) => ({
  name: values.name,
  ruc: values.ruc.trim() || null,
  legalForm: values.legalForm,
  ubigeo: values.ubigeo,
  address: values.address.trim() || null,
  registryEntry: values.registryEntry.trim() || null,
  mainProducts: values.mainProducts.split(',').map((p) => p.trim()).filter(Boolean),
  fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
});

interface AssociationFieldsProps {
  register: UseFormRegister<AssociationFieldValues>;
  control: Control<AssociationFieldValues>;
  errors: FieldErrors<AssociationFieldValues>;
  /** The welcome form starts on the name; the settings form opens on a button the user just pressed. */
  autoFocusName?: boolean;
  /** Settings explains when the fiscal-year start can still change; a new association has nothing recorded yet. */
  fiscalYearHint?: string;
}

/** The association's details (name, RUC, legal form, district, address, registry entry, products, fiscal year). */
export function AssociationFields({ register, control, errors, autoFocusName = false, fiscalYearHint }: AssociationFieldsProps) {
  const t = useT();
  return (
    <>
      <Field label={t('wizard.name')} error={errors.name?.message}>
        <input type="text" autoFocus={autoFocusName} {...register('name')} />
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
        <Field label={t('wizard.fiscalYearStart')} hint={fiscalYearHint} error={errors.fiscalYearStartMonth?.message}>
          <select {...register('fiscalYearStartMonth')}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
              <option key={month} value={month}>{t(`month.${month}` as MessageKey)}</option>
            ))}
          </select>
        </Field>
      </div>
    </>
  );
}
