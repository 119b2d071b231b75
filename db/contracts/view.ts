import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import { multiplyQuantity, percentOf, roundHalfAwayFromZero } from '../../shared/money';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import type {
  AcceptanceView, ContractCollectionView, ContractInvoiceView, ContractItemView, ContractProgress, ContractScheduleLineView,
  ContractSheet, ContractSummary, ContractVersionView, ContractView, DeliveryLineView, DeliveryPenaltyView, DeliveryView,
} from '../../shared/operations/contracts';
import { lateDeliveryPenalty } from '../../shared/peru/late-delivery-penalty';
import { paymentAccountKind, requireAssociation, treasurerOn } from '../contributions/common';
import { associationDetails, documentParty, documentStatus } from '../documents/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { latestVersion, requireContract, type ContractRow } from './common';

// Reads of contracts: the contract with its versions, the delivery note, invoices, collections, the
// progress figures and the contract sheet. Every read goes by contract (indexed), never the journal.

const DAY_MS = 86_400_000;
/** Calendar days from a to b (ISO dates). */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

function versionsOf(db: LedgerDatabase, contract: ContractRow): ContractVersionView[] {
  const items = prepared(db, `SELECT i.version, i.product_id AS productId, p.name AS productName, p.unit, i.quantity,
             i.unit_price AS unitPrice, i.amount
        FROM contract_items i JOIN products p ON p.id = i.product_id WHERE i.contract_id = ? ORDER BY i.version, i.line_no`)
    .all(contract.id) as (ContractItemView & { version: number })[];
  const schedule = prepared(db, `SELECT s.version, s.line_no AS lineNo, s.due_date AS dueDate, s.product_id AS productId,
             p.name AS productName, p.unit, s.quantity
        FROM contract_schedule s JOIN products p ON p.id = s.product_id WHERE s.contract_id = ? ORDER BY s.version, s.line_no`)
    .all(contract.id) as (ContractScheduleLineView & { version: number })[];
  const amendments = prepared(db, `SELECT version, number, date, reason, end_date, created_at, created_by FROM contract_amendments
      WHERE contract_id = ? ORDER BY version`).all(contract.id) as
    { version: number; number: string; date: string; reason: string; end_date: string; created_at: string; created_by: string }[];
  const firstEnd = amendments.length > 0 ? null : contract.end_date;
  const heads = [
    {
      version: 0, number: null, date: contract.signed_on, reason: null,
      endDate: firstEnd ?? contract.end_date, createdAt: contract.created_at, createdBy: contract.created_by,
    },
    ...amendments.map((a) => ({
      version: a.version, number: a.number, date: a.date, reason: a.reason, endDate: a.end_date, createdAt: a.created_at,
      createdBy: a.created_by,
    })),
  ];
  return heads.map((head) => {
    const own = items.filter((i) => i.version === head.version).map(({ version: _v, ...item }) => item);
    return {
      ...head,
      items: own,
      schedule: schedule.filter((s) => s.version === head.version).map(({ version: _v, ...line }) => line),
      value: own.reduce((sum, item) => sum + item.amount, 0),
    };
  });
}

export function contractView(db: LedgerDatabase, contract: ContractRow): ContractView {
  const versions = versionsOf(db, contract);
  const latest = versions[versions.length - 1]!;
  return {
    id: contract.id,
    associationId: contract.association_id,
    association: associationDetails(db, contract.association_id),
    entity: documentParty(db, contract.party_id),
    number: contract.number,
    programme: contract.programme,
    processNumber: contract.process_number,
    signedOn: contract.signed_on,
    startDate: contract.start_date,
    endDate: contract.end_date,
    termDays: contract.term_days,
    status: contract.status,
    penaltyCapBp: contract.penalty_cap_bp,
    note: contract.note,
    items: latest.items,
    schedule: latest.schedule,
    value: latest.value,
    versions,
    createdAt: contract.created_at,
    createdBy: contract.created_by,
  };
}

export function getContract(db: LedgerDatabase, contractId: number): ContractView {
  return contractView(db, requireContract(db, contractId));
}

/** The progress figures of a contract, from its documents (live ones). */
export function contractProgress(db: LedgerDatabase, contractId: number): ContractProgress {
  const version = latestVersion(db, contractId);
  const { value } = prepared(db, 'SELECT COALESCE(SUM(amount), 0) AS value FROM contract_items WHERE contract_id = ? AND version = ?')
    .get(contractId, version) as { value: number };
  const { delivered } = prepared(db, `SELECT COALESCE(SUM(amount), 0) AS delivered FROM contract_deliveries
      WHERE contract_id = ? AND voided_on IS NULL`).get(contractId) as { delivered: number };
  const { accepted, rejected } = prepared(db, `SELECT COALESCE(SUM(a.accepted_amount), 0) AS accepted,
             COALESCE(SUM(d.amount - a.accepted_amount), 0) AS rejected
        FROM contract_acceptances a JOIN contract_deliveries d ON d.id = a.delivery_id
       WHERE a.contract_id = ? AND a.voided_on IS NULL`).get(contractId) as { accepted: number; rejected: number };
  const { subtotal, total } = prepared(db, `SELECT COALESCE(SUM(subtotal), 0) AS subtotal, COALESCE(SUM(total), 0) AS total
      FROM contract_invoices WHERE contract_id = ? AND voided_on IS NULL`).get(contractId) as { subtotal: number; total: number };
  const { collected, deductions } = prepared(db, `SELECT COALESCE(SUM(received), 0) AS collected,
             COALESCE(SUM(igv_withheld + detraction + penalty + other_deductions), 0) AS deductions
        FROM contract_collections WHERE contract_id = ? AND voided_on IS NULL`).get(contractId) as
    { collected: number; deductions: number };
  const net = delivered - rejected;
  return {
    value, delivered, accepted, invoicedSubtotal: subtotal, invoiced: total, collected, deductions,
    pending: total - collected - deductions,
    acceptedNotInvoiced: accepted - subtotal,
    toDeliver: Math.max(value - net, 0),
    deliveredShareBp: value === 0 ? 0 : roundHalfAwayFromZero(net * 10_000, value),
  };
}

export function listContracts(db: LedgerDatabase, input: ParsedInput<'listContracts'>): ContractSummary[] {
  requireAssociation(db, input.associationId);
  const rows = prepared(db, `SELECT c.id, c.number, c.party_id AS entityId, p.name AS entityName, c.programme, c.signed_on AS signedOn,
             c.end_date AS endDate, c.status,
             (SELECT COUNT(*) FROM contract_deliveries d WHERE d.contract_id = c.id AND d.voided_on IS NULL) AS deliveries,
             (SELECT COUNT(*) FROM contract_deliveries d WHERE d.contract_id = c.id AND d.voided_on IS NULL
                 AND NOT EXISTS (SELECT 1 FROM contract_acceptances a WHERE a.delivery_id = d.id AND a.voided_on IS NULL))
               AS pendingAcceptance
        FROM contracts c JOIN parties p ON p.id = c.party_id
       WHERE c.association_id = @associationId AND c.signed_on IS NOT NULL
         AND (@status IS NULL OR c.status = @status) AND (@partyId IS NULL OR c.party_id = @partyId)
       ORDER BY c.signed_on DESC, c.id DESC`)
    .all({ associationId: input.associationId, status: input.status ?? null, partyId: input.partyId ?? null }) as
    Omit<ContractSummary, keyof ContractProgress>[];
  return rows.map((row) => ({ ...row, ...contractProgress(db, row.id) }));
}

// ---------------------------------------------------------------- penalties

interface LivePenalties { byDelivery: Map<number, DeliveryPenaltyView[]>; total: number; cap: number }

/**
 * The penalties the entity may deduct for late lines, over the contract's live deliveries in date order:
 * amount = the schedule line's quantity × price, term = days from the previous due date of its version's
 * schedule (or the start date) to its due date, all together capped at the contract's cap.
 */
export function contractPenalties(db: LedgerDatabase, contract: ContractRow): LivePenalties {
  const lines = prepared(db, `SELECT d.id AS deliveryId, d.date, d.version, l.line_no AS lineNo, l.schedule_line_no AS scheduleLineNo,
             l.due_date AS dueDate, l.product_id AS productId
        FROM contract_deliveries d JOIN contract_delivery_lines l ON l.delivery_id = d.id
       WHERE d.contract_id = ? AND d.voided_on IS NULL AND d.date > l.due_date
       ORDER BY d.date, d.id, l.line_no`).all(contract.id) as
    { deliveryId: number; date: string; version: number; lineNo: number; scheduleLineNo: number; dueDate: string; productId: number }[];
  const value = contractProgressValue(db, contract.id);
  const cap = percentOf(value, contract.penalty_cap_bp);
  const byDelivery = new Map<number, DeliveryPenaltyView[]>();
  let applied = 0;
  const versions = new Map<number, { schedule: { line_no: number; due_date: string; quantity: number; product_id: number }[];
    prices: Map<number, number>; }>();
  for (const line of lines) {
    let terms = versions.get(line.version);
    if (!terms) {
      const schedule = prepared(db, 'SELECT line_no, due_date, quantity, product_id FROM contract_schedule WHERE contract_id = ? AND version = ?')
        .all(contract.id, line.version) as { line_no: number; due_date: string; quantity: number; product_id: number }[];
      const prices = new Map((prepared(db, 'SELECT product_id, unit_price FROM contract_items WHERE contract_id = ? AND version = ?')
        .all(contract.id, line.version) as { product_id: number; unit_price: number }[]).map((r) => [r.product_id, r.unit_price]));
      terms = { schedule, prices };
      versions.set(line.version, terms);
    }
    const scheduled = terms.schedule.find((s) => s.line_no === line.scheduleLineNo);
    const quantity = scheduled?.quantity ?? 0;
    const amount = multiplyQuantity(terms.prices.get(line.productId) ?? 0, quantity);
    const previous = terms.schedule.map((s) => s.due_date).filter((d) => d < line.dueDate).sort().pop() ?? contract.start_date;
    const termDays = Math.max(daysBetween(previous, line.dueDate), 1);
    const daysLate = daysBetween(line.dueDate, line.date);
    const figures = lateDeliveryPenalty({ amount, termDays, daysLate, contractAmount: value, alreadyApplied: 0 });
    const penalty = Math.min(figures.uncapped, Math.max(cap - applied, 0));
    applied += penalty;
    const list = byDelivery.get(line.deliveryId) ?? [];
    list.push({
      lineNo: line.lineNo, daysLate, amount, termDays, factor: figures.factor, daily: figures.daily, penalty,
      capped: penalty < figures.uncapped,
    });
    byDelivery.set(line.deliveryId, list);
  }
  return { byDelivery, total: applied, cap };
}

function contractProgressValue(db: LedgerDatabase, contractId: number): number {
  return (prepared(db, 'SELECT COALESCE(SUM(amount), 0) AS value FROM contract_items WHERE contract_id = ? AND version = ?')
    .get(contractId, latestVersion(db, contractId)) as { value: number }).value;
}

// ---------------------------------------------------------------- delivery note

interface DeliveryRowLike {
  id: number; association_id: number; contract_id: number; series: string; number: number; date: string; amount: number;
  cost: number; note: string | null; entry_id: number; print_count: number; voided_on: string | null; void_reason: string | null;
  void_entry_id: number | null; created_at: string; created_by: string;
}

function acceptanceView(row: {
  id: number; acta_number: string; date: string; returned: number; returned_cost: number; accepted_amount: number; note: string | null;
  entry_id: number | null; voided_on: string | null; void_reason: string | null; void_entry_id: number | null; created_at: string;
  created_by: string;
}): AcceptanceView {
  return {
    id: row.id, actaNumber: row.acta_number, date: row.date, returnedToStock: row.returned === 1, returnedCost: row.returned_cost,
    acceptedAmount: row.accepted_amount, note: row.note, entryId: row.entry_id,
    status: row.voided_on === null ? 'valid' : 'voided',
    voided: row.voided_on === null ? null : { date: row.voided_on, reason: row.void_reason ?? '', entryId: row.void_entry_id ?? 0 },
    createdAt: row.created_at, createdBy: row.created_by,
  };
}

export function getDelivery(db: LedgerDatabase, deliveryId: number): DeliveryView {
  const delivery = prepared(db, 'SELECT * FROM contract_deliveries WHERE id = ?').get(deliveryId) as DeliveryRowLike | undefined;
  if (!delivery) throw new KhipuError('contractDelivery.notFound', { field: 'deliveryId', params: { id: deliveryId } });
  const contract = requireContract(db, delivery.contract_id);
  const acceptanceRow = prepared(db, `SELECT * FROM contract_acceptances WHERE delivery_id = ?
      ORDER BY voided_on IS NULL DESC, id DESC LIMIT 1`).get(delivery.id) as Parameters<typeof acceptanceView>[0] | undefined;
  const acceptance = acceptanceRow && acceptanceRow.voided_on === null ? acceptanceView(acceptanceRow) : null;
  const acceptedLines = new Map(acceptance
    ? (prepared(db, 'SELECT line_no, accepted_quantity, rejected_quantity, accepted_amount FROM contract_acceptance_lines WHERE acceptance_id = ?')
      .all(acceptance.id) as { line_no: number; accepted_quantity: number; rejected_quantity: number; accepted_amount: number }[])
      .map((l) => [l.line_no, l])
    : []);
  const lines: DeliveryLineView[] = (prepared(db, `SELECT l.line_no, l.product_id, p.name, p.unit, l.quantity, l.unit_price, l.amount,
             l.cost, l.schedule_line_no, l.due_date
        FROM contract_delivery_lines l JOIN products p ON p.id = l.product_id WHERE l.delivery_id = ? ORDER BY l.line_no`)
    .all(delivery.id) as {
      line_no: number; product_id: number; name: string; unit: string; quantity: number; unit_price: number; amount: number;
      cost: number; schedule_line_no: number; due_date: string;
    }[]).map((l) => {
    const a = acceptedLines.get(l.line_no);
    return {
      lineNo: l.line_no, productId: l.product_id, productName: l.name, unit: l.unit, quantity: l.quantity, unitPrice: l.unit_price,
      amount: l.amount, cost: l.cost, scheduleLineNo: l.schedule_line_no, dueDate: l.due_date,
      daysLate: Math.max(daysBetween(l.due_date, delivery.date), 0),
      acceptedQuantity: a?.accepted_quantity ?? null, rejectedQuantity: a?.rejected_quantity ?? null,
      acceptedAmount: a?.accepted_amount ?? null,
    };
  });
  const penalties = delivery.voided_on === null ? contractPenalties(db, contract).byDelivery.get(delivery.id) ?? [] : [];
  const invoice = prepared(db, `SELECT i.id, i.number, i.date FROM contract_invoice_deliveries x JOIN contract_invoices i ON i.id = x.invoice_id
      WHERE x.delivery_id = ? AND i.voided_on IS NULL`).get(delivery.id) as { id: number; number: string; date: string } | undefined;
  return {
    id: delivery.id,
    associationId: delivery.association_id,
    association: associationDetails(db, delivery.association_id),
    contractId: contract.id,
    contractNumber: contract.number,
    programme: contract.programme,
    entity: documentParty(db, contract.party_id),
    series: delivery.series,
    number: delivery.number,
    formattedNumber: formatReceiptNumber(delivery.series, delivery.number),
    date: delivery.date,
    lines,
    amount: delivery.amount,
    cost: delivery.cost,
    penalties,
    penalty: penalties.reduce((sum, p) => sum + p.penalty, 0),
    acceptance,
    stage: invoice ? 'invoiced' : acceptance ? 'accepted' : 'pending',
    invoice: invoice ?? null,
    note: delivery.note,
    entryId: delivery.entry_id,
    treasurerName: treasurerOn(db, delivery.association_id, delivery.date),
    ...documentStatus(delivery),
    printCount: delivery.print_count,
    createdAt: delivery.created_at,
    createdBy: delivery.created_by,
  };
}

// ---------------------------------------------------------------- invoices and collections

export function getContractInvoice(db: LedgerDatabase, invoiceId: number): ContractInvoiceView {
  const row = prepared(db, 'SELECT * FROM contract_invoices WHERE id = ?').get(invoiceId) as {
    id: number; contract_id: number; party_id: number; number: string; date: string; subtotal: number; igv: number; total: number;
    note: string | null; entry_id: number; voided_on: string | null; void_reason: string | null; void_entry_id: number | null;
    created_at: string; created_by: string;
  } | undefined;
  if (!row) throw new KhipuError('contractInvoice.notFound', { field: 'invoiceId', params: { id: invoiceId } });
  const deliveries = (prepared(db, `SELECT d.id AS deliveryId, d.series, d.number, d.date,
             COALESCE((SELECT a.accepted_amount FROM contract_acceptances a WHERE a.delivery_id = d.id AND a.voided_on IS NULL), 0)
               AS acceptedAmount
        FROM contract_invoice_deliveries x JOIN contract_deliveries d ON d.id = x.delivery_id WHERE x.invoice_id = ? ORDER BY x.id`)
    .all(row.id) as { deliveryId: number; series: string; number: number; date: string; acceptedAmount: number }[])
    .map(({ series, number, ...d }) => ({ ...d, formattedNumber: formatReceiptNumber(series, number) }));
  const { collected, deductions } = prepared(db, `SELECT COALESCE(SUM(received), 0) AS collected,
             COALESCE(SUM(igv_withheld + detraction + penalty + other_deductions), 0) AS deductions
        FROM contract_collections WHERE invoice_id = ? AND voided_on IS NULL`).get(row.id) as { collected: number; deductions: number };
  return {
    id: row.id, contractId: row.contract_id, entityId: row.party_id, number: row.number, date: row.date, deliveries,
    subtotal: row.subtotal, igv: row.igv, total: row.total, collected, deductions,
    pending: row.voided_on === null ? row.total - collected - deductions : 0,
    note: row.note, entryId: row.entry_id, ...documentStatus(row), createdAt: row.created_at, createdBy: row.created_by,
  };
}

interface CollectionRowLike {
  id: number; invoice_id: number; invoice_number: string; contract_id: number; date: string; account_id: number; account_name: string;
  received: number; igv_withheld: number; withholding_voucher: string | null; detraction: number; detraction_constancia: string | null;
  penalty: number; other_deductions: number; other_description: string | null; total: number; pending_after: number;
  note: string | null; entry_id: number; voided_on: string | null; void_reason: string | null; void_entry_id: number | null;
  created_at: string; created_by: string;
}

function collectionView(db: LedgerDatabase, row: CollectionRowLike): ContractCollectionView {
  return {
    id: row.id, invoiceId: row.invoice_id, invoiceNumber: row.invoice_number, contractId: row.contract_id, date: row.date,
    accountId: row.account_id, accountName: row.account_name, accountKind: paymentAccountKind(db, row.account_id),
    received: row.received, igvWithheld: row.igv_withheld, withholdingVoucher: row.withholding_voucher, detraction: row.detraction,
    detractionConstancia: row.detraction_constancia, penalty: row.penalty, otherDeductions: row.other_deductions,
    otherDescription: row.other_description, total: row.total, pendingAfter: row.pending_after, note: row.note,
    entryId: row.entry_id, ...documentStatus(row), createdAt: row.created_at, createdBy: row.created_by,
  };
}

const collectionSelect = `SELECT c.*, i.number AS invoice_number, a.name AS account_name
  FROM contract_collections c JOIN contract_invoices i ON i.id = c.invoice_id JOIN accounts a ON a.id = c.account_id`;

export function getContractCollection(db: LedgerDatabase, collectionId: number): ContractCollectionView {
  const row = prepared(db, `${collectionSelect} WHERE c.id = ?`).get(collectionId) as CollectionRowLike | undefined;
  if (!row) throw new KhipuError('contractCollection.notFound', { field: 'collectionId', params: { id: collectionId } });
  return collectionView(db, row);
}

// ---------------------------------------------------------------- the sheet

export function contractSheet(db: LedgerDatabase, contractId: number): ContractSheet {
  const row = requireContract(db, contractId);
  const contract = contractView(db, row);
  const totals = contractProgress(db, contractId);
  const penalties = contractPenalties(db, row);
  const latest = contract.versions[contract.versions.length - 1]!;
  const prices = new Map(latest.items.map((i) => [i.productId, i.unitPrice]));
  const filled = prepared(db, `SELECT l.schedule_line_no AS lineNo, l.product_id AS productId, SUM(l.quantity) AS delivered,
             SUM(COALESCE(al.accepted_quantity, 0)) AS accepted, SUM(COALESCE(al.rejected_quantity, 0)) AS rejected,
             MAX(d.date) AS lastDate
        FROM contract_deliveries d JOIN contract_delivery_lines l ON l.delivery_id = d.id
        LEFT JOIN contract_acceptances a ON a.delivery_id = d.id AND a.voided_on IS NULL
        LEFT JOIN contract_acceptance_lines al ON al.acceptance_id = a.id AND al.line_no = l.line_no
       WHERE d.contract_id = ? AND d.voided_on IS NULL GROUP BY l.schedule_line_no, l.product_id`).all(contractId) as
    { lineNo: number; productId: number; delivered: number; accepted: number; rejected: number; lastDate: string }[];
  const schedule = latest.schedule.map((line) => {
    const f = filled.find((x) => x.lineNo === line.lineNo && x.productId === line.productId);
    const delivered = f?.delivered ?? 0;
    return {
      ...line, unitPrice: prices.get(line.productId) ?? 0, delivered, accepted: f?.accepted ?? 0,
      outstanding: Math.max(line.quantity - (delivered - (f?.rejected ?? 0)), 0), lastDeliveryDate: f?.lastDate ?? null,
    };
  });
  const deliveries = (prepared(db, `SELECT d.id, d.series, d.number, d.date, d.amount,
             a.accepted_amount AS acceptedAmount, a.acta_number AS actaNumber, a.date AS actaDate,
             (SELECT i.number FROM contract_invoice_deliveries x JOIN contract_invoices i ON i.id = x.invoice_id
               WHERE x.delivery_id = d.id AND i.voided_on IS NULL) AS invoiceNumber,
             (SELECT MAX(julianday(d.date) - julianday(l.due_date)) FROM contract_delivery_lines l WHERE l.delivery_id = d.id) AS late
        FROM contract_deliveries d LEFT JOIN contract_acceptances a ON a.delivery_id = d.id AND a.voided_on IS NULL
       WHERE d.contract_id = ? AND d.voided_on IS NULL ORDER BY d.date, d.id`).all(contractId) as {
      id: number; series: string; number: number; date: string; amount: number; acceptedAmount: number | null;
      actaNumber: string | null; actaDate: string | null; invoiceNumber: string | null; late: number | null;
    }[]).map((d) => ({
    deliveryId: d.id, formattedNumber: formatReceiptNumber(d.series, d.number), date: d.date, amount: d.amount,
    acceptedAmount: d.acceptedAmount, actaNumber: d.actaNumber, actaDate: d.actaDate,
    daysLate: Math.max(Math.round(d.late ?? 0), 0),
    penalty: (penalties.byDelivery.get(d.id) ?? []).reduce((sum, p) => sum + p.penalty, 0),
    invoiceNumber: d.invoiceNumber,
    stage: (d.invoiceNumber !== null ? 'invoiced' : d.actaNumber !== null ? 'accepted' : 'pending') as DeliveryView['stage'],
  }));
  const invoiceIds = prepared(db, 'SELECT id FROM contract_invoices WHERE contract_id = ? AND voided_on IS NULL ORDER BY date, id')
    .all(contractId) as { id: number }[];
  const invoices = invoiceIds.map((i) => getContractInvoice(db, i.id));
  const collections = (prepared(db, `${collectionSelect} WHERE c.contract_id = ? AND c.voided_on IS NULL ORDER BY c.date, c.id`)
    .all(contractId) as CollectionRowLike[]).map((c) => collectionView(db, c));
  const deductions = collections.reduce((sum, c) => ({
    igvWithheld: sum.igvWithheld + c.igvWithheld, detraction: sum.detraction + c.detraction, penalty: sum.penalty + c.penalty,
    other: sum.other + c.otherDeductions, total: sum.total + c.total - c.received,
  }), { igvWithheld: 0, detraction: 0, penalty: 0, other: 0, total: 0 });
  const amendments = contract.versions.filter((v) => v.version > 0).map((v) => ({
    version: v.version, number: v.number ?? '', date: v.date, reason: v.reason ?? '', value: v.value,
  }));
  return {
    contract, amendments, schedule, deliveries, invoices, collections, deductions,
    penaltiesMayDeduct: penalties.total, penaltyCap: penalties.cap, totals,
  };
}

