import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AgingBuckets, TradeSide } from '../../../../shared/operations/trade';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ExportButtons } from '../../components/ExportButtons';
import { PrintActions } from '../../components/PrintActions';
import { formatDate, formatMoney, todayIso } from '../../format/format';
import { positiveId } from '../../format/params';
import { DateForm } from '../reports/ReportParts';
import { SalesTabs } from '../sales/SalesTabs';
import { PartyStatementPanel } from './PartyStatementPanel';
import { tradePrintRoute } from './routes';

const BUCKETS: (keyof Omit<AgingBuckets, 'total'>)[] = ['notDue', 'days1to30', 'days31to90', 'over90'];
/** The side in the address: ?lado=cobrar (what buyers owe, the default) or ?lado=pagar (what the association owes). */
const sideOf = (value: string | null): TradeSide => (value === 'pagar' ? 'payable' : 'receivable');
const sideParam = (side: TradeSide) => (side === 'payable' ? 'pagar' : 'cobrar');

/**
 * Por pagar y por cobrar: per supplier or buyer, what is pending and how late (not yet due,
 * 1–30, 31–90, over 90 days), with each one's statement one click away.
 */
export function AgingScreen() {
  const t = useT();
  const titleId = useId();
  const associationId = useAssociationId();
  const [params, setParams] = useSearchParams();
  const side = sideOf(params.get('lado'));
  const partyId = positiveId(params.get('parte'));
  const [asOf, setAsOf] = useState(todayIso);
  const report = useOperation('agingReport', { associationId, side, asOf }, { placeholderData: keepPreviousData });
  const data = report.isError || report.data?.side !== side ? undefined : report.data;
  const go = (next: { side?: TradeSide; partyId?: number | null }) => {
    const search: Record<string, string> = { lado: sideParam(next.side ?? side) };
    const party = next.partyId === undefined ? partyId : next.partyId;
    if (party !== null && next.side === undefined) search.parte = String(party);
    setParams(search, { replace: true });
  };
  return (
    <section className="screen">
      <h1>{t('tradeUi.aging.title')}</h1>
      <SalesTabs />
      <nav className="tabs" aria-label={t('tradeUi.aging.sides')}>
        {(['receivable', 'payable'] as const).map((key) => (
          <Link key={key} to={`?lado=${sideParam(key)}`} replace className={`tabs__tab${key === side ? ' active' : ''}`}
            aria-current={key === side ? 'page' : undefined}>
            {t(key === 'receivable' ? 'tradeUi.aging.receivable' : 'tradeUi.aging.payable')}
          </Link>
        ))}
      </nav>
      <p>{t(side === 'receivable' ? 'tradeUi.aging.leadReceivable' : 'tradeUi.aging.leadPayable')}</p>
      <DateForm fields={[{ name: 'asOf', label: t('tradeUi.aging.asOf'), initial: asOf }]} engineError={report.error}
        onApply={(dates) => setAsOf(dates.asOf!)} />
      {data && (
        <>
          <div className="reports__heading">
            <p className="reports__period-label">{t('tradeUi.aging.asOfLabel', { date: formatDate(data.asOf) })}</p>
            <div className="reports__tools">
              <PrintActions route={tradePrintRoute('aging', { associationId, side, asOf: data.asOf })}
                suggestedName={`${side === 'payable' ? 'por-pagar' : 'por-cobrar'}-${data.asOf}.pdf`} />
              <ExportButtons request={{ report: 'agingReport', params: { associationId, side, asOf: data.asOf } }} />
            </div>
          </div>
          {data.parties.length === 0 ? <p className="notice">{t(side === 'receivable' ? 'tradeUi.aging.emptyReceivable' : 'tradeUi.aging.emptyPayable')}</p> : (
            <table className="data" aria-labelledby={titleId} data-testid="aging-table">
              <caption id={titleId}>{t(side === 'receivable' ? 'tradeUi.aging.receivable' : 'tradeUi.aging.payable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(side === 'receivable' ? 'tradeUi.col.buyer' : 'tradeUi.col.supplier')}</th>
                  <th scope="col" className="num">{t('tradeUi.col.documents')}</th>
                  {BUCKETS.map((bucket) => <th key={bucket} scope="col" className="num">{t(`tradeUi.bucket.${bucket}`)}</th>)}
                  <th scope="col" className="num">{t('tradeUi.col.total')}</th>
                </tr>
              </thead>
              <tbody>
                {data.parties.map((party) => (
                  <tr key={party.partyId} data-testid="aging-party">
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => go({ partyId: party.partyId })}
                        aria-label={t('tradeUi.aging.openStatement', { name: party.name })}>{party.name}</button>
                    </th>
                    <td className="num">{party.documents.length}</td>
                    {BUCKETS.map((bucket) => <td key={bucket} className="num">{party.buckets[bucket] ? formatMoney(party.buckets[bucket]) : ''}</td>)}
                    <td className="num"><strong>{formatMoney(party.buckets.total)}</strong></td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('tradeUi.aging.totals', { parties: data.totals.parties })}</th>
                  <td className="num">{data.totals.documents}</td>
                  {BUCKETS.map((bucket) => <td key={bucket} className="num" data-testid={`aging-total-${bucket}`}>{formatMoney(data.totals[bucket])}</td>)}
                  <td className="num" data-testid="aging-total"><strong>{formatMoney(data.totals.total)}</strong></td>
                </tr>
              </tfoot>
            </table>
          )}
        </>
      )}
      {report.isPending && <p className="loading">{t('app.loading')}</p>}
      {partyId !== null && <PartyStatementPanel key={`${side}-${partyId}`} partyId={partyId} side={side} onClose={() => go({ partyId: null })} />}
    </section>
  );
}
