import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { assertDocumentTotal, assertLineAmount, multiplyQuantity, roundHalfAwayFromZero } from '../../shared/money';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import { deliveryNoteSeries, type DeliveryView } from '../../shared/operations/contracts';
import type { DocumentPrint } from '../../shared/operations/documents';
import { averageOutCost, formatQuantityWithUnit, type StockLevel } from '../../shared/stock-cost';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation, roleAccount } from '../contributions/common';
import { reverseDocumentEntry } from '../contributions/receipts';
import { insertEntry, type NewLine } from '../journal/post';
import { inventoryRoleOf, moveStock, requireProduct, stockOnHand, stockOutCost } from '../stock/movements';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import {
  blankToNull, checkContractVoidable, costRoleOf, deliveredNet, markVoided, nextContractsId, requireContract, termsOf, versionOn,
} from './common';
import { getDelivery } from './view';

// Deliveries to the entity (nota de entrega 001-000001, gapless per association), their acceptance
// (acta de conformidad) and the voids of both.

export interface DeliveryRow {
  id: number; association_id: number; contract_id: number; series: string; number: number; date: string; version: number;
  amount: number; cost: number; note: string | null; entry_id: number; print_count: number; voided_on: string | null;
  voided_at: string | null; void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}
export interface DeliveryLineRow {
  line_no: number; product_id: number; quantity: number; unit_price: number; amount: number; cost: number;
  schedule_line_no: number; due_date: string;
}
export interface AcceptanceRow {
  id: number; association_id: number; contract_id: number; delivery_id: number; acta_number: string; date: string;
  accepted_amount: number; returned: number; returned_cost: number; note: string | null; entry_id: number | null;
  voided_on: string | null; voided_at: string | null; void_reason: string | null; void_entry_id: number | null;
  created_at: string; created_by: string;
}

export function requireDelivery(db: LedgerDatabase, deliveryId: number, field = 'deliveryId'): DeliveryRow {
  const row = prepared(db, 'SELECT * FROM contract_deliveries WHERE id = ?').get(deliveryId) as DeliveryRow | undefined;
  if (!row) throw new KhipuError('contractDelivery.notFound', { field, params: { id: deliveryId } });
  return row;
}

export const deliveryLines = (db: LedgerDatabase, deliveryId: number): DeliveryLineRow[] =>
  prepared(db, `SELECT line_no, product_id, quantity, unit_price, amount, cost, schedule_line_no, due_date
                  FROM contract_delivery_lines WHERE delivery_id = ? ORDER BY line_no`).all(deliveryId) as DeliveryLineRow[];

export const liveAcceptance = (db: LedgerDatabase, deliveryId: number): AcceptanceRow | undefined =>
  prepared(db, 'SELECT * FROM contract_acceptances WHERE delivery_id = ? AND voided_on IS NULL').get(deliveryId) as
    AcceptanceRow | undefined;

export const deliveryNumber = (row: { series: string; number: number }) => formatReceiptNumber(row.series, row.number);

export function recordDelivery(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordDelivery'>): DeliveryView {
  return writeTransaction(db, () => {
    const contract = requireContract(db, input.contractId);
    const association = requireAssociation(db, contract.association_id);
    checkNotLocked(association, input.date);
    if (contract.status !== 'in_force') {
      throw new KhipuError('contract.notInForce', { field: 'contractId', params: { number: contract.number } });
    }
    if (input.date < contract.signed_on) {
      throw new KhipuError('contractDelivery.beforeSigned', {
        field: 'date', params: { date: displayDate(input.date), signedOn: displayDate(contract.signed_on) },
      });
    }
    const version = versionOn(db, contract, input.date);
    const terms = termsOf(db, contract, version);
    const net = deliveredNet(db, contract.id);
    const thisProduct = new Map<number, number>();
    const thisLine = new Map<number, number>();
    const before = new Map<number, StockLevel>();
    const left = new Map<number, StockLevel>();
    const lines = input.lines.map((line, index) => {
      const field = `lines.${index}`;
      const product = requireProduct(db, contract.association_id, line.productId, `${field}.productId`, { allowArchived: true });
      const item = terms.items.find((i) => i.product_id === product.id);
      if (!item) {
        throw new KhipuError('contractDelivery.productNotInContract', {
          field: `${field}.productId`, params: { product: product.name, contract: contract.number },
        });
      }
      const already = (net.byProduct.get(product.id) ?? 0) + (thisProduct.get(product.id) ?? 0);
      const remaining = Math.max(item.quantity - already, 0);
      if (line.quantity > remaining) {
        throw new KhipuError('contractDelivery.aboveRemaining', {
          field: `${field}.quantity`,
          params: {
            product: product.name, quantity: formatQuantityWithUnit(line.quantity, product.unit),
            remaining: formatQuantityWithUnit(remaining, product.unit),
          },
        });
      }
      thisProduct.set(product.id, (thisProduct.get(product.id) ?? 0) + line.quantity);
      const ofProduct = terms.schedule.filter((s) => s.product_id === product.id)
        .sort((a, b) => (a.due_date < b.due_date ? -1 : a.due_date > b.due_date ? 1 : a.line_no - b.line_no));
      const filled = (lineNo: number) => (net.byScheduleLine.get(lineNo) ?? 0) + (thisLine.get(lineNo) ?? 0);
      let scheduleLine = ofProduct.find((s) => filled(s.line_no) < s.quantity) ?? ofProduct[ofProduct.length - 1];
      if (line.scheduleLineNo !== null && line.scheduleLineNo !== undefined) {
        scheduleLine = ofProduct.find((s) => s.line_no === line.scheduleLineNo);
        if (!scheduleLine) {
          throw new KhipuError('contractDelivery.scheduleLineInvalid', {
            field: `${field}.scheduleLineNo`, params: { line: line.scheduleLineNo, product: product.name },
          });
        }
      }
      if (!scheduleLine) throw new KhipuError('contractDelivery.scheduleLineInvalid', { field: `${field}.scheduleLineNo`, params: { line: 0, product: product.name } });
      thisLine.set(scheduleLine.line_no, (thisLine.get(scheduleLine.line_no) ?? 0) + line.quantity);
      const amount = multiplyQuantity(item.unit_price, line.quantity);
      if (amount <= 0) throw new KhipuError('contract.lineAmountZero', { field: `${field}.quantity`, params: { product: product.name } });
      assertLineAmount(amount, `${field}.quantity`);
      if (!before.has(product.id)) before.set(product.id, stockOnHand(db, product.id));
      const onHand = before.get(product.id)!;
      const state = left.get(product.id) ?? onHand;
      if (line.quantity > state.quantity) stockOutCost(db, product.id, onHand.quantity - state.quantity + line.quantity, `${field}.quantity`);
      const cost = averageOutCost(state, line.quantity);
      left.set(product.id, { quantity: state.quantity - line.quantity, value: state.value - cost });
      return {
        lineNo: index + 1, product, quantity: line.quantity, unitPrice: item.unit_price, amount, cost,
        scheduleLineNo: scheduleLine.line_no, dueDate: scheduleLine.due_date,
      };
    });
    const amount = lines.reduce((sum, line) => sum + line.amount, 0);
    assertDocumentTotal(amount, 'lines');
    const cost = lines.reduce((sum, line) => sum + line.cost, 0);
    if (cost <= 0) throw new KhipuError('contractDelivery.noStockValue', { field: 'lines' });

    const deliveryId = nextContractsId(db, 'contract_deliveries');
    const { number } = prepared(db,
      'SELECT COALESCE(MAX(number), 0) + 1 AS number FROM contract_deliveries WHERE association_id = ? AND series = ?',
    ).get(contract.association_id, deliveryNoteSeries) as { number: number };
    const formatted = formatReceiptNumber(deliveryNoteSeries, number);
    const entryLines: NewLine[] = [];
    for (const line of lines) {
      if (line.cost === 0) continue;
      entryLines.push(
        {
          accountId: roleAccount(db, contract.association_id, costRoleOf(line.product.category)), amount: line.cost,
          contractId: contract.id, productLineId: line.product.product_line_id, memo: `Costo: ${line.product.name}`,
        },
        {
          accountId: roleAccount(db, contract.association_id, inventoryRoleOf(line.product.category)), amount: -line.cost,
          contractId: contract.id, productLineId: line.product.product_line_id, memo: `Salida del almacén: ${line.product.name}`,
        },
      );
    }
    const entry = insertEntry(db, context, {
      associationId: contract.association_id, date: input.date, lines: entryLines, sourceType: 'contract_delivery',
      sourceId: deliveryId, description: `Nota de entrega ${formatted} — contrato ${contract.number}`,
    });
    const insertLine = prepared(db, `INSERT INTO contract_delivery_lines (delivery_id, line_no, product_id, quantity, unit_price, amount,
        cost, schedule_line_no, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const line of lines) {
      insertLine.run(deliveryId, line.lineNo, line.product.id, line.quantity, line.unitPrice, line.amount, line.cost,
        line.scheduleLineNo, line.dueDate);
    }
    prepared(db, `INSERT INTO contract_deliveries (id, association_id, contract_id, series, number, date, version, amount, cost, note,
        entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      deliveryId, contract.association_id, contract.id, deliveryNoteSeries, number, input.date, version, amount, cost,
      blankToNull(input.note), entry.id, context.now().toISOString(), context.actor,
    );
    for (const line of lines) {
      const moved = moveStock(db, {
        associationId: contract.association_id, productId: line.product.id, date: input.date, quantity: -line.quantity,
        sourceType: 'contract_delivery', sourceId: deliveryId, entryId: entry.id, field: `lines.${line.lineNo - 1}.quantity`,
      });
      if (moved.value !== -line.cost) throw new KhipuError('sale.costMismatch', { params: { product: line.product.name } });
    }
    appendAudit(db, context, 'recordDelivery', contract.association_id, {
      ...input, deliveryId, delivery: formatted, entryId: entry.id, amount, cost,
    });
    return getDelivery(db, deliveryId);
  });
}

export function voidDelivery(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidDelivery'>): DeliveryView {
  return writeTransaction(db, () => {
    const delivery = requireDelivery(db, input.deliveryId);
    const number = deliveryNumber(delivery);
    checkContractVoidable(db, delivery, input.date, 'contractDelivery', 'deliveryId', number);
    const acceptance = liveAcceptance(db, delivery.id);
    if (acceptance) {
      throw new KhipuError('contractDelivery.accepted', { field: 'deliveryId', params: { number, acta: acceptance.acta_number } });
    }
    const reversal = reverseDocumentEntry(db, context, delivery.entry_id, input.date, {
      description: `Anulación de la nota de entrega ${number}: ${input.reason}`, sourceType: 'contract_delivery_void',
      sourceId: delivery.id,
    });
    for (const line of deliveryLines(db, delivery.id)) {
      moveStock(db, {
        associationId: delivery.association_id, productId: line.product_id, date: input.date, quantity: line.quantity,
        value: line.cost, sourceType: 'contract_delivery_void', sourceId: delivery.id, entryId: reversal.id,
        field: `lines.${line.line_no - 1}.quantity`,
      });
    }
    markVoided(db, context, 'contract_deliveries', delivery.id, { date: input.date, reason: input.reason, reversalEntryId: reversal.id });
    appendAudit(db, context, 'voidDelivery', delivery.association_id, { ...input, delivery: number, reversalEntryId: reversal.id });
    return getDelivery(db, delivery.id);
  });
}

export function recordDeliveryPrint(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordDeliveryPrint'>): DocumentPrint {
  return writeTransaction(db, () => {
    const delivery = requireDelivery(db, input.deliveryId);
    const printCount = delivery.print_count + 1;
    prepared(db, 'UPDATE contract_deliveries SET print_count = ? WHERE id = ?').run(printCount, delivery.id);
    const copy: DocumentPrint['copy'] = printCount === 1 ? 'original' : 'duplicado';
    appendAudit(db, context, 'recordDeliveryPrint', delivery.association_id, { deliveryId: delivery.id, printCount, copy });
    return { copy, printCount };
  });
}

export function acceptDelivery(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'acceptDelivery'>): DeliveryView {
  return writeTransaction(db, () => {
    const delivery = requireDelivery(db, input.deliveryId);
    const number = deliveryNumber(delivery);
    if (delivery.voided_on !== null) throw new KhipuError('contractDelivery.voided', { field: 'deliveryId', params: { number } });
    const existing = liveAcceptance(db, delivery.id);
    if (existing) {
      throw new KhipuError('contractAcceptance.already', { field: 'deliveryId', params: { number, acta: existing.acta_number } });
    }
    if (input.date < delivery.date) {
      throw new KhipuError('contractAcceptance.beforeDelivery', {
        field: 'date', params: { date: displayDate(input.date), delivery: displayDate(delivery.date) },
      });
    }
    checkNotLocked(requireAssociation(db, delivery.association_id), input.date);
    const acta = input.actaNumber;
    const taken = prepared(db, 'SELECT 1 FROM contract_acceptances WHERE contract_id = ? AND acta_number = ? AND voided_on IS NULL')
      .get(delivery.contract_id, acta);
    if (taken) throw new KhipuError('contractAcceptance.actaTaken', { field: 'actaNumber', params: { acta } });

    const lines = deliveryLines(db, delivery.id);
    const accepted = new Map<number, number>();
    (input.lines ?? []).forEach((line, index) => {
      const found = lines.find((l) => l.line_no === line.lineNo);
      if (!found) throw new KhipuError('contractAcceptance.lineInvalid', { field: `lines.${index}.lineNo`, params: { line: line.lineNo } });
      if (accepted.has(line.lineNo)) {
        throw new KhipuError('contractAcceptance.lineRepeated', { field: `lines.${index}.lineNo`, params: { line: line.lineNo } });
      }
      if (line.acceptedQuantity > found.quantity) {
        const product = requireProduct(db, delivery.association_id, found.product_id, 'lines', { allowArchived: true });
        throw new KhipuError('contractAcceptance.aboveDelivered', {
          field: `lines.${index}.acceptedQuantity`,
          params: {
            product: product.name, accepted: formatQuantityWithUnit(line.acceptedQuantity, product.unit),
            delivered: formatQuantityWithUnit(found.quantity, product.unit),
          },
        });
      }
      accepted.set(line.lineNo, line.acceptedQuantity);
    });
    const returnRejected = input.returnRejected === true;
    const planned = lines.map((line) => {
      const acceptedQuantity = accepted.get(line.line_no) ?? line.quantity;
      const rejected = line.quantity - acceptedQuantity;
      const acceptedAmount = Math.min(multiplyQuantity(line.unit_price, acceptedQuantity), line.amount);
      const returnedCost = !returnRejected || rejected === 0 ? 0
        : rejected === line.quantity ? line.cost : roundHalfAwayFromZero(line.cost * rejected, line.quantity);
      return { line, acceptedQuantity, rejected, acceptedAmount, returnedCost };
    });
    const acceptedAmount = planned.reduce((sum, p) => sum + p.acceptedAmount, 0);
    const returnedCost = planned.reduce((sum, p) => sum + p.returnedCost, 0);
    const acceptanceId = nextContractsId(db, 'contract_acceptances');
    let entryId: number | null = null;
    if (returnedCost > 0) {
      const entryLines: NewLine[] = [];
      for (const p of planned) {
        if (p.returnedCost === 0) continue;
        const product = requireProduct(db, delivery.association_id, p.line.product_id, 'lines', { allowArchived: true });
        entryLines.push(
          {
            accountId: roleAccount(db, delivery.association_id, inventoryRoleOf(product.category)), amount: p.returnedCost,
            contractId: delivery.contract_id, productLineId: product.product_line_id, memo: `Devuelto al almacén: ${product.name}`,
          },
          {
            accountId: roleAccount(db, delivery.association_id, costRoleOf(product.category)), amount: -p.returnedCost,
            contractId: delivery.contract_id, productLineId: product.product_line_id, memo: `Rechazado: ${product.name}`,
          },
        );
      }
      entryId = insertEntry(db, context, {
        associationId: delivery.association_id, date: input.date, lines: entryLines, sourceType: 'contract_acceptance',
        sourceId: acceptanceId, description: `Acta de conformidad ${acta} — rechazo de la nota de entrega ${number}`,
      }).id;
    }
    const insertLine = prepared(db, `INSERT INTO contract_acceptance_lines (acceptance_id, line_no, accepted_quantity, rejected_quantity,
        accepted_amount, returned_cost) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const p of planned) {
      insertLine.run(acceptanceId, p.line.line_no, p.acceptedQuantity, p.rejected, p.acceptedAmount, p.returnedCost);
    }
    prepared(db, `INSERT INTO contract_acceptances (id, association_id, contract_id, delivery_id, acta_number, date, accepted_amount,
        returned, returned_cost, note, entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      acceptanceId, delivery.association_id, delivery.contract_id, delivery.id, acta, input.date, acceptedAmount,
      returnedCost > 0 ? 1 : 0, returnedCost, blankToNull(input.note), entryId, context.now().toISOString(), context.actor,
    );
    if (entryId !== null) {
      for (const p of planned) {
        if (p.returnedCost === 0) continue;
        moveStock(db, {
          associationId: delivery.association_id, productId: p.line.product_id, date: input.date, quantity: p.rejected,
          value: p.returnedCost, sourceType: 'contract_acceptance', sourceId: acceptanceId, entryId,
          field: `lines.${p.line.line_no - 1}.acceptedQuantity`,
        });
      }
    }
    appendAudit(db, context, 'acceptDelivery', delivery.association_id, {
      ...input, acceptanceId, delivery: number, acceptedAmount, returnedCost, entryId,
    });
    return getDelivery(db, delivery.id);
  });
}

export function voidAcceptance(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidAcceptance'>): DeliveryView {
  return writeTransaction(db, () => {
    const acceptance = prepared(db, 'SELECT * FROM contract_acceptances WHERE id = ?').get(input.acceptanceId) as AcceptanceRow | undefined;
    if (!acceptance) throw new KhipuError('contractAcceptance.notFound', { field: 'acceptanceId', params: { id: input.acceptanceId } });
    checkContractVoidable(db, acceptance, input.date, 'contractAcceptance', 'acceptanceId', acceptance.acta_number);
    const invoice = prepared(db, `SELECT i.number FROM contract_invoice_deliveries x JOIN contract_invoices i ON i.id = x.invoice_id
        WHERE x.delivery_id = ? AND i.voided_on IS NULL`).get(acceptance.delivery_id) as { number: string } | undefined;
    if (invoice) {
      throw new KhipuError('contractAcceptance.invoiced', {
        field: 'acceptanceId', params: { acta: acceptance.acta_number, invoice: invoice.number },
      });
    }
    let reversalId: number | null = null;
    if (acceptance.entry_id !== null) {
      const reversal = reverseDocumentEntry(db, context, acceptance.entry_id, input.date, {
        description: `Anulación del acta de conformidad ${acceptance.acta_number}: ${input.reason}`,
        sourceType: 'contract_acceptance_void', sourceId: acceptance.id,
      });
      reversalId = reversal.id;
      const returned = prepared(db, `SELECT al.line_no, l.product_id, al.rejected_quantity, al.returned_cost
          FROM contract_acceptance_lines al
          JOIN contract_delivery_lines l ON l.delivery_id = ? AND l.line_no = al.line_no
         WHERE al.acceptance_id = ? AND al.returned_cost > 0 ORDER BY al.line_no`).all(acceptance.delivery_id, acceptance.id) as
        { line_no: number; product_id: number; rejected_quantity: number; returned_cost: number }[];
      for (const line of returned) {
        moveStock(db, {
          associationId: acceptance.association_id, productId: line.product_id, date: input.date, quantity: -line.rejected_quantity,
          value: line.returned_cost, sourceType: 'contract_acceptance_void', sourceId: acceptance.id, entryId: reversal.id,
          field: `lines.${line.line_no - 1}`,
        });
      }
    }
    markVoided(db, context, 'contract_acceptances', acceptance.id, { date: input.date, reason: input.reason, reversalEntryId: reversalId });
    appendAudit(db, context, 'voidAcceptance', acceptance.association_id, { ...input, acta: acceptance.acta_number, reversalEntryId: reversalId });
    return getDelivery(db, acceptance.delivery_id);
  });
}
