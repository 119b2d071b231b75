import { useForm, useWatch } from 'react-hook-form';
import type { ProductSummary } from '../../../../shared/operations/stock';
import { useAssociationId } from '../../app/association';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';
import { readQuantity } from '../sales/quantity';
import { ADJUSTMENT_REASONS, quantityWithUnit, type AdjustmentReason } from './purchaseWords';

interface AdjustmentValues {
  reason: AdjustmentReason;
  quantity: string;
  date: string;
  note: string;
}

/**
 * The signed movement a treasurer means. A loss, a sample or what the association used itself
 * leaves the store; a count says how much is really there, and the difference is the adjustment.
 */
export function adjustmentQuantity(reason: AdjustmentReason, typed: number, onHand: number): number {
  return reason === 'count' ? typed - onHand : -typed;
}

/** Stock that left without a sale, or a count that found more or less than the books say. */
export function StockAdjustmentForm({ product, onDone, onCancel }: { product: ProductSummary; onDone(message: string): void; onCancel(): void }) {
  const t = useT();
  const associationId = useAssociationId();
  const adjust = useWrite('recordStockAdjustment');
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<AdjustmentValues>({
    defaultValues: { reason: 'loss', quantity: '', date: formatDate(todayIso()), note: '' },
  });
  const [reason, typedQuantity] = useWatch({ control, name: ['reason', 'quantity'] });
  const typed = readQuantity(typedQuantity ?? '');
  const movement = typed == null ? null : adjustmentQuantity(reason, typed, product.onHand);
  const submit = handleSubmit(async (values) => {
    const quantity = readQuantity(values.quantity);
    if (quantity == null || (quantity === 0 && values.reason !== 'count')) {
      return setError('quantity', { message: t('purchase.adjust.quantityInvalid') }, { shouldFocus: true });
    }
    const signed = adjustmentQuantity(values.reason, quantity, product.onHand);
    if (signed === 0) return setError('quantity', { message: t('purchase.adjust.countMatches') }, { shouldFocus: true });
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (!values.note.trim()) return setError('note', { message: t('form.required', { field: t('purchase.adjust.note') }) }, { shouldFocus: true });
    try {
      await adjust.mutateAsync({ associationId, productId: product.id, date, quantity: signed, reason: values.reason, note: values.note.trim() });
      onDone(t('purchase.adjust.done', { product: product.name, quantity: quantityWithUnit(t, signed, product.unit) }));
    } catch (failure) {
      showApiError(failure, setError, { quantity: 'quantity', date: 'date', reason: 'reason', note: 'note', productId: 'quantity' }, t('app.unreachable'));
    }
  });
  const title = t('purchase.adjust.title', { product: product.name });
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <p>{t('purchase.adjust.onHand', { quantity: quantityWithUnit(t, product.onHand, product.unit) })}</p>
      <div className="form-row">
        <Field label={t('purchase.adjust.reason')} error={errors.reason?.message}>
          <select {...register('reason')}>
            {ADJUSTMENT_REASONS.map((r) => <option key={r} value={r}>{t(`purchase.adjust.reason.${r}`)}</option>)}
          </select>
        </Field>
        <Field label={reason === 'count' ? t('purchase.adjust.counted') : t('purchase.adjust.quantityOut')} error={errors.quantity?.message}
          hint={movement !== null && movement !== 0 ? t('purchase.adjust.movement', { quantity: quantityWithUnit(t, movement, product.unit) }) : t(`purchase.product.unit.${product.unit}`)}>
          <input type="text" inputMode="decimal" className="num big-input" {...register('quantity')} />
        </Field>
        <DateField label={t('purchase.adjust.date')} error={errors.date?.message} registration={register('date')} />
      </div>
      <Field label={t('purchase.adjust.note')} hint={t('purchase.adjust.noteHint')} error={errors.note?.message}>
        <input type="text" {...register('note')} />
      </Field>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={t('purchase.adjust.submit')}
        cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
