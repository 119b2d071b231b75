import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';
import type { TrialBalancePeriod } from '../../print/trialBalanceRoute';
import { PrintActions } from '../../components/PrintActions';
import { ExportButtons } from '../../components/ExportButtons';
import { trialBalancePrintRoute } from '../../print/trialBalanceRoute';
import { TrialBalanceStatus, TrialBalanceTable, trialBalancePeriodLabel } from './TrialBalanceTable';

type DateErrors = { from?: string; to?: string };

/** The period the user typed becomes the one shown only on "Mostrar", so half-typed dates never hit the engine. */
export function TrialBalanceReport({ associationId }: { associationId: number }) {
  const t = useT();
  const titleId = useId();
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState(() => formatDate(todayIso()));
  const [period, setPeriod] = useState<TrialBalancePeriod>(() => ({ from: null, to: todayIso() }));
  const [dateErrors, setDateErrors] = useState<DateErrors>({});
  const balance = useOperation('trialBalance', { associationId, ...period }, { placeholderData: keepPreviousData });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const from = fromText.trim() === '' ? null : parseDisplayDate(fromText);
    const to = parseDisplayDate(toText);
    const errors: DateErrors = {};
    if (fromText.trim() !== '' && from === null) errors.from = t('form.dateInvalid');
    if (to === null) errors.to = toText.trim() === '' ? t('form.required', { field: t('trialBalance.to') }) : t('form.dateInvalid');
    setDateErrors(errors);
    if (to !== null && !errors.from) setPeriod({ from, to });
  };

  // The engine's refusal (e.g. "from" after "to") goes next to the date it names.
  const engineError = balance.error;
  const fieldError = (field: 'from' | 'to') => dateErrors[field] ?? (engineError?.field === field ? engineError.message : undefined);
  const otherError = engineError && engineError.field !== 'from' && engineError.field !== 'to' ? engineError.message : null;
  const data = balance.isError ? undefined : balance.data;

  return (
    <section className="reports__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('trialBalance.title')}</h2>
      <p>{t('trialBalance.lead')}</p>
      <form className="reports__period" onSubmit={apply} noValidate>
        <Field label={t('trialBalance.from')} hint={t('trialBalance.fromHint')} error={fieldError('from')}>
          <input type="text" inputMode="numeric" autoComplete="off" placeholder={t('form.dateHint')} value={fromText} onChange={(event) => setFromText(event.target.value)} />
        </Field>
        <Field label={t('trialBalance.to')} hint={t('form.dateHint')} error={fieldError('to')}>
          <input type="text" inputMode="numeric" autoComplete="off" value={toText} onChange={(event) => setToText(event.target.value)} />
        </Field>
        <button type="submit" className="button--primary">{t('trialBalance.show')}</button>
      </form>
      <ErrorAlert message={otherError} />
      {data && (
        <>
          <div className="reports__heading">
            <p className="reports__period-label">
              {trialBalancePeriodLabel(t, period)}
              {' · '}
              {t('reports.amounts')}
            </p>
            <PrintActions route={trialBalancePrintRoute(associationId, period)} suggestedName={`balance-de-comprobacion-${period.to}.pdf`} />
            <ExportButtons request={{ report: 'trialBalance', params: { associationId, from: period.from, to: period.to } }} />
          </div>
          <TrialBalanceStatus balance={data} />
          {data.rows.length === 0 ? (
            <p className="notice">{t('trialBalance.empty')}</p>
          ) : (
            <div className="reports__table">
              <TrialBalanceTable balance={data} showOpening={period.from !== null} labelledBy={titleId} />
            </div>
          )}
        </>
      )}
      {balance.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
