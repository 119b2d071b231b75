import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import type { ContributionTypeView } from '../../../../shared/operations/contributions';

interface DuesValues {
  contributionTypeId: string;
  period: string;
  /** Blank: as the type says. */
  dueDate: string;
}

/** "03/2026" → "2026-03". */
export function parseMonth(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const month = Number(match[1]);
  return month >= 1 && month <= 12 ? `${match[2]}-${String(month).padStart(2, '0')}` : null;
}

/** Which message tells how many were created and skipped: Spanish and English have one and other. */
export function duesDoneMessage(t: ReturnType<typeof useT>, result: { created: number; total: number; skipped: number }): string {
  const created = t(result.created === 1 ? 'contrib.dues.created.one' : 'contrib.dues.created.other', {
    created: result.created, total: formatMoney(result.total),
  });
  const skipped = t(result.skipped === 1 ? 'contrib.dues.skipped.one' : 'contrib.dues.skipped.other', { skipped: result.skipped });
  return `${created} ${skipped}`;
}

export function GenerateDuesForm() {
  const associationId = useAssociationId();
  const types = useOperation('listContributionTypes', { associationId });
  const dues = (types.data ?? []).filter((type) => type.kind === 'ordinary_due' && !type.archived);
  // The form starts once the types are known, so its select begins on a real option: a default of ''
  // that no option carries is what left the Cuota list blank.
  if (dues.length === 0) return null;
  return <DuesForm dues={dues} />;
}

function DuesForm({ dues }: { dues: ContributionTypeView[] }) {
  const t = useT();
  const associationId = useAssociationId();
  const generate = useWrite('generateDues');
  const [done, setDone] = useState<string | null>(null);
  const today = todayIso();
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<DuesValues>({
    defaultValues: { contributionTypeId: String(dues[0]!.id), period: `${today.slice(5, 7)}/${today.slice(0, 4)}`, dueDate: '' },
  });
  const submit = handleSubmit(async (values) => {
    setDone(null);
    const type = dues.find((d) => d.id === Number(values.contributionTypeId));
    if (!type) return setError('contributionTypeId', { message: t('form.required', { field: t('contrib.dues.type') }) });
    const period = type.frequency === 'yearly' ? values.period.trim().slice(-4) : parseMonth(values.period);
    if (!period || !/^\d{4}(-\d{2})?$/.test(period)) return setError('period', { message: t('contrib.dues.periodInvalid') }, { shouldFocus: true });
    const dueDate = values.dueDate.trim() ? parseDisplayDate(values.dueDate) : null;
    if (values.dueDate.trim() && !dueDate) return setError('dueDate', { message: t('form.dateInvalid') }, { shouldFocus: true });
    try {
      const result = await generate.mutateAsync({ associationId, contributionTypeId: type.id, period, date: todayIso(), dueDate });
      const credit = result.creditApplied ? ` ${t('contrib.dues.creditApplied', { amount: formatMoney(result.creditApplied) })}` : '';
      setDone(duesDoneMessage(t, result) + credit);
    } catch (error) {
      showApiError(error, setError, { period: 'period', dueDate: 'dueDate', contributionTypeId: 'contributionTypeId' }, t('app.unreachable'));
    }
  });
  return (
    <section className="panel" aria-labelledby="generate-dues">
      <h2 id="generate-dues">{t('contrib.dues')}</h2>
      <p className="subtitle">{t('contrib.dues.explain')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <Field label={t('contrib.dues.type')} error={errors.contributionTypeId?.message}>
            <select {...register('contributionTypeId')}>
              {dues.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
            </select>
          </Field>
          <Field label={t('contrib.dues.period')} error={errors.period?.message}>
            <input type="text" inputMode="numeric" {...register('period')} />
          </Field>
          <Field label={t('contrib.dues.dueDate')} hint={t('contrib.dues.dueDateHint')} error={errors.dueDate?.message}>
            <input type="text" inputMode="numeric" {...register('dueDate')} />
          </Field>
        </div>
        <p className="subtitle">{t('contrib.dues.dated')}</p>
        <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('contrib.dues.submit')}>
          {done && <span role="status" className="alert--inline">{done}</span>}
        </FormActions>
      </form>
    </section>
  );
}
