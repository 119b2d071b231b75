import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDate, formatMoney } from '../../format/format';
import { positiveId } from '../../format/params';
import { LabourPaymentForm } from './LabourPaymentForm';
import { PurchasesTabs } from './PurchasesTabs';
import { SupplierPicker } from './SupplierPicker';
import { SupplierPaymentForm } from './SupplierPaymentForm';
import { VoucherPanel } from './VoucherPanel';

type Paying = 'supplier' | 'labour';

/** Pagos: paying a supplier or day labour, each with its numbered recibo de egreso, and every voucher issued. */
export function PaymentsScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const [params, setParams] = useSearchParams();
  const partyId = positiveId(params.get('proveedor'));
  const paying: Paying = params.get('pagar') === 'jornal' ? 'labour' : 'supplier';
  const parties = useOperation('listParties', { associationId });
  const [open, setOpen] = useState<{ id: number; justIssued: boolean } | null>(null);
  const choose = (next: Record<string, string>) => {
    setOpen(null);
    setParams(next, { replace: true });
  };
  const issued = (voucherId: number) => setOpen({ id: voucherId, justIssued: true });
  return (
    <section className="screen">
      <h1>{t('purchase.payments.title')}</h1>
      <PurchasesTabs />
      <fieldset className="radio-row">
        <legend>{t('purchase.payments.what')}</legend>
        <label><input type="radio" name="paying" checked={paying === 'supplier'} onChange={() => choose({})} /> {t('purchase.payments.supplier')}</label>
        <label><input type="radio" name="paying" checked={paying === 'labour'} onChange={() => choose({ pagar: 'jornal' })} /> {t('purchase.payments.labour')}</label>
      </fieldset>
      {open?.justIssued ? (
        <>
          <VoucherPanel key={open.id} voucherId={open.id} justIssued />
          <p className="actions"><button type="button" onClick={() => setOpen(null)}>{t('purchase.payments.another')}</button></p>
        </>
      ) : paying === 'supplier' ? (
        <div className="panel">
          <h2>{t('purchase.paySupplier.title')}</h2>
          <ErrorAlert message={parties.error?.message} />
          <Field label={t('purchase.paySupplier.supplier')} hint={t('purchase.supplierHint')}>
            <SupplierPicker parties={parties.data ?? []} value={partyId} onChange={(id) => choose(id ? { proveedor: String(id) } : {})} />
          </Field>
          {partyId !== null && <SupplierPaymentForm key={partyId} partyId={partyId} onIssued={issued} />}
        </div>
      ) : (
        <div className="panel">
          <h2>{t('purchase.labour.title')}</h2>
          <LabourPaymentForm onIssued={issued} />
        </div>
      )}
      {open && !open.justIssued && <VoucherPanel key={open.id} voucherId={open.id} />}
      <VoucherList onOpen={(id) => setOpen({ id, justIssued: false })} />
    </section>
  );
}

/** Every voucher issued, newest first: reprinted (DUPLICADO) or voided from its panel. */
function VoucherList({ onOpen }: { onOpen(voucherId: number): void }) {
  const t = useT();
  const associationId = useAssociationId();
  const vouchers = useOperation('listPaymentVouchers', { associationId });
  const rows = [...(vouchers.data ?? [])].reverse();
  return (
    <section className="panel" aria-label={t('purchase.payments.list')}>
      <h2>{t('purchase.payments.list')}</h2>
      <ErrorAlert message={vouchers.error?.message} />
      {vouchers.isSuccess && rows.length === 0 ? <p>{t('purchase.payments.noVouchers')}</p> : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('purchase.payments.col.number')}</th><th>{t('purchase.payments.col.date')}</th><th>{t('purchase.payments.col.payee')}</th>
              <th>{t('purchase.payments.col.concept')}</th><th className="num">{t('purchase.payments.col.amount')}</th><th>{t('purchase.payments.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((voucher) => (
              <tr key={voucher.id}>
                <td>
                  <button type="button" className="link-button" aria-label={t('purchase.payments.open', { number: voucher.formattedNumber })}
                    onClick={() => onOpen(voucher.id)}>{voucher.formattedNumber}</button>
                </td>
                <td>{formatDate(voucher.date)}</td>
                <td>{voucher.payeeName}</td>
                <td>{voucher.concept}</td>
                <td className="num">{formatMoney(voucher.amount)}</td>
                <td>{voucher.status === 'voided' ? <span className="badge badge--warn">{t('purchase.payments.voidedBadge')}</span> : t(`purchase.payments.kind.${voucher.kind}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
