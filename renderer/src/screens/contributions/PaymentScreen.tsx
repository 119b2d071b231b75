import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { OpenChargePosition } from '../../../../shared/operations/contributions';
import type { OperationInput } from '../../../../shared/api';
import { addCentimos, formatAmount, subtractCentimos, sumCentimos } from '../../../../shared/money';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { CreditRefundDialog } from '../statement/CreditRefundDialog';
import { CreditRefundPanel } from '../statement/CreditRefundPanel';
import { MemberFigures } from '../statement/MemberFigures';
import { ContributionsTabs } from './ContributionsTabs';
import { MemberSelect } from './MemberSelect';
import { ReceiptPanel } from './ReceiptPanel';

interface PaymentValues {
  amount: string;
  date: string;
  apply: 'oldest' | 'chosen';
  chargeIds: string[];
  accountId: string;
  note: string;
}

type PaymentRequest = OperationInput<'recordPayment'>;

/** What the ticked rows add up to: "solo lo marcado" collects exactly that. */
function tickedTotal(open: readonly OpenChargePosition[], chargeIds: readonly string[]): number {
  return sumCentimos(open.filter((charge) => chargeIds.includes(String(charge.chargeId))).map((charge) => charge.open));
}

/** The form, once the member's position, open charges and the cash and bank accounts are known. */
function PaymentForm({ memberId, owed, creditAvailable, open, cashAccounts, onReceipt }: {
  memberId: number;
  owed: number;
  creditAvailable: number;
  open: readonly OpenChargePosition[];
  cashAccounts: readonly { id: number; name: string; role: string | null }[];
  onReceipt(receiptId: number): void;
}) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const pay = useWrite('recordPayment');
  // An amount above what is owed waits here until the treasurer confirms the credit it leaves.
  const [overpayment, setOverpayment] = useState<PaymentRequest | null>(null);
  const { register, handleSubmit, setError, setValue, getValues, watch, setFocus, formState: { errors, isSubmitting } } = useForm<PaymentValues>({
    defaultValues: {
      amount: owed > 0 ? formatAmount(owed) : '', date: formatDate(todayIso()), apply: 'oldest', chargeIds: [],
      accountId: String(cashAccounts.find((a) => a.role === 'cash')?.id ?? cashAccounts[0]?.id ?? ''), note: '',
    },
  });
  const apply = watch('apply');

  // Ticking a row, or choosing how to apply the money, proposes the amount that matches it.
  const proposeAmount = () => {
    const values = getValues();
    const proposed = values.apply === 'chosen' ? tickedTotal(open, values.chargeIds ?? []) : owed;
    setValue('amount', proposed > 0 ? formatAmount(proposed) : '', { shouldValidate: false });
  };

  const record = async (request: PaymentRequest) => {
    try {
      const receipt = await pay.mutateAsync(request);
      onReceipt(receipt.id);
    } catch (error) {
      showApiError(error, setError, { amount: 'amount', date: 'date', accountId: 'accountId', note: 'note' }, t('app.unreachable'));
    }
  };

  const submit = handleSubmit(async (values) => {
    const amount = readAmount(values.amount, locale);
    if (amount.error || amount.centimos === null) {
      return setError('amount', { message: amount.error ?? t('form.required', { field: t('pay.amount') }) }, { shouldFocus: true });
    }
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (values.apply === 'chosen' && values.chargeIds.length === 0) return setError('root', { message: t('pay.pickOne') });
    const request: PaymentRequest = {
      associationId, memberId, date, amount: amount.centimos,
      apply: values.apply === 'oldest' ? 'oldest' : { chargeIds: values.chargeIds.map(Number) },
      accountId: values.accountId ? Number(values.accountId) : null,
      note: values.note.trim() || null,
    };
    if (amount.centimos > owed) return setOverpayment(request);
    await record(request);
  });

  const confirmOverpayment = async () => {
    const request = overpayment;
    setOverpayment(null);
    if (request) await record(request);
  };
  const correctAmount = () => {
    setOverpayment(null);
    setFocus('amount');
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('pay.open')}</h2>
      {open.length === 0 ? <p>{t('pay.noOpen')}</p> : (
        <table className="data">
          <thead>
            <tr>
              {apply === 'chosen' && <th>{t('pay.col.pick')}</th>}
              <th>{t('pay.col.concept')}</th>
              <th>{t('pay.col.due')}</th>
              <th className="num">{t('pay.col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((charge) => (
              <tr key={charge.chargeId}>
                {apply === 'chosen' && (
                  <td>
                    <input type="checkbox" value={charge.chargeId} aria-label={charge.description}
                      {...register('chargeIds', { onChange: proposeAmount })} />
                  </td>
                )}
                <td>{charge.description}</td>
                <td>{formatDate(charge.dueDate)}</td>
                <td className="num">{formatMoney(charge.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-row">
        <Field label={t('pay.amount')} hint={apply === 'chosen' ? t('pay.amountTicked') : t('form.amountHint')} error={errors.amount?.message}>
          <input type="text" inputMode="decimal" className="num big-input" {...register('amount')} />
        </Field>
        <DateField label={t('pay.date')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('pay.account')} error={errors.accountId?.message}>
          <select {...register('accountId')}>
            {cashAccounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </Field>
      </div>
      <fieldset className="radio-row">
        <legend>{t('pay.apply')}</legend>
        <label><input type="radio" value="oldest" {...register('apply', { onChange: proposeAmount })} /> {t('pay.apply.oldest')}</label>
        <label><input type="radio" value="chosen" {...register('apply', { onChange: proposeAmount })} /> {t('pay.apply.chosen')}</label>
      </fieldset>
      <Field label={t('pay.note')} error={errors.note?.message}>
        <input type="text" {...register('note')} />
      </Field>
      <FormActions error={errors.root?.message} submitting={isSubmitting || pay.isPending} submitLabel={t('pay.submit')} busyLabel={t('pay.saving')} />
      {overpayment && (
        <Dialog title={t('pay.over.title')} onClose={correctAmount}>
          <p>{t('pay.over.owes', { amount: formatMoney(owed), received: formatMoney(overpayment.amount) })}</p>
          <p className="notice" data-testid="pay-over-credit">
            <strong>{t('pay.over.credit', { amount: formatMoney(addCentimos(creditAvailable, subtractCentimos(overpayment.amount, owed))) })}</strong>
          </p>
          <p>{t('pay.over.refundable')}</p>
          <div className="actions">
            <button type="button" className="button--primary" onClick={() => void confirmOverpayment()}>{t('pay.over.confirm')}</button>
            <button type="button" onClick={correctAmount}>{t('pay.over.correct')}</button>
          </div>
        </Dialog>
      )}
    </form>
  );
}

/**
 * Reads what the form needs. The member's figures and open charges come from the engine's one
 * position (memberPosition), never from a local sum, so Cobrar says what the statement says.
 */
function MemberPayment({ memberId, onReceipt, onRefund }: { memberId: number; onReceipt(receiptId: number): void; onRefund(refundId: number): void }) {
  const t = useSettings().t;
  const associationId = useAssociationId();
  const position = useOperation('memberPosition', { associationId, memberId, asOf: todayIso() });
  const accounts = useOperation('listAccounts', { associationId });
  const [refunding, setRefunding] = useState(false);
  const error = position.error ?? accounts.error;
  if (error) return <ErrorAlert message={error.message} />;
  if (!position.data || !accounts.data) return <p className="loading">{t('app.loading')}</p>;
  // Money comes into cash or a bank account (PCGE 10), never anywhere else.
  const cashAccounts = accounts.data.filter((a) => a.postable && !a.archived && a.code.startsWith('10'));
  const figures = position.data;
  return (
    <>
      <MemberFigures position={figures} onRefund={figures.creditAvailable > 0 ? () => setRefunding(true) : undefined} />
      <PaymentForm memberId={memberId} owed={figures.owed} creditAvailable={figures.creditAvailable}
        open={figures.openCharges} cashAccounts={cashAccounts} onReceipt={onReceipt} />
      {refunding && (
        <CreditRefundDialog memberId={memberId} creditAvailable={figures.creditAvailable} onClose={() => setRefunding(false)}
          onRefunded={(refundId) => { setRefunding(false); onRefund(refundId); }} />
      )}
    </>
  );
}

type Issued = { kind: 'receipt'; id: number } | { kind: 'refund'; id: number } | null;

/** Collect from a member: see what they owe, take the money, hand over a numbered receipt. */
export function PaymentScreen() {
  const { t } = useSettings();
  const [params, setParams] = useSearchParams();
  const memberId = params.get('socio') ? Number(params.get('socio')) : null;
  const [issued, setIssued] = useState<Issued>(null);
  return (
    <section className="screen">
      <h1>{t('pay.title')}</h1>
      <ContributionsTabs />
      <div className="panel">
        <Field label={t('pay.member')}>
          <MemberSelect includeWithBalance value={memberId} onChange={(id) => {
            setIssued(null);
            setParams(id ? { socio: String(id) } : {}, { replace: true });
          }} />
        </Field>
        {memberId !== null && issued === null && (
          <MemberPayment key={memberId} memberId={memberId}
            onReceipt={(id) => setIssued({ kind: 'receipt', id })} onRefund={(id) => setIssued({ kind: 'refund', id })} />
        )}
      </div>
      {issued?.kind === 'receipt' && <ReceiptPanel receiptId={issued.id} />}
      {issued?.kind === 'refund' && <CreditRefundPanel refundId={issued.id} />}
    </section>
  );
}
