import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { PrintActions } from '../../components/PrintActions';
import { statementPath } from '../statement/routes';
import { ArrearsTable } from './ArrearsTable';
import { arrearsPrintRoute } from './routes';
import './arrears.css';

/** Morosidad: who owes overdue dues at a date, by age of the debt, for the assembly. */
export function ArrearsScreen() {
  const associationId = useAssociationId();
  return <ArrearsReportView key={associationId} associationId={associationId} />;
}

function ArrearsReportView({ associationId }: { associationId: number }) {
  const t = useT();
  const titleId = useId();
  const [asOfText, setAsOfText] = useState(() => formatDate(todayIso()));
  const [asOf, setAsOf] = useState(() => todayIso());
  const [dateError, setDateError] = useState<string | undefined>();
  const report = useOperation('arrears', { associationId, asOf }, { placeholderData: keepPreviousData });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDisplayDate(asOfText);
    if (parsed === null) {
      setDateError(asOfText.trim() === '' ? t('form.required', { field: t('arrears.asOf') }) : t('form.dateInvalid'));
      return;
    }
    setDateError(undefined);
    setAsOf(parsed);
  };

  const engineError = report.error;
  const fieldError = dateError ?? (engineError?.field === 'asOf' ? engineError.message : undefined);
  const otherError = engineError && engineError.field !== 'asOf' ? engineError.message : null;
  const data = report.isError ? undefined : report.data;

  return (
    <section className="screen arrears" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('arrears.title')}</h1>
      <p className="subtitle">{t('arrears.lead')}</p>
      <form className="arrears__period" onSubmit={apply} noValidate>
        <Field label={t('arrears.asOf')} hint={t('form.dateHint')} error={fieldError}>
          <input type="text" inputMode="numeric" autoComplete="off" value={asOfText} onChange={(event) => setAsOfText(event.target.value)} />
        </Field>
        <button type="submit" className="button--primary">{t('arrears.show')}</button>
      </form>
      <ErrorAlert message={otherError} />
      {data && (
        <>
          <div className="arrears__heading">
            <p className="arrears__as-of" data-testid="arrears-as-of">{t('arrears.asOfLabel', { date: formatDate(data.asOf) })}</p>
            <PrintActions route={arrearsPrintRoute(associationId, data.asOf)} suggestedName={`morosos-${data.asOf}.pdf`} />
          </div>
          {data.rows.length === 0 ? (
            <p className="notice" data-testid="arrears-empty">{t('arrears.empty', { date: formatDate(data.asOf) })}</p>
          ) : (
            <>
              <div className="cards" data-testid="arrears-summary">
                <div className="card">
                  <div className="card__label">{t('arrears.totalOverdue')}</div>
                  <div className="card__figure">{formatMoney(data.totals.total)}</div>
                </div>
                <div className="card">
                  <div className="card__label">{t('arrears.membersCount')}</div>
                  <div className="card__figure">{data.rows.length}</div>
                </div>
              </div>
              <div className="arrears__table">
                <ArrearsTable report={data} labelledBy={titleId} memberLink={(row) => statementPath(associationId, row.memberId)} />
              </div>
            </>
          )}
        </>
      )}
      {report.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
