import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { amountInWords, assertDocumentTotal, multiplyQuantity } from '../../shared/money';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import {
  settlementSeries, type SettleResult, type SettlementDeductionView, type SettlementLineView, type SettlementList,
  type SettlementMemberResult, type SettlementPreview, type SettlementSummary, type SettlementView,
} from '../../shared/operations/acopio';
import type { DocumentPrint } from '../../shared/operations/documents';
import { getAssociation } from '../associations/service';
import { appendAudit, type WriteContext } from '../audit/log';
import { nextId, paymentAccountKind, requireCharge, treasurerOn } from '../contributions/common';
import { nextDocumentNumber } from '../contributions/numbered-documents';
import { oldestOpenChargesSql, voidReceipt } from '../contributions/receipts';
import { insertEntry, newPostingCache, type NewLine, type PostingCache } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { levyOn, overlapError, overlappingSettlement, requireSettlement, type LevyInForce } from './common';
import { checkNotLocked, requireAssociation, reverseAndLink, roleAccount } from './links';

// Settlements (liquidaciones) per member and period: gross = Σ her acopio row amounts in the period;
// levy = Σ per product and rate multiplyQuantity(levy per unit in force on the row's date, quantity);
// deductions = her open charges (chosen, or all due by the period's end, oldest due first) up to
// gross − levy; net = gross − levy − deductions. Posting: the levy Dr 4419 / Cr levy income
// ('settlement' entry); the deductions a member receipt of her own (series 001, account 4419:
// Dr 4419 / Cr the charges' receivables); the net stays on 4419 until a payment voucher pays it.

export interface SettleRequest {
  associationId: number;
  from: string;
  to: string;
  date?: string | null | undefined;
  memberIds?: readonly number[] | null | undefined;
  deductions?: readonly { memberId: number; chargeIds: readonly number[] }[] | null | undefined;
  deductCharges?: boolean | undefined;
  note?: string | null | undefined;
}

interface OpenCharge { id: number; member_id: number; date: string; due_date: string; description: string; receivable_account_id: number; open: number }

interface PlannedSettlement extends SettlementMemberResult {
  levyByAccount: Map<number, number>;
  charges: { charge: OpenCharge; amount: number }[];
  quantity: number;
}

interface AcopioRowRecord {
  memberId: number; memberName: string; memberDni: string | null; dayId: number; date: string; productId: number;
  productName: string; unit: string; grade: string; quantity: number; unitPrice: number; amount: number;
}

function checkPeriod(request: SettleRequest): string {
  if (request.to < request.from) {
    throw new KhipuError('acopio.periodToBeforeFrom', { field: 'to', params: { from: displayDate(request.from), to: displayDate(request.to) } });
  }
  const date = request.date ?? request.to;
  if (date < request.to) {
    throw new KhipuError('acopio.settlementBeforePeriodEnd', { field: 'date', params: { to: displayDate(request.to) } });
  }
  return date;
}

const openChargeSql = `SELECT c.id, c.member_id, c.date, c.due_date, c.description, c.receivable_account_id,
       c.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.charge_id = c.id AND a.voided_on IS NULL), 0) AS open
  FROM charges c WHERE c.id = ?`;

function chargesToDeduct(
  db: LedgerDatabase, request: SettleRequest, memberId: number, memberName: string, date: string,
  chosen: readonly number[] | undefined, index: number,
): OpenCharge[] {
  if (request.deductCharges === false) return [];
  if (chosen === undefined) {
    // oldestOpenChargesSql: her open charges dated by the settlement, oldest due first; only those due by the period's end.
    return (prepared(db, oldestOpenChargesSql.replace('SELECT c.id,', 'SELECT c.id, c.due_date,')).all(memberId, date) as OpenCharge[])
      .filter((c) => c.open > 0 && c.due_date <= request.to);
  }
  const seen = new Set<number>();
  return chosen.map((chargeId, at) => {
    const field = `deductions.${index}.chargeIds.${at}`;
    if (seen.has(chargeId)) throw new KhipuError('payment.chargeRepeated', { field, params: { id: chargeId } });
    seen.add(chargeId);
    const charge = requireCharge(db, request.associationId, chargeId, field);
    if (charge.member_id !== memberId) {
      throw new KhipuError('acopio.chargeOtherMember', { field, params: { id: chargeId, member: memberName } });
    }
    const open = prepared(db, openChargeSql).get(chargeId) as OpenCharge;
    if (charge.voided_on !== null || open.open <= 0 || charge.date > date) {
      throw new KhipuError('acopio.chargeNotOpen', { field, params: { description: charge.description } });
    }
    return open;
  });
}

/** What settling would give, per member, refusing what settling would refuse; nothing written. */
export function planSettlements(db: LedgerDatabase, request: SettleRequest): { date: string; members: PlannedSettlement[] } {
  const date = checkPeriod(request);
  const rows = prepared(db, `SELECT r.member_id AS memberId, m.full_name AS memberName, m.dni AS memberDni, d.id AS dayId, d.date,
         d.product_id AS productId, p.name AS productName, p.unit, r.grade, r.quantity, r.unit_price AS unitPrice, r.amount
        FROM acopio_days d JOIN acopio_rows r ON r.day_id = d.id JOIN members m ON m.id = r.member_id
        JOIN products p ON p.id = d.product_id
       WHERE d.association_id = ? AND d.voided_on IS NULL AND d.date >= ? AND d.date <= ?
       ORDER BY m.full_name, r.member_id, d.date, d.product_id, d.id`)
    .all(request.associationId, request.from, request.to) as AcopioRowRecord[];
  const wanted = request.memberIds ? new Set(request.memberIds) : null;
  const byMember = new Map<number, AcopioRowRecord[]>();
  for (const row of rows) {
    if (wanted && !wanted.has(row.memberId)) continue;
    const list = byMember.get(row.memberId) ?? [];
    list.push(row);
    byMember.set(row.memberId, list);
  }
  request.memberIds?.forEach((memberId, index) => {
    if (!byMember.has(memberId)) {
      const member = prepared(db, 'SELECT full_name FROM members WHERE id = ? AND association_id = ?').get(memberId, request.associationId) as
        { full_name: string } | undefined;
      if (!member) throw new KhipuError('member.notFound', { field: `memberIds.${index}`, params: { id: memberId } });
      throw new KhipuError('acopio.nothingToSettleMember', {
        field: `memberIds.${index}`, params: { member: member.full_name, from: displayDate(request.from), to: displayDate(request.to) },
      });
    }
  });
  if (byMember.size === 0) {
    throw new KhipuError('acopio.nothingToSettle', { field: 'from', params: { from: displayDate(request.from), to: displayDate(request.to) } });
  }
  const chosenBy = new Map<number, { chargeIds: readonly number[]; index: number }>();
  request.deductions?.forEach((d, index) => chosenBy.set(d.memberId, { chargeIds: d.chargeIds, index }));
  const levies = new Map<string, LevyInForce | null>();
  const levyFor = (productId: number, day: string) => {
    const key = `${productId}:${day}`;
    if (!levies.has(key)) levies.set(key, levyOn(db, productId, day));
    return levies.get(key) ?? null;
  };

  const members: PlannedSettlement[] = [];
  for (const [memberId, memberRows] of byMember) {
    const first = memberRows[0]!;
    const overlap = overlappingSettlement(db, memberId, request.from, request.to);
    if (overlap) throw overlapError(overlap, first.memberName, 'from');
    // Lines per product, grade and price, in the order first met; levy per product and rate.
    const lines = new Map<string, SettlementLineView>();
    const levyQuantity = new Map<string, { productId: number; levy: LevyInForce; quantity: number }>();
    for (const row of memberRows) {
      const key = `${row.productId}\u0000${row.grade}\u0000${row.unitPrice}`;
      const line = lines.get(key);
      if (line) {
        line.quantity += row.quantity;
        line.amount += row.amount;
      } else {
        lines.set(key, {
          productId: row.productId, productName: row.productName, unit: row.unit, grade: row.grade, quantity: row.quantity,
          unitPrice: row.unitPrice, amount: row.amount, levy: 0,
        });
      }
      const levy = levyFor(row.productId, row.date);
      if (levy) {
        const levyKey = `${row.productId}:${levy.typeId}:${levy.amountPerUnit}`;
        const entry = levyQuantity.get(levyKey);
        if (entry) entry.quantity += row.quantity;
        else levyQuantity.set(levyKey, { productId: row.productId, levy, quantity: row.quantity });
      }
    }
    const lineList = [...lines.values()];
    const levyByAccount = new Map<number, number>();
    for (const { productId, levy, quantity } of levyQuantity.values()) {
      const amount = multiplyQuantity(levy.amountPerUnit, quantity);
      if (amount === 0) continue;
      lineList.find((l) => l.productId === productId)!.levy += amount;
      levyByAccount.set(levy.accountId, (levyByAccount.get(levy.accountId) ?? 0) + amount);
    }
    const gross = lineList.reduce((sum, l) => sum + l.amount, 0);
    const levy = lineList.reduce((sum, l) => sum + l.levy, 0);
    assertDocumentTotal(gross, 'from');
    if (levy > gross) {
      throw new KhipuError('acopio.levyAboveGross', { field: 'from', params: { member: first.memberName } });
    }
    const chosen = chosenBy.get(memberId);
    let left = gross - levy;
    const charges: { charge: OpenCharge; amount: number }[] = [];
    for (const charge of chargesToDeduct(db, request, memberId, first.memberName, date, chosen?.chargeIds, chosen?.index ?? 0)) {
      if (left === 0) break;
      const amount = Math.min(left, charge.open);
      charges.push({ charge, amount });
      left -= amount;
    }
    const deductions: SettlementDeductionView[] = charges.map(({ charge, amount }) => ({
      chargeId: charge.id, description: charge.description, dueDate: charge.due_date, amount,
    }));
    const deductionsTotal = deductions.reduce((sum, d) => sum + d.amount, 0);
    members.push({
      memberId, memberName: first.memberName, memberCode: null, memberDni: first.memberDni, lines: lineList,
      deliveries: memberRows.map((r) => ({ dayId: r.dayId, date: r.date, productId: r.productId, grade: r.grade, quantity: r.quantity, amount: r.amount })),
      gross, levy, deductions, deductionsTotal, net: gross - levy - deductionsTotal,
      levyByAccount, charges, quantity: memberRows.reduce((sum, r) => sum + r.quantity, 0),
    });
  }
  return { date, members };
}

const publicResult = ({ levyByAccount: _l, charges: _c, quantity: _q, ...result }: PlannedSettlement): SettlementMemberResult => result;

export function previewSettlements(db: LedgerDatabase, input: ParsedInput<'previewSettlements'>): SettlementPreview {
  requireAssociation(db, input.associationId);
  const { members } = planSettlements(db, input);
  const results = members.map(publicResult);
  return {
    from: input.from, to: input.to, members: results,
    totals: {
      gross: results.reduce((s, m) => s + m.gross, 0), levy: results.reduce((s, m) => s + m.levy, 0),
      deductions: results.reduce((s, m) => s + m.deductionsTotal, 0), net: results.reduce((s, m) => s + m.net, 0),
      members: results.length,
    },
  };
}

/** Writes the settlements of a period inside the caller's transaction; returns their ids. */
export function insertSettlements(db: LedgerDatabase, context: WriteContext, request: SettleRequest, cache: PostingCache = newPostingCache()): number[] {
  const association = requireAssociation(db, request.associationId);
  const { date, members } = planSettlements(db, request);
  checkNotLocked(association, date);
  const payableId = roleAccount(db, request.associationId, 'payable_members');
  let settlementId = (prepared(db, 'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM settlements').get() as { next: number }).next;
  let number = (prepared(db, 'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM settlements WHERE association_id = ? AND series = ?')
    .get(request.associationId, settlementSeries) as { next: number }).next;
  const period = `${displayDate(request.from)} al ${displayDate(request.to)}`;
  const insertLine = prepared(db, `INSERT INTO settlement_lines (settlement_id, line_no, product_id, grade, quantity, unit_price, amount, levy)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSettlement = prepared(db, `INSERT INTO settlements (id, association_id, series, number, date, member_id, period_from,
      period_to, quantity, gross, levy, deductions, net, receipt_id, entry_id, note, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertReceipt = prepared(db, `INSERT INTO receipts (id, association_id, series, number, date, member_id, total, account_id, note,
      entry_id, created_at, created_by, owed_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertReceiptLine = prepared(db, 'INSERT INTO receipt_lines (receipt_id, line_no, charge_id, description, amount) VALUES (?, ?, ?, ?, ?)');
  const insertAllocation = prepared(db,
    `INSERT INTO allocations (charge_id, source, receipt_id, date, amount, entry_id) VALUES (?, 'receipt', ?, ?, ?, ?)`);
  const now = context.now().toISOString();
  const ids: number[] = [];
  for (const member of members) {
    const formatted = formatReceiptNumber(settlementSeries, number);
    let entryId: number | null = null;
    if (member.levy > 0) {
      const lines: NewLine[] = [
        { accountId: payableId, amount: member.levy, memberId: member.memberId, memo: `Retención por unidad, liquidación ${formatted}` },
        ...[...member.levyByAccount].map(([accountId, amount]) => ({ accountId, amount: -amount, memo: `Liquidación ${formatted}` })),
      ];
      entryId = insertEntry(db, context, {
        associationId: request.associationId, date, lines, sourceType: 'settlement', sourceId: settlementId,
        description: `Liquidación ${formatted} — ${member.memberName} (${period})`,
      }, {}, cache).id;
    }
    let receiptId: number | null = null;
    if (member.deductionsTotal > 0) {
      receiptId = nextId(db, 'receipts');
      const receipt = nextDocumentNumber(db, 'receipts', request.associationId, '001');
      const receiptEntry = insertEntry(db, context, {
        associationId: request.associationId, date, sourceType: 'receipt', sourceId: receiptId,
        description: `Recibo ${receipt.formatted} — ${member.memberName} (con su liquidación ${formatted})`,
        lines: [
          { accountId: payableId, amount: member.deductionsTotal, memberId: member.memberId, memo: `Descontado en la liquidación ${formatted}` },
          ...member.charges.map(({ charge, amount }) => ({
            accountId: charge.receivable_account_id, amount: -amount, memberId: member.memberId, memo: charge.description,
          })),
        ],
      }, {}, cache);
      const owedBefore = (prepared(db, oldestOpenChargesSql).all(member.memberId, date) as { open: number }[])
        .reduce((sum, c) => sum + Math.max(c.open, 0), 0);
      insertReceipt.run(receiptId, request.associationId, '001', receipt.number, date, member.memberId, member.deductionsTotal, payableId,
        `Con su liquidación ${formatted}`, receiptEntry.id, now, context.actor, owedBefore - member.deductionsTotal);
      member.charges.forEach(({ charge, amount }, index) => {
        insertReceiptLine.run(receiptId, index + 1, charge.id, charge.description, amount);
        insertAllocation.run(charge.id, receiptId, date, amount, receiptEntry.id);
      });
    }
    member.lines.forEach((line, index) => {
      insertLine.run(settlementId, index + 1, line.productId, line.grade, line.quantity, line.unitPrice, line.amount, line.levy);
    });
    insertSettlement.run(settlementId, request.associationId, settlementSeries, number, date, member.memberId, request.from, request.to,
      member.quantity, member.gross, member.levy, member.deductionsTotal, member.net, receiptId, entryId,
      request.note === undefined || request.note === null || request.note === '' ? null : request.note, now, context.actor);
    ids.push(settlementId);
    settlementId += 1;
    number += 1;
  }
  return ids;
}

const summarySelect = `SELECT s.id, s.series, s.number, s.date, s.period_from AS "from", s.period_to AS "to", s.member_id AS memberId,
       m.full_name AS memberName, NULL AS memberCode, s.quantity, s.gross, s.levy, s.deductions, s.net, s.voided_on AS voidedOn,
       COALESCE((SELECT SUM(p.amount) FROM settlement_payments p JOIN payment_vouchers v ON v.id = p.voucher_id
                  WHERE p.settlement_id = s.id AND v.voided_on IS NULL), 0) AS paid
  FROM settlements s JOIN members m ON m.id = s.member_id`;

type SummaryRecord = Omit<SettlementSummary, 'formattedNumber' | 'unpaid' | 'status'> & { series: string; number: number; voidedOn: string | null };

const toSummary = ({ series, number, voidedOn, ...row }: SummaryRecord): SettlementSummary => ({
  ...row, formattedNumber: formatReceiptNumber(series, number), unpaid: voidedOn === null ? row.net - row.paid : 0,
  status: voidedOn === null ? 'valid' : 'voided',
});

function totalsOf(rows: readonly SettlementSummary[]): SettlementList['totals'] {
  const live = rows.filter((r) => r.status === 'valid');
  const sum = (pick: (r: SettlementSummary) => number) => live.reduce((s, r) => s + pick(r), 0);
  return {
    quantity: sum((r) => r.quantity), gross: sum((r) => r.gross), levy: sum((r) => r.levy), deductions: sum((r) => r.deductions),
    net: sum((r) => r.net), paid: sum((r) => r.paid), unpaid: sum((r) => r.unpaid),
  };
}

export function settleAcopioPeriod(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'settleAcopioPeriod'>): SettleResult {
  return writeTransaction(db, () => {
    const ids = insertSettlements(db, context, input);
    const date = input.date ?? input.to;
    appendAudit(db, context, 'settleAcopioPeriod', input.associationId, { ...input, settlementIds: ids });
    const settlements = (prepared(db, `${summarySelect} WHERE s.id >= ? AND s.id <= ? ORDER BY s.number`)
      .all(ids[0], ids[ids.length - 1]) as SummaryRecord[]).map(toSummary);
    return { from: input.from, to: input.to, date, settlements, totals: totalsOf(settlements) };
  });
}

export function listSettlements(db: LedgerDatabase, input: ParsedInput<'listSettlements'>): SettlementList {
  const rows = (prepared(db, `${summarySelect} WHERE s.association_id = @associationId
        AND (@from IS NULL OR s.period_to >= @from) AND (@to IS NULL OR s.period_from <= @to)
        AND (@memberId IS NULL OR s.member_id = @memberId)
        AND (@status IS NULL OR (@status = 'voided') = (s.voided_on IS NOT NULL))
      ORDER BY s.number`)
    .all({
      associationId: input.associationId, from: input.from ?? null, to: input.to ?? null, memberId: input.memberId ?? null,
      status: input.status === 'unpaid' ? 'valid' : input.status ?? null,
    }) as SummaryRecord[]).map(toSummary).filter((r) => input.status !== 'unpaid' || r.unpaid > 0);
  return { rows, totals: totalsOf(rows) };
}

export function getSettlement(db: LedgerDatabase, settlementId: number): SettlementView {
  const s = requireSettlement(db, settlementId);
  const association = getAssociation(db, s.association_id);
  const member = prepared(db, 'SELECT full_name, dni FROM members WHERE id = ?').get(s.member_id) as { full_name: string; dni: string | null };
  const lines = prepared(db, `SELECT l.product_id AS productId, p.name AS productName, p.unit, l.grade, l.quantity, l.unit_price AS unitPrice,
         l.amount, l.levy FROM settlement_lines l JOIN products p ON p.id = l.product_id WHERE l.settlement_id = ? ORDER BY l.line_no`)
    .all(s.id) as SettlementLineView[];
  const deliveries = prepared(db, `SELECT d.id AS dayId, d.date, d.product_id AS productId, r.grade, r.quantity, r.amount
        FROM acopio_days d JOIN acopio_rows r ON r.day_id = d.id
       WHERE d.association_id = ? AND r.member_id = ? AND d.voided_on IS NULL AND d.date >= ? AND d.date <= ?
       ORDER BY d.date, d.product_id, d.id`)
    .all(s.association_id, s.member_id, s.period_from, s.period_to) as SettlementMemberResult['deliveries'];
  const deductions = s.receipt_id === null ? [] : prepared(db, `SELECT rl.charge_id AS chargeId, rl.description, c.due_date AS dueDate, rl.amount
        FROM receipt_lines rl JOIN charges c ON c.id = rl.charge_id WHERE rl.receipt_id = ? ORDER BY rl.line_no`)
    .all(s.receipt_id) as SettlementDeductionView[];
  const receipt = s.receipt_id === null ? null
    : prepared(db, 'SELECT id, series, number FROM receipts WHERE id = ?').get(s.receipt_id) as { id: number; series: string; number: number };
  const payments = (prepared(db, `SELECT v.id AS voucherId, v.series, v.number, v.date, p.amount, v.account_id AS accountId
        FROM settlement_payments p JOIN payment_vouchers v ON v.id = p.voucher_id
       WHERE p.settlement_id = ? AND v.voided_on IS NULL ORDER BY v.date, v.number`)
    .all(s.id) as { voucherId: number; series: string; number: number; date: string; amount: number; accountId: number }[])
    .map((p) => ({
      voucherId: p.voucherId, formattedNumber: formatReceiptNumber(p.series, p.number), date: p.date, amount: p.amount,
      accountKind: paymentAccountKind(db, p.accountId),
    }));
  const paid = payments.reduce((sum, p) => sum + p.amount, 0);
  return {
    id: s.id, associationId: s.association_id,
    association: {
      name: association.name, ruc: association.ruc, address: association.address, district: association.district,
      province: association.province, department: association.department,
    },
    series: s.series, number: s.number, formattedNumber: formatReceiptNumber(s.series, s.number), date: s.date,
    from: s.period_from, to: s.period_to,
    memberId: s.member_id, memberName: member.full_name, memberCode: null, memberDni: member.dni,
    lines, deliveries, gross: s.gross, levy: s.levy, deductions, deductionsTotal: s.deductions, net: s.net,
    netInWords: `SON: ${amountInWords(s.net)}`,
    receipt: receipt ? { receiptId: receipt.id, formattedNumber: formatReceiptNumber(receipt.series, receipt.number) } : null,
    payments, paid, unpaid: s.voided_on === null ? s.net - paid : 0,
    entryId: s.entry_id ?? 0, treasurerName: treasurerOn(db, s.association_id, s.date), note: s.note,
    status: s.voided_on === null ? 'valid' : 'voided',
    voided: s.voided_on === null ? null : { date: s.voided_on, reason: s.void_reason ?? '', entryId: s.void_entry_id ?? 0 },
    printCount: s.print_count, createdAt: s.created_at, createdBy: s.created_by,
  };
}

export function voidSettlement(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'voidSettlement'>): SettlementView {
  return writeTransaction(db, () => {
    const s = requireSettlement(db, input.settlementId);
    const formatted = formatReceiptNumber(s.series, s.number);
    if (s.voided_on !== null) {
      throw new KhipuError('acopio.settlementAlreadyVoided', { field: 'settlementId', params: { number: formatted, date: displayDate(s.voided_on) } });
    }
    if (input.date < s.date) throw new KhipuError('acopio.voidBeforeDate', { field: 'date', params: { date: displayDate(s.date) } });
    checkNotLocked(requireAssociation(db, s.association_id), input.date);
    const payment = prepared(db, `SELECT v.series, v.number FROM settlement_payments p JOIN payment_vouchers v ON v.id = p.voucher_id
        WHERE p.settlement_id = ? AND v.voided_on IS NULL LIMIT 1`).get(s.id) as { series: string; number: number } | undefined;
    if (payment) {
      throw new KhipuError('acopio.settlementPaid', {
        field: 'settlementId', params: { number: formatted, voucher: formatReceiptNumber(payment.series, payment.number) },
      });
    }
    let voidEntryId: number | null = null;
    if (s.entry_id !== null) {
      voidEntryId = reverseAndLink(db, context, s.entry_id, input.date, {
        description: `Anulación de la liquidación ${formatted}: ${input.reason}`, sourceType: 'settlement_void', sourceId: s.id,
      }).id;
    }
    if (s.receipt_id !== null) {
      voidReceipt(db, context, { receiptId: s.receipt_id, date: input.date, reason: `Anulación de la liquidación ${formatted}: ${input.reason}` });
    }
    prepared(db, 'UPDATE settlements SET voided_on = ?, voided_at = ?, void_reason = ?, void_entry_id = ? WHERE id = ?')
      .run(input.date, context.now().toISOString(), input.reason, voidEntryId, s.id);
    appendAudit(db, context, 'voidSettlement', s.association_id, input);
    return getSettlement(db, s.id);
  });
}

export function recordSettlementPrint(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'recordSettlementPrint'>): DocumentPrint {
  return writeTransaction(db, () => {
    const s = requireSettlement(db, input.settlementId);
    prepared(db, 'UPDATE settlements SET print_count = print_count + 1 WHERE id = ?').run(s.id);
    appendAudit(db, context, 'recordSettlementPrint', s.association_id, input);
    const printCount = s.print_count + 1;
    return { copy: printCount === 1 ? 'original' : 'duplicado', printCount };
  });
}
