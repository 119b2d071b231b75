import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { assertDocumentTotal, formatSoles } from '../../shared/money';
import type { ContractCollectionView, ContractInvoiceView } from '../../shared/operations/contracts';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation, requireCashAccount, roleAccount } from '../contributions/common';
import { reverseDocumentEntry } from '../contributions/receipts';
import { insertEntry, type NewLine } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import {
  blankToNull, checkContractVoidable, markVoided, nextContractsId, normaliseNumber, requireContract,
} from './common';
import { deliveryNumber, liveAcceptance, requireDelivery } from './deliveries';
import { getContractCollection, getContractInvoice } from './view';

// The SUNAT invoice for accepted deliveries (issued outside Khipu, recorded as typed) and the money
// the entity pays for it, with its deductions.

export interface InvoiceRow {
  id: number; association_id: number; contract_id: number; party_id: number; number: string; date: string; subtotal: number;
  igv: number; total: number; note: string | null; entry_id: number; voided_on: string | null; voided_at: string | null;
  void_reason: string | null; void_entry_id: number | null; created_at: string; created_by: string;
}

export function requireInvoice(db: LedgerDatabase, invoiceId: number, field = 'invoiceId'): InvoiceRow {
  const row = prepared(db, 'SELECT * FROM contract_invoices WHERE id = ?').get(invoiceId) as InvoiceRow | undefined;
  if (!row) throw new KhipuError('contractInvoice.notFound', { field, params: { id: invoiceId } });
  return row;
}

/** total − live collections' totals (each collection's received + deductions). */
export function invoicePending(db: LedgerDatabase, invoice: InvoiceRow): number {
  if (invoice.voided_on !== null) return 0;
  const { taken } = prepared(db, `SELECT COALESCE(SUM(total), 0) AS taken FROM contract_collections
      WHERE invoice_id = ? AND voided_on IS NULL`).get(invoice.id) as { taken: number };
  return invoice.total - taken;
}

export function recordContractInvoice(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordContractInvoice'>,
): ContractInvoiceView {
  return writeTransaction(db, () => {
    const contract = requireContract(db, input.contractId);
    checkNotLocked(requireAssociation(db, contract.association_id), input.date);
    const number = normaliseNumber(input.number);
    if (number === '') throw new KhipuError('contractInvoice.numberRequired', { field: 'number' });
    const other = prepared(db, 'SELECT date FROM contract_invoices WHERE party_id = ? AND number = ? AND voided_on IS NULL')
      .get(contract.party_id, number) as { date: string } | undefined;
    if (other) {
      throw new KhipuError('contractInvoice.numberTaken', { field: 'number', params: { number, date: displayDate(other.date) } });
    }
    const seen = new Set<number>();
    let accepted = 0;
    input.deliveryIds.forEach((deliveryId, index) => {
      const field = `deliveryIds.${index}`;
      if (seen.has(deliveryId)) throw new KhipuError('contractInvoice.deliveryRepeated', { field, params: { id: deliveryId } });
      seen.add(deliveryId);
      const delivery = requireDelivery(db, deliveryId, field);
      const label = deliveryNumber(delivery);
      if (delivery.contract_id !== contract.id) {
        throw new KhipuError('contractInvoice.deliveryOtherContract', { field, params: { number: label, contract: contract.number } });
      }
      if (delivery.voided_on !== null) throw new KhipuError('contractDelivery.voided', { field, params: { number: label } });
      const acceptance = liveAcceptance(db, delivery.id);
      if (!acceptance) throw new KhipuError('contractInvoice.deliveryNotAccepted', { field, params: { number: label } });
      if (acceptance.date > input.date) {
        throw new KhipuError('contractInvoice.beforeAcceptance', {
          field: 'date', params: { number: label, date: displayDate(acceptance.date) },
        });
      }
      const invoiced = prepared(db, `SELECT i.number FROM contract_invoice_deliveries x JOIN contract_invoices i ON i.id = x.invoice_id
          WHERE x.delivery_id = ? AND i.voided_on IS NULL`).get(delivery.id) as { number: string } | undefined;
      if (invoiced) {
        throw new KhipuError('contractInvoice.deliveryInvoiced', { field, params: { number: label, invoice: invoiced.number } });
      }
      accepted += acceptance.accepted_amount;
    });
    const subtotal = input.subtotal ?? accepted;
    if (subtotal <= 0) {
      throw new KhipuError('contractInvoice.subtotalNotPositive', { field: 'subtotal', params: { subtotal: formatSoles(subtotal) } });
    }
    if (subtotal > accepted) {
      throw new KhipuError('contractInvoice.aboveAccepted', {
        field: 'subtotal', params: { subtotal: formatSoles(subtotal), accepted: formatSoles(accepted) },
      });
    }
    const igv = input.igv ?? 0;
    const total = subtotal + igv;
    assertDocumentTotal(total, 'igv');

    const invoiceId = nextContractsId(db, 'contract_invoices');
    const lines: NewLine[] = [
      {
        accountId: roleAccount(db, contract.association_id, 'receivable_customers'), amount: total, partyId: contract.party_id,
        contractId: contract.id, memo: `Factura ${number}`,
      },
      {
        accountId: roleAccount(db, contract.association_id, 'sales_products'), amount: -subtotal, contractId: contract.id,
        memo: `Factura ${number} — contrato ${contract.number}`,
      },
    ];
    if (igv > 0) {
      lines.push({
        accountId: roleAccount(db, contract.association_id, 'taxes_payable'), amount: -igv, contractId: contract.id, memo: `IGV factura ${number}`,
      });
    }
    const party = prepared(db, 'SELECT name FROM parties WHERE id = ?').get(contract.party_id) as { name: string };
    const entry = insertEntry(db, context, {
      associationId: contract.association_id, date: input.date, lines, sourceType: 'contract_invoice', sourceId: invoiceId,
      description: `Factura ${number} — ${party.name}, contrato ${contract.number}`,
    });
    const link = prepared(db, 'INSERT INTO contract_invoice_deliveries (invoice_id, delivery_id) VALUES (?, ?)');
    for (const deliveryId of input.deliveryIds) link.run(invoiceId, deliveryId);
    prepared(db, `INSERT INTO contract_invoices (id, association_id, contract_id, party_id, number, date, subtotal, igv, total, note,
        entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      invoiceId, contract.association_id, contract.id, contract.party_id, number, input.date, subtotal, igv, total,
      blankToNull(input.note), entry.id, context.now().toISOString(), context.actor,
    );
    appendAudit(db, context, 'recordContractInvoice', contract.association_id, {
      ...input, number, invoiceId, subtotal, igv, total, entryId: entry.id,
    });
    return getContractInvoice(db, invoiceId);
  });
}

export function voidContractInvoice(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidContractInvoice'>,
): ContractInvoiceView {
  return writeTransaction(db, () => {
    const invoice = requireInvoice(db, input.invoiceId);
    checkContractVoidable(db, invoice, input.date, 'contractInvoice', 'invoiceId', invoice.number);
    const { n } = prepared(db, 'SELECT COUNT(*) AS n FROM contract_collections WHERE invoice_id = ? AND voided_on IS NULL')
      .get(invoice.id) as { n: number };
    if (n > 0) throw new KhipuError('contractInvoice.hasCollections', { field: 'invoiceId', params: { number: invoice.number } });
    const reversal = reverseDocumentEntry(db, context, invoice.entry_id, input.date, {
      description: `Anulación de la factura ${invoice.number}: ${input.reason}`, sourceType: 'contract_invoice_void', sourceId: invoice.id,
    });
    markVoided(db, context, 'contract_invoices', invoice.id, { date: input.date, reason: input.reason, reversalEntryId: reversal.id });
    appendAudit(db, context, 'voidContractInvoice', invoice.association_id, { ...input, number: invoice.number, reversalEntryId: reversal.id });
    return getContractInvoice(db, invoice.id);
  });
}

export function recordContractCollection(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordContractCollection'>,
): ContractCollectionView {
  return writeTransaction(db, () => {
    const invoice = requireInvoice(db, input.invoiceId);
    if (invoice.voided_on !== null) {
      throw new KhipuError('contractInvoice.voided', { field: 'invoiceId', params: { number: invoice.number } });
    }
    checkNotLocked(requireAssociation(db, invoice.association_id), input.date);
    if (input.date < invoice.date) {
      throw new KhipuError('contractCollection.beforeInvoice', {
        field: 'date', params: { number: invoice.number, date: displayDate(invoice.date) },
      });
    }
    const igvWithheld = input.igvWithheld ?? 0;
    const detraction = input.detraction ?? 0;
    const penalty = input.penalty ?? 0;
    const other = input.otherDeductions ?? 0;
    const voucher = blankToNull(input.withholdingVoucher);
    const constancia = blankToNull(input.detractionConstancia);
    const otherDescription = blankToNull(input.otherDescription);
    if (igvWithheld > 0 && detraction > 0) throw new KhipuError('contractCollection.withholdingAndDetraction', { field: 'detraction' });
    if (igvWithheld > 0 && voucher === null) throw new KhipuError('contractCollection.voucherRequired', { field: 'withholdingVoucher' });
    if (igvWithheld === 0 && voucher !== null) throw new KhipuError('contractCollection.voucherWithoutAmount', { field: 'igvWithheld' });
    if (detraction > 0 && constancia === null) throw new KhipuError('contractCollection.constanciaRequired', { field: 'detractionConstancia' });
    if (detraction === 0 && constancia !== null) throw new KhipuError('contractCollection.constanciaWithoutAmount', { field: 'detraction' });
    if (other > 0 && otherDescription === null) throw new KhipuError('contractCollection.otherDescriptionRequired', { field: 'otherDescription' });
    if (other === 0 && otherDescription !== null) throw new KhipuError('contractCollection.descriptionWithoutAmount', { field: 'otherDeductions' });
    const total = input.received + igvWithheld + detraction + penalty + other;
    if (total <= 0) throw new KhipuError('contractCollection.nothing', { field: 'received' });
    assertDocumentTotal(total, 'received');
    const pending = invoicePending(db, invoice);
    if (total > pending) {
      throw new KhipuError('contractCollection.abovePending', {
        field: 'received', params: { total: formatSoles(total), pending: formatSoles(pending), number: invoice.number },
      });
    }
    const account = requireCashAccount(db, invoice.association_id, input.accountId);
    const association = invoice.association_id;
    const collectionId = nextContractsId(db, 'contract_collections');
    const label = `Cobro de la factura ${invoice.number}`;
    const lines: NewLine[] = [];
    if (input.received > 0) lines.push({ accountId: account.id, amount: input.received, contractId: invoice.contract_id, memo: label });
    if (detraction > 0) {
      lines.push({
        accountId: roleAccount(db, association, 'bank_detraction'), amount: detraction, contractId: invoice.contract_id,
        memo: `Detracción, constancia ${constancia ?? ''}`,
      });
    }
    if (igvWithheld > 0) {
      lines.push({
        accountId: roleAccount(db, association, 'taxes_payable'), amount: igvWithheld, contractId: invoice.contract_id,
        memo: `IGV retenido, comprobante de retención ${voucher ?? ''}`,
      });
    }
    if (penalty > 0) {
      lines.push({
        accountId: roleAccount(db, association, 'other_expense'), amount: penalty, contractId: invoice.contract_id,
        memo: `Penalidad descontada, factura ${invoice.number}`,
      });
    }
    if (other > 0) {
      lines.push({
        accountId: roleAccount(db, association, 'other_expense'), amount: other, contractId: invoice.contract_id,
        memo: `Otro descuento: ${otherDescription ?? ''}`,
      });
    }
    lines.push({
      accountId: roleAccount(db, association, 'receivable_customers'), amount: -total, partyId: invoice.party_id,
      contractId: invoice.contract_id, memo: label,
    });
    const party = prepared(db, 'SELECT name FROM parties WHERE id = ?').get(invoice.party_id) as { name: string };
    const entry = insertEntry(db, context, {
      associationId: association, date: input.date, lines, sourceType: 'contract_collection', sourceId: collectionId,
      description: `${label} — ${party.name}`,
    });
    prepared(db, `INSERT INTO contract_collections (id, association_id, contract_id, invoice_id, date, account_id, received, igv_withheld,
        withholding_voucher, detraction, detraction_constancia, penalty, other_deductions, other_description, total, pending_after,
        note, entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      collectionId, association, invoice.contract_id, invoice.id, input.date, account.id, input.received, igvWithheld, voucher,
      detraction, constancia, penalty, other, otherDescription, total, pending - total, blankToNull(input.note), entry.id,
      context.now().toISOString(), context.actor,
    );
    appendAudit(db, context, 'recordContractCollection', association, { ...input, collectionId, total, entryId: entry.id });
    return getContractCollection(db, collectionId);
  });
}

export function voidContractCollection(
  db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidContractCollection'>,
): ContractCollectionView {
  return writeTransaction(db, () => {
    const row = prepared(db, 'SELECT c.*, i.number AS invoice_number FROM contract_collections c JOIN contract_invoices i ON i.id = c.invoice_id WHERE c.id = ?')
      .get(input.collectionId) as { id: number; association_id: number; date: string; voided_on: string | null; entry_id: number; invoice_number: string } | undefined;
    if (!row) throw new KhipuError('contractCollection.notFound', { field: 'collectionId', params: { id: input.collectionId } });
    checkContractVoidable(db, row, input.date, 'contractCollection', 'collectionId', row.invoice_number);
    const reversal = reverseDocumentEntry(db, context, row.entry_id, input.date, {
      description: `Anulación del cobro de la factura ${row.invoice_number}: ${input.reason}`,
      sourceType: 'contract_collection_void', sourceId: row.id,
    });
    markVoided(db, context, 'contract_collections', row.id, { date: input.date, reason: input.reason, reversalEntryId: reversal.id });
    appendAudit(db, context, 'voidContractCollection', row.association_id, { ...input, reversalEntryId: reversal.id });
    return getContractCollection(db, row.id);
  });
}
