import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import type { PurchaseView } from '../../../../shared/operations/purchases';
import type { PartySummary } from '../../../../shared/operations/parties';
import type { ProductSummary } from '../../../../shared/operations/stock';
import type { AccountView } from '../../../../shared/results';
import { addCentimos, formatAmount, percentOf, sumCentimos } from '../../../../shared/money';
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
import { readQuantity } from '../sales/quantity';
import { JointShares } from './JointShares';
import { PartyForm } from './PartyForm';
import {
  emptyLine, emptyShare, formFieldOf, isBlankLine, lineAmount, subtotalOf, type PurchaseRequest, type PurchaseValues,
} from './purchaseRequest';
import { PurchaseLines } from './PurchaseLines';
import { PURCHASE_DOCUMENT_KINDS } from './purchaseWords';
import { SupplierPicker } from './SupplierPicker';

/** IGV of a factura, 18 % of the lines: proposed by a button, the document's own figure typed over it. */
const IGV_BASIS_POINTS = 1800;

/** Nueva compra: loads what the form offers (suppliers, products, caja and bank, the chart for the accountant's view). */
export function PurchaseForm({ onSaved, onCancel }: { onSaved(purchase: PurchaseView): void; onCancel(): void }) {
  const t = useSettings().t;
  const associationId = useAssociationId();
  const parties = useOperation('listParties', { associationId });
  const products = useOperation('listProducts', { associationId });
  const accounts = useOperation('listAccounts', { associationId });
  const error = parties.error ?? products.error ?? accounts.error;
  if (error) return <ErrorAlert message={error.message} />;
  if (!parties.data || !products.data || !accounts.data) return <p className="loading">{t('app.loading')}</p>;
  return (
    <PurchaseFields parties={parties.data} products={products.data.filter((p) => !p.archived)} accounts={accounts.data}
      onSaved={onSaved} onCancel={onCancel} />
  );
}

function PurchaseFields({ parties, products, accounts, onSaved, onCancel }: {
  parties: readonly PartySummary[];
  products: readonly ProductSummary[];
  accounts: readonly AccountView[];
  onSaved(purchase: PurchaseView): void;
  onCancel(): void;
}) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const productLines = useOperation('listProductLines', { associationId });
  const record = useWrite('recordPurchase');
  const cashAccounts = accounts.filter((a) => a.postable && !a.archived && a.code.startsWith('10'));
  const [showAccounts, setShowAccounts] = useState(false);
  const [newSupplier, setNewSupplier] = useState(false);
  const form = useForm<PurchaseValues>({
    defaultValues: {
      date: formatDate(todayIso()), partyId: null, documentKind: 'boleta', documentNumber: '', lines: [emptyLine], igv: '',
      payment: 'cash', accountId: String(cashAccounts.find((a) => a.role === 'cash')?.id ?? cashAccounts[0]?.id ?? ''),
      dueDate: '', productLineId: '', note: '', joint: false, sharesBy: 'quantity', shares: [emptyShare], dueDateForShares: '',
    },
  });
  const { register, control, handleSubmit, setError, setValue, setFocus, formState: { errors, isSubmitting } } = form;
  const lines = useFieldArray({ control, name: 'lines' });
  const [documentKind, payment, joint, watchedLines, igvText] = useWatch({ control, name: ['documentKind', 'payment', 'joint', 'lines', 'igv'] });
  const read = (text: string) => readAmount(text, locale);
  const subtotal = subtotalOf(watchedLines ?? [], read);
  const igv = documentKind === 'factura' ? read(igvText ?? '').centimos ?? 0 : 0;
  const jointQuantities = (watchedLines ?? []).filter((line) => !isBlankLine(line)).map((line) => readQuantity(line.quantity));
  const jointQuantity = jointQuantities.every((q) => q) ? sumCentimos(jointQuantities as number[]) : null;

  // The cursor starts on the supplier: a purchase is typed from the paper, top to bottom.
  useEffect(() => setFocus('partyId'), [setFocus]);

  const submit = handleSubmit(async (values) => {
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (values.partyId === null) return setError('partyId', { message: t('purchase.supplierRequired') }, { shouldFocus: true });
    const withNumber = values.documentKind !== 'none';
    if (withNumber && !values.documentNumber.trim()) {
      return setError('documentNumber', { message: t('form.required', { field: t('purchase.documentNumber') }) }, { shouldFocus: true });
    }
    // The request holds the lines that were typed; `formLine` says which form line each one is.
    const formLine: number[] = [];
    const requestLines: PurchaseRequest['lines'] = [];
    for (const [index, line] of values.lines.entries()) {
      if (isBlankLine(line)) continue;
      const fail = (field: 'what' | 'quantity' | 'price' | 'amount' | 'category', message: string) =>
        setError(`lines.${index}.${field}`, { message }, { shouldFocus: true });
      if (!line.productId && !line.what.trim()) return fail('what', t('purchase.line.whatRequired'));
      const quantity = readQuantity(line.quantity);
      if (quantity === undefined || quantity === 0) return fail('quantity', t('purchase.line.quantityInvalid'));
      const price = read(line.price);
      if (price.error) return fail('price', price.error);
      const amount = read(line.amount);
      if (amount.error) return fail('amount', amount.error);
      if (price.centimos === null && amount.centimos === null) return fail('price', t('purchase.line.priceOrAmount'));
      if (price.centimos !== null && quantity === null) return fail('quantity', t('purchase.line.quantityForPrice'));
      if (line.productId && quantity === null) return fail('quantity', t('purchase.line.quantityForProduct'));
      const category = values.joint ? 'joint' : line.category;
      if (!category) return fail('category', t('purchase.line.categoryRequired'));
      formLine.push(index);
      requestLines.push({
        productId: line.productId ? Number(line.productId) : null,
        description: line.productId ? null : line.what.trim(),
        quantity,
        ...(price.centimos !== null ? { unitPrice: price.centimos } : { amount: amount.centimos }),
        category,
        accountId: showAccounts ? line.accountId : null,
      });
    }
    if (requestLines.length === 0) return setError('lines.0.what', { message: t('purchase.line.oneRequired') }, { shouldFocus: true });
    const igvAmount = values.documentKind === 'factura' ? read(values.igv) : { centimos: 0 };
    if (igvAmount.error) return setError('igv', { message: igvAmount.error }, { shouldFocus: true });
    let dueDate: string | null = null;
    if (values.payment === 'credit') {
      dueDate = parseDisplayDate(values.dueDate);
      if (!dueDate) return setError('dueDate', { message: t('form.dateInvalid') }, { shouldFocus: true });
    }
    let jointShares: PurchaseRequest['jointShares'] = null;
    let dueDateForShares: string | null = null;
    if (values.joint) {
      const members: NonNullable<PurchaseRequest['jointShares']>['members'] = [];
      for (const [index, share] of values.shares.entries()) {
        if (share.memberId === null) return setError(`shares.${index}.memberId`, { message: t('purchase.joint.memberRequired') }, { shouldFocus: true });
        if (values.sharesBy === 'quantity') {
          const quantity = readQuantity(share.part);
          if (!quantity) return setError(`shares.${index}.part`, { message: t('purchase.line.quantityInvalid') }, { shouldFocus: true });
          members.push({ memberId: share.memberId, quantity });
        } else {
          const amount = read(share.part);
          if (amount.error || !amount.centimos) return setError(`shares.${index}.part`, { message: amount.error ?? t('purchase.joint.amountRequired') }, { shouldFocus: true });
          members.push({ memberId: share.memberId, amount: amount.centimos });
        }
      }
      jointShares = { by: values.sharesBy, members };
      if (values.dueDateForShares.trim()) {
        dueDateForShares = parseDisplayDate(values.dueDateForShares);
        if (!dueDateForShares) return setError('dueDateForShares', { message: t('form.dateInvalid') }, { shouldFocus: true });
      }
    }
    const request: PurchaseRequest = {
      associationId, date, partyId: values.partyId, documentKind: values.documentKind,
      documentNumber: withNumber ? values.documentNumber.trim() : null,
      lines: requestLines, igv: igvAmount.centimos ?? 0, payment: values.payment,
      accountId: values.payment === 'cash' && values.accountId ? Number(values.accountId) : null,
      dueDate, productLineId: values.productLineId ? Number(values.productLineId) : null,
      note: values.note.trim() || null, jointShares, dueDateForShares,
    };
    try {
      onSaved(await record.mutateAsync(request));
    } catch (failure) {
      showApiError(failure, setError, (apiField) => {
        // The engine counts the lines it was sent; the form also has the blank ones.
        const line = /^lines\.(\d+)(\..*)?$/.exec(apiField);
        const field = line ? `lines.${formLine[Number(line[1])] ?? 0}${line[2] ?? ''}` : apiField;
        return formFieldOf(field) as Path<PurchaseValues> | undefined;
      }, t('app.unreachable'));
    }
  });

  const jointAmount = sumCentimos((watchedLines ?? []).filter((line) => !isBlankLine(line)).map((line) => lineAmount(line, read)));
  return (
    <>
      <form className="panel" onSubmit={submit} noValidate aria-label={t('purchase.newTitle')}>
        <h2>{t('purchase.newTitle')}</h2>
        <div className="form-row">
          <DateField label={t('purchase.date')} error={errors.date?.message} registration={register('date')} />
          <Controller control={control} name="partyId" render={({ field }) => (
            <Field label={t('purchase.supplier')} hint={t('purchase.supplierHint')} error={errors.partyId?.message}>
              <SupplierPicker ref={field.ref} parties={parties} value={field.value} onChange={field.onChange}
                onPicked={() => setFocus('documentKind')} />
            </Field>
          )} />
          <div className="field">
            <span className="field__spacer" aria-hidden="true">&nbsp;</span>
            <button type="button" onClick={() => setNewSupplier(true)}>{t('purchase.newSupplier')}</button>
          </div>
        </div>
        <div className="form-row">
          <Field label={t('purchase.document')} error={errors.documentKind?.message}>
            <select {...register('documentKind')}>
              {PURCHASE_DOCUMENT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`purchase.document.${kind}`)}</option>)}
            </select>
          </Field>
          {documentKind !== 'none' && (
            <Field label={t('purchase.documentNumber')} hint={t('purchase.documentNumberHint')} error={errors.documentNumber?.message}>
              <input type="text" autoComplete="off" {...register('documentNumber')} />
            </Field>
          )}
        </div>
        <PurchaseLines form={form} lines={lines} products={products} accounts={accounts} showAccounts={showAccounts} joint={joint}
          onLeave={() => setFocus(documentKind === 'factura' ? 'igv' : 'payment')} />
        <label className="checkbox">
          <input type="checkbox" checked={showAccounts} onChange={(event) => setShowAccounts(event.target.checked)} /> {t('purchase.showAccounts')}
        </label>
        <div className="form-row">
          {documentKind === 'factura' && (
            <>
              <Field label={t('purchase.igv')} hint={t('purchase.igvHint')} error={errors.igv?.message}>
                <input type="text" inputMode="decimal" className="num" {...register('igv')} />
              </Field>
              <div className="field">
                <span className="field__spacer" aria-hidden="true">&nbsp;</span>
                <button type="button" onClick={() => setValue('igv', formatAmount(percentOf(subtotal, IGV_BASIS_POINTS)))}>{t('purchase.igvCompute')}</button>
              </div>
            </>
          )}
          <p className="purchase-total">
            {t('purchase.subtotal')}: {formatMoney(subtotal)}{igv > 0 && ` · ${t('purchase.igv')}: ${formatMoney(igv)}`}<br />
            {t('purchase.total')}: <strong className="big-figure" data-testid="purchase-total">{formatMoney(addCentimos(subtotal, igv))}</strong>
          </p>
        </div>
        <fieldset className="radio-row">
          <legend>{t('purchase.payment')}</legend>
          <label><input type="radio" value="cash" {...register('payment')} /> {t('purchase.payment.cash')}</label>
          <label><input type="radio" value="credit" {...register('payment')} /> {t('purchase.payment.credit')}</label>
        </fieldset>
        <div className="form-row">
          {payment === 'cash' ? (
            <Field label={t('purchase.account')} error={errors.accountId?.message}>
              <select {...register('accountId')}>
                {cashAccounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </Field>
          ) : (
            <DateField label={t('purchase.dueDate')} error={errors.dueDate?.message} registration={register('dueDate')} />
          )}
          <Field label={t('purchase.productLine')} error={errors.productLineId?.message}>
            <select {...register('productLineId')}>
              <option value="">{t('purchase.product.noLine')}</option>
              {(productLines.data ?? []).map((line) => <option key={line.id} value={line.id}>{line.name}</option>)}
            </select>
          </Field>
          <Field label={t('purchase.note')} error={errors.note?.message}>
            <input type="text" {...register('note')} />
          </Field>
        </div>
        <label className="checkbox"><input type="checkbox" {...register('joint')} /> {t('purchase.joint')}</label>
        {joint && <JointShares form={form} jointAmount={jointAmount} jointQuantity={jointQuantity} />}
        <FormActions error={errors.root?.message ?? errors.lines?.message} submitting={isSubmitting || record.isPending}
          submitLabel={t('purchase.submit')} busyLabel={t('purchase.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
      </form>
      {newSupplier && (
        <Dialog title={t('purchase.party.newSupplier')} onClose={() => setNewSupplier(false)}>
          <PartyForm fixedKind="supplier" onCancel={() => setNewSupplier(false)} onSaved={(party) => {
            setNewSupplier(false);
            setValue('partyId', party.id, { shouldValidate: false });
            setFocus('documentKind');
          }} />
        </Dialog>
      )}
    </>
  );
}
