import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { OpenSale } from '../../../../shared/operations/sales';
import type { OperationInput } from '../../../../shared/api';
import { formatAmount, subtractCentimos, sumCentimos } from '../../../../shared/money';
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
import { positiveId } from '../../format/params';
import { CollectionPanel } from './CollectionPanel';
import { PartySelect } from './PartySelect';
import { SalesTabs } from './SalesTabs';
import { useCashAccounts } from './useCashAccounts';

interface CollectValues {
  amount: string;
  date: string;
  apply: 'oldest' | 'chosen';
  saleIds: string[];
  accountId: string;
  note: string;
}

type CollectRequest = OperationInput<'collectSale'>;

const saleWords = (t: ReturnType<typeof useSettings>['t'], sale: OpenSale) =>
  `${t(`sale.document.${sale.documentKind}`)}${sale.formattedNumber ? ` ${sale.formattedNumber}` : ''} — ${formatDate(sale.date)}`;

/** The form, once the buyer's open sales and the cash and bank accounts are known. */
function CollectForm({ partyId, open, accounts, onCollected }: {
  partyId: number;
  open: readonly OpenSale[];
  accounts: readonly { id: number; name: string; role: string | null }[];
  onCollected(collectionId: number): void;
}) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const collect = useWrite('collectSale');
  const owed = sumCentimos(open.map((sale) => sale.open));
  // An amount above what the buyer owes waits here until the treasurer confirms the advance it leaves.
  const [overpayment, setOverpayment] = useState<CollectRequest | null>(null);
  const { register, handleSubmit, setError, setValue, getValues, watch, setFocus, formState: { errors, isSubmitting } } = useForm<CollectValues>({
    defaultValues: {
      amount: owed > 0 ? formatAmount(owed) : '', date: formatDate(todayIso()), apply: 'oldest', saleIds: [],
      accountId: String(accounts.find((a) => a.role === 'cash')?.id ?? accounts[0]?.id ?? ''), note: '',
    },
  });
  const apply = watch('apply');

  // Ticking a sale, or choosing how to apply the money, proposes the amount that matches it.
  const proposeAmount = () => {
    const values = getValues();
    const ticked = open.filter((sale) => (values.saleIds ?? []).includes(String(sale.saleId)));
    const proposed = values.apply === 'chosen' ? sumCentimos(ticked.map((sale) => sale.open)) : owed;
    setValue('amount', proposed > 0 ? formatAmount(proposed) : '');
  };

  const send = async (request: CollectRequest) => {
    try {
      const collection = await collect.mutateAsync(request);
      onCollected(collection.id);
    } catch (failure) {
      showApiError(failure, setError, { amount: 'amount', date: 'date', accountId: 'accountId', note: 'note' }, t('app.unreachable'));
    }
  };

  const submit = handleSubmit(async (values) => {
    const amount = readAmount(values.amount, locale);
    if (amount.error || amount.centimos === null) {
      return setError('amount', { message: amount.error ?? t('form.required', { field: t('collect.amount') }) }, { shouldFocus: true });
    }
    const date = parseDisplayDate(values.date);
    if (!date) return setError('date', { message: t('form.dateInvalid') }, { shouldFocus: true });
    if (values.apply === 'chosen' && values.saleIds.length === 0) return setError('root', { message: t('collect.pickOne') });
    const request: CollectRequest = {
      associationId, partyId, date, amount: amount.centimos,
      saleIds: values.apply === 'chosen' ? values.saleIds.map(Number) : null,
      accountId: values.accountId ? Number(values.accountId) : null,
      note: values.note.trim() || null,
    };
    if (amount.centimos > owed) return setOverpayment(request);
    await send(request);
  });

  const confirm = async () => {
    const request = overpayment;
    setOverpayment(null);
    if (request) await send({ ...request, confirmOverpayment: true });
  };
  const correct = () => {
    setOverpayment(null);
    setFocus('amount');
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('collect.open')}</h2>
      <p data-testid="collect-owed">{t('collect.owes', { amount: formatMoney(owed) })}</p>
      {open.length === 0 ? <p>{t('collect.noOpen')}</p> : (
        <table className="data">
          <thead>
            <tr>
              {apply === 'chosen' && <th>{t('collect.col.pick')}</th>}
              <th>{t('collect.col.sale')}</th>
              <th>{t('collect.col.due')}</th>
              <th className="num">{t('collect.col.total')}</th>
              <th className="num">{t('collect.col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((sale) => (
              <tr key={sale.saleId}>
                {apply === 'chosen' && (
                  <td>
                    <input type="checkbox" value={sale.saleId} aria-label={saleWords(t, sale)} {...register('saleIds', { onChange: proposeAmount })} />
                  </td>
                )}
                <td>{saleWords(t, sale)}</td>
                <td>{formatDate(sale.dueDate)}</td>
                <td className="num">{formatMoney(sale.total)}</td>
                <td className="num">{formatMoney(sale.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-row">
        <Field label={t('collect.amount')} hint={apply === 'chosen' ? t('collect.amountTicked') : t('form.amountHint')} error={errors.amount?.message}>
          <input type="text" inputMode="decimal" className="num big-input" {...register('amount')} />
        </Field>
        <DateField label={t('collect.date')} error={errors.date?.message} registration={register('date')} />
        <Field label={t('collect.account')} error={errors.accountId?.message}>
          <select {...register('accountId')}>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </Field>
      </div>
      <fieldset className="radio-row">
        <legend>{t('collect.apply')}</legend>
        <label><input type="radio" value="oldest" {...register('apply', { onChange: proposeAmount })} /> {t('collect.apply.oldest')}</label>
        <label><input type="radio" value="chosen" {...register('apply', { onChange: proposeAmount })} /> {t('collect.apply.chosen')}</label>
      </fieldset>
      <Field label={t('collect.note')} error={errors.note?.message}>
        <input type="text" {...register('note')} />
      </Field>
      <FormActions error={errors.root?.message} submitting={isSubmitting || collect.isPending} submitLabel={t('collect.submit')} busyLabel={t('collect.saving')} />
      {overpayment && (
        <Dialog title={t('collect.over.title')} onClose={correct}>
          <p>{t('collect.over.owes', { amount: formatMoney(owed), received: formatMoney(overpayment.amount) })}</p>
          <p className="notice" data-testid="collect-over-advance">
            <strong>{t('collect.over.advance', { amount: formatMoney(subtractCentimos(overpayment.amount, owed)) })}</strong>
          </p>
          <div className="actions">
            <button type="button" className="button--primary" onClick={() => void confirm()}>{t('collect.over.confirm')}</button>
            <button type="button" onClick={correct}>{t('collect.over.correct')}</button>
          </div>
        </Dialog>
      )}
    </form>
  );
}

function BuyerCollection({ partyId, onCollected }: { partyId: number; onCollected(collectionId: number): void }) {
  const t = useSettings().t;
  const associationId = useAssociationId();
  const open = useOperation('openSales', { associationId, partyId });
  const cash = useCashAccounts(associationId);
  const error = open.error ?? cash.error;
  if (error) return <ErrorAlert message={error.message} />;
  if (!open.data || !cash.accounts) return <p className="loading">{t('app.loading')}</p>;
  return <CollectForm partyId={partyId} open={open.data} accounts={cash.accounts} onCollected={onCollected} />;
}

/** Cobrar a clientes: a buyer's credit sales with ticks, the money received, a numbered recibo de ingreso. */
export function CollectScreen() {
  const { t } = useSettings();
  const [params, setParams] = useSearchParams();
  const partyId = positiveId(params.get('cliente'));
  const [collectionId, setCollectionId] = useState<number | null>(null);
  return (
    <section className="screen">
      <h1>{t('collect.title')}</h1>
      <SalesTabs />
      <div className="panel">
        <Field label={t('collect.buyer')}>
          <PartySelect value={partyId} emptyLabel={t('contrib.choose')} onChange={(id) => {
            setCollectionId(null);
            setParams(id ? { cliente: String(id) } : {}, { replace: true });
          }} />
        </Field>
        {partyId !== null && collectionId === null && <BuyerCollection key={partyId} partyId={partyId} onCollected={setCollectionId} />}
      </div>
      {collectionId !== null && <CollectionPanel collectionId={collectionId} />}
    </section>
  );
}
