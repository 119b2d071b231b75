import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import { amountInWords } from '../../shared/money';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { DocumentPrint } from '../../shared/operations/documents';
import type { SaleLineView, SalePage, SaleSummary, SaleView } from '../../shared/operations/sales';
import type { WriteContext } from '../audit/log';
import { paymentAccountKind, requireAssociation, treasurerOn } from '../contributions/common';
import { associationDetails, countPrint, documentParty, documentStatus, keysetPage } from '../documents/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { requireSale, saleFormattedNumber, saleRowNumber } from './common';
import { saleOpenAmount } from './open-sales';

// Reading sales: the full view the nota de venta prints, one-line summaries, the keyset list.

export function getSale(db: LedgerDatabase, saleId: number): SaleView {
  const sale = requireSale(db, saleId);
  const lines = prepared(db, `SELECT l.line_no AS lineNo, l.product_id AS productId, p.name AS productName, p.unit,
              l.quantity, l.unit_price AS unitPrice, l.amount, l.cost, l.product_line_id AS productLineId
         FROM sale_lines l JOIN products p ON p.id = l.product_id WHERE l.sale_id = ? ORDER BY l.line_no`)
    .all(sale.id) as SaleLineView[];
  const collections = (prepared(db, `SELECT c.id AS collectionId, c.series, c.number, c.date, a.amount
         FROM collection_allocations a JOIN sale_collections c ON c.id = a.collection_id
        WHERE a.sale_id = ? AND c.voided_on IS NULL ORDER BY c.date, c.id`)
    .all(sale.id) as { collectionId: number; series: string; number: number; date: string; amount: number }[])
    .map(({ series, number, ...rest }) => ({ ...rest, formattedNumber: formatReceiptNumber(series, number) }));
  const account = sale.account_id === null
    ? null
    : prepared(db, 'SELECT name FROM accounts WHERE id = ?').get(sale.account_id) as { name: string };
  return {
    id: sale.id,
    associationId: sale.association_id,
    association: associationDetails(db, sale.association_id),
    date: sale.date,
    buyer: sale.party_id === null ? null : documentParty(db, sale.party_id),
    documentKind: sale.document_kind,
    documentNumber: sale.document_number,
    notaSeries: sale.nota_series,
    notaNumber: sale.nota_number,
    formattedNumber: saleRowNumber(sale),
    lines,
    subtotal: sale.subtotal,
    igv: sale.igv,
    total: sale.total,
    totalInWords: `SON: ${amountInWords(sale.total)}`,
    payment: sale.payment,
    accountId: sale.account_id,
    accountName: account?.name ?? null,
    accountKind: sale.account_id === null ? null : paymentAccountKind(db, sale.account_id),
    dueDate: sale.due_date,
    open: saleOpenAmount(db, sale.id),
    collections,
    cost: lines.reduce((sum, line) => sum + line.cost, 0),
    note: sale.note,
    entryId: sale.entry_id,
    treasurerName: treasurerOn(db, sale.association_id, sale.date),
    ...documentStatus(sale),
    printCount: sale.print_count,
    createdAt: sale.created_at,
    createdBy: sale.created_by,
  };
}

const summarySelect = `
  SELECT s.id, s.date, s.party_id AS partyId, p.name AS buyerName, s.document_kind AS documentKind,
         s.document_number AS documentNumber, s.nota_series AS notaSeries, s.nota_number AS notaNumber, s.total, s.payment,
         s.due_date AS dueDate,
         CASE WHEN s.payment = 'credit' AND s.voided_on IS NULL
              THEN s.total - COALESCE((SELECT SUM(a.amount) FROM collection_allocations a
                                         JOIN sale_collections c ON c.id = a.collection_id AND c.voided_on IS NULL
                                        WHERE a.sale_id = s.id), 0)
              ELSE 0 END AS open,
         CASE WHEN s.voided_on IS NULL THEN 'valid' ELSE 'voided' END AS status
    FROM sales s LEFT JOIN parties p ON p.id = s.party_id`;

type SummaryRow = Omit<SaleSummary, 'formattedNumber'> & {
  documentNumber: string | null; notaSeries: string | null; notaNumber: number | null;
};

function toSummary({ documentNumber, notaSeries, notaNumber, ...row }: SummaryRow): SaleSummary {
  return { ...row, formattedNumber: saleFormattedNumber({ documentKind: row.documentKind, documentNumber, notaSeries, notaNumber }) };
}

export function saleSummary(db: LedgerDatabase, saleId: number): SaleSummary {
  return toSummary(prepared(db, `${summarySelect} WHERE s.id = ?`).get(saleId) as SummaryRow);
}

/**
 * Newest first, a page at a time: the cursor is the last row's (date, id), so the next page starts
 * right after it through sales_association_date, whatever the number of sales.
 */
export function listSales(db: LedgerDatabase, input: ParsedInput<'listSales'>): SalePage {
  requireAssociation(db, input.associationId);
  const limit = input.limit ?? 200;
  const rows = prepared(db, `${summarySelect}
        WHERE s.association_id = @associationId
          AND (@from IS NULL OR s.date >= @from) AND (@to IS NULL OR s.date <= @to)
          AND (@partyId IS NULL OR s.party_id = @partyId) AND (@publicOnly = 0 OR s.party_id IS NULL)
          AND (@payment IS NULL OR s.payment = @payment)
          AND (@cursorDate IS NULL OR s.date < @cursorDate OR (s.date = @cursorDate AND s.id < @cursorId))
          AND (@status IS NULL OR (@status = 'valid' AND s.voided_on IS NULL) OR (@status = 'voided' AND s.voided_on IS NOT NULL)
               OR (@status = 'open' AND s.voided_on IS NULL AND s.payment = 'credit' AND open > 0))
        ORDER BY s.date DESC, s.id DESC LIMIT @limit`)
    .all({
      associationId: input.associationId, from: input.from ?? null, to: input.to ?? null, partyId: input.partyId ?? null,
      publicOnly: input.publicOnly ? 1 : 0, payment: input.payment ?? null, status: input.status ?? null,
      cursorDate: input.cursor?.date ?? null, cursorId: input.cursor?.id ?? null, limit: limit + 1,
    }) as SummaryRow[];
  return keysetPage(rows, limit, toSummary);
}

/** Counts a print of the nota de venta; every print after the first says DUPLICADO. */
export function recordSalePrint(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordSalePrint'>): DocumentPrint {
  return writeTransaction(db, () => {
    const sale = requireSale(db, input.saleId);
    if (sale.document_kind !== 'nota_venta') {
      throw new KhipuError('sale.noNotaVenta', { field: 'saleId', params: { id: sale.id } });
    }
    return countPrint(db, context, 'sales', sale, { operation: 'recordSalePrint', idField: 'saleId' });
  });
}
