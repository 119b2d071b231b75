import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { OperationInput } from '../../../../shared/api';
import { formatAmount, subtractCentimos } from '../../../../shared/money';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { Dialog } from '../../components/Dialog';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';

interface RefundValues {
  amount: string;
  date: string;
  accountId: string;
  reason: string;
}

type RefundRequest = OperationInput<'refundCredit'>;

/**
 * Return a member's credit in favour in cash: fill in, review what will be handed over and what
 * credit is left, then record the numbered "Devolución de saldo a favor". Nothing is written
 * until the treasurer confirms.
 */
export function CreditRefundDialog({ memberId, creditAvailable, onClose, onRefunded }: {
  memberId: number;
  creditAvailable: number;
  onClose(): void;
  onRefunded(refundId: number): void;
}) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const member = useOperation('getMember', { associationId, memberId });
  const accounts = useOperation('listAccounts', { associationId });
  const refund = useWrite('refundCredit');
  const [review, setReview] = useState<RefundRequest | null>(null);
  // Money goes out of the cash box or a bank account (PCGE 10), nowhere else.
  const cashAccounts = (accounts.data ?? []).filter((a) => a.postable && !a.archived && a.code.startsWith('10'));
  const defaultAccount = String(cashAccounts.find((a) => a.role === 'cash')?.id ?? cashAccounts[0]?.id ?? '');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<RefundValues>({
    values: { amount: formatAmount(creditAvailable), date: formatDate(todayIso()), accountId: defaultAccount, reason: '' },
    resetOptions: { keepDirtyValues: true },
  });
  const memberName = member.data?.fullName ?? '';
  const accountName = (accountId: number | null | undefined) => cashAccounts.find((a) => a.id === accountId)?.name ?? '';

  const toReview = handleSubmit((values) => {
    const amount = readAmount(values.amount, locale);
    if (amount.error || amount.centimos === null) {
      return setError('amount', { message: amount.error ?? t('form.required', { field: t('refund.amount') }) }, { shouldFocus: true });
    }
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const reason = values.reason.trim();
    if (!reason) return setError('reason', { message: t('form.required', { field: t('refund.reason') }) }, { shouldFocus: true });
    setReview({
      associationId, memberId, date, amount: amount.centimos,
      accountId: values.accountId ? Number(values.accountId) : null,
      reason,
    });
  });

  const confirm = async () => {
    if (!review) return;
    try {
      const document = await refund.mutateAsync(review);
      onRefunded(document.id);
    } catch (error) {
      setReview(null);
      showApiError(error, setError, { amount: 'amount', date: 'date', accountId: 'accountId', reason: 'reason' }, t('app.unreachable'));
    }
  };

  return (
    <Dialog title={t('refund.title')} onClose={onClose}>
      {review ? (
        <div data-testid="refund-review">
          <p>{t('refund.confirm.question', { amount: formatMoney(review.amount), name: memberName, account: accountName(review.accountId) })}</p>
          <p className="notice">{t('refund.confirm.after', { amount: formatMoney(Math.max(0, subtractCentimos(creditAvailable, review.amount))) })}</p>
          <div className="actions">
            <button type="button" className="button--primary" disabled={refund.isPending} onClick={() => void confirm()}>
              {refund.isPending ? t('refund.saving') : t('refund.confirm.yes', { amount: formatMoney(review.amount) })}
            </button>
            <button type="button" onClick={() => setReview(null)}>{t('refund.confirm.back')}</button>
          </div>
        </div>
      ) : (
        <form onSubmit={toReview} noValidate>
          <p>{t('refund.explain')}</p>
          <p><strong>{t('refund.available', { name: memberName, amount: formatMoney(creditAvailable) })}</strong></p>
          <div className="form-row">
            <Field label={t('refund.amount')} hint={t('form.amountHint')} error={errors.amount?.message}>
              <input type="text" inputMode="decimal" className="num" {...register('amount')} />
            </Field>
            <DateField label={t('refund.date')} error={errors.date?.message} registration={register('date')} />
            <Field label={t('refund.account')} error={errors.accountId?.message}>
              <select {...register('accountId')}>
                {cashAccounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </Field>
          </div>
          <Field label={t('refund.reason')} hint={t('refund.reasonHint')} error={errors.reason?.message}>
            <input type="text" {...register('reason')} />
          </Field>
          <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('refund.review')}
            cancel={{ label: t('action.cancel'), onClick: onClose }} />
        </form>
      )}
    </Dialog>
  );
}
