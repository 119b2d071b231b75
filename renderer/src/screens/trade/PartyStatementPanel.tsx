import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TradeSide } from '../../../../shared/operations/trade';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { PrintActions } from '../../components/PrintActions';
import { formatDate, formatMoney, todayIso } from '../../format/format';
import { DateForm } from '../reports/ReportParts';
import { documentWords } from './documentWords';
import { PartyMovementCells } from './PartyMovementCells';
import { tradePrintRoute, yearStartOf } from './routes';

/**
 * One supplier's or buyer's account: the balance before the period, each purchase or sale and each
 * payment or collection with the balance after it, and the balance at the end. Printable on A4.
 */
export function PartyStatementPanel({ partyId, side, onClose }: { partyId: number; side: TradeSide; onClose(): void }) {
  const t = useT();
  const titleId = useId();
  const associationId = useAssociationId();
  const [period, setPeriod] = useState(() => ({ from: yearStartOf(todayIso()), to: todayIso() }));
  const statement = useOperation('partyStatement', { associationId, partyId, side, ...period }, { placeholderData: keepPreviousData });
  const data = statement.isError ? undefined : statement.data;
  const words = side === 'payable'
    ? { increase: t('tradeUi.statement.purchase'), decrease: t('tradeUi.statement.payment') }
    : { increase: t('tradeUi.statement.sale'), decrease: t('tradeUi.statement.collection') };
  const balanceText = (centimos: number) => (centimos < 0 ? t('tradeUi.statement.advance', { amount: formatMoney(-centimos) }) : formatMoney(centimos));
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('tradeUi.statement.title', { name: data?.party.name ?? '…' })}</h2>
      {data?.party.documentNumber && <p className="subtitle">{`${data.party.documentType.toUpperCase()} ${data.party.documentNumber}`}</p>}
      <DateForm
        fields={[{ name: 'from', label: t('reports.from'), initial: period.from }, { name: 'to', label: t('reports.to'), initial: period.to }]}
        engineError={statement.error} onApply={(dates) => setPeriod({ from: dates.from!, to: dates.to! })} />
      {data && (
        <>
          <PrintActions route={tradePrintRoute('party-statement', { associationId, partyId, side, from: data.from, to: data.to })}
            suggestedName={`estado-de-cuenta-${data.party.name}-${data.to}.pdf`} />
          <table className="data" aria-labelledby={titleId} data-testid="party-statement">
            <thead>
              <tr>
                <th scope="col">{t('tradeUi.col.date')}</th>
                <th scope="col">{t('tradeUi.col.document')}</th>
                <th scope="col">{t('tradeUi.col.concept')}</th>
                <th scope="col">{t('tradeUi.col.due')}</th>
                <th scope="col" className="num">{words.increase}</th>
                <th scope="col" className="num">{words.decrease}</th>
                <th scope="col" className="num">{t('tradeUi.col.balance')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{data.from ? formatDate(data.from) : ''}</td>
                <th scope="row" colSpan={5}>{t('tradeUi.statement.opening')}</th>
                <td className="num" data-testid="party-opening">{balanceText(data.opening)}</td>
              </tr>
              {data.lines.map((line) => (
                <tr key={`${line.entryId}-${line.kind}`} data-testid="party-movement">
                  <PartyMovementCells line={line} />
                  <td className="num">{balanceText(line.balance)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{formatDate(data.to)}</td>
                <th scope="row" colSpan={3}>{t('tradeUi.statement.closing')}</th>
                <td className="num">{formatMoney(data.totals.increase)}</td>
                <td className="num">{formatMoney(data.totals.decrease)}</td>
                <td className="num" data-testid="party-closing"><strong>{balanceText(data.closing)}</strong></td>
              </tr>
            </tfoot>
          </table>
          {data.pending.length > 0 && (
            <>
              <h3>{t('tradeUi.statement.pending')}</h3>
              <ul>
                {data.pending.map((document) => (
                  <li key={`${document.documentType}-${document.documentId}`}>
                    {t('tradeUi.statement.pendingLine', {
                      document: documentWords(t, document.document), due: formatDate(document.dueDate), open: formatMoney(document.open),
                    })}
                    {document.daysPastDue > 0 && ` — ${t('tradeUi.daysPastDue', { days: document.daysPastDue })}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {statement.isPending && <p className="loading">{t('app.loading')}</p>}
      <div className="actions">
        <button type="button" onClick={onClose}>{t('action.close')}</button>
      </div>
    </section>
  );
}
