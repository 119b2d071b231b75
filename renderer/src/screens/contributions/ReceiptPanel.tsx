import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { PaperSize } from '../../../../shared/bridge';
import { useClient, useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';

function VoidForm({ receiptId, onDone }: { receiptId: number; onDone(): void }) {
  const t = useT();
  const voidReceipt = useWrite('voidReceipt');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm({
    defaultValues: { date: formatDate(todayIso()), reason: '' },
  });
  const submit = handleSubmit(async ({ date, reason }) => {
    const iso = parseDisplayDate(date);
    if (!iso) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (!reason.trim()) return setError('reason', { message: t('form.required', { field: t('receipt.voidReason') }) }, { shouldFocus: true });
    try {
      await voidReceipt.mutateAsync({ receiptId, date: iso, reason });
      onDone();
    } catch (error) {
      showApiError(error, setError, { date: 'date', reason: 'reason' }, t('app.unreachable'));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('receipt.voidExplain')}</p>
      <div className="form-row">
        <DateField label={t('receipt.voidDate')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('receipt.voidReason')} error={errors.reason?.message}>
          <input type="text" {...register('reason')} />
        </Field>
      </div>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('receipt.voidSubmit')} tone="danger"
        cancel={{ label: t('action.cancel'), onClick: onDone }} />
    </form>
  );
}

/**
 * A receipt as issued: its lines and total, printing (each paper print after the
 * first is a DUPLICADO; saving a PDF is not a print) and voiding with a reason (the number is kept).
 */
export function ReceiptPanel({ receiptId }: { receiptId: number }) {
  const t = useT();
  const client = useClient();
  const receipt = useOperation('getReceipt', { receiptId });
  const recordPrint = useWrite('recordReceiptPrint');
  const [voiding, setVoiding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = receipt.data;
  const print = async (paper: PaperSize, target: 'printer' | 'pdf') => {
    if (!data) return;
    setMessage(null);
    setError(null);
    try {
      // Only paper is a copy handed over: a saved PDF does not make the next paper copy a DUPLICADO.
      if (target === 'printer') await recordPrint.mutateAsync({ receiptId });
      const answer = await client.print({
        route: `/print/receipt?receiptId=${receiptId}&paper=${paper}`, paper, target,
        suggestedName: `recibo-${data.formattedNumber}.pdf`,
      });
      if (answer.ok && answer.path) setMessage(t('receipt.saved', { path: answer.path }));
      else if (answer.ok) setMessage(target === 'pdf' ? t('printing.pdfInDialog') : t('receipt.printed'));
      else if (answer.cancelled) setMessage(t('receipt.cancelled'));
      else setError(answer.error.message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('app.unreachable'));
    }
  };
  if (!data) return <ErrorAlert message={receipt.error?.message} />;
  return (
    <section className="panel receipt-panel" aria-labelledby={`receipt-${receiptId}`}>
      <h2 id={`receipt-${receiptId}`}>{t('receipt.title', { number: data.formattedNumber })}</h2>
      <p>{data.member.fullName}{data.member.dni ? ` — DNI ${data.member.dni}` : ''} · {formatDate(data.date)}</p>
      {data.voided && <p className="alert alert--error">{t('receipt.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
      <table className="data">
        <tbody>
          {data.lines.map((line) => (
            <tr key={line.lineNo}><td>{line.description}</td><td className="num">{formatMoney(line.amount)}</td></tr>
          ))}
        </tbody>
        <tfoot>
          <tr><td>{t('print.receipt.total')}</td><td className="num" data-testid="receipt-total">{formatMoney(data.total)}</td></tr>
        </tfoot>
      </table>
      <p className="subtitle">{data.totalInWords}</p>
      {/* A voided receipt paid nothing: no credit it created and no balance after it are left to show. */}
      {data.status === 'valid' && (
        <div data-testid="receipt-after">
          {data.creditCreated > 0 && <p>{t('receipt.credit', { amount: formatMoney(data.creditCreated) })}</p>}
          <p>{data.owedAfter > 0 ? t('receipt.pending', { amount: formatMoney(data.owedAfter) }) : t('receipt.settledAfter')}</p>
        </div>
      )}
      <p data-testid="receipt-account">{t('receipt.account', { account: moneyPlaceWords(t, data.accountKind, data.accountName) })}</p>
      {data.receivedBy && <p data-testid="receipt-received-by">{t('receipt.receivedBy', { name: data.receivedBy })}</p>}
      <ErrorAlert message={error} />
      {message && <p role="status">{message}</p>}
      {voiding ? <VoidForm receiptId={receiptId} onDone={() => setVoiding(false)} /> : (
        <div className="actions">
          <button type="button" className="button--primary" onClick={() => void print('A5', 'printer')}>{t('receipt.printA5')}</button>
          <button type="button" onClick={() => void print('ticket80', 'printer')}>{t('receipt.printTicket')}</button>
          <button type="button" onClick={() => void print('A5', 'pdf')}>{t('receipt.pdf')}</button>
          {data.status === 'valid' && <button type="button" className="button--danger" onClick={() => setVoiding(true)}>{t('receipt.void')}</button>}
        </div>
      )}
    </section>
  );
}
