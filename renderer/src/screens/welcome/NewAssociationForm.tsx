import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { AssociationFields, associationFieldMap, associationInput, type AssociationFieldValues } from './AssociationFields';

export function NewAssociationForm({ onCancel }: { onCancel(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useWrite('createAssociation');
  const { register, control, handleSubmit, setError, formState } = useForm<AssociationFieldValues>({
    defaultValues: { name: '', ruc: '', legalForm: 'asociacion', ubigeo: '', address: '', registryEntry: '', mainProducts: '', fiscalYearStartMonth: '1' },
  });
  const { errors } = formState;

  const submit = handleSubmit(async (values) => {
    if (!values.name.trim()) return setError('name', { message: t('form.required', { field: t('wizard.name') }) }, { shouldFocus: true });
    try {
      const { id } = await create.mutateAsync(associationInput(values));
      void navigate(`/a/${id}/inicio`);
    } catch (error) {
      showApiError(error, setError, associationFieldMap, t('app.unreachable'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <AssociationFields register={register} control={control} errors={errors} autoFocusName />
      <FormActions error={errors.root?.message} submitting={formState.isSubmitting} submitLabel={t('wizard.submit')}
        busyLabel={t('wizard.creating')} cancel={{ label: t('action.back'), onClick: onCancel }} />
    </form>
  );
}
