import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { FiscalYearRow } from '../../../../shared/operations/closing';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PrintActions } from '../../components/PrintActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, formatMoney, todayIso } from '../../format/format';
import { closingPrintRoute } from '../../print/PrintClosing';

type T = ReturnType<typeof useT>;

/**
 * Cierre del año, in plain words: the years from the first record to today, the oldest ended year
 * still open offered for closing (with a confirmation that names its result), the newest closed
 * year offered for reopening (with a reason), and the latest closing to print. The engine keeps
 * the order and the dates; this only offers what it would accept.
 */
export function FiscalYearClosing({ associationId }: { associationId: number }) {
  const t = useT();
  const years = useOperation('listFiscalYearClosings', { associationId });
  const [closing, setClosing] = useState<FiscalYearRow | null>(null);
  const [reopening, setReopening] = useState<FiscalYearRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const rows = years.data ?? [];
  const today = todayIso();
  const toClose = [...rows].reverse().find((y) => y.status === 'open' && y.to < today) ?? null;
  const toReopen = rows.find((y) => y.status === 'closed') ?? null;
  const earliestOpen = [...rows].reverse().find((y) => y.status === 'open');
  const closable = toClose !== null && earliestOpen === toClose;

  return (
    <section className="settings__section" aria-labelledby="settings-closing">
      <h2 id="settings-closing">{t('closing.title')}</h2>
      <p>{t('closing.explain')}</p>
      <ErrorAlert message={years.error?.message} />
      {rows.length > 0 && (
        <table className="settings__years" data-testid="fiscal-years">
          <thead>
            <tr><th scope="col">{t('closing.year')}</th><th scope="col">{t('closing.period')}</th><th scope="col">{t('closing.state')}</th></tr>
          </thead>
          <tbody>
            {rows.map((year) => (
              <tr key={year.fiscalYear}>
                <th scope="row">{year.fiscalYear}</th>
                <td>{t('closing.range', { from: formatDate(year.from), to: formatDate(year.to) })}</td>
                <td>{stateOf(year, today, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        {closable && (
          <button type="button" className="button--primary" onClick={() => { setDone(null); setClosing(toClose); }}>
            {t('closing.close', { year: toClose.fiscalYear })}
          </button>
        )}
        {toReopen && (
          <button type="button" onClick={() => { setDone(null); setReopening(toReopen); }}>
            {t('closing.reopen', { year: toReopen.fiscalYear })}
          </button>
        )}
        <span role="status" className="settings__done">{done}</span>
      </div>
      {toReopen?.closing && (
        <>
          <p>{t('closing.printLatest', { year: toReopen.fiscalYear })}</p>
          <PrintActions route={closingPrintRoute(associationId, toReopen.fiscalYear, toReopen.closing.id)}
            suggestedName={`cierre-${toReopen.fiscalYear}.pdf`} />
        </>
      )}
      {closing && (
        <CloseDialog associationId={associationId} year={closing} onClose={() => setClosing(null)}
          onDone={() => { setClosing(null); setDone(t('closing.closed', { year: closing.fiscalYear })); }} />
      )}
      {reopening && (
        <ReopenDialog associationId={associationId} year={reopening} onClose={() => setReopening(null)}
          onDone={() => { setReopening(null); setDone(t('closing.reopened', { year: reopening.fiscalYear })); }} />
      )}
    </section>
  );
}

function stateOf(year: FiscalYearRow, today: string, t: T): string {
  if (year.closing) return t('closing.stateClosed', { date: formatDate(year.closing.date) });
  return year.to < today ? t('closing.stateOpen') : t('closing.stateRunning');
}

function CloseDialog({ associationId, year, onClose, onDone }: {
  associationId: number; year: FiscalYearRow; onClose(): void; onDone(): void;
}) {
  const t = useT();
  const preview = useOperation('getFiscalYearClosing', { associationId, fiscalYear: year.fiscalYear });
  const close = useWrite('closeFiscalYear');
  const [error, setError] = useState<string | null>(null);
  const result = preview.data?.result ?? 0;
  const amount = formatMoney(Math.abs(result));
  const summary = result > 0 ? t('closing.confirmSurplus', { year: year.fiscalYear, amount })
    : result < 0 ? t('closing.confirmDeficit', { year: year.fiscalYear, amount })
    : t('closing.confirmZero', { year: year.fiscalYear });
  const confirm = async () => {
    setError(null);
    try {
      await close.mutateAsync({ associationId, fiscalYear: year.fiscalYear });
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('app.unreachable'));
    }
  };
  return (
    <Dialog title={t('closing.confirmTitle', { year: year.fiscalYear })} onClose={onClose}>
      <ErrorAlert message={preview.error?.message} />
      {preview.isPending && <p className="loading">{t('app.loading')}</p>}
      {preview.data && (
        <>
          <p data-testid="closing-summary">{summary}</p>
          <p>{t('closing.confirmAfter', { from: formatDate(year.from), to: formatDate(year.to) })}</p>
        </>
      )}
      <ErrorAlert message={error} />
      <div className="actions">
        <button type="button" className="button--primary" disabled={!preview.data || close.isPending} onClick={() => void confirm()}>
          {close.isPending ? t('closing.closing') : t('closing.confirmSubmit')}
        </button>
        <button type="button" onClick={onClose}>{t('closing.cancel')}</button>
      </div>
    </Dialog>
  );
}

function ReopenDialog({ associationId, year, onClose, onDone }: {
  associationId: number; year: FiscalYearRow; onClose(): void; onDone(): void;
}) {
  const t = useT();
  const reopen = useWrite('reopenFiscalYear');
  const { register, handleSubmit, setError, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const closedOn = year.closing?.date ?? year.to;
  const submit = handleSubmit(async ({ reason }) => {
    if (reason.trim() === '') return setError('reason', { message: t('closing.reasonRequired') }, { shouldFocus: true });
    try {
      // Dated on the closing's own day: the reversal gives the year back its income and expenses.
      await reopen.mutateAsync({ associationId, fiscalYear: year.fiscalYear, date: closedOn, reason: reason.trim() });
      onDone();
    } catch (failure) {
      showApiError(failure, setError, { reason: 'reason' }, t('app.unreachable'));
    }
  });
  return (
    <Dialog title={t('closing.reopenTitle', { year: year.fiscalYear })} onClose={onClose}>
      <p>{t('closing.reopenExplain', { date: formatDate(closedOn) })}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('closing.reason')} error={formState.errors.reason?.message}>
          <input type="text" autoComplete="off" maxLength={500} {...register('reason')} />
        </Field>
        <FormActions error={formState.errors.root?.message} submitting={formState.isSubmitting} submitLabel={t('closing.reopenSubmit')}
          busyLabel={t('closing.reopening')} tone="danger" cancel={{ label: t('closing.cancel'), onClick: onClose }} />
      </form>
    </Dialog>
  );
}
