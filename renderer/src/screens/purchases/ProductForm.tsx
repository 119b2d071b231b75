import { useForm } from 'react-hook-form';
import type { ProductSummary } from '../../../../shared/operations/stock';
import { formatAmount } from '../../../../shared/money';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { PRODUCT_CATEGORIES, PRODUCT_UNITS } from './purchaseWords';

interface ProductValues {
  name: string;
  unit: (typeof PRODUCT_UNITS)[number];
  category: (typeof PRODUCT_CATEGORIES)[number];
  productLineId: string;
  salePrice: string;
}

const apiFields: Record<string, keyof ProductValues> = {
  name: 'name', unit: 'unit', category: 'category', productLineId: 'productLineId', salePrice: 'salePrice',
};

/** A product of the store, new or corrected: its name, unit, what it is for, its line and sale price. */
export function ProductForm({ product, onSaved, onCancel }: {
  product?: ProductSummary;
  onSaved(product: { id: number; name: string }): void;
  onCancel(): void;
}) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const lines = useOperation('listProductLines', { associationId });
  const create = useWrite('createProduct');
  const update = useWrite('updateProduct');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<ProductValues>({
    defaultValues: {
      name: product?.name ?? '', unit: product?.unit ?? 'kg', category: product?.category ?? 'supply',
      productLineId: product?.productLineId ? String(product.productLineId) : '',
      salePrice: product?.salePrice != null ? formatAmount(product.salePrice) : '',
    },
  });
  const submit = handleSubmit(async (values) => {
    if (!values.name.trim()) return setError('name', { message: t('form.required', { field: t('purchase.product.name') }) }, { shouldFocus: true });
    const price = readAmount(values.salePrice, locale);
    if (price.error) return setError('salePrice', { message: price.error }, { shouldFocus: true });
    const fields = {
      name: values.name.trim(), unit: values.unit, category: values.category,
      productLineId: values.productLineId ? Number(values.productLineId) : null, salePrice: price.centimos,
    };
    try {
      if (product) {
        await update.mutateAsync({ productId: product.id, ...fields });
        onSaved({ id: product.id, name: fields.name });
      } else {
        const saved = await create.mutateAsync({ associationId, ...fields });
        onSaved({ id: saved.id, name: fields.name });
      }
    } catch (failure) {
      showApiError(failure, setError, apiFields, t('app.unreachable'));
    }
  });
  const title = product ? t('purchase.product.editTitle', { name: product.name }) : t('purchase.product.newTitle');
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <div className="form-row">
        <Field label={t('purchase.product.name')} error={errors.name?.message}>
          <input type="text" autoComplete="off" {...register('name')} />
        </Field>
        <Field label={t('purchase.product.unit')} error={errors.unit?.message}>
          <select {...register('unit')}>
            {PRODUCT_UNITS.map((unit) => <option key={unit} value={unit}>{t(`purchase.product.unit.${unit}`)}</option>)}
          </select>
        </Field>
        <Field label={t('purchase.product.category')} hint={t('purchase.product.categoryHint')} error={errors.category?.message}>
          <select {...register('category')}>
            {PRODUCT_CATEGORIES.map((category) => <option key={category} value={category}>{t(`purchase.product.category.${category}`)}</option>)}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('purchase.product.line')} error={errors.productLineId?.message}>
          <select {...register('productLineId')}>
            <option value="">{t('purchase.product.noLine')}</option>
            {(lines.data ?? []).map((line) => <option key={line.id} value={line.id}>{line.name}</option>)}
          </select>
        </Field>
        <Field label={t('purchase.product.salePrice')} hint={t('purchase.product.salePriceHint')} error={errors.salePrice?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('salePrice')} />
        </Field>
      </div>
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={product ? t('purchase.product.saveChanges') : t('purchase.product.create')}
        cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
