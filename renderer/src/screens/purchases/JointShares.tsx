import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { subtractCentimos, sumCentimos } from '../../../../shared/money';
import { useSettings } from '../../app/settings';
import { DateField, Field } from '../../components/Field';
import { readAmount } from '../../format/amounts';
import { formatMoney } from '../../format/format';
import { MemberSelect } from '../contributions/MemberSelect';
import { formatQuantity, readQuantity } from '../sales/quantity';
import { emptyShare, sharePreview, type PurchaseValues } from './purchaseRequest';

/**
 * "Compra para socios": who the joint lines were bought for and each one's part, by quantity (the
 * amount split in proportion, exact to the céntimo) or by amount. Each member's share is shown
 * before saving: it becomes a charge on her statement, paid with the usual receipts.
 */
export function JointShares({ form, jointAmount, jointQuantity }: { form: UseFormReturn<PurchaseValues>; jointAmount: number; jointQuantity: number | null }) {
  const { t, locale } = useSettings();
  const { control, register } = form;
  const errors = form.formState.errors;
  const shares = useFieldArray({ control, name: 'shares' });
  const [by, watched] = useWatch({ control, name: ['sharesBy', 'shares'] });
  const read = (text: string) => readAmount(text, locale);
  const preview = sharePreview(by, watched ?? [], jointAmount, read);
  const assigned = sumCentimos(preview.map((amount) => amount ?? 0));
  const partsTotal = by === 'quantity' ? sumCentimos((watched ?? []).map((share) => readQuantity(share.part) ?? 0)) : null;
  return (
    <fieldset className="panel joint-shares">
      <legend>{t('purchase.joint.title')}</legend>
      <p className="subtitle">{t('purchase.joint.explain')}</p>
      <div className="radio-row" role="radiogroup" aria-label={t('purchase.joint.by')}>
        <label><input type="radio" value="quantity" {...register('sharesBy')} /> {t('purchase.joint.byQuantity')}</label>
        <label><input type="radio" value="amount" {...register('sharesBy')} /> {t('purchase.joint.byAmount')}</label>
      </div>
      <table className="data">
        <thead>
          <tr>
            <th>{t('purchase.joint.member')}</th>
            <th className="num">{by === 'quantity' ? t('purchase.joint.quantity') : t('purchase.joint.amount')}</th>
            <th className="num">{t('purchase.joint.share')}</th>
            <th><span className="visually-hidden">{t('purchase.joint.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {shares.fields.map((field, index) => {
            const n = index + 1;
            const shareErrors = errors.shares?.[index];
            const share = preview[index];
            return (
              <tr key={field.id}>
                <td>
                  <Controller control={control} name={`shares.${index}.memberId`} render={({ field: member }) => (
                    <Field label={t('purchase.joint.memberN', { n })} error={shareErrors?.memberId?.message}>
                      <MemberSelect value={member.value} onChange={member.onChange} />
                    </Field>
                  )} />
                </td>
                <td>
                  <Field label={by === 'quantity' ? t('purchase.joint.quantityN', { n }) : t('purchase.joint.amountN', { n })} error={shareErrors?.part?.message}>
                    <input type="text" inputMode="decimal" className="num" {...register(`shares.${index}.part`)} />
                  </Field>
                </td>
                <td className="num" data-testid={`joint-share-${n}`}>{share != null ? formatMoney(share) : '—'}</td>
                <td>
                  {shares.fields.length > 1 && (
                    <button type="button" onClick={() => shares.remove(index)} aria-label={t('purchase.joint.removeN', { n })}>×</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('purchase.joint.total')}</td>
            <td className="num">{partsTotal !== null && jointQuantity !== null ? t('purchase.joint.partsOf', { parts: formatQuantity(partsTotal), total: formatQuantity(jointQuantity) }) : ''}</td>
            <td className="num" data-testid="joint-assigned">{formatMoney(assigned)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p data-testid="joint-balance" className={assigned === jointAmount ? undefined : 'field__error'}>
        {assigned === jointAmount
          ? t('purchase.joint.balanced', { amount: formatMoney(jointAmount) })
          : t('purchase.joint.unbalanced', { amount: formatMoney(jointAmount), difference: formatMoney(subtractCentimos(jointAmount, assigned)) })}
      </p>
      {errors.shares?.message && <p className="field__error" role="alert">{errors.shares.message}</p>}
      {errors.shares?.root?.message && <p className="field__error" role="alert">{errors.shares.root.message}</p>}
      <div className="actions">
        <button type="button" onClick={() => shares.append(emptyShare)}>{t('purchase.joint.add')}</button>
      </div>
      <DateField label={t('purchase.joint.dueDate')} error={errors.dueDateForShares?.message} registration={register('dueDateForShares')} />
    </fieldset>
  );
}
