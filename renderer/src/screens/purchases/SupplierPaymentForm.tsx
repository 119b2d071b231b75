import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { OperationInput } from '../../../../shared/api';
import type { OpenPurchase } from '../../../../shared/operations/purchases';
import { formatAmount, subtractCentimos, sumCentimos } from '../../../../shared/money';
import { ApiCallError } from '../../api/client';
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
import { useCashAccounts } from '../sales/useCashAccounts';
import { purchaseDocumentWords } from './purchaseWords';

interface PayValues {
  purchaseIds: string[];
  amount: string;
  date: string;
  accountId: string;
  concept: string;
}

type PayRequest = OperationInput<'paySupplier'>;

/**
 * Paying one supplier: the purchases still owed, ticked to say which this money settles (none
 * ticked: the oldest due first), the amount proposed from the ticks. More than is owed asks
 * first, and says what stays as an advance to the supplier.
 */
export function SupplierPaymentForm({ partyId, onIssued }: { partyId: number; onIssued(voucherId: number): void }) {
  const t = useSettings().t;
  const associationId = useAssociationId();
  const open = useOperation('openPurchases', { associationId, partyId });
  const cash = useCashAccounts(associationId);
  const error = open.error ?? cash.error;
  if (error) return <ErrorAlert message={error.message} />;
  if (!open.data || !cash.accounts) return <p className="loading">{t('app.loading')}</p>;
  return <PayForm partyId={partyId} open={open.data} accounts={cash.accounts} onIssued={onIssued} />;
}

function PayForm({ partyId, open, accounts, onIssued }: {
  partyId: number;
  open: readonly OpenPurchase[];
  accounts: readonly { id: number; name: string; role: string | null }[];
  onIssued(voucherId: number): void;
}) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const pay = useWrite('paySupplier');
  const owed = sumCentimos(open.map((p) => p.open));
  // An amount above what is owed waits here until the treasurer confirms the advance it leaves.
  // `refusal` is the engine's own words when it counted an advance already paid that the form did not.
  const [overpayment, setOverpayment] = useState<{ request: PayRequest; refusal: string | null } | null>(null);
  const { register, handleSubmit, setError, setValue, getValues, setFocus, formState: { errors, isSubmitting } } = useForm<PayValues>({
    defaultValues: {
      purchaseIds: [], amount: owed > 0 ? formatAmount(owed) : '', date: formatDate(todayIso()),
      accountId: String(accounts.find((a) => a.role === 'cash')?.id ?? accounts[0]?.id ?? ''), concept: '',
    },
  });
  const proposeAmount = () => {
    const ticked = open.filter((p) => (getValues('purchaseIds') ?? []).includes(String(p.purchaseId)));
    const proposed = ticked.length > 0 ? sumCentimos(ticked.map((p) => p.open)) : owed;
    setValue('amount', proposed > 0 ? formatAmount(proposed) : '');
  };
  const send = async (request: PayRequest) => {
    try {
      const voucher = await pay.mutateAsync(request);
      onIssued(voucher.id);
    } catch (failure) {
      if (failure instanceof ApiCallError && failure.code === 'payment.exceedsOpen' && !request.confirmOverpayment) {
        return setOverpayment({ request, refusal: failure.message });
      }
      showApiError(failure, setError, { amount: 'amount', date: 'date', accountId: 'accountId', concept: 'concept', purchaseIds: 'purchaseIds' }, t('app.unreachable'));
    }
  };
  const submit = handleSubmit(async (values) => {
    const amount = readAmount(values.amount, locale);
    if (amount.error || amount.centimos === null) {
      return setError('amount', { message: amount.error ?? t('form.required', { field: t('purchase.paySupplier.amount') }) }, { shouldFocus: true });
    }
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const request: PayRequest = {
      associationId, partyId, date, amount: amount.centimos,
      accountId: values.accountId ? Number(values.accountId) : null,
      purchaseIds: values.purchaseIds.length > 0 ? values.purchaseIds.map(Number) : null,
      concept: values.concept.trim() || null,
    };
    if (amount.centimos > owed) return setOverpayment({ request, refusal: null });
    await send(request);
  });
  const confirm = async () => {
    const pending = overpayment;
    setOverpayment(null);
    if (pending) await send({ ...pending.request, confirmOverpayment: true });
  };
  const correct = () => {
    setOverpayment(null);
    setFocus('amount');
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('purchase.paySupplier.title')}>
      <p data-testid="pay-supplier-owed">{t('purchase.paySupplier.owes', { amount: formatMoney(owed) })}</p>
      {open.length === 0 ? <p>{t('purchase.paySupplier.noOpen')}</p> : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('purchase.paySupplier.col.pick')}</th><th>{t('purchase.paySupplier.col.purchase')}</th><th>{t('purchase.paySupplier.col.due')}</th>
              <th className="num">{t('purchase.paySupplier.col.total')}</th><th className="num">{t('purchase.paySupplier.col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((purchase) => {
              const words = `${purchaseDocumentWords(t, purchase.documentKind, purchase.documentNumber)} — ${formatDate(purchase.date)}`;
              return (
                <tr key={purchase.purchaseId}>
                  <td><input type="checkbox" value={purchase.purchaseId} aria-label={words} {...register('purchaseIds', { onChange: proposeAmount })} /></td>
                  <td>{words}</td>
                  <td>{formatDate(purchase.dueDate)}</td>
                  <td className="num">{formatMoney(purchase.total)}</td>
                  <td className="num">{formatMoney(purchase.open)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="field__hint">{t('purchase.paySupplier.ticksHint')}</p>
      <div className="form-row">
        <Field label={t('purchase.paySupplier.amount')} hint={t('form.amountHint')} error={errors.amount?.message}>
          <input type="text" inputMode="decimal" className="num big-input" {...register('amount')} />
        </Field>
        <DateField label={t('purchase.paySupplier.date')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('purchase.paySupplier.account')} error={errors.accountId?.message}>
          <select {...register('accountId')}>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </Field>
      </div>
      <Field label={t('purchase.paySupplier.concept')} hint={t('purchase.paySupplier.conceptHint')} error={errors.concept?.message}>
        <input type="text" {...register('concept')} />
      </Field>
      <FormActions error={errors.root?.message ?? errors.purchaseIds?.message} submitting={isSubmitting || pay.isPending}
        submitLabel={t('purchase.paySupplier.submit')} busyLabel={t('purchase.paySupplier.saving')} />
      {overpayment && (
        <Dialog title={t('purchase.paySupplier.over.title')} onClose={correct}>
          {overpayment.refusal ? <p>{overpayment.refusal}</p> : (
            <>
              <p>{t('purchase.paySupplier.over.owes', { amount: formatMoney(owed), paid: formatMoney(overpayment.request.amount) })}</p>
              <p className="notice" data-testid="pay-supplier-advance">
                <strong>{t('purchase.paySupplier.over.advance', { amount: formatMoney(subtractCentimos(overpayment.request.amount, owed)) })}</strong>
              </p>
            </>
          )}
          <div className="actions">
            <button type="button" className="button--primary" onClick={() => void confirm()}>{t('purchase.paySupplier.over.confirm')}</button>
            <button type="button" onClick={correct}>{t('purchase.paySupplier.over.correct')}</button>
          </div>
        </Dialog>
      )}
    </form>
  );
}
