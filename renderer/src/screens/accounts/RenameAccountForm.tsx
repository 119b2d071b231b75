import { useForm } from 'react-hook-form';
import type { AccountView } from '../../../../shared/results';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { showApiError } from '../../components/formErrors';

interface Props {
  associationId: number;
  account: AccountView;
  onDone(renamed: AccountView): void;
  onCancel(): void;
}

/** The name treasurers see; the official PCGE name stays as it was. */
export function RenameAccountForm({ associationId, account, onDone, onCancel }: Props) {
  const t = useT();
  const rename = useWrite('renameAccount');
  const { register, handleSubmit, setError, formState } = useForm<{ name: string }>({ defaultValues: { name: account.name } });
  const { errors } = formState;

  const submit = handleSubmit(async ({ name }) => {
    if (!name.trim()) {
      return setError('name', { message: t('form.required', { field: t('chart.rename.name') }) }, { shouldFocus: true });
    }
    try {
      onDone(await rename.mutateAsync({ associationId, accountId: account.id, name }));
    } catch (error) {
      showApiError(error, setError, { name: 'name' }, t('app.unreachable'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <h3 className="chart__form-title">{t('chart.rename.title', { code: account.code })}</h3>
      <Field label={t('chart.rename.name')} hint={t('chart.rename.hint')} error={errors.name?.message}>
        <input type="text" autoComplete="off" autoFocus {...register('name')} onFocus={(event) => event.target.select()} />
      </Field>
      <FormActions error={errors.root?.message} submitting={formState.isSubmitting} submitLabel={t('chart.rename.submit')}
        busyLabel={t('chart.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
