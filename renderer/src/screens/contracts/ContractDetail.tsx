import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { contractStatuses, type ContractInvoiceView, type ContractSheet, type ContractSheetDeliveryRow, type ContractStatus } from '../../../../shared/operations/contracts';
import { useAssociationId } from '../../app/association';
import { useClient, useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrintActions } from '../../components/PrintActions';
import { formatDate, formatMoney } from '../../format/format';
import { positiveId } from '../../format/params';
import { useDocumentPrint } from '../contributions/useDocumentPrint';
import { VoidDocumentForm } from '../contributions/VoidDocumentForm';
import { AcceptanceForm, AmendmentForm, CollectionForm, DeliveryForm, InvoiceForm } from './ContractForms';
import { collectionWords, quantityWords } from './words';

type Open =
  | { kind: 'delivery' }
  | { kind: 'acceptance'; deliveryId: number; formattedNumber: string }
  | { kind: 'invoice' }
  | { kind: 'collection'; invoice: ContractInvoiceView }
  | { kind: 'amendment' }
  | { kind: 'void'; title: string; explain: string; run(input: { date: string; reason: string }): Promise<unknown> }
  | null;

type VoidInput = { date: string; reason: string };

/** One contract: how it stands in big figures, its deliveries, invoices and collections, its terms, and its sheet. */
export function ContractDetail() {
  const t = useT();
  const associationId = useAssociationId();
  const contractId = positiveId(useParams().contractId ?? null);
  const location = useLocation();
  const justSaved = (location.state as { justSaved?: boolean } | null)?.justSaved === true;
  const sheet = useOperation('contractSheet', { contractId: contractId ?? 0 }, { enabled: contractId !== null });
  const [open, setOpen] = useState<Open>(null);
  const client = useClient();
  const voidDelivery = useWrite('voidDelivery');
  const voidAcceptance = useWrite('voidAcceptance');
  const voidInvoice = useWrite('voidContractInvoice');
  const voidCollection = useWrite('voidContractCollection');
  const [saved, setSaved] = useState<string | null>(justSaved ? t('contract.saved') : null);
  const back = <p><Link to={`/a/${associationId}/contratos`}>{t('contracts.back')}</Link></p>;
  if (contractId === null) return <section className="screen">{back}<ErrorAlert message={t('contracts.notFound')} /></section>;
  if (!sheet.data) {
    return <section className="screen">{back}{sheet.error ? <ErrorAlert message={sheet.error.message} /> : <p className="loading">{t('app.loading')}</p>}</section>;
  }
  const data = sheet.data;
  const { contract, totals } = data;
  const done = (message: string) => { setOpen(null); setSaved(message); };
  const toInvoice = data.deliveries.filter((d) => d.stage === 'accepted');
  const askVoid = (title: string, explain: string, run: (input: VoidInput) => Promise<unknown>) => { setSaved(null); setOpen({ kind: 'void', title, explain, run }); };
  const onVoidDelivery = (row: ContractSheetDeliveryRow) => (row.stage === 'pending'
    ? askVoid(t('void.delivery', { number: row.formattedNumber }), t('void.deliveryExplain'), (input) => voidDelivery.mutateAsync({ deliveryId: row.deliveryId, ...input }))
    : askVoid(t('void.acceptance', { number: row.formattedNumber }), t('void.acceptanceExplain'), async (input) => {
      const delivery = await client.call('getDelivery', { deliveryId: row.deliveryId });
      return voidAcceptance.mutateAsync({ acceptanceId: delivery.acceptance?.id ?? 0, ...input });
    }));
  const onVoidInvoice = (invoice: ContractInvoiceView) => askVoid(t('void.invoice', { number: invoice.number }), t('void.invoiceExplain'),
    (input) => voidInvoice.mutateAsync({ invoiceId: invoice.id, ...input }));
  const onVoidCollection = (collection: ContractSheet['collections'][number]) => askVoid(
    t('void.collection', { date: formatDate(collection.date), invoice: collection.invoiceNumber }), t('void.collectionExplain'),
    (input) => voidCollection.mutateAsync({ collectionId: collection.id, ...input }));
  return (
    <section className="screen" aria-labelledby="contract-title">
      {back}
      <h1 id="contract-title">{t('contract.heading', { number: contract.number })}</h1>
      <p className="subtitle">
        {contract.programme ? t('contract.with', { entity: contract.entity.name, programme: contract.programme }) : contract.entity.name}
        {contract.processNumber && ` · ${t('contract.process', { process: contract.processNumber })}`}
        {' · '}{t('contract.term', { signed: formatDate(contract.signedOn), from: formatDate(contract.startDate), to: formatDate(contract.endDate) })}
        {' · '}{t(`contracts.status.${contract.status}`)}
      </p>
      {saved && <p role="status" className="alert alert--ok" data-testid="contract-saved">{saved}</p>}
      <Figures data={data} />
      {open?.kind === 'void' && (
        <section className="panel" aria-label={open.title}>
          <h2>{open.title}</h2>
          <VoidDocumentForm explain={open.explain} labels={{ date: t('void.date'), reason: t('void.reason'), submit: t('void.submit') }}
            onVoid={open.run} onVoided={() => done(t('void.done'))} onCancel={() => setOpen(null)} />
        </section>
      )}
      <PrintActions route={`/print/contract-sheet?id=${contract.id}`} suggestedName={`hoja-contrato-${contract.number}.pdf`} />

      <section className="contract-section" aria-labelledby="contract-deliveries">
        <h2 id="contract-deliveries">{t('contract.tab.deliveries')}</h2>
        {open?.kind !== 'delivery' && contract.status === 'in_force' && (
          <p className="actions"><button type="button" className="button--primary" onClick={() => { setSaved(null); setOpen({ kind: 'delivery' }); }}>{t('delivery.new')}</button></p>
        )}
        {open?.kind === 'delivery' && (
          <DeliveryForm sheet={data} onCancel={() => setOpen(null)} onSaved={(number) => done(t('delivery.saved', { number }))} />
        )}
        {open?.kind === 'acceptance' && (
          <AcceptanceForm deliveryId={open.deliveryId} formattedNumber={open.formattedNumber} onCancel={() => setOpen(null)}
            onSaved={() => done(t('acceptance.saved'))} />
        )}
        <DeliveriesTable rows={data.deliveries} onVoid={onVoidDelivery} onAccept={(row) => { setSaved(null); setOpen({ kind: 'acceptance', deliveryId: row.deliveryId, formattedNumber: row.formattedNumber }); }} />
        {data.penaltiesMayDeduct > 0 && <p className="field__hint">{t('delivery.penaltyNote')}</p>}
      </section>

      <section className="contract-section" aria-labelledby="contract-invoices">
        <h2 id="contract-invoices">{t('contract.tab.invoices')}</h2>
        {open?.kind !== 'invoice' && (toInvoice.length > 0
          ? <p className="actions"><button type="button" className="button--primary" onClick={() => { setSaved(null); setOpen({ kind: 'invoice' }); }}>{t('invoice.new')}</button></p>
          : data.deliveries.length > 0 && totals.acceptedNotInvoiced === 0 && data.invoices.length === 0 && <p className="field__hint">{t('contract.noneAccepted')}</p>)}
        {open?.kind === 'invoice' && (
          <InvoiceForm contractId={contract.id} deliveries={toInvoice} onCancel={() => setOpen(null)} onSaved={(number) => done(t('invoice.saved', { number }))} />
        )}
        {open?.kind === 'collection' && (
          <CollectionForm invoice={open.invoice} onCancel={() => setOpen(null)} onSaved={() => done(t('collection.saved'))} />
        )}
        <InvoicesTable data={data} onVoid={onVoidInvoice} onVoidCollection={onVoidCollection} onCollect={(invoice) => { setSaved(null); setOpen({ kind: 'collection', invoice }); }} />
      </section>

      <section className="contract-section" aria-labelledby="contract-terms">
        <h2 id="contract-terms">{t('contract.tab.terms')}</h2>
        <Terms data={data} />
        <StatusForm contractId={contract.id} status={contract.status} onSaved={() => done(t('contract.statusSaved'))} />
        {open?.kind === 'amendment'
          ? <AmendmentForm contract={contract} onCancel={() => setOpen(null)} onSaved={() => done(t('amendment.saved'))} />
          : <p className="actions"><button type="button" onClick={() => { setSaved(null); setOpen({ kind: 'amendment' }); }}>{t('amendment.new')}</button></p>}
      </section>
    </section>
  );
}

function Figures({ data }: { data: ContractSheet }) {
  const t = useT();
  const { totals } = data;
  const cards: [string, number, string][] = [
    [t('contract.fig.value'), totals.value, 'value'],
    [t('contract.fig.delivered'), totals.delivered, 'delivered'],
    [t('contract.fig.accepted'), totals.accepted, 'accepted'],
    [t('contract.fig.invoiced'), totals.invoiced, 'invoiced'],
    [t('contract.fig.collected'), totals.collected, 'collected'],
    [t('contract.fig.deductions'), totals.deductions, 'deductions'],
    [t('contract.fig.notInvoiced'), totals.acceptedNotInvoiced, 'not-invoiced'],
    [t('contract.fig.toDeliver'), totals.toDeliver, 'to-deliver'],
  ];
  return (
    <div className="cards contract-figures" role="group" aria-label={t('contract.figures')}>
      <div className="card card--main">
        <div className="card__label">{t('contract.fig.pending')}</div>
        <div className="card__figure" data-testid="contract-pending">{formatMoney(totals.pending)}</div>
      </div>
      {cards.map(([label, amount, id]) => (
        <div className="card" key={id}>
          <div className="card__label">{label}</div>
          <div className="card__figure" data-testid={`contract-${id}`}>{formatMoney(amount)}</div>
        </div>
      ))}
    </div>
  );
}

function DeliveriesTable({ rows, onAccept, onVoid }: {
  rows: ContractSheetDeliveryRow[]; onAccept(row: ContractSheetDeliveryRow): void; onVoid(row: ContractSheetDeliveryRow): void;
}) {
  const t = useT();
  const recordPrint = useWrite('recordDeliveryPrint');
  const printing = useDocumentPrint({ saved: (path) => t('printing.saved', { path }), printed: t('deliveryNote.printed'), cancelled: t('printing.cancelled') });
  if (rows.length === 0) return <p className="notice">{t('delivery.empty')}</p>;
  return (
    <>
      <ErrorAlert message={printing.error} />
      {printing.message && <p role="status">{printing.message}</p>}
      <table className="data" data-testid="deliveries-table">
        <thead>
          <tr>
            <th>{t('delivery.col.number')}</th><th>{t('delivery.col.date')}</th><th className="num">{t('delivery.col.value')}</th>
            <th className="num">{t('delivery.col.late')}</th><th className="num">{t('delivery.col.penalty')}</th>
            <th>{t('delivery.col.acceptance')}</th><th><span className="contracts-hidden">{t('delivery.col.number')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.deliveryId} data-testid={`delivery-${d.formattedNumber}`}>
              <td>{d.formattedNumber}</td>
              <td>{formatDate(d.date)}</td>
              <td className="num">{formatMoney(d.amount)}</td>
              <td className="num">{d.daysLate > 0 ? t('delivery.daysLate', { days: d.daysLate }) : t('delivery.onTime')}</td>
              <td className="num">{d.penalty > 0 ? formatMoney(d.penalty) : '—'}</td>
              <td>
                {d.actaNumber && d.actaDate
                  ? t('delivery.accepted', { acta: d.actaNumber, date: formatDate(d.actaDate) })
                  : <button type="button" onClick={() => onAccept(d)}>{t('delivery.accept', { number: d.formattedNumber })}</button>}
              </td>
              <td>
                <button type="button" onClick={() => void printing.print(
                  { route: `/print/delivery-note?id=${d.deliveryId}`, paper: 'A5', target: 'printer', suggestedName: `guia-${d.formattedNumber}.pdf` },
                  () => recordPrint.mutateAsync({ deliveryId: d.deliveryId }),
                )}>{t('delivery.printNote', { number: d.formattedNumber })}</button>
                {d.stage !== 'invoiced' && (
                  <button type="button" className="button--danger" onClick={() => onVoid(d)}>
                    {t(d.stage === 'pending' ? 'void.delivery' : 'void.acceptance', { number: d.formattedNumber })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

interface InvoiceActions {
  onCollect(invoice: ContractInvoiceView): void;
  onVoid(invoice: ContractInvoiceView): void;
  onVoidCollection(collection: ContractSheet['collections'][number]): void;
}

function InvoicesTable({ data, ...actions }: { data: ContractSheet } & InvoiceActions) {
  const t = useT();
  if (data.invoices.length === 0) return <p className="notice">{t('invoice.empty')}</p>;
  return (
    <table className="data" data-testid="invoices-table">
      <thead>
        <tr>
          <th>{t('invoice.col.number')}</th><th>{t('invoice.col.date')}</th><th className="num">{t('invoice.col.total')}</th>
          <th className="num">{t('invoice.col.collected')}</th><th className="num">{t('invoice.col.deductions')}</th>
          <th className="num">{t('invoice.col.pending')}</th><th><span className="contracts-hidden">{t('invoice.col.pending')}</span></th>
        </tr>
      </thead>
      <tbody>
        {data.invoices.map((invoice) => (
          <InvoiceRow key={invoice.id} invoice={invoice} collections={data.collections.filter((c) => c.invoiceId === invoice.id)} {...actions} />
        ))}
      </tbody>
    </table>
  );
}

function InvoiceRow({ invoice, collections, onCollect, onVoid, onVoidCollection }: {
  invoice: ContractInvoiceView; collections: ContractSheet['collections'];
} & InvoiceActions) {
  const t = useT();
  return (
    <>
      <tr data-testid={`invoice-${invoice.number}`}>
        <td>{invoice.number}</td>
        <td>{formatDate(invoice.date)}</td>
        <td className="num">{formatMoney(invoice.total)}</td>
        <td className="num">{formatMoney(invoice.collected)}</td>
        <td className="num">{formatMoney(invoice.deductions)}</td>
        <td className="num" data-testid={`invoice-pending-${invoice.number}`}>{formatMoney(invoice.pending)}</td>
        <td>
          {invoice.pending > 0 && <button type="button" onClick={() => onCollect(invoice)}>{t('invoice.collect', { number: invoice.number })}</button>}
          {collections.length === 0 && <button type="button" className="button--danger" onClick={() => onVoid(invoice)}>{t('void.invoice', { number: invoice.number })}</button>}
        </td>
      </tr>
      {collections.map((c) => (
        <tr key={c.id}>
          <td colSpan={6} className="field__hint">{collectionWords(t, c)}</td>
          <td>
            <button type="button" className="button--danger" onClick={() => onVoidCollection(c)}>
              {t('void.collection', { date: formatDate(c.date), invoice: c.invoiceNumber })}
            </button>
          </td>
        </tr>
      ))}
    </>
  );
}

function Terms({ data }: { data: ContractSheet }) {
  const t = useT();
  const { contract } = data;
  return (
    <>
      <table className="data">
        <caption>{t('contract.itemsInForce')}</caption>
        <thead><tr><th>{t('contract.product')}</th><th className="num">{t('contract.quantity')}</th><th className="num">{t('contract.price')}</th><th className="num">{t('contract.amount')}</th></tr></thead>
        <tbody>
          {contract.items.map((item) => (
            <tr key={item.productId}>
              <td>{item.productName}</td><td className="num">{quantityWords(t, item.quantity, item.unit)}</td>
              <td className="num">{formatMoney(item.unitPrice)}</td><td className="num">{formatMoney(item.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data" data-testid="schedule-table">
        <caption>{t('contract.scheduleInForce')}</caption>
        <thead>
          <tr>
            <th>{t('contract.dueDate')}</th><th>{t('contract.product')}</th><th className="num">{t('contract.quantity')}</th>
            <th className="num">{t('contract.sched.delivered')}</th><th className="num">{t('contract.sched.accepted')}</th><th className="num">{t('contract.sched.pending')}</th>
          </tr>
        </thead>
        <tbody>
          {data.schedule.map((row) => (
            <tr key={row.lineNo}>
              <td>{formatDate(row.dueDate)}</td><td>{row.productName}</td>
              <td className="num">{quantityWords(t, row.quantity, row.unit)}</td>
              <td className="num">{quantityWords(t, row.delivered, row.unit)}</td>
              <td className="num">{quantityWords(t, row.accepted, row.unit)}</td>
              <td className="num">{quantityWords(t, row.outstanding, row.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('contract.amendments')}</h3>
      {data.amendments.length === 0 ? <p>{t('contract.noAmendments')}</p> : (
        <ul>
          {data.amendments.map((a) => <li key={a.version}>{t('contract.amendmentLine', { number: a.number, date: formatDate(a.date), reason: a.reason })} ({formatMoney(a.value)})</li>)}
        </ul>
      )}
    </>
  );
}

/** In force, completed (cumplido) or terminated (resuelto): only a contract in force takes deliveries. */
function StatusForm({ contractId, status, onSaved }: { contractId: number; status: ContractStatus; onSaved(): void }) {
  const t = useT();
  const setStatus = useWrite('setContractStatus');
  const [chosen, setChosen] = useState<ContractStatus>(status);
  const [reason, setReason] = useState('');
  return (
    <form className="form-row" aria-label={t('contract.statusLabel')} onSubmit={(event) => {
      event.preventDefault();
      void setStatus.mutateAsync({ contractId, status: chosen, reason: reason.trim() || null }).then(onSaved, () => undefined);
    }}>
      <label>{t('contract.statusLabel')}{' '}
        <select value={chosen} onChange={(event) => setChosen(event.target.value as ContractStatus)}>
          {contractStatuses.map((s) => <option key={s} value={s}>{t(`contracts.status.${s}`)}</option>)}
        </select>
      </label>
      <label>{t('contract.statusReason')}{' '}<input type="text" value={reason} onChange={(event) => setReason(event.target.value)} /></label>
      <p className="actions"><button type="submit" disabled={chosen === status || setStatus.isPending}>{t('contract.statusSubmit')}</button></p>
      <ErrorAlert message={setStatus.error?.message} />
    </form>
  );
}
