import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import { StatementTable } from '../screens/reports/StatementTable';
import { incomeStatementBlocks, incomeStatementColumns } from '../screens/reports/statementBlocks';
import { FinancialDocument } from './FinancialDocument';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';

/** `/print/income-statement?associationId=1&from=2026-01-01&to=2026-03-15`: the estado de resultados on A4. */
export function PrintIncomeStatement() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint((params) => readPrintParams(params, ['from', 'to']));
  const statement = useOperation('incomeStatement', {
    associationId, from: request?.dates.from ?? '', to: request?.dates.to ?? '', comparative: true,
  }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('reports.printMissing')} queries={[association, statement]} autoprint={autoprint}>
      {() => {
        const data = statement.data!;
        return (
          <FinancialDocument association={association.data!} title={t('incomeStatement.title')} signatures
            period={t('reports.period', { from: formatDate(data.from), to: formatDate(data.to) })}>
            <StatementTable blocks={incomeStatementBlocks(t, data)} {...incomeStatementColumns(t, data)} className="print-fr__table" labelledBy="print-fr-title" />
            <p className="print-fr__status" data-testid="income-result-line">
              {data.result < 0 ? t('incomeStatement.deficit') : t('incomeStatement.surplus')}: {formatMoney(data.result)}
            </p>
          </FinancialDocument>
        );
      }}
    </PrintFrame>
  );
}
