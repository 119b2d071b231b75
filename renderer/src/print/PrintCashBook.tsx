import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { BookTable } from '../screens/reports/BookTable';
import { FinancialDocument } from './FinancialDocument';
import { readPrintParams } from './financialRoutes';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';

/** `/print/cash-book?associationId=1&from=…&to=…[&accountId=3]`: the libro caja y bancos on A4. */
export function PrintCashBook() {
  return <PrintBook kind="cash" />;
}

/** The cash book and the ledger print alike; only the title and the engine read differ. */
export function PrintBook({ kind }: { kind: 'cash' | 'ledger' }) {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint((params) => readPrintParams(params, ['from', 'to'], kind === 'ledger'));
  const input = { associationId, from: request?.dates.from ?? '', to: request?.dates.to ?? '' };
  const cash = useOperation('cashBook', { ...input, accountId: request?.accountId ?? null }, { enabled: enabled && kind === 'cash' });
  const ledger = useOperation('generalLedger', { ...input, accountId: request?.accountId ?? 0 }, { enabled: enabled && kind === 'ledger' });
  const book = kind === 'cash' ? cash : ledger;
  return (
    <PrintFrame valid={enabled} missingMessage={t('reports.printMissing')} queries={[association, book]} autoprint={autoprint}>
      {() => {
        const data = book.data!;
        return (
          <FinancialDocument association={association.data!} title={`${t(kind === 'cash' ? 'book.cashTitle' : 'book.ledgerTitle')}: ${data.code} ${data.name}`}
            period={t('reports.period', { from: formatDate(data.from), to: formatDate(data.to) })}>
            <BookTable book={data} showAccount={data.accountIds.length > 1} className="print-fr__table" labelledBy="print-fr-title" />
          </FinancialDocument>
        );
      }}
    </PrintFrame>
  );
}
