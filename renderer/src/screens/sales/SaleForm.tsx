import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { ProductSummary } from '../../../../shared/operations/stock';
import type { OperationInput } from '../../../../shared/api';
import { addCentimos, formatAmount, multiplyQuantity, sumCentimos } from '../../../../shared/money';
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
import { PartyForm } from '../purchases/PartyForm';
import { PartySelect } from './PartySelect';
import { formatQuantity, readQuantity } from './quantity';
import type { MessageKey } from '../../i18n/messages';
import { useCashAccounts } from './useCashAccounts';

type DocumentKind = 'nota_venta' | 'boleta' | 'factura' | 'none';
const DOCUMENT_KINDS: DocumentKind[] = ['nota_venta', 'boleta', 'factura', 'none'];

interface SaleLineValues {
  productId: string;
  quantity: string;
  price: string;
}

interface SaleValues {
  date: string;
  partyId: number | null;
  documentKind: DocumentKind;
  documentNumber: string;
  lines: SaleLineValues[];
  igv: string;
  payment: 'cash' | 'credit';
  accountId: string;
  dueDate: string;
  note: string;
}

type SaleRequest = OperationInput<'recordSale'>;
const emptyLine: SaleLineValues = { productId: '', quantity: '', price: '' };

/** The engine's path of a field ("lines.1.quantity") → this form's field. */
function formField(apiField: string): keyof SaleValues | `lines.${number}.${keyof SaleLineValues}` | undefined {
  const line = /^lines\.(\d+)\.(productId|quantity|unitPrice)$/.exec(apiField);
  if (line) return `lines.${Number(line[1])}.${line[2] === 'unitPrice' ? 'price' : (line[2] as 'productId' | 'quantity')}`;
  const direct: Record<string, keyof SaleValues> = {
    date: 'date', partyId: 'partyId', documentKind: 'documentKind', documentNumber: 'documentNumber', igv: 'igv',
    payment: 'payment', accountId: 'accountId', dueDate: 'dueDate', note: 'note', lines: 'lines',
  };
  return direct[apiField];
}

/** Nueva venta: who buys (or the public), the document handed over, what was sold, and cash or credit. */
export function SaleForm({ onSaved, onCancel }: { onSaved(saleId: number): void; onCancel(): void }) {
  const t = useSettings().t;
  const associationId = useAssociationId();
  const products = useOperation('listProducts', { associationId });
  const cash = useCashAccounts(associationId);
  const error = products.error ?? cash.error;
  if (error) return <ErrorAlert message={error.message} />;
  if (!products.data || !cash.accounts) return <p className="loading">{t('app.loading')}</p>;
  if (products.data.length === 0) return <p className="notice">{t('sale.noProducts')}</p>;
  return <SaleFields products={products.data.filter((p) => !p.archived)} accounts={cash.accounts} onSaved={onSaved} onCancel={onCancel} />;
}

function SaleFields({ products, accounts, onSaved, onCancel }: {
  products: readonly ProductSummary[];
  accounts: readonly { id: number; name: string; role: string | null }[];
  onSaved(saleId: number): void;
  onCancel(): void;
}) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const record = useWrite('recordSale');
  const { register, control, handleSubmit, setError, setValue, getValues, formState: { errors, isSubmitting } } = useForm<SaleValues>({
    defaultValues: {
      date: formatDate(todayIso()), partyId: null, documentKind: 'nota_venta', documentNumber: '', lines: [emptyLine], igv: '',
      payment: 'cash', accountId: String(accounts.find((a) => a.role === 'cash')?.id ?? accounts[0]?.id ?? ''), dueDate: '', note: '',
    },
  });
  const lines = useFieldArray({ control, name: 'lines' });
  // A buyer met for the first time is registered here, without leaving the sale (its form lives outside this one).
  const [addingBuyer, setAddingBuyer] = useState(false);
  const [documentKind, payment, watchedLines, igvText] = useWatch({ control, name: ['documentKind', 'payment', 'lines', 'igv'] });
  const productById = new Map(products.map((p) => [String(p.id), p]));

  // Choosing a product proposes its sale price; a price already typed stays.
  const proposePrice = (index: number) => {
    const line = getValues(`lines.${index}`);
    const product = productById.get(line.productId);
    if (product?.salePrice != null && line.price.trim() === '') setValue(`lines.${index}.price`, formatAmount(product.salePrice));
  };
  const lineAmount = (line: SaleLineValues | undefined) => {
    const quantity = readQuantity(line?.quantity ?? '');
    const price = readAmount(line?.price ?? '', locale).centimos;
    return quantity && price ? multiplyQuantity(price, quantity) : 0;
  };
  const subtotal = sumCentimos((watchedLines ?? []).map(lineAmount));
  const igv = readAmount(igvText ?? '', locale).centimos ?? 0;

  const submit = handleSubmit(async (values) => {
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const requestLines: SaleRequest['lines'] = [];
    for (const [index, line] of values.lines.entries()) {
      if (!line.productId) return setError(`lines.${index}.productId`, { message: t('form.required', { field: t('sale.product') }) }, { shouldFocus: true });
      const quantity = readQuantity(line.quantity);
      if (!quantity) return setError(`lines.${index}.quantity`, { message: t('fair.quantityInvalid') }, { shouldFocus: true });
      const price = readAmount(line.price, locale);
      if (price.error || price.centimos === null) {
        return setError(`lines.${index}.price`, { message: price.error ?? t('fair.priceRequired') }, { shouldFocus: true });
      }
      requestLines.push({ productId: Number(line.productId), quantity, unitPrice: price.centimos });
    }
    const igvAmount = readAmount(values.igv, locale);
    if (igvAmount.error) return setError('igv', { message: igvAmount.error }, { shouldFocus: true });
    let dueDate: string | null = null;
    if (values.payment === 'credit') {
      if (values.partyId === null) return setError('partyId', { message: t('sale.creditNeedsBuyer') }, { shouldFocus: true });
      dueDate = parseDisplayDate(values.dueDate);
      if (!dueDate) return setError('dueDate', { message: t('form.dateInvalid') }, { shouldFocus: true });
    }
    const withNumber = values.documentKind === 'boleta' || values.documentKind === 'factura';
    if (withNumber && values.documentNumber.trim() === '') {
      return setError('documentNumber', { message: t('form.required', { field: t('sale.documentNumber') }) }, { shouldFocus: true });
    }
    const request: SaleRequest = {
      associationId, date, partyId: values.partyId, documentKind: values.documentKind,
      documentNumber: withNumber ? values.documentNumber.trim() : null,
      lines: requestLines, igv: igvAmount.centimos ?? 0, payment: values.payment,
      accountId: values.payment === 'cash' && values.accountId ? Number(values.accountId) : null,
      dueDate, note: values.note.trim() || null,
    };
    try {
      const sale = await record.mutateAsync(request);
      onSaved(sale.id);
    } catch (failure) {
      showApiError(failure, setError, formField, t('app.unreachable'));
    }
  });

  return (
    <>
    <form className="panel" onSubmit={submit} noValidate aria-label={t('sale.newTitle')}>
      <h2>{t('sale.newTitle')}</h2>
      <div className="form-row">
        <DateField label={t('sale.date')} error={errors.date?.message} registration={register('date')} />
        <Controller control={control} name="partyId" render={({ field }) => (
          <Field label={t('sale.buyer')} error={errors.partyId?.message}>
            <PartySelect value={field.value} onChange={field.onChange} emptyLabel={t('sale.public')} />
          </Field>
        )} />
        <p className="actions">
          <button type="button" onClick={() => setAddingBuyer(true)}>{t('sale.newBuyer')}</button>
        </p>
      </div>
      <div className="form-row">
        <Field label={t('sale.document')} error={errors.documentKind?.message}>
          <select {...register('documentKind')}>
            {DOCUMENT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`sale.document.${kind}`)}</option>)}
          </select>
        </Field>
        {(documentKind === 'boleta' || documentKind === 'factura') && (
          <Field label={t('sale.documentNumber')} hint={t('sale.documentNumberHint')} error={errors.documentNumber?.message}>
            <input type="text" autoComplete="off" {...register('documentNumber')} />
          </Field>
        )}
      </div>
      {documentKind === 'nota_venta' && <p className="field__hint">{t('sale.notaHint')}</p>}
      <table className="data sale-lines">
        <thead>
          <tr>
            <th>{t('sale.product')}</th>
            <th className="num">{t('sale.quantity')}</th>
            <th className="num">{t('sale.price')}</th>
            <th className="num">{t('sale.amount')}</th>
            <th><span className="sales-hidden">{t('sale.removeLine')}</span></th>
          </tr>
        </thead>
        <tbody>
          {lines.fields.map((line, index) => {
            const product = productById.get(watchedLines?.[index]?.productId ?? '');
            const lineErrors = errors.lines?.[index];
            return (
              <tr key={line.id}>
                <td>
                  <Field label={t('sale.lineProduct', { line: index + 1 })} error={lineErrors?.productId?.message}>
                    <select {...register(`lines.${index}.productId`, { onChange: () => proposePrice(index) })}>
                      <option value="">{t('contrib.choose')}</option>
                      {products.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                    </select>
                  </Field>
                </td>
                <td>
                  <Field label={t('sale.lineQuantity', { line: index + 1 })} error={lineErrors?.quantity?.message}
                    hint={product ? t('sale.onHand', { quantity: formatQuantityWithUnit(t, product.onHand, product.unit) }) : undefined}>
                    <input type="text" inputMode="decimal" className="num" {...register(`lines.${index}.quantity`)} />
                  </Field>
                </td>
                <td>
                  <Field label={t('sale.linePrice', { line: index + 1 })} error={lineErrors?.price?.message}>
                    <input type="text" inputMode="decimal" className="num" {...register(`lines.${index}.price`)} />
                  </Field>
                </td>
                <td className="num">{formatAmount(lineAmount(watchedLines?.[index]))}</td>
                <td>
                  {lines.fields.length > 1 && (
                    <button type="button" onClick={() => lines.remove(index)} aria-label={t('sale.removeLineN', { line: index + 1 })}>×</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => lines.append(emptyLine)}>{t('sale.addLine')}</button>
      </div>
      <div className="form-row">
        <Field label={t('sale.igv')} hint={t('sale.igvHint')} error={errors.igv?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('igv')} />
        </Field>
        <p className="sale-total">
          {t('sale.total')}: <strong data-testid="sale-total">{formatMoney(addCentimos(subtotal, igv))}</strong>
        </p>
      </div>
      <fieldset className="radio-row">
        <legend>{t('sale.payment')}</legend>
        <label><input type="radio" value="cash" {...register('payment')} /> {t('sale.payment.cash')}</label>
        <label><input type="radio" value="credit" {...register('payment')} /> {t('sale.payment.credit')}</label>
      </fieldset>
      <div className="form-row">
        {payment === 'cash' ? (
          <Field label={t('sale.account')} error={errors.accountId?.message}>
            <select {...register('accountId')}>
              {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </Field>
        ) : (
          <DateField label={t('sale.dueDate')} error={errors.dueDate?.message} registration={register('dueDate')} />
        )}
        <Field label={t('sale.note')} error={errors.note?.message}>
          <input type="text" {...register('note')} />
        </Field>
      </div>
      <FormActions error={errors.root?.message ?? errors.lines?.message} submitting={isSubmitting || record.isPending}
        submitLabel={t('sale.submit')} busyLabel={t('sale.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
    {addingBuyer && (
      <Dialog title={t('sale.newBuyer')} onClose={() => setAddingBuyer(false)}>
        <PartyForm fixedKind="buyer" onCancel={() => setAddingBuyer(false)} onSaved={(party) => {
          setValue('partyId', party.id);
          setAddingBuyer(false);
        }} />
      </Dialog>
    )}
    </>
  );
}

/** "12.5 kg", "3 cabezas": a quantity in the product's own unit. */
export function formatQuantityWithUnit(t: ReturnType<typeof useSettings>['t'], thousandths: number, unit: string): string {
  return t('sales.quantityUnit', { quantity: formatQuantity(thousandths), unit: t(`sales.unit.${unit}` as MessageKey) });
}
