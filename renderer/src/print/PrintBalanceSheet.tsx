import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { StatementTable } from '../screens/reports/StatementTable';
import { balanceSheetBlocks, balanceSheetColumns, BalanceSheetStatus } from '../screens/reports/statementBlocks';
import { FinancialDocument } from './FinancialDocument';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';

/** `/print/balance-sheet?associationId=1&date=2026-03-15`: the balance general on A4, with the prior year beside it. */
export function PrintBalanceSheet() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint((params) => readPrintParams(params, ['date']));
  const sheet = useOperation('balanceSheet', { associationId, date: request?.dates.date ?? '', comparative: true }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('reports.printMissing')} queries={[association, sheet]} autoprint={autoprint}>
      {() => (
        <FinancialDocument association={association.data!} title={t('balanceSheet.title')} signatures
          period={t('reports.atDate', { date: formatDate(sheet.data!.date) })}>
          <StatementTable blocks={balanceSheetBlocks(t, sheet.data!)} {...balanceSheetColumns(t, sheet.data!)} className="print-fr__table" labelledBy="print-fr-title" />
          <BalanceSheetStatus sheet={sheet.data!} />
        </FinancialDocument>
      )}
    </PrintFrame>
  );
}
