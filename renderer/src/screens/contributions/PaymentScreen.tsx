import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import { formatAmount } from '../../../../shared/money';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
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

function PaymentForm({ memberId, onReceipt }: { memberId: number; onReceipt(receiptId: number): void }) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const charges = useOperation('listCharges', { associationId, memberId, openOnly: true });
  const accounts = useOperation('listAccounts', { associationId });
  // Money comes into cash or a bank account (PCGE 10), never anywhere else.
  const cashAccounts = (accounts.data ?? []).filter((a) => a.postable && !a.archived && a.code.startsWith('10'));
  const pay = useWrite('recordPayment');
  const open = charges.data ?? [];
  const owed = open.reduce((sum, charge) => sum + charge.open, 0);
  const { register, handleSubmit, setError, control, formState: { errors, isSubmitting } } = useForm<PaymentValues>({
    values: { amount: owed > 0 ? formatAmount(owed) : '', date: formatDate(todayIso()), apply: 'oldest', chargeIds: [], accountId: String(cashAccounts.find((a) => a.role === 'cash')?.id ?? ''), note: '' },
  });
  const apply = useWatch({ control, name: 'apply' });
  const submit = handleSubmit(async (values) => {
    const amount = readAmount(values.amount, locale);
    if (amount.error || amount.centimos === null) {
      return setError('amount', { message: amount.error ?? t('form.required', { field: t('pay.amount') }) }, { shouldFocus: true });
    }
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (values.apply === 'chosen' && values.chargeIds.length === 0) return setError('root', { message: t('pay.pickOne') });
    try {
      const receipt = await pay.mutateAsync({
        associationId, memberId, date, amount: amount.centimos,
        apply: values.apply === 'oldest' ? 'oldest' : { chargeIds: values.chargeIds.map(Number) },
        accountId: values.accountId ? Number(values.accountId) : null,
        note: values.note.trim() || null,
      });
      onReceipt(receipt.id);
    } catch (error) {
      showApiError(error, setError, { amount: 'amount', date: 'date', accountId: 'accountId', note: 'note' }, t('app.unreachable'));
    }
  });
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
              <tr key={charge.id}>
                {apply === 'chosen' && (
                  <td><input type="checkbox" value={charge.id} aria-label={charge.description} {...register('chargeIds')} /></td>
                )}
                <td>{charge.description}</td>
                <td>{formatDate(charge.dueDate)}</td>
                <td className="num">{formatMoney(charge.open)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot><tr>{apply === 'chosen' && <td />}<td colSpan={2}>{t('pay.owes', { amount: formatMoney(owed) })}</td><td /></tr></tfoot>
        </table>
      )}
      <div className="form-row">
        <Field label={t('pay.amount')} hint={t('form.amountHint')} error={errors.amount?.message}>
          <input type="text" inputMode="decimal" className="num big-input" {...register('amount')} />
        </Field>
        <DateField label={t('pay.date')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('pay.account')} error={errors.accountId?.message}>
          <select {...register('accountId')}>
            {cashAccounts.map((a) => <option key={a.id} value={a.id}>{a.code} {a.name}</option>)}
          </select>
        </Field>
      </div>
      <fieldset className="radio-row">
        <legend>{t('pay.apply')}</legend>
        <label><input type="radio" value="oldest" {...register('apply')} /> {t('pay.apply.oldest')}</label>
        <label><input type="radio" value="chosen" {...register('apply')} /> {t('pay.apply.chosen')}</label>
      </fieldset>
      <Field label={t('pay.note')} error={errors.note?.message}>
        <input type="text" {...register('note')} />
      </Field>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('pay.submit')} busyLabel={t('pay.saving')} />
    </form>
  );
}

/** Collect from a member: see what they owe, take the money, hand over a numbered receipt. */
export function PaymentScreen() {
  const { t } = useSettings();
  const [params, setParams] = useSearchParams();
  const memberId = params.get('socio') ? Number(params.get('socio')) : null;
  const [receiptId, setReceiptId] = useState<number | null>(null);
  return (
    <section className="screen">
      <h1>{t('pay.title')}</h1>
      <ContributionsTabs />
      <div className="panel">
        <Field label={t('pay.member')}>
          <MemberSelect value={memberId} onChange={(id) => {
            setReceiptId(null);
            setParams(id ? { socio: String(id) } : {}, { replace: true });
          }} />
        </Field>
        {memberId !== null && receiptId === null && <PaymentForm key={memberId} memberId={memberId} onReceipt={setReceiptId} />}
      </div>
      {receiptId !== null && <ReceiptPanel receiptId={receiptId} />}
    </section>
  );
}

