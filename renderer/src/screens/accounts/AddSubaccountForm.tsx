import { useForm } from 'react-hook-form';
import type { AccountView } from '../../../../shared/results';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { showApiError } from '../../components/formErrors';

interface Values {
  code: string;
  name: string;
}

interface Props {
  associationId: number;
  parent: AccountView;
  onDone(added: AccountView): void;
  onCancel(): void;
}

/** Code and name; the engine checks the code (digits, starts with the parent's) and answers next to the field. */
export function AddSubaccountForm({ associationId, parent, onDone, onCancel }: Props) {
  const t = useT();
  const add = useWrite('addAccount');
  // The parent's code is already typed: the user only adds the digits of the new account.
  const { register, handleSubmit, setError, formState } = useForm<Values>({ defaultValues: { code: parent.code, name: '' } });
  const { errors } = formState;

  const submit = handleSubmit(async (values) => {
    if (!values.name.trim()) {
      return setError('name', { message: t('form.required', { field: t('chart.add.name') }) }, { shouldFocus: true });
    }
    try {
      onDone(await add.mutateAsync({ associationId, parentCode: parent.code, code: values.code, name: values.name }));
    } catch (error) {
      showApiError(error, setError, { code: 'code', name: 'name' }, t('app.unreachable'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <h3 className="chart__form-title">{t('chart.add.title', { code: parent.code })}</h3>
      {parent.postable && <p className="notice">{t('chart.add.postableParent', { code: parent.code })}</p>}
      <Field
        label={t('chart.add.code')}
        hint={t('chart.add.codeHint', { code: parent.code, example: `${parent.code}01` })}
        error={errors.code?.message}
      >
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          {...register('code')}
          onFocus={(event) => event.target.setSelectionRange(event.target.value.length, event.target.value.length)}
        />
      </Field>
      <Field label={t('chart.add.name')} error={errors.name?.message}>
        <input type="text" autoComplete="off" {...register('name')} />
      </Field>
      <FormActions error={errors.root?.message} submitting={formState.isSubmitting} submitLabel={t('chart.add.submit')}
        busyLabel={t('chart.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
