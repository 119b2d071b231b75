import type { AgingBuckets, AgingReport } from '../../../shared/operations/trade';
import type { AssociationDetails } from '../../../shared/results';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import type { MessageKey } from '../i18n/messages';
import { documentWords } from '../screens/trade/documentWords';
import { FinancialDocument } from './FinancialDocument';
import { PrintFrame } from './PrintFrame';
import { readAgingParams } from './tradePrintParams';
import { useAssociationPrint } from './useAssociationPrint';
import './PrintRendicion.css';

const BUCKETS = ['notDue', 'days1to30', 'days31to90', 'over90'] as const;

/** `/print/aging?associationId=1&side=payable|receivable[&asOf=…]`: pending documents per party by days past due, on A4. */
export function PrintAging() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint(readAgingParams);
  const report = useOperation('agingReport', {
    associationId, side: request?.side ?? 'payable', ...(request?.asOf ? { asOf: request.asOf } : {}),
  }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('tradePrint.missing')} queries={[association, report]} autoprint={autoprint}>
      {() => <AgingDocument association={association.data!} data={report.data!} />}
    </PrintFrame>
  );
}

function BucketCells({ buckets }: { buckets: AgingBuckets }) {
  return (
    <>
      {BUCKETS.map((b) => <td key={b} className="num">{buckets[b] ? formatMoney(buckets[b]) : ''}</td>)}
      <td className="num">{formatMoney(buckets.total)}</td>
    </>
  );
}

function AgingDocument({ association, data }: { association: AssociationDetails; data: AgingReport }) {
  const t = useT();
  const payable = data.side === 'payable';
  return (
    <FinancialDocument association={association}
      title={t(payable ? 'tradePrint.aging.titlePayable' : 'tradePrint.aging.titleReceivable')}
      period={t('tradePrint.asOf', { date: formatDate(data.asOf) })}>
      {data.parties.length === 0 ? <p>{t(payable ? 'tradeUi.aging.emptyPayable' : 'tradeUi.aging.emptyReceivable')}</p> : (
        <table className="print-fr__table print-trade__table" aria-labelledby="print-fr-title" data-testid="print-aging">
          <thead>
            <tr>
              <th scope="col">{t('tradePrint.aging.document')}</th>
              <th scope="col">{t('tradePrint.aging.due')}</th>
              <th scope="col" className="num">{t('tradePrint.aging.days')}</th>
              {BUCKETS.map((b) => <th key={b} scope="col" className="num">{t(`tradeUi.bucket.${b}` as MessageKey)}</th>)}
              <th scope="col" className="num">{t('tradePrint.total')}</th>
            </tr>
          </thead>
          {data.parties.map((party) => (
            <tbody key={party.partyId}>
              <tr className="print-trade__heading">
                <th scope="rowgroup" colSpan={8}>{party.name}{party.documentNumber ? ` · ${party.documentNumber}` : ''}{party.phone ? ` · ${party.phone}` : ''}</th>
              </tr>
              {party.documents.map((d) => (
                <tr key={d.documentId}>
                  <td>{documentWords(t, d.document)}</td>
                  <td>{formatDate(d.dueDate)}</td>
                  <td className="num">{d.daysPastDue > 0 ? d.daysPastDue : ''}</td>
                  {BUCKETS.map((b) => <td key={b} className="num">{d.bucket === b ? formatMoney(d.open) : ''}</td>)}
                  <td className="num">{formatMoney(d.open)}</td>
                </tr>
              ))}
              <tr className="print-trade__subtotal">
                <th scope="row" colSpan={3}>{t('tradePrint.aging.partyTotal', { name: party.name })}</th>
                <BucketCells buckets={party.buckets} />
              </tr>
            </tbody>
          ))}
          <tfoot>
            <tr className="print-trade__total">
              <th scope="row" colSpan={3}>{t('tradePrint.aging.grandTotal', { parties: data.totals.parties })}</th>
              <BucketCells buckets={data.totals} />
            </tr>
          </tfoot>
        </table>
      )}
    </FinancialDocument>
  );
}
