import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { Link } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { AccountPicker } from '../../components/AccountPicker';
import { FormActions } from '../../components/FormActions';
import { DateField, Field } from '../../components/Field';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';
import { formatEntryNumber } from '../journal/entryNumber';
import { BalanceIndicator } from './BalanceIndicator';
import { readAmount } from '../../format/amounts';
import { loadLastAccounts, saveLastAccounts } from './lastAccounts';

interface EntryLineValues {
  accountId: number | null;
  debit: string;
  credit: string;
  memo: string;
}

export interface EntryValues {
  date: string;
  description: string;
  lines: EntryLineValues[];
}

const emptyLine = (accountId: number | null = null): EntryLineValues => ({ accountId, debit: '', credit: '', memo: '' });

/** Today, no amounts, and the accounts of the last entry typed here (at least two lines). */
function freshEntry(lastAccounts: readonly number[]): EntryValues {
  const accounts = lastAccounts.length >= 2 ? lastAccounts : [null, null];
  return { date: formatDate(todayIso()), description: '', lines: accounts.map((id) => emptyLine(id)) };
}

/** Engine field paths → this form's fields: a line's signed `amount` is typed as debit or credit. */
function formField(apiField: string): Path<EntryValues> | undefined {
  if (apiField === 'date' || apiField === 'description') return apiField;
  const line = /^lines\.(\d+)\.(accountId|amount|memo)$/.exec(apiField);
  if (!line) return undefined;
  const part = line[2] === 'amount' ? 'debit' : (line[2] as 'accountId' | 'memo');
  return `lines.${Number(line[1])}.${part}`;
}

export function ManualEntryScreen() {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const accounts = useOperation('listAccounts', { associationId });
  const postable = (accounts.data ?? []).filter((a) => a.postable && !a.archived);
  const post = useWrite('postEntry');
  const [posted, setPosted] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, reset, formState: { errors, isSubmitting } } = useForm<EntryValues>({
    defaultValues: freshEntry(loadLastAccounts(associationId)),
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'lines' });
  const lines = useWatch({ control, name: 'lines' });

  const submit = handleSubmit(async (values) => {
    setPosted(null);
    let valid = true;
    const fail = (field: Path<EntryValues>, message: string) => {
      if (valid) setError(field, { message }, { shouldFocus: true });
      else setError(field, { message });
      valid = false;
    };
    const date = parseDisplayDate(values.date);
    if (!date) fail('date', t('form.dateInvalid'));
    if (!values.description.trim()) fail('description', t('form.required', { field: t('entry.description') }));
    const apiLines = values.lines.map((line, index) => {
      const debit = readAmount(line.debit, locale);
      const credit = readAmount(line.credit, locale);
      if (line.accountId === null) fail(`lines.${index}.accountId`, t('newEntry.accountRequired'));
      if (debit.error) fail(`lines.${index}.debit`, debit.error);
      else if (credit.error) fail(`lines.${index}.credit`, credit.error);
      else if (debit.centimos !== null && credit.centimos !== null) fail(`lines.${index}.debit`, t('newEntry.bothSides'));
      else if (debit.centimos === null && credit.centimos === null) fail(`lines.${index}.debit`, t('newEntry.amountRequired'));
      return { accountId: line.accountId ?? 0, amount: (debit.centimos ?? 0) - (credit.centimos ?? 0), memo: line.memo.trim() || null };
    });
    if (!valid || !date) return;
    try {
      const result = await post.mutateAsync({ associationId, date, description: values.description, lines: apiLines });
      setPosted(formatEntryNumber(result));
      // Keep the date: entries are usually typed in batches for the same day.
      const used = apiLines.map((line) => line.accountId);
      saveLastAccounts(associationId, used);
      reset({ ...freshEntry(used), date: values.date });
    } catch (error) {
      showApiError(error, setError, formField, t('app.unreachable'));
    }
  });

  return (
    <section className="screen">
      <h1>{t('newEntry.title')}</h1>
      <p className="subtitle">{t('newEntry.lead')}</p>
      {posted && (
        <p className="alert alert--ok" role="status">
          {t('newEntry.posted', { number: posted })} <Link to="../diario">{t('newEntry.viewJournal')}</Link>
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <DateField label={t('entry.date')} error={errors.date?.message} registration={register('date')} />
          <Field label={t('entry.description')} error={errors.description?.message}>
            <input type="text" {...register('description')} />
          </Field>
        </div>
        <fieldset className="entry-lines">
          <legend>{t('newEntry.lines')}</legend>
          <div className="entry-line entry-line--head" aria-hidden="true">
            <span>{t('entry.col.account')}</span>
            <span className="num">{t('entry.col.debit')}</span>
            <span className="num">{t('entry.col.credit')}</span>
            <span>{t('entry.col.memo')}</span>
            <span />
          </div>
          {fields.map((field, index) => {
            const line = index + 1;
            const lineErrors = errors.lines?.[index];
            return (
              <div className="entry-line" key={field.id}>
                <Controller control={control} name={`lines.${index}.accountId`} render={({ field: picker }) => (
                  <Field label={t('newEntry.account', { line })} error={lineErrors?.accountId?.message}>
                    <AccountPicker accounts={postable} value={picker.value} onChange={picker.onChange} ref={picker.ref} />
                  </Field>
                )} />
                <Field label={t('newEntry.debit', { line })} error={lineErrors?.debit?.message}>
                  <input type="text" inputMode="decimal" className="num" placeholder="0.00" {...register(`lines.${index}.debit`)} />
                </Field>
                <Field label={t('newEntry.credit', { line })} error={lineErrors?.credit?.message}>
                  <input type="text" inputMode="decimal" className="num" placeholder="0.00" {...register(`lines.${index}.credit`)} />
                </Field>
                <Field label={t('newEntry.memo', { line })} error={lineErrors?.memo?.message}>
                  <input type="text" {...register(`lines.${index}.memo`)} />
                </Field>
                <button type="button" className="entry-line__remove" disabled={fields.length <= 2}
                  aria-label={t('newEntry.removeLine', { line })} onClick={() => remove(index)}>×</button>
              </div>
            );
          })}
          <button type="button" onClick={() => append(emptyLine())}>{t('newEntry.addLine')}</button>
        </fieldset>
        <BalanceIndicator lines={lines} />
        <FormActions error={errors.root?.message ?? errors.lines?.root?.message ?? errors.lines?.message} submitting={isSubmitting}
          submitLabel={t('newEntry.submit')} busyLabel={t('newEntry.saving')} />
      </form>
    </section>
  );
}
