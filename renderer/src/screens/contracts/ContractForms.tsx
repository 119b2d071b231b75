import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ContractInvoiceView, ContractSheet, ContractSheetDeliveryRow, ContractView } from '../../../../shared/operations/contracts';
import { formatAmount, sumCentimos } from '../../../../shared/money';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { formatQuantity, readQuantity } from '../sales/quantity';
import { useCashAccounts } from '../sales/useCashAccounts';
import { contractField, readTerms, TermsFields, type ContractValues } from './ContractForm';
import { quantityWords } from './words';

interface FormProps { onCancel(): void }

// ------------------------------------------------------------------ delivery

interface DeliveryValues { date: string; quantities: Record<string, string>; note: string }

/** Nueva entrega: the date and how much of each product of the contract went out. */
export function DeliveryForm({ sheet, onSaved, onCancel }: FormProps & { sheet: ContractSheet; onSaved(formattedNumber: string): void }) {
  const { t } = useSettings();
  const associationId = useAssociationId();
  const products = useOperation('listProducts', { associationId });
  const record = useWrite('recordDelivery');
  const items = sheet.contract.items;
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<DeliveryValues>({
    defaultValues: { date: formatDate(todayIso()), quantities: {}, note: '' },
  });
  const outstanding = (productId: number) => sumCentimos(sheet.schedule.filter((r) => r.productId === productId).map((r) => r.outstanding));
  const submit = handleSubmit(async (values) => {
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const lines: { productId: number; quantity: number }[] = [];
    for (const item of items) {
      const typed = values.quantities[`p${item.productId}`] ?? '';
      const quantity = readQuantity(typed);
      if (quantity === undefined) return setError(`quantities.p${item.productId}`, { message: t('contract.quantityInvalid') }, { shouldFocus: true });
      if (quantity) lines.push({ productId: item.productId, quantity });
    }
    if (lines.length === 0) return setError('root', { message: t('delivery.nothing') });
    try {
      const delivery = await record.mutateAsync({ contractId: sheet.contract.id, date, lines, note: values.note.trim() || null });
      onSaved(delivery.formattedNumber);
    } catch (failure) {
      showApiError(failure, setError, (field) => {
        const line = /^lines\.(\d+)\.quantity$/.exec(field);
        if (line) return `quantities.p${lines[Number(line[1])]?.productId ?? 0}` as const;
        return ({ date: 'date', note: 'note' } as const)[field as 'date' | 'note'];
      }, t('app.unreachable'));
    }
  });
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t('delivery.newTitle')}>
      <h3>{t('delivery.newTitle')}</h3>
      <DateField label={t('delivery.date')} error={errors.date?.message} registration={register('date')} />
      <div className="form-row">
        {items.map((item) => {
          const onHand = products.data?.find((p) => p.id === item.productId)?.onHand;
          return (
            <Field key={item.productId} label={t('delivery.lineQuantity', { product: item.productName })}
              error={errors.quantities?.[`p${item.productId}`]?.message}
              hint={t('delivery.remaining', { quantity: quantityWords(t, outstanding(item.productId), item.unit), onHand: onHand === undefined ? '…' : quantityWords(t, onHand, item.unit) })}>
              <input type="text" inputMode="decimal" className="num" {...register(`quantities.p${item.productId}`)} />
            </Field>
          );
        })}
      </div>
      <Field label={t('contract.note')} error={errors.note?.message}><input type="text" {...register('note')} /></Field>
      <FormActions error={errors.root?.message} submitting={isSubmitting || record.isPending} submitLabel={t('delivery.submit')}
        busyLabel={t('contract.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}

// ------------------------------------------------------------------ acceptance

interface AcceptanceValues { actaNumber: string; date: string; accepted: Record<string, string>; returnRejected: boolean }

/** The acta de conformidad: its number and date, and how much of each line the entity accepted (all, unless typed less). */
export function AcceptanceForm({ deliveryId, formattedNumber, onSaved, onCancel }: FormProps & { deliveryId: number; formattedNumber: string; onSaved(): void }) {
  const { t } = useSettings();
  const delivery = useOperation('getDelivery', { deliveryId });
  const accept = useWrite('acceptDelivery');
  const [confirming, setConfirming] = useState<number | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<AcceptanceValues>({
    values: {
      actaNumber: '', date: '', returnRejected: true,
      accepted: Object.fromEntries((delivery.data?.lines ?? []).map((l) => [`l${l.lineNo}`, formatQuantity(l.quantity)])),
    },
    resetOptions: { keepDirtyValues: true },
  });
  if (!delivery.data) return <ErrorAlert message={delivery.error?.message} />;
  const lines = delivery.data.lines;
  const unit = lines[0]?.unit ?? 'unit';
  const submit = handleSubmit(async (values) => {
    if (values.actaNumber.trim() === '') return setError('actaNumber', { message: t('form.required', { field: t('acceptance.acta') }) }, { shouldFocus: true });
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const accepted: { lineNo: number; acceptedQuantity: number }[] = [];
    for (const line of lines) {
      const quantity = readQuantity(values.accepted[`l${line.lineNo}`] ?? '');
      if (quantity === undefined || quantity === null) return setError(`accepted.l${line.lineNo}`, { message: t('contract.quantityInvalid') }, { shouldFocus: true });
      accepted.push({ lineNo: line.lineNo, acceptedQuantity: quantity });
    }
    const rejected = sumCentimos(lines.map((l, i) => l.quantity - accepted[i]!.acceptedQuantity).filter((q) => q > 0));
    // Less accepted than delivered is the surprise worth a second look: say how much is rejected, then save on the second press.
    if (rejected > 0 && confirming !== rejected) { setConfirming(rejected); return; }
    try {
      await accept.mutateAsync({ deliveryId, actaNumber: values.actaNumber.trim(), date, lines: accepted, returnRejected: rejected > 0 && values.returnRejected });
      onSaved();
    } catch (failure) {
      showApiError(failure, setError, (field) => {
        const line = /^lines\.(\d+)\.acceptedQuantity$/.exec(field);
        if (line) return `accepted.l${accepted[Number(line[1])]?.lineNo ?? 0}` as const;
        return ({ actaNumber: 'actaNumber', date: 'date' } as const)[field as 'actaNumber' | 'date'];
      }, t('app.unreachable'));
    }
  });
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t('acceptance.title', { number: formattedNumber })}>
      <h3>{t('acceptance.title', { number: formattedNumber })}</h3>
      <div className="form-row">
        <Field label={t('acceptance.acta')} error={errors.actaNumber?.message}><input type="text" autoComplete="off" {...register('actaNumber')} /></Field>
        <DateField label={t('acceptance.date')} error={errors.date?.message} registration={register('date')} />
      </div>
      <div className="form-row">
        {lines.map((line) => (
          <Field key={line.lineNo} label={t('acceptance.accepted', { product: line.productName, delivered: quantityWords(t, line.quantity, line.unit) })}
            error={errors.accepted?.[`l${line.lineNo}`]?.message}>
            <input type="text" inputMode="decimal" className="num" {...register(`accepted.l${line.lineNo}`, { onChange: () => setConfirming(null) })} />
          </Field>
        ))}
      </div>
      <label><input type="checkbox" {...register('returnRejected')} /> {t('acceptance.returnToStock')}</label>
      {confirming !== null && <p role="alert" className="alert alert--warn">{t('acceptance.confirmRejected', { quantity: quantityWords(t, confirming, unit) })}</p>}
      <FormActions error={errors.root?.message} submitting={isSubmitting || accept.isPending}
        submitLabel={confirming !== null ? t('contract.confirm') : t('acceptance.submit')} busyLabel={t('contract.saving')}
        cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}

// ------------------------------------------------------------------ invoice

interface InvoiceValues { number: string; date: string; deliveryIds: string[]; subtotal: string; igv: string }

/** The SUNAT invoice issued outside Khipu: its series-number, date, the accepted deliveries it covers, and its IGV. */
export function InvoiceForm({ contractId, deliveries, onSaved, onCancel }: FormProps & {
  contractId: number; deliveries: ContractSheetDeliveryRow[]; onSaved(number: string): void;
}) {
  const { t, locale } = useSettings();
  const record = useWrite('recordContractInvoice');
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<InvoiceValues>({
    defaultValues: { number: '', date: '', deliveryIds: deliveries.map((d) => String(d.deliveryId)), subtotal: '', igv: '' },
  });
  const [chosen, subtotalText, igvText] = useWatch({ control, name: ['deliveryIds', 'subtotal', 'igv'] });
  const acceptedValue = sumCentimos(deliveries.filter((d) => (chosen ?? []).includes(String(d.deliveryId))).map((d) => d.acceptedAmount ?? 0));
  const subtotal = readAmount(subtotalText ?? '', locale).centimos ?? acceptedValue;
  const igv = readAmount(igvText ?? '', locale).centimos ?? 0;
  const submit = handleSubmit(async (values) => {
    if (values.number.trim() === '') return setError('number', { message: t('form.required', { field: t('invoice.number') }) }, { shouldFocus: true });
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (values.deliveryIds.length === 0) return setError('deliveryIds', { message: t('invoice.chooseDelivery') });
    const typedSubtotal = readAmount(values.subtotal, locale);
    if (typedSubtotal.error) return setError('subtotal', { message: typedSubtotal.error }, { shouldFocus: true });
    const typedIgv = readAmount(values.igv, locale);
    if (typedIgv.error) return setError('igv', { message: typedIgv.error }, { shouldFocus: true });
    try {
      const invoice = await record.mutateAsync({
        contractId, number: values.number, date, deliveryIds: values.deliveryIds.map(Number),
        subtotal: typedSubtotal.centimos, igv: typedIgv.centimos ?? 0,
      });
      onSaved(invoice.number);
    } catch (failure) {
      showApiError(failure, setError, (field) => (
        { number: 'number', date: 'date', deliveryIds: 'deliveryIds', subtotal: 'subtotal', igv: 'igv' } as const
      )[field as 'number'] ?? (field.startsWith('deliveryIds') ? 'deliveryIds' : undefined), t('app.unreachable'));
    }
  });
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t('invoice.newTitle')}>
      <h3>{t('invoice.newTitle')}</h3>
      <div className="form-row">
        <Field label={t('invoice.number')} hint={t('invoice.numberHint')} error={errors.number?.message}>
          <input type="text" autoComplete="off" {...register('number')} />
        </Field>
        <DateField label={t('invoice.date')} error={errors.date?.message} registration={register('date')} />
      </div>
      <fieldset className="contract-checks">
        <legend>{t('invoice.deliveries')}</legend>
        {deliveries.map((d) => (
          <label key={d.deliveryId}>
            <input type="checkbox" value={String(d.deliveryId)} {...register('deliveryIds')} />{' '}
            {t('invoice.deliveryOption', { number: d.formattedNumber, date: formatDate(d.date), value: formatMoney(d.acceptedAmount ?? 0) })}
          </label>
        ))}
        {errors.deliveryIds?.message && <p className="field__error" role="alert">{errors.deliveryIds.message}</p>}
      </fieldset>
      <div className="form-row">
        <Field label={t('invoice.subtotal')} hint={formatAmount(acceptedValue)} error={errors.subtotal?.message}>
          <input type="text" inputMode="decimal" className="num" placeholder={formatAmount(acceptedValue)} {...register('subtotal')} />
        </Field>
        <Field label={t('invoice.igv')} hint={t('invoice.igvHint')} error={errors.igv?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('igv')} />
        </Field>
        <p className="contract-total">{t('invoice.total')}: <strong data-testid="invoice-total">{formatMoney(subtotal + igv)}</strong></p>
      </div>
      <FormActions error={errors.root?.message} submitting={isSubmitting || record.isPending} submitLabel={t('invoice.submit')}
        busyLabel={t('contract.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}

// ------------------------------------------------------------------ collection

interface CollectionValues {
  date: string; accountId: string; received: string; igvWithheld: string; withholdingVoucher: string;
  detraction: string; detractionConstancia: string; penalty: string; otherDeductions: string; otherDescription: string;
}
const moneyFields = ['received', 'igvWithheld', 'detraction', 'penalty', 'otherDeductions'] as const;

/** Money in for an invoice, into the caja or a bank, with what the entity kept back; the invoice shows what is left. */
export function CollectionForm({ invoice, onSaved, onCancel }: FormProps & { invoice: ContractInvoiceView; onSaved(): void }) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const cash = useCashAccounts(associationId);
  const record = useWrite('recordContractCollection');
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<CollectionValues>({
    defaultValues: {
      date: '', accountId: '', received: formatAmount(invoice.pending), igvWithheld: '', withholdingVoucher: '',
      detraction: '', detractionConstancia: '', penalty: '', otherDeductions: '', otherDescription: '',
    },
  });
  const watched = useWatch({ control, name: [...moneyFields] });
  const total = sumCentimos(watched.map((text) => readAmount(text ?? '', locale).centimos ?? 0));
  const submit = handleSubmit(async (values) => {
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    const amounts: Record<(typeof moneyFields)[number], number> = { received: 0, igvWithheld: 0, detraction: 0, penalty: 0, otherDeductions: 0 };
    for (const field of moneyFields) {
      const read = readAmount(values[field], locale);
      if (read.error) return setError(field, { message: read.error }, { shouldFocus: true });
      amounts[field] = read.centimos ?? 0;
    }
    if (amounts.igvWithheld > 0 && amounts.detraction > 0) return setError('detraction', { message: t('collection.bothTaxes') }, { shouldFocus: true });
    if (amounts.igvWithheld > 0 && values.withholdingVoucher.trim() === '') return setError('withholdingVoucher', { message: t('collection.voucherRequired') }, { shouldFocus: true });
    if (amounts.detraction > 0 && values.detractionConstancia.trim() === '') return setError('detractionConstancia', { message: t('collection.constanciaRequired') }, { shouldFocus: true });
    if (amounts.otherDeductions > 0 && values.otherDescription.trim() === '') return setError('otherDescription', { message: t('collection.descriptionRequired') }, { shouldFocus: true });
    const sum = sumCentimos(Object.values(amounts));
    if (sum > invoice.pending) return setError('received', { message: t('collection.overPending', { total: formatMoney(sum), pending: formatMoney(invoice.pending) }) }, { shouldFocus: true });
    try {
      await record.mutateAsync({
        invoiceId: invoice.id, date, accountId: values.accountId ? Number(values.accountId) : null, ...amounts,
        withholdingVoucher: values.withholdingVoucher.trim() || null, detractionConstancia: values.detractionConstancia.trim() || null,
        otherDescription: values.otherDescription.trim() || null,
      });
      onSaved();
    } catch (failure) {
      showApiError(failure, setError, (field) => (field in amounts || field in values ? field as keyof CollectionValues : undefined), t('app.unreachable'));
    }
  });
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t('collection.title', { number: invoice.number })}>
      <h3>{t('collection.title', { number: invoice.number })}</h3>
      <p data-testid="collection-pending">{t('collection.pending', { amount: formatMoney(invoice.pending) })}</p>
      <div className="form-row">
        <DateField label={t('collection.date')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('collection.account')} error={errors.accountId?.message}>
          <select {...register('accountId')}>
            {(cash.accounts ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </Field>
        <Field label={t('collection.received')} error={errors.received?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('received')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('collection.withheld')} hint={t('collection.withheldHint')} error={errors.igvWithheld?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('igvWithheld')} />
        </Field>
        <Field label={t('collection.voucher')} error={errors.withholdingVoucher?.message}>
          <input type="text" autoComplete="off" {...register('withholdingVoucher')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('collection.detraction')} error={errors.detraction?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('detraction')} />
        </Field>
        <Field label={t('collection.constancia')} error={errors.detractionConstancia?.message}>
          <input type="text" autoComplete="off" {...register('detractionConstancia')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('collection.penalty')} error={errors.penalty?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('penalty')} />
        </Field>
        <Field label={t('collection.other')} error={errors.otherDeductions?.message}>
          <input type="text" inputMode="decimal" className="num" {...register('otherDeductions')} />
        </Field>
        <Field label={t('collection.otherDescription')} error={errors.otherDescription?.message}>
          <input type="text" {...register('otherDescription')} />
        </Field>
      </div>
      <p className="contract-total">
        {t('collection.total')}: <strong data-testid="collection-total">{formatMoney(total)}</strong>{' · '}
        <span data-testid="collection-after">{t('collection.after', { amount: formatMoney(invoice.pending - total) })}</span>
      </p>
      <ErrorAlert message={cash.error?.message} />
      <FormActions error={errors.root?.message} submitting={isSubmitting || record.isPending} submitLabel={t('collection.submit')}
        busyLabel={t('contract.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}

// ------------------------------------------------------------------ amendment

interface AmendmentValues extends ContractValues { amendmentNumber: string; date: string; reason: string }

/** An adenda: its number, date and reason, and the products and schedule as they stand after it. */
export function AmendmentForm({ contract, onSaved, onCancel }: FormProps & { contract: ContractView; onSaved(): void }) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const products = useOperation('listProducts', { associationId });
  const amend = useWrite('amendContract');
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<AmendmentValues>({
    defaultValues: {
      amendmentNumber: '', date: '', reason: '', partyId: '', number: '', programme: '', processNumber: '', signedOn: '', startDate: '',
      endDate: formatDate(contract.endDate), note: '',
      items: contract.items.map((i) => ({ productId: String(i.productId), quantity: formatQuantity(i.quantity), price: formatAmount(i.unitPrice) })),
      schedule: contract.schedule.map((s) => ({ dueDate: formatDate(s.dueDate), productId: String(s.productId), quantity: formatQuantity(s.quantity) })),
    },
  });
  const submit = handleSubmit(async (values) => {
    const fail = (field: string, message: string) => setError(field as keyof AmendmentValues, { message }, { shouldFocus: true });
    if (values.amendmentNumber.trim() === '') return fail('amendmentNumber', t('form.required', { field: t('amendment.number') }));
    const date = parseDisplayDate(values.date);
    if (!date) return fail('date', t('form.dateInvalid'));
    if (values.reason.trim() === '') return fail('reason', t('form.required', { field: t('amendment.reason') }));
    const endDate = parseDisplayDate(values.endDate);
    if (!endDate) return fail('endDate', t('form.dateInvalid'));
    const terms = readTerms(values, t, locale, fail);
    if (!terms) return;
    try {
      await amend.mutateAsync({ contractId: contract.id, number: values.amendmentNumber.trim(), date, reason: values.reason.trim(), ...terms, endDate });
      onSaved();
    } catch (failure) {
      showApiError(failure, setError, (field) => (
        field === 'number' ? 'amendmentNumber' : field === 'date' ? 'date' : field === 'reason' ? 'reason' : contractField(field)
      ) as keyof AmendmentValues | undefined, t('app.unreachable'));
    }
  });
  if (!products.data) return <ErrorAlert message={products.error?.message} />;
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t('amendment.newTitle')}>
      <h3>{t('amendment.newTitle')}</h3>
      <p className="field__hint">{t('amendment.hint')}</p>
      <div className="form-row">
        <Field label={t('amendment.number')} hint={t('amendment.numberHint')} error={errors.amendmentNumber?.message}><input type="text" {...register('amendmentNumber')} /></Field>
        <DateField label={t('amendment.date')} error={errors.date?.message} registration={register('date')} />
        <DateField label={t('contract.endDate')} error={errors.endDate?.message} registration={register('endDate')} />
      </div>
      <Field label={t('amendment.reason')} error={errors.reason?.message}><input type="text" {...register('reason')} /></Field>
      {/* The adenda's form carries the contract's fields too (unused), so the terms' table is the same component. */}
      <TermsFields control={control as never} register={register as never} errors={errors} products={products.data.filter((p) => !p.archived)} />
      <FormActions error={errors.root?.message} submitting={isSubmitting || amend.isPending} submitLabel={t('amendment.submit')}
        busyLabel={t('contract.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
