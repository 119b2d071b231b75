import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useClient, useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';
import './statement.css';

/** The print route of a "Devolución de saldo a favor" (A5). */
export function creditRefundPrintRoute(refundId: number): string {
  return `/print/credit-refund?refundId=${refundId}`;
}

function VoidRefundForm({ refundId, onDone }: { refundId: number; onDone(): void }) {
  const t = useT();
  const voidRefund = useWrite('voidCreditRefund');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm({
    defaultValues: { date: formatDate(todayIso()), reason: '' },
  });
  const submit = handleSubmit(async ({ date, reason }) => {
    const iso = parseDisplayDate(date);
    if (!iso) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (!reason.trim()) return setError('reason', { message: t('form.required', { field: t('refund.voidReason') }) }, { shouldFocus: true });
    try {
      await voidRefund.mutateAsync({ refundId, date: iso, reason });
      onDone();
    } catch (error) {
      showApiError(error, setError, { date: 'date', reason: 'reason' }, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('refund.voidExplain')}</p>
      <div className="form-row">
        <DateField label={t('refund.voidDate')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('refund.voidReason')} error={errors.reason?.message}>
          <input type="text" {...register('reason')} />
        </Field>
      </div>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('refund.voidSubmit')} tone="danger"
        cancel={{ label: t('action.cancel'), onClick: onDone }} />
    </form>
  );
}

/**
 * A credit refund as issued: who received how much, from where and who handed it over; printing
 * and voiding with a reason (the number is kept, the credit comes back to the member).
 */
export function CreditRefundPanel({ refundId }: { refundId: number }) {
  const t = useT();
  const client = useClient();
  const refund = useOperation('getCreditRefund', { refundId });
  const [voiding, setVoiding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = refund.data;
  const print = async (target: 'printer' | 'pdf') => {
    if (!data) return;
    setMessage(null);
    setError(null);
    try {
      const answer = await client.print({
        route: creditRefundPrintRoute(refundId), paper: 'A5', target, suggestedName: `devolucion-${data.formattedNumber}.pdf`,
      });
      if (answer.ok && answer.path) setMessage(t('refund.saved', { path: answer.path }));
      else if (answer.ok) setMessage(target === 'pdf' ? t('printing.pdfInDialog') : t('refund.printed'));
      else if (answer.cancelled) setMessage(t('refund.cancelled'));
      else setError(answer.error.message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('app.unreachable'));
    }
  };
  if (!data) return <ErrorAlert message={refund.error?.message} />;
  return (
    <section className="panel receipt-panel" aria-labelledby={`refund-${refundId}`}>
      <h2 id={`refund-${refundId}`}>{t('refund.docTitle', { number: data.formattedNumber })}</h2>
      <p>{data.member.fullName}{data.member.dni ? ` — DNI ${data.member.dni}` : ''} · {formatDate(data.date)}</p>
      {data.voided && <p className="alert alert--error">{t('refund.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
      <p className="refund-panel__amount" data-testid="refund-amount">{formatMoney(data.amount)}</p>
      <p className="subtitle">{data.amountInWords}</p>
      <p>{t('refund.paidFrom', { account: moneyPlaceWords(t, data.accountKind, data.accountName) })}</p>
      <p>{t('refund.paidBy', { name: data.treasurerName ?? data.createdBy })}</p>
      <p>{t('refund.reasonShown', { reason: data.reason })}</p>
      <ErrorAlert message={error} />
      {message && <p role="status">{message}</p>}
      {voiding ? <VoidRefundForm refundId={refundId} onDone={() => setVoiding(false)} /> : (
        <div className="actions">
          <button type="button" className="button--primary" onClick={() => void print('printer')}>{t('refund.print')}</button>
          <button type="button" onClick={() => void print('pdf')}>{t('refund.pdf')}</button>
          {data.status === 'valid' && <button type="button" className="button--danger" onClick={() => setVoiding(true)}>{t('refund.void')}</button>}
        </div>
      )}
    </section>
  );
}
