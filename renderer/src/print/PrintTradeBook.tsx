import type { BookRow, TradeBook } from '../../../shared/operations/trade';
import type { AssociationDetails } from '../../../shared/results';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import type { MessageKey } from '../i18n/messages';
import { formatQuantity } from '../screens/sales/quantity';
import { documentWords } from '../screens/trade/documentWords';
import { FinancialDocument } from './FinancialDocument';
import { PrintFrame } from './PrintFrame';
import { readBookParams } from './tradePrintParams';
import { useAssociationPrint } from './useAssociationPrint';
import './PrintRendicion.css';

type Translate = ReturnType<typeof useT>;

/** `/print/purchases-book?associationId=1&from=…&to=…[&groupBy=document|party|productLine|product]` on A4. */
export function PrintPurchasesBook() {
  return <PrintTradeBook book="purchases" />;
}

/** `/print/sales-book?…`, as the purchases book. */
export function PrintSalesBook() {
  return <PrintTradeBook book="sales" />;
}

function PrintTradeBook({ book }: { book: 'purchases' | 'sales' }) {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint(readBookParams);
  const input = { associationId, from: request?.from ?? '', to: request?.to ?? '', groupBy: request?.groupBy ?? 'document' };
  const purchases = useOperation('purchasesBook', input, { enabled: enabled && book === 'purchases' });
  const sales = useOperation('salesBook', input, { enabled: enabled && book === 'sales' });
  const query = book === 'purchases' ? purchases : sales;
  return (
    <PrintFrame valid={enabled} missingMessage={t('tradePrint.missing')} queries={[association, query]} autoprint={autoprint}>
      {() => <TradeBookDocument association={association.data!} data={query.data!} />}
    </PrintFrame>
  );
}

/** The row's name in the grouping's words. */
function rowName(t: Translate, data: TradeBook, row: BookRow): string {
  switch (data.groupBy) {
    case 'document': return documentWords(t, row.document);
    case 'party': return row.partyName ?? t(data.book === 'sales' ? 'tradePrint.book.public' : 'tradeUi.books.noParty');
    case 'productLine': return row.productLineName ?? t('tradeUi.books.noProductLine');
    case 'product':
      return row.productName ?? (row.category ? t(`tradeUi.category.${row.category}` as MessageKey) : t('tradeUi.books.noProduct'));
  }
}

const quantityWords = (t: Translate, row: BookRow) =>
  row.quantity === null ? '' : `${formatQuantity(row.quantity)}${row.unit ? ` ${t(`sales.unit.${row.unit}` as MessageKey)}` : ''}`;

function TradeBookDocument({ association, data }: { association: AssociationDetails; data: TradeBook }) {
  const t = useT();
  const byDocument = data.groupBy === 'document';
  const withTaxes = byDocument || data.groupBy === 'party';
  const group = t(`tradeUi.books.by.${data.groupBy}.${data.book}` as MessageKey);
  return (
    <FinancialDocument association={association} title={t(data.book === 'purchases' ? 'tradePrint.book.purchases' : 'tradePrint.book.sales')}
      period={`${t('tradePrint.period', { from: formatDate(data.from), to: formatDate(data.to) })} · ${t('tradePrint.book.groupedBy', { group })}`}>
      {data.rows.length === 0 ? <p>{t('tradePrint.book.empty')}</p> : (
        <table className="print-fr__table print-trade__table" aria-labelledby="print-fr-title" data-testid="print-trade-book">
          <thead>
            <tr>
              {byDocument && <th scope="col">{t('tradePrint.book.date')}</th>}
              <th scope="col">{group}</th>
              {byDocument ? <th scope="col">{t('tradePrint.book.party')}</th> : <th scope="col" className="num">{t('tradePrint.book.documents')}</th>}
              <th scope="col" className="num">{t('tradePrint.book.quantity')}</th>
              <th scope="col" className="num">{t('tradePrint.book.amount')}</th>
              <th scope="col" className="num">{t('tradePrint.book.averagePrice')}</th>
              {withTaxes && <th scope="col" className="num">{t('tradePrint.book.igv')}</th>}
              {withTaxes && <th scope="col" className="num">{t('tradePrint.book.total')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.key}>
                {byDocument && <td>{row.date ? formatDate(row.date) : ''}</td>}
                <td>{rowName(t, data, row)}</td>
                {byDocument
                  ? <td>{row.partyName ?? t('tradePrint.book.public')}</td>
                  : <td className="num">{row.documents}</td>}
                <td className="num">{quantityWords(t, row)}</td>
                <td className="num">{formatMoney(row.amount)}</td>
                <td className="num">{row.averagePrice === null ? '' : formatMoney(row.averagePrice)}</td>
                {withTaxes && <td className="num">{formatMoney(row.igv ?? 0)}</td>}
                {withTaxes && <td className="num">{formatMoney(row.total ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="print-trade__total">
              <th scope="row" colSpan={byDocument ? 4 : 3}>{t('tradePrint.book.totals', { documents: data.totals.documents })}</th>
              <td className="num">{formatMoney(data.totals.amount)}</td>
              <td />
              {withTaxes && <td className="num">{formatMoney(data.totals.igv)}</td>}
              {withTaxes && <td className="num">{formatMoney(data.totals.total)}</td>}
            </tr>
          </tfoot>
        </table>
      )}
    </FinancialDocument>
  );
}
