import type { ParsedInput } from '../../shared/api';
import { addDays, displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { assertDocumentTotal, assertLineAmount, multiplyQuantity } from '../../shared/money';
import type { ContractView } from '../../shared/operations/contracts';
import { formatQuantityWithUnit } from '../../shared/stock-cost';
import { appendAudit, type WriteContext } from '../audit/log';
import { requireAssociation } from '../contributions/common';
import { requireParty } from '../parties/require';
import { requireProduct } from '../stock/movements';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { blankToNull, deliveredNet, latestVersion, nextContractsId, requireContract, termsOf } from './common';
import { getContract } from './view';

// Recording a contract's terms (version 0) and its adendas (version n), and its status.

interface TermsInput {
  items: { productId: number; quantity: number; unitPrice: number }[];
  schedule?: { dueDate: string; productId: number; quantity: number }[] | null | undefined;
}

interface CheckedTerms {
  items: { lineNo: number; productId: number; quantity: number; unitPrice: number; amount: number }[];
  schedule: { lineNo: number; dueDate: string; productId: number; quantity: number }[];
}

/** Items once per product, amounts within the ceilings; a schedule whose quantities per product add up to the item's. */
function checkTerms(
  db: LedgerDatabase, associationId: number, input: TermsInput, from: string, endDate: string,
): CheckedTerms {
  const seen = new Map<number, number>();
  const items = input.items.map((item, index) => {
    const field = `items.${index}`;
    const product = requireProduct(db, associationId, item.productId, `${field}.productId`);
    if (seen.has(product.id)) throw new KhipuError('contract.productRepeated', { field: `${field}.productId`, params: { product: product.name } });
    seen.set(product.id, index);
    const amount = multiplyQuantity(item.unitPrice, item.quantity);
    if (amount <= 0) throw new KhipuError('contract.lineAmountZero', { field: `${field}.quantity`, params: { product: product.name } });
    assertLineAmount(amount, `${field}.unitPrice`);
    return { lineNo: index + 1, productId: product.id, quantity: item.quantity, unitPrice: item.unitPrice, amount };
  });
  assertDocumentTotal(items.reduce((sum, item) => sum + item.amount, 0), 'items');
  const rows = input.schedule ?? items.map((item) => ({ dueDate: endDate, productId: item.productId, quantity: item.quantity }));
  const scheduled = new Map<number, number>();
  const schedule = rows.map((row, index) => {
    const field = `schedule.${index}`;
    if (!seen.has(row.productId)) {
      throw new KhipuError('contract.scheduleProductNotInItems', { field: `${field}.productId`, params: { id: row.productId } });
    }
    if (row.dueDate < from) {
      throw new KhipuError('contract.scheduleBeforeStart', {
        field: `${field}.dueDate`, params: { date: displayDate(row.dueDate), start: displayDate(from) },
      });
    }
    scheduled.set(row.productId, (scheduled.get(row.productId) ?? 0) + row.quantity);
    return { lineNo: index + 1, dueDate: row.dueDate, productId: row.productId, quantity: row.quantity };
  });
  for (const item of items) {
    const total = scheduled.get(item.productId) ?? 0;
    if (total !== item.quantity) {
      const product = requireProduct(db, associationId, item.productId, 'schedule', { allowArchived: true });
      throw new KhipuError('contract.scheduleMismatch', {
        field: 'schedule',
        params: {
          product: product.name, scheduled: formatQuantityWithUnit(total, product.unit),
          quantity: formatQuantityWithUnit(item.quantity, product.unit),
        },
      });
    }
  }
  return { items, schedule };
}

function writeTerms(db: LedgerDatabase, contractId: number, version: number, terms: CheckedTerms): void {
  const insertItem = prepared(db, `INSERT INTO contract_items (contract_id, version, line_no, product_id, quantity, unit_price, amount)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const item of terms.items) {
    insertItem.run(contractId, version, item.lineNo, item.productId, item.quantity, item.unitPrice, item.amount);
  }
  const insertLine = prepared(db, `INSERT INTO contract_schedule (contract_id, version, line_no, due_date, product_id, quantity)
      VALUES (?, ?, ?, ?, ?, ?)`);
  for (const line of terms.schedule) insertLine.run(contractId, version, line.lineNo, line.dueDate, line.productId, line.quantity);
}

export function createContract(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'createContract'>): ContractView {
  return writeTransaction(db, () => {
    requireAssociation(db, input.associationId);
    const party = requireParty(db, input.associationId, input.partyId, 'partyId');
    if (party.kind !== 'public_entity') throw new KhipuError('contract.partyNotPublic', { field: 'partyId', params: { name: party.name } });
    const number = input.number;
    const other = prepared(db, 'SELECT id FROM contracts WHERE association_id = ? AND number = ?').get(input.associationId, number);
    if (other) throw new KhipuError('contract.numberTaken', { field: 'number', params: { number } });
    const startDate = input.startDate ?? input.signedOn;
    if (startDate < input.signedOn) {
      throw new KhipuError('contract.startBeforeSigned', {
        field: 'startDate', params: { date: displayDate(startDate), signedOn: displayDate(input.signedOn) },
      });
    }
    const termDays = input.termDays ?? null;
    const endDate = input.endDate ?? (termDays !== null ? addDays(startDate, termDays) : null);
    if (endDate === null) throw new KhipuError('contract.endRequired', { field: 'endDate' });
    if (endDate < startDate) {
      throw new KhipuError('contract.endBeforeStart', {
        field: 'endDate', params: { date: displayDate(endDate), start: displayDate(startDate) },
      });
    }
    const terms = checkTerms(db, input.associationId, input, startDate, endDate);
    const contractId = nextContractsId(db, 'contracts');
    writeTerms(db, contractId, 0, terms);
    prepared(db, `INSERT INTO contracts (id, association_id, party_id, number, programme, process_number, signed_on, start_date,
        end_date, term_days, status, penalty_cap_bp, note, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_force', ?, ?, ?, ?)`).run(
      contractId, input.associationId, party.id, number, blankToNull(input.programme), blankToNull(input.processNumber),
      input.signedOn, startDate, endDate, termDays, input.penaltyCapBp ?? 1000, blankToNull(input.note),
      context.now().toISOString(), context.actor,
    );
    appendAudit(db, context, 'createContract', input.associationId, { ...input, contractId, endDate });
    return getContract(db, contractId);
  });
}

export function amendContract(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'amendContract'>): ContractView {
  return writeTransaction(db, () => {
    const contract = requireContract(db, input.contractId);
    if (contract.status !== 'in_force') {
      throw new KhipuError('contract.notInForce', { field: 'contractId', params: { number: contract.number } });
    }
    if (input.date < contract.signed_on) {
      throw new KhipuError('contract.amendmentBeforeSigned', {
        field: 'date', params: { date: displayDate(input.date), signedOn: displayDate(contract.signed_on) },
      });
    }
    const last = latestVersion(db, contract.id);
    const lastTerms = termsOf(db, contract, last);
    if (input.date < lastTerms.date) {
      throw new KhipuError('contract.amendmentBeforeLast', {
        field: 'date', params: { date: displayDate(input.date), last: displayDate(lastTerms.date) },
      });
    }
    const taken = prepared(db, 'SELECT 1 FROM contract_amendments WHERE contract_id = ? AND number = ?').get(contract.id, input.number);
    if (taken) throw new KhipuError('contract.amendmentNumberTaken', { field: 'number', params: { number: input.number } });
    const endDate = input.endDate ?? contract.end_date;
    if (endDate < input.date) {
      throw new KhipuError('contract.endBeforeStart', { field: 'endDate', params: { date: displayDate(endDate), start: displayDate(input.date) } });
    }
    const terms = checkTerms(db, contract.association_id, input, contract.start_date, endDate);
    // A product's quantity may not drop below what is already delivered net of rejected.
    const { byProduct } = deliveredNet(db, contract.id);
    for (const [productId, net] of byProduct) {
      if (net <= 0) continue;
      const index = terms.items.findIndex((item) => item.productId === productId);
      const quantity = index < 0 ? 0 : terms.items[index]!.quantity;
      if (quantity < net) {
        const product = requireProduct(db, contract.association_id, productId, 'items', { allowArchived: true });
        throw new KhipuError('contract.belowDelivered', {
          field: index < 0 ? 'items' : `items.${index}.quantity`,
          params: {
            product: product.name, quantity: formatQuantityWithUnit(quantity, product.unit),
            delivered: formatQuantityWithUnit(net, product.unit),
          },
        });
      }
    }
    const version = last + 1;
    writeTerms(db, contract.id, version, terms);
    prepared(db, `INSERT INTO contract_amendments (contract_id, version, number, date, reason, end_date, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      contract.id, version, input.number, input.date, input.reason, endDate, context.now().toISOString(), context.actor,
    );
    if (endDate !== contract.end_date) prepared(db, 'UPDATE contracts SET end_date = ? WHERE id = ?').run(endDate, contract.id);
    appendAudit(db, context, 'amendContract', contract.association_id, { ...input, version, endDate });
    return getContract(db, contract.id);
  });
}

export function setContractStatus(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'setContractStatus'>): ContractView {
  return writeTransaction(db, () => {
    const contract = requireContract(db, input.contractId);
    if (contract.status === input.status) {
      throw new KhipuError('contract.statusUnchanged', { field: 'status', params: { number: contract.number } });
    }
    prepared(db, 'UPDATE contracts SET status = ? WHERE id = ?').run(input.status, contract.id);
    appendAudit(db, context, 'setContractStatus', contract.association_id, {
      ...input, from: contract.status, reason: blankToNull(input.reason),
    });
    return getContract(db, contract.id);
  });
}
