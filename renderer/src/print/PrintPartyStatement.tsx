import type { PartyStatement } from '../../../shared/operations/trade';
import type { AssociationDetails } from '../../../shared/results';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { documentWords } from '../screens/trade/documentWords';
import { PartyMovementCells } from '../screens/trade/PartyMovementCells';
import { FinancialDocument } from './FinancialDocument';
import { PrintFrame } from './PrintFrame';
import { readPartyStatementParams } from './tradePrintParams';
import { useAssociationPrint } from './useAssociationPrint';

/** `/print/party-statement?associationId=1&partyId=2[&side=payable][&from=…][&to=…]`: a supplier's or buyer's account on A4. */
export function PrintPartyStatement() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint(readPartyStatementParams);
  const statement = useOperation('partyStatement', {
    associationId, partyId: request?.partyId ?? 0, ...(request?.side ? { side: request.side } : {}),
    from: request?.from ?? null, to: request?.to ?? null,
  }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('tradePrint.missing')} queries={[association, statement]} autoprint={autoprint}>
      {() => <PartyStatementDocument association={association.data!} data={statement.data!} />}
    </PrintFrame>
  );
}

function PartyStatementDocument({ association, data }: { association: AssociationDetails; data: PartyStatement }) {
  const t = useT();
  const payable = data.side === 'payable';
  const name = data.party.name;
  const amount = formatMoney(Math.abs(data.closing));
  const closingWords = data.closing === 0 ? t('tradePrint.statement.settled', { name })
    : payable
      ? t(data.closing > 0 ? 'tradePrint.statement.weOwe' : 'tradePrint.statement.weAdvanced', { name, amount })
      : t(data.closing > 0 ? 'tradePrint.statement.theyOwe' : 'tradePrint.statement.theyAdvanced', { name, amount });
  const period = data.from === null
    ? t('tradePrint.upTo', { to: formatDate(data.to) })
    : t('tradePrint.period', { from: formatDate(data.from), to: formatDate(data.to) });
  const identity = data.party.documentNumber === null ? null
    : t(data.party.documentType === 'ruc' ? 'tradePrint.statement.ruc' : 'tradePrint.statement.dni', { number: data.party.documentNumber });
  return (
    <FinancialDocument association={association} title={t('tradePrint.statement.title')} period={period}>
      <p className="print-trade__party">
        <strong>{t(payable ? 'tradePrint.statement.supplier' : 'tradePrint.statement.buyer', { name })}</strong>
        {identity && ` · ${identity}`}
      </p>
      <table className="print-fr__table print-trade__table" aria-labelledby="print-fr-title" data-testid="print-party-statement">
        <thead>
          <tr>
            <th scope="col">{t('tradePrint.statement.date')}</th>
            <th scope="col">{t('tradePrint.statement.document')}</th>
            <th scope="col">{t('tradePrint.statement.concept')}</th>
            <th scope="col">{t('tradePrint.statement.due')}</th>
            <th scope="col" className="num">{t(payable ? 'tradeUi.statement.purchase' : 'tradeUi.statement.sale')}</th>
            <th scope="col" className="num">{t(payable ? 'tradeUi.statement.payment' : 'tradeUi.statement.collection')}</th>
            <th scope="col" className="num">{t('tradePrint.statement.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {data.from !== null && (
            <tr className="print-trade__edge">
              <th scope="row" colSpan={6}>{t('tradePrint.statement.opening')}</th>
              <td className="num">{formatMoney(data.opening)}</td>
            </tr>
          )}
          {data.lines.length === 0 && <tr><td colSpan={7}>{t('tradePrint.statement.noMovements')}</td></tr>}
          {data.lines.map((line) => (
            <tr key={line.entryId}>
              <PartyMovementCells line={line} />
              <td className="num">{formatMoney(line.balance)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="print-trade__total">
            <th scope="row" colSpan={4}>{t('tradePrint.statement.totals')}</th>
            <td className="num">{formatMoney(data.totals.increase)}</td>
            <td className="num">{formatMoney(data.totals.decrease)}</td>
            <td className="num">{formatMoney(data.closing)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="print-trade__closing" data-testid="print-party-closing">{closingWords}</p>
      {data.pending.length > 0 && (
        <table className="print-fr__table print-trade__table">
          <caption>{t('tradePrint.statement.pending')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tradePrint.statement.document')}</th>
              <th scope="col">{t('tradePrint.statement.date')}</th>
              <th scope="col">{t('tradePrint.statement.due')}</th>
              <th scope="col" className="num">{t('tradePrint.statement.daysPastDue')}</th>
              <th scope="col" className="num">{t('tradePrint.statement.open')}</th>
            </tr>
          </thead>
          <tbody>
            {data.pending.map((d) => (
              <tr key={d.documentId}>
                <td>{documentWords(t, d.document)}</td>
                <td>{formatDate(d.date)}</td>
                <td>{formatDate(d.dueDate)}</td>
                <td className="num">{d.daysPastDue > 0 ? d.daysPastDue : ''}</td>
                <td className="num">{formatMoney(d.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </FinancialDocument>
  );
}
