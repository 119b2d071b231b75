import { Link } from 'react-router';
import { useFieldArray, useForm, useWatch, type Control, type UseFormRegister, type FieldErrors } from 'react-hook-form';
import type { OperationInput } from '../../../../shared/api';
import type { ProductSummary } from '../../../../shared/operations/stock';
import { multiplyQuantity, sumCentimos } from '../../../../shared/money';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { readAmount } from '../../format/amounts';
import { formatMoney, parseDisplayDate } from '../../format/format';
import { readQuantity } from '../sales/quantity';

interface ItemValues { productId: string; quantity: string; price: string }
interface ScheduleValues { dueDate: string; productId: string; quantity: string }

export interface ContractValues {
  partyId: string;
  number: string;
  programme: string;
  processNumber: string;
  signedOn: string;
  startDate: string;
  endDate: string;
  items: ItemValues[];
  schedule: ScheduleValues[];
  note: string;
}

type Terms = Pick<OperationInput<'createContract'>, 'items' | 'schedule'>;
const emptyItem: ItemValues = { productId: '', quantity: '', price: '' };
const emptySchedule: ScheduleValues = { dueDate: '', productId: '', quantity: '' };

/** The engine's path of a field ("items.1.quantity", "schedule.0.dueDate") → this form's field. */
export function contractField(apiField: string): string | undefined {
  const item = /^items\.(\d+)\.(productId|quantity|unitPrice)$/.exec(apiField);
  if (item) return `items.${item[1]}.${item[2] === 'unitPrice' ? 'price' : item[2]}`;
  const row = /^schedule\.(\d+)\.(dueDate|productId|quantity)$/.exec(apiField);
  if (row) return `schedule.${row[1]}.${row[2]}`;
  const direct: Record<string, string> = {
    partyId: 'partyId', number: 'number', programme: 'programme', processNumber: 'processNumber', signedOn: 'signedOn',
    startDate: 'startDate', endDate: 'endDate', note: 'note', items: 'items', schedule: 'schedule', date: 'signedOn',
  };
  return direct[apiField];
}

/** Nuevo contrato: the entity, its numbers and dates, the products with quantity and price, and the schedule. */
export function ContractForm({ onSaved, onCancel }: { onSaved(contractId: number): void; onCancel(): void }) {
  const { t } = useSettings();
  const associationId = useAssociationId();
  const products = useOperation('listProducts', { associationId });
  const parties = useOperation('listParties', { associationId });
  const error = products.error ?? parties.error;
  if (error) return <ErrorAlert message={error.message} />;
  if (!products.data || !parties.data) return <p className="loading">{t('app.loading')}</p>;
  const entities = parties.data.filter((p) => p.kind === 'public_entity' && !p.archived);
  if (entities.length === 0) {
    return <p className="notice">{t('contract.noEntities')} <Link to={`/a/${associationId}/compras/proveedores`}>{t('contract.toParties')}</Link></p>;
  }
  return <ContractFields entities={entities} products={products.data.filter((p) => !p.archived)} onSaved={onSaved} onCancel={onCancel} />;
}

function ContractFields({ entities, products, onSaved, onCancel }: {
  entities: readonly { id: number; name: string; documentNumber: string | null }[];
  products: readonly ProductSummary[];
  onSaved(contractId: number): void;
  onCancel(): void;
}) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const create = useWrite('createContract');
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<ContractValues>({
    defaultValues: {
      partyId: entities.length === 1 ? String(entities[0]!.id) : '', number: '', programme: '', processNumber: '',
      signedOn: '', startDate: '', endDate: '', items: [emptyItem], schedule: [], note: '',
    },
  });
  const submit = handleSubmit(async (values) => {
    const fail = (field: string, message: string) => setError(field as keyof ContractValues, { message }, { shouldFocus: true });
    if (!values.partyId) return fail('partyId', t('form.required', { field: t('contract.entity') }));
    if (values.number.trim() === '') return fail('number', t('form.required', { field: t('contract.number') }));
    const signedOn = parseDisplayDate(values.signedOn);
    if (!signedOn) return fail('signedOn', t('form.dateInvalid'));
    const startDate = values.startDate.trim() === '' ? null : parseDisplayDate(values.startDate);
    if (startDate === null && values.startDate.trim() !== '') return fail('startDate', t('form.dateInvalid'));
    const endDate = parseDisplayDate(values.endDate);
    if (!endDate) return fail('endDate', t('form.dateInvalid'));
    const terms = readTerms(values, t, locale, fail);
    if (!terms) return;
    const request: OperationInput<'createContract'> = {
      associationId, partyId: Number(values.partyId), number: values.number.trim(),
      programme: values.programme.trim() || null, processNumber: values.processNumber.trim() || null,
      signedOn, startDate, endDate, ...terms, note: values.note.trim() || null,
    };
    try {
      const contract = await create.mutateAsync(request);
      onSaved(contract.id);
    } catch (failure) {
      showApiError(failure, setError, (f) => contractField(f) as keyof ContractValues | undefined, t('app.unreachable'));
    }
  });
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t('contract.newTitle')}>
      <div className="form-row">
        <Field label={t('contract.entity')} hint={t('contract.entityHint')} error={errors.partyId?.message}>
          <select {...register('partyId')}>
            <option value="">{t('contract.entityChoose')}</option>
            {entities.map((p) => <option key={p.id} value={p.id}>{`${p.name}${p.documentNumber ? ` — ${p.documentNumber}` : ''}`}</option>)}
          </select>
        </Field>
        <Field label={t('contract.programme')} hint={t('contract.programmeHint')} error={errors.programme?.message}>
          <input type="text" {...register('programme')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('contract.number')} error={errors.number?.message}>
          <input type="text" autoComplete="off" {...register('number')} />
        </Field>
        <Field label={t('contract.processNumber')} hint={t('contract.processHint')} error={errors.processNumber?.message}>
          <input type="text" autoComplete="off" {...register('processNumber')} />
        </Field>
      </div>
      <div className="form-row">
        <DateField label={t('contract.signedOn')} error={errors.signedOn?.message} registration={register('signedOn')} />
        <DateField label={t('contract.startDate')} error={errors.startDate?.message} registration={register('startDate')} />
        <DateField label={t('contract.endDate')} error={errors.endDate?.message} registration={register('endDate')} />
      </div>
      <TermsFields control={control} register={register} errors={errors} products={products} />
      <Field label={t('contract.note')} error={errors.note?.message}>
        <input type="text" {...register('note')} />
      </Field>
      <FormActions error={errors.root?.message ?? errors.items?.message ?? errors.schedule?.message} submitting={isSubmitting || create.isPending}
        submitLabel={t('contract.submit')} busyLabel={t('contract.saving')} cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}

type Translate = ReturnType<typeof useSettings>['t'];

/** The typed items and schedule → the engine's terms; null after saying what is wrong on its field. */
export function readTerms(
  values: Pick<ContractValues, 'items' | 'schedule'>, t: Translate, locale: ReturnType<typeof useSettings>['locale'],
  fail: (field: string, message: string) => void,
): Terms | null {
  const items: Terms['items'] = [];
  for (const [index, line] of values.items.entries()) {
    if (!line.productId) { fail(`items.${index}.productId`, t('form.required', { field: t('contract.product') })); return null; }
    const quantity = readQuantity(line.quantity);
    if (!quantity) { fail(`items.${index}.quantity`, t('contract.quantityInvalid')); return null; }
    const price = readAmount(line.price, locale);
    if (price.error || !price.centimos) { fail(`items.${index}.price`, price.error ?? t('contract.priceRequired')); return null; }
    items.push({ productId: Number(line.productId), quantity, unitPrice: price.centimos });
  }
  const schedule: NonNullable<Terms['schedule']> = [];
  for (const [index, row] of values.schedule.entries()) {
    if (row.dueDate.trim() === '' && row.quantity.trim() === '') continue; // an empty row is left out
    const dueDate = parseDisplayDate(row.dueDate);
    if (!dueDate) { fail(`schedule.${index}.dueDate`, t('form.dateInvalid')); return null; }
    const productId = row.productId || (values.items.length === 1 ? values.items[0]!.productId : '');
    if (!productId) { fail(`schedule.${index}.productId`, t('form.required', { field: t('contract.product') })); return null; }
    const quantity = readQuantity(row.quantity);
    if (!quantity) { fail(`schedule.${index}.quantity`, t('contract.quantityInvalid')); return null; }
    schedule.push({ dueDate, productId: Number(productId), quantity });
  }
  return { items, schedule: schedule.length > 0 ? schedule : null };
}

/** Products with quantity and price, and the delivery schedule: shared by the new contract and the adenda. */
export function TermsFields({ control, register, errors, products }: {
  control: Control<ContractValues>;
  register: UseFormRegister<ContractValues>;
  errors: FieldErrors<ContractValues>;
  products: readonly ProductSummary[];
}) {
  const { t, locale } = useSettings();
  const items = useFieldArray({ control, name: 'items' });
  const schedule = useFieldArray({ control, name: 'schedule' });
  const watched = useWatch({ control, name: 'items' });
  const amountOf = (line: ItemValues | undefined) => {
    const quantity = readQuantity(line?.quantity ?? '');
    const price = readAmount(line?.price ?? '', locale).centimos;
    return quantity && price ? multiplyQuantity(price, quantity) : 0;
  };
  const total = sumCentimos((watched ?? []).map(amountOf));
  return (
    <>
      <h3>{t('contract.items')}</h3>
      <table className="data contract-lines">
        <thead>
          <tr>
            <th>{t('contract.product')}</th><th className="num">{t('contract.quantity')}</th>
            <th className="num">{t('contract.price')}</th><th className="num">{t('contract.amount')}</th>
            <th><span className="contracts-hidden">{t('contract.removeItem', { line: '' })}</span></th>
          </tr>
        </thead>
        <tbody>
          {items.fields.map((field, index) => {
            const lineErrors = errors.items?.[index];
            return (
              <tr key={field.id}>
                <td>
                  <Field label={t('contract.lineProduct', { line: index + 1 })} error={lineErrors?.productId?.message}>
                    <select {...register(`items.${index}.productId`)}>
                      <option value="">{t('contrib.choose')}</option>
                      {products.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                    </select>
                  </Field>
                </td>
                <td>
                  <Field label={t('contract.lineQuantity', { line: index + 1 })} error={lineErrors?.quantity?.message}>
                    <input type="text" inputMode="decimal" className="num" {...register(`items.${index}.quantity`)} />
                  </Field>
                </td>
                <td>
                  <Field label={t('contract.linePrice', { line: index + 1 })} error={lineErrors?.price?.message}>
                    <input type="text" inputMode="decimal" className="num" {...register(`items.${index}.price`)} />
                  </Field>
                </td>
                <td className="num">{formatMoney(amountOf(watched?.[index]))}</td>
                <td>
                  {items.fields.length > 1 && (
                    <button type="button" onClick={() => items.remove(index)} aria-label={t('contract.removeItem', { line: index + 1 })}>×</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="form-row">
        <p className="actions"><button type="button" onClick={() => items.append(emptyItem)}>{t('contract.addItem')}</button></p>
        <p className="contract-total">{t('contract.total')}: <strong data-testid="contract-total">{formatMoney(total)}</strong></p>
      </div>
      <h3>{t('contract.schedule')}</h3>
      <p className="field__hint">{t('contract.scheduleHint')}</p>
      {schedule.fields.length > 0 && (
        <table className="data contract-lines">
          <thead>
            <tr>
              <th>{t('contract.dueDate')}</th><th>{t('contract.product')}</th><th className="num">{t('contract.quantity')}</th>
              <th><span className="contracts-hidden">{t('contract.removeSchedule', { line: '' })}</span></th>
            </tr>
          </thead>
          <tbody>
            {schedule.fields.map((field, index) => {
              const rowErrors = errors.schedule?.[index];
              return (
                <tr key={field.id}>
                  <td>
                    <Field label={t('contract.scheduleDue', { line: index + 1 })} error={rowErrors?.dueDate?.message}>
                      <input type="text" inputMode="numeric" placeholder="dd/mm/aaaa" {...register(`schedule.${index}.dueDate`)} />
                    </Field>
                  </td>
                  <td>
                    <Field label={t('contract.scheduleProduct', { line: index + 1 })} error={rowErrors?.productId?.message}>
                      <select {...register(`schedule.${index}.productId`)}>
                        <option value="">{t('contrib.choose')}</option>
                        {products.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                      </select>
                    </Field>
                  </td>
                  <td>
                    <Field label={t('contract.scheduleQuantity', { line: index + 1 })} error={rowErrors?.quantity?.message}>
                      <input type="text" inputMode="decimal" className="num" {...register(`schedule.${index}.quantity`)} />
                    </Field>
                  </td>
                  <td>
                    <button type="button" onClick={() => schedule.remove(index)} aria-label={t('contract.removeSchedule', { line: index + 1 })}>×</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="actions">
        <button type="button" onClick={() => schedule.append({ ...emptySchedule, productId: watched?.length === 1 ? watched[0]!.productId : '' })}>
          {t('contract.addSchedule')}
        </button>
      </p>
    </>
  );
}
