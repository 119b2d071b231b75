import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { averageOutCost, type StockLevel } from '../../shared/stock-cost';
import { assertDocumentTotal, assertLineAmount, formatSoles, multiplyQuantity } from '../../shared/money';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import {
  notaVentaSeries, type FairSalesResult, type SaleDocumentKind, type SalePayment, type SaleView,
} from '../../shared/operations/sales';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation, requireCashAccount, roleAccount } from '../contributions/common';
import { insertEntry, type NewLine } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { nextSalesId, normaliseDocumentNumber } from './common';
import { inventoryRoleOf, moveStock, requireParty, requireProduct, stockOnHand, stockOutCost, type ProductRow } from './links';
import { getSale, saleSummary } from './view';

// Recording sales: one sale (to a buyer or to the público) or a fair day's many small cash sales.
// Each sale posts ONE entry: Dr caja/bank (cash) or 121 with the buyer (credit) / Cr 701|702 by the
// product's category (+ Cr 4011 IGV); and Dr 691|692 / Cr the product's inventory at weighted average
// cost. Its stock leaves the store by movements that name the sale and that entry.

interface SaleRequest {
  associationId: number;
  date: string;
  partyId: number | null;
  documentKind: SaleDocumentKind;
  documentNumber: string | null;
  lines: { productId: number; quantity: number; unitPrice?: number | null | undefined }[];
  igv: number;
  payment: SalePayment;
  accountId: number | null;
  dueDate: string | null;
  note: string | null;
}

interface PricedLine {
  lineNo: number; product: ProductRow; quantity: number; unitPrice: number; amount: number; cost: number;
}

/** The role of the income account a product's sale credits: goods bought to sell (701), or the association's own products (702). */
const salesRoleOf = (category: ProductRow['category']) => (category === 'goods' ? 'sales_goods' : 'sales_products');
const costRoleOf = (category: ProductRow['category']) => (category === 'goods' ? 'cost_of_sales' : 'cost_of_sales_products');

/**
 * Prices each line (the product's sale price when none is typed) and values what leaves the store at
 * weighted average cost: q of Q at round(q × V ÷ Q), all of it at exactly V. A second line of the same
 * product is valued on what the first left; beyond what is on hand is refused (stock.insufficient,
 * naming the product, what is on hand and what the sale asks for in all).
 */
function priceLines(db: LedgerDatabase, request: SaleRequest, at: string): PricedLine[] {
  const before = new Map<number, StockLevel>();
  const left = new Map<number, StockLevel>();
  return request.lines.map((line, index) => {
    const field = `${at}lines.${index}`;
    const product = requireProduct(db, request.associationId, line.productId, `${field}.productId`);
    const unitPrice = line.unitPrice ?? product.sale_price;
    if (unitPrice === null) {
      throw new KhipuError('sale.priceRequired', { field: `${field}.unitPrice`, params: { product: product.name } });
    }
    const amount = multiplyQuantity(unitPrice, line.quantity);
    if (amount <= 0) {
      throw new KhipuError('sale.lineAmountZero', { field: `${field}.quantity`, params: { product: product.name } });
    }
    assertLineAmount(amount, `${field}.unitPrice`);
    if (!before.has(product.id)) before.set(product.id, stockOnHand(db, product.id));
    const onHand = before.get(product.id)!;
    const state = left.get(product.id) ?? onHand;
    if (line.quantity > state.quantity) {
      // Throws stock.insufficient for what this sale takes of the product in all, up to this line.
      stockOutCost(db, product.id, onHand.quantity - state.quantity + line.quantity, `${field}.quantity`);
    }
    const cost = averageOutCost(state, line.quantity);
    left.set(product.id, { quantity: state.quantity - line.quantity, value: state.value - cost });
    return { lineNo: index + 1, product, quantity: line.quantity, unitPrice, amount, cost };
  });
}

/** The document the buyer got, checked: a nota de venta gets the next number; a boleta or factura is recorded once per buyer. */
function checkDocument(
  db: LedgerDatabase, request: SaleRequest, at: string,
): { documentNumber: string | null; nota: { series: string; number: number } | null } {
  const typed = request.documentNumber === null ? '' : normaliseDocumentNumber(request.documentNumber);
  if (request.documentKind === 'boleta' || request.documentKind === 'factura') {
    if (typed === '') throw new KhipuError('sale.documentNumberRequired', { field: `${at}documentNumber` });
    if (request.documentKind === 'factura' && request.partyId === null) {
      throw new KhipuError('sale.facturaNeedsBuyer', { field: `${at}partyId` });
    }
    const other = prepared(db, `SELECT date FROM sales
        WHERE association_id = @associationId AND party_id IS @partyId AND document_kind = @kind
          AND document_number = @number AND voided_on IS NULL LIMIT 1`)
      .get({ associationId: request.associationId, partyId: request.partyId, kind: request.documentKind, number: typed }) as
      { date: string } | undefined;
    if (other) {
      throw new KhipuError('sale.duplicateDocument', {
        field: `${at}documentNumber`, params: { number: typed, date: displayDate(other.date) },
      });
    }
    return { documentNumber: typed, nota: null };
  }
  if (typed !== '') throw new KhipuError('sale.documentNumberNotAllowed', { field: `${at}documentNumber` });
  if (request.documentKind === 'none') return { documentNumber: null, nota: null };
  const { number } = prepared(db,
    'SELECT COALESCE(MAX(nota_number), 0) + 1 AS number FROM sales WHERE association_id = ? AND nota_series = ?',
  ).get(request.associationId, notaVentaSeries) as { number: number };
  return { documentNumber: null, nota: { series: notaVentaSeries, number } };
}

/**
 * Checks, posts and writes one sale inside the caller's transaction; `at` prefixes the fields its
 * refusals name ('sales.3.' for a fair day's fourth row). Returns the sale's id.
 */
function insertSale(db: LedgerDatabase, context: WriteContext, request: SaleRequest, at = ''): number {
  const association = requireAssociation(db, request.associationId);
  checkNotLocked(association, request.date);
  const buyer = request.partyId === null ? null : requireParty(db, request.associationId, request.partyId, `${at}partyId`);
  let account: { id: number } | null = null;
  let dueDate: string | null = null;
  if (request.payment === 'credit') {
    if (buyer === null) throw new KhipuError('sale.creditNeedsBuyer', { field: `${at}partyId` });
    if (request.dueDate === null) throw new KhipuError('sale.dueDateRequired', { field: `${at}dueDate` });
    if (request.dueDate < request.date) {
      throw new KhipuError('sale.dueBeforeDate', {
        field: `${at}dueDate`, params: { dueDate: displayDate(request.dueDate), date: displayDate(request.date) },
      });
    }
    dueDate = request.dueDate;
  } else {
    account = requireCashAccount(db, request.associationId, request.accountId);
  }
  if (request.igv < 0) throw new KhipuError('sale.igvNegative', { field: `${at}igv`, params: { igv: formatSoles(request.igv) } });
  const lines = priceLines(db, request, at);
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  if (request.igv > subtotal) {
    throw new KhipuError('sale.igvAboveSubtotal', {
      field: `${at}igv`, params: { igv: formatSoles(request.igv), subtotal: formatSoles(subtotal) },
    });
  }
  const total = subtotal + request.igv;
  assertDocumentTotal(total, `${at}lines`);
  const { documentNumber, nota } = checkDocument(db, request, at);

  const saleId = nextSalesId(db, 'sales');
  const label = nota ? `Nota de venta ${formatReceiptNumber(nota.series, nota.number)}`
    : documentNumber ? `Venta ${documentNumber}` : `Venta ${saleId}`;
  const who = buyer?.name ?? 'Venta al público';
  const entryLines: NewLine[] = [
    account
      ? { accountId: account.id, amount: total, memo: label }
      : { accountId: roleAccount(db, request.associationId, 'receivable_customers'), amount: total, partyId: buyer!.id, memo: label },
  ];
  for (const line of lines) {
    entryLines.push({
      accountId: roleAccount(db, request.associationId, salesRoleOf(line.product.category)), amount: -line.amount,
      productLineId: line.product.product_line_id, memo: line.product.name,
    });
  }
  if (request.igv > 0) {
    entryLines.push({ accountId: roleAccount(db, request.associationId, 'taxes_payable'), amount: -request.igv, memo: `IGV ${label}` });
  }
  for (const line of lines) {
    if (line.cost === 0) continue;
    entryLines.push(
      {
        accountId: roleAccount(db, request.associationId, costRoleOf(line.product.category)), amount: line.cost,
        productLineId: line.product.product_line_id, memo: `Costo: ${line.product.name}`,
      },
      {
        accountId: roleAccount(db, request.associationId, inventoryRoleOf(line.product.category)), amount: -line.cost,
        productLineId: line.product.product_line_id, memo: `Salida del almacén: ${line.product.name}`,
      },
    );
  }
  const entry = insertEntry(db, context, {
    associationId: request.associationId, date: request.date, lines: entryLines, sourceType: 'sale', sourceId: saleId,
    description: `${label} — ${who}`,
  });

  const insertLine = prepared(db, `INSERT INTO sale_lines (sale_id, line_no, product_id, quantity, unit_price, amount, cost,
      product_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const line of lines) {
    insertLine.run(saleId, line.lineNo, line.product.id, line.quantity, line.unitPrice, line.amount, line.cost, line.product.product_line_id);
  }
  prepared(db, `INSERT INTO sales (id, association_id, date, party_id, document_kind, document_number, nota_series, nota_number,
      subtotal, igv, total, payment, account_id, due_date, note, entry_id, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    saleId, request.associationId, request.date, buyer?.id ?? null, request.documentKind, documentNumber, nota?.series ?? null,
    nota?.number ?? null, subtotal, request.igv, total, request.payment, account?.id ?? null, dueDate, request.note,
    entry.id, context.now().toISOString(), context.actor,
  );
  for (const line of lines) {
    const moved = moveStock(db, {
      associationId: request.associationId, productId: line.product.id, date: request.date, quantity: -line.quantity,
      sourceType: 'sale', sourceId: saleId, entryId: entry.id, field: `${at}lines.${line.lineNo - 1}.quantity`,
    });
    // The entry posted the cost computed above; the store must agree to the céntimo.
    if (moved.value !== -line.cost) throw new KhipuError('sale.costMismatch', { params: { product: line.product.name } });
  }
  return saleId;
}

const blankToNull = (text: string | null | undefined) => (text === undefined || text === null || text === '' ? null : text);

export function recordSale(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordSale'>): SaleView {
  return writeTransaction(db, () => {
    const saleId = insertSale(db, context, {
      associationId: input.associationId, date: input.date, partyId: input.partyId ?? null, documentKind: input.documentKind,
      documentNumber: blankToNull(input.documentNumber), lines: input.lines, igv: input.igv ?? 0, payment: input.payment,
      accountId: input.accountId ?? null, dueDate: input.dueDate ?? null, note: blankToNull(input.note),
    });
    const sale = getSale(db, saleId);
    appendAudit(db, context, 'recordSale', input.associationId, {
      ...input, saleId, document: sale.formattedNumber, entryId: sale.entryId, total: sale.total, cost: sale.cost,
    });
    return sale;
  });
}

/**
 * A fair day: every row a cash sale of its own, into the same caja or bank account, in ONE
 * transaction — a refusal in any row (named `sales.N.…`) writes nothing at all. A row gets the next
 * nota de venta only when it asks for one (notaVenta), in row order; the others carry no document,
 * as sales to the público at a fair usually do.
 */
export function recordFairSales(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordFairSales'>): FairSalesResult {
  return writeTransaction(db, () => {
    const ids = input.sales.map((sale, index) => insertSale(db, context, {
      associationId: input.associationId, date: input.date, partyId: sale.partyId ?? null,
      documentKind: sale.notaVenta ? 'nota_venta' : 'none', documentNumber: null, lines: sale.lines, igv: 0, payment: 'cash',
      accountId: input.accountId ?? null, dueDate: null, note: blankToNull(sale.note),
    }, `sales.${index}.`));
    const sales = ids.map((saleId) => saleSummary(db, saleId));
    const total = sales.reduce((sum, sale) => sum + sale.total, 0);
    const notas = sales.filter((sale) => sale.documentKind === 'nota_venta').map((sale) => sale.formattedNumber ?? '');
    appendAudit(db, context, 'recordFairSales', input.associationId, {
      date: input.date, accountId: input.accountId ?? null, saleIds: ids, count: ids.length, total, notas,
    });
    return { date: input.date, sales, count: sales.length, total, notas };
  });
}
