import { Fragment } from 'react';
import { useSearchParams } from 'react-router';
import type { ContractInvoiceView, ContractSheet } from '../../../shared/operations/contracts';
import type { AssociationDetails } from '../../../shared/results';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { positiveId } from '../format/params';
import { quantityWords, taxDeductionWords } from '../screens/contracts/words';
import { FinancialDocument } from './FinancialDocument';
import { PrintFrame } from './PrintFrame';
import './contract-sheet.css';

/**
 * `/print/contract-sheet?id=…`: one A4 page per contract, black on white — the terms in force, the
 * schedule against what was delivered and accepted, each delivery with its days late and the penalty
 * the entity may deduct, the invoices with what was collected and deducted, and what is still pending.
 */
export function PrintContractSheet() {
  const t = useT();
  const [params] = useSearchParams();
  const contractId = positiveId(params.get('id'));
  const sheet = useOperation('contractSheet', { contractId: contractId ?? 0 }, { enabled: contractId !== null });
  const associationId = sheet.data?.contract.associationId ?? 0;
  const association = useOperation('getAssociation', { associationId }, { enabled: associationId > 0 });
  return (
    <PrintFrame valid={contractId !== null} missingMessage={t('contractSheet.missing')} queries={[sheet, association]}
      autoprint={params.get('autoprint') === '1'}>
      {() => <ContractSheetDocument association={association.data!} sheet={sheet.data!} />}
    </PrintFrame>
  );
}

export function ContractSheetDocument({ association, sheet }: { association: AssociationDetails; sheet: ContractSheet }) {
  const t = useT();
  const { contract, totals } = sheet;
  const entity = contract.entity;
  // One product (the usual milk contract): its name is in the terms above, the schedule needs no column for it.
  const oneProduct = contract.items.length === 1;
  return (
    <div className="contract-sheet-page">
    <FinancialDocument association={association} title={t('contractSheet.title', { number: contract.number })}
      period={`${entity.name}${entity.documentNumber ? ` — ${entity.documentType.toUpperCase()} ${entity.documentNumber}` : ''}`}>
      <dl className="contract-sheet__head">
        {contract.programme && <><dt>{t('contractSheet.programme')}</dt><dd>{contract.programme}</dd></>}
        {contract.processNumber && <><dt>{t('contractSheet.process')}</dt><dd>{contract.processNumber}</dd></>}
        <dt>{t('contractSheet.status')}</dt><dd>{t(`contracts.status.${contract.status}`)}</dd>
        <dt>{t('contractSheet.signed')}</dt><dd>{formatDate(contract.signedOn)}</dd>
        <dt>{t('contractSheet.term')}</dt><dd>{t('contractSheet.termValue', { from: formatDate(contract.startDate), to: formatDate(contract.endDate) })}</dd>
      </dl>
      <table className="print-fr__table contract-sheet__table" data-testid="sheet-items">
        {!oneProduct && <caption>{t('contractSheet.items')}</caption>}
        <thead>
          <tr><th>{t('contract.product')}</th><th className="num">{t('contract.quantity')}</th><th className="num">{t('contract.price')}</th><th className="num">{t('contract.amount')}</th></tr>
        </thead>
        <tbody>
          {contract.items.map((item) => (
            <tr key={item.productId}>
              <td>{item.productName}</td>
              <td className="num">{quantityWords(t, item.quantity, item.unit)}</td>
              <td className="num">{formatMoney(item.unitPrice)}</td>
              <td className="num">{formatMoney(item.amount)}</td>
            </tr>
          ))}
          {contract.items.length > 1 && (
            <tr className="contract-sheet__total"><td colSpan={3}>{t('contract.total')}</td><td className="num">{formatMoney(totals.value)}</td></tr>
          )}
        </tbody>
      </table>
      {sheet.amendments.length > 0 && (
        <p className="contract-sheet__amendments">
          {sheet.amendments.map((a) => t('contract.amendmentLine', { number: a.number, date: formatDate(a.date), reason: a.reason })).join(' · ')}
        </p>
      )}
      <table className="print-fr__table contract-sheet__table" data-testid="sheet-schedule">
        <caption>{t('contractSheet.schedule')}</caption>
        <thead>
          <tr>
            <th>{t('contract.dueDate')}</th>{oneProduct ? null : <th>{t('contract.product')}</th>}<th className="num">{t('contract.quantity')}</th>
            <th className="num">{t('contract.sched.delivered')}</th><th className="num">{t('contract.sched.accepted')}</th>
            <th className="num">{t('contract.sched.pending')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.schedule.map((row) => (
            <tr key={row.lineNo}>
              <td>{formatDate(row.dueDate)}</td>
              {oneProduct ? null : <td>{row.productName}</td>}
              <td className="num">{quantityWords(t, row.quantity, row.unit)}</td>
              <td className="num">{quantityWords(t, row.delivered, row.unit)}</td>
              <td className="num">{quantityWords(t, row.accepted, row.unit)}</td>
              <td className="num">{quantityWords(t, row.outstanding, row.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="print-fr__table contract-sheet__table" data-testid="sheet-deliveries">
        <caption>{t('contractSheet.deliveries')}</caption>
        <thead>
          <tr>
            <th>{t('delivery.col.number')}</th><th>{t('delivery.col.date')}</th>
            <th className="num">{t('delivery.col.value')}</th><th className="num">{t('delivery.col.late')}</th>
            <th className="num">{t('delivery.col.penalty')}</th><th>{t('delivery.col.acceptance')}</th>
            <th>{t('invoice.col.number')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.deliveries.length === 0 && <tr><td colSpan={7}>{t('contractSheet.none')}</td></tr>}
          {sheet.deliveries.map((d) => (
            <tr key={d.deliveryId}>
              <td>{d.formattedNumber}</td>
              <td>{formatDate(d.date)}</td>
              <td className="num">{formatMoney(d.amount)}</td>
              <td className="num">{d.daysLate > 0 ? t('delivery.daysLate', { days: d.daysLate }) : t('delivery.onTime')}</td>
              <td className="num">{d.penalty > 0 ? formatMoney(d.penalty) : '—'}</td>
              <td>{d.actaNumber && d.actaDate ? t('delivery.accepted', { acta: d.actaNumber, date: formatDate(d.actaDate) }) : t('delivery.pendingAcceptance')}</td>
              <td>{d.invoiceNumber ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="print-fr__table contract-sheet__table" data-testid="sheet-invoices">
        <caption>{t('contractSheet.invoices')}</caption>
        <thead>
          <tr>
            <th>{t('invoice.col.number')}</th><th>{t('invoice.col.date')}</th><th className="num">{t('invoice.col.total')}</th>
            <th>{t('contractSheet.collectedOn')}</th><th className="num">{t('invoice.col.collected')}</th>
            <th>{t('contractSheet.taxDeduction')}</th><th className="num">{t('contractSheet.penaltyOther')}</th>
            <th className="num">{t('invoice.col.pending')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.invoices.length === 0 && <tr><td colSpan={8}>{t('contractSheet.none')}</td></tr>}
          {sheet.invoices.map((invoice) => (
            <InvoiceRow key={invoice.id} invoice={invoice} collections={sheet.collections.filter((c) => c.invoiceId === invoice.id)} />
          ))}
        </tbody>
      </table>
      <div className="contract-sheet__summary-head">
        <h2 className="contract-sheet__heading">{t('contractSheet.summary')}</h2>
        <p className="contract-sheet__pending" data-testid="sheet-pending">{t('contractSheet.pendingLine', { amount: formatMoney(totals.pending) })}</p>
      </div>
      <dl className="contract-sheet__summary" data-testid="sheet-summary">
        {([
          ['contract.fig.value', totals.value], ['contract.fig.delivered', totals.delivered], ['contract.fig.accepted', totals.accepted],
          ['contract.fig.invoiced', totals.invoiced], ['contract.fig.collected', totals.collected], ['contract.fig.deductions', totals.deductions],
          ['contractSheet.ded.withheld', sheet.deductions.igvWithheld], ['contractSheet.ded.detraction', sheet.deductions.detraction],
          ['contractSheet.ded.penalty', sheet.deductions.penalty], ['contractSheet.ded.other', sheet.deductions.other],
          ['contract.fig.notInvoiced', totals.acceptedNotInvoiced], ['contract.fig.toDeliver', totals.toDeliver],
        ] as const).map(([key, amount]) => (
          <Fragment key={key}><dt>{t(key)}</dt><dd>{formatMoney(amount)}</dd></Fragment>
        ))}
      </dl>
      {sheet.penaltiesMayDeduct > 0 && (
        <p className="contract-sheet__note">{t('contractSheet.penaltyLine', { amount: formatMoney(sheet.penaltiesMayDeduct) })}</p>
      )}
    </FinancialDocument>
    </div>
  );
}

/** One invoice on one row: each of its collections stacks inside the cells (date, money, IGV withheld or detracción, the rest). */
function InvoiceRow({ invoice, collections }: { invoice: ContractInvoiceView; collections: ContractSheet['collections'] }) {
  const t = useT();
  const stack = (render: (c: ContractSheet['collections'][number]) => string) => collections.map((c) => <div key={c.id}>{render(c)}</div>);
  return (
    <tr>
      <td>{invoice.number}</td>
      <td>{formatDate(invoice.date)}</td>
      <td className="num">{formatMoney(invoice.total)}</td>
      <td>{stack((c) => formatDate(c.date))}</td>
      <td className="num">{stack((c) => formatMoney(c.received))}</td>
      <td>{stack((c) => taxDeductionWords(t, c))}</td>
      <td className="num">{stack((c) => (c.penalty + c.otherDeductions > 0 ? formatMoney(c.penalty + c.otherDeductions) : '—'))}</td>
      <td className="num">{formatMoney(invoice.pending)}</td>
    </tr>
  );
}
