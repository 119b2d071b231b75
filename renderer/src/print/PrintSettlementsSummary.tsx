import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { formatQuantity } from '../screens/sales/quantity';
import { FinancialDocument } from './FinancialDocument';
import { PrintFrame } from './PrintFrame';
import { readPeriodParams } from './tradePrintParams';
import { useAssociationPrint } from './useAssociationPrint';
import './settlement.css';

/**
 * `/print/settlements-summary?associationId=1&from=…&to=…`: the period's liquidaciones on A4, one row per
 * member (number, quantity, gross, levy, deductions, net, paid), their totals, and the junta's signatures.
 * The totals are the table's last row, not a footer: a footer repeats on every page.
 */
export function PrintSettlementsSummary() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint(readPeriodParams);
  const list = useOperation('listSettlements', { associationId, from: request?.from ?? null, to: request?.to ?? null, status: 'valid' }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('settlementPrint.summaryMissing')} queries={[association, list]} autoprint={autoprint}>
      {() => {
        const data = list.data!;
        return (
          <FinancialDocument association={association.data!} title={t('settlementPrint.summaryTitle')} signatures
            period={t('settlementPrint.periodValue', { from: formatDate(request!.from), to: formatDate(request!.to) })}>
            <table className="print-fr__table settlements-summary__table" data-testid="settlements-summary">
              <thead>
                <tr>
                  <th>{t('settlementPrint.number')}</th>
                  <th>{t('settlementPrint.member')}</th>
                  <th className="num">{t('settlementPrint.quantity')}</th>
                  <th className="num">{t('settlementPrint.col.gross')}</th>
                  <th className="num">{t('settlementPrint.col.levy')}</th>
                  <th className="num">{t('settlementPrint.deductions')}</th>
                  <th className="num">{t('settlementPrint.col.net')}</th>
                  <th className="num">{t('settlementPrint.paid')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.length === 0 && <tr><td colSpan={8}>{t('settlementPrint.none')}</td></tr>}
                {data.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="settlements-summary__nowrap">{row.formattedNumber}</td>
                    <td className="settlements-summary__nowrap">{row.memberName}</td>
                    <td className="num">{formatQuantity(row.quantity)}</td>
                    <td className="num">{formatMoney(row.gross)}</td>
                    <td className="num">{formatMoney(row.levy)}</td>
                    <td className="num">{formatMoney(row.deductions)}</td>
                    <td className="num">{formatMoney(row.net)}</td>
                    <td className="num">{formatMoney(row.paid)}</td>
                  </tr>
                ))}
                <tr className="settlements-summary__total">
                  <th scope="row" colSpan={2} className="settlements-summary__nowrap">{t('settlementPrint.totals', { count: data.rows.length })}</th>
                  <td className="num">{formatQuantity(data.totals.quantity)}</td>
                  <td className="num">{formatMoney(data.totals.gross)}</td>
                  <td className="num">{formatMoney(data.totals.levy)}</td>
                  <td className="num">{formatMoney(data.totals.deductions)}</td>
                  <td className="num">{formatMoney(data.totals.net)}</td>
                  <td className="num">{formatMoney(data.totals.paid)}</td>
                </tr>
              </tbody>
            </table>
          </FinancialDocument>
        );
      }}
    </PrintFrame>
  );
}
