import type { ParsedInput } from '../../shared/api';
import {
  formatReceiptNumber, type ArrearsReport, type ArrearsRow, type MemberStatement, type StatementMovement,
  type StatementMovementKind,
} from '../../shared/operations/contributions';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { formatSoles } from '../../shared/money';
import type { LedgerDatabase } from '../storage/open';
import { memberAcopioStatement } from '../acopio/statement';
import { prepared } from '../storage/statements';
import { requireAssociation, requireMember } from './common';
import { endOfTime, memberPosition, openChargesAsOf } from './position';

type Event = Omit<StatementMovement, 'balance'> & { order: number; id: number };

const order: Record<StatementMovementKind, number> = {
  charge: 0, creditApplied: 1, payment: 2, inKind: 3, creditRefund: 4, voidedReceipt: 5, voidedCharge: 6, voidedInKind: 7,
  voidedCreditRefund: 8,
};

/** Every contribution event of one member, from the documents (charges, receipts, credit, in kind). */
function memberEvents(db: LedgerDatabase, memberId: number): Event[] {
  const events: Event[] = [];
  const push = (e: Omit<Event, 'order'>) => events.push({ ...e, order: order[e.kind] });

  for (const c of prepared(db, 'SELECT id, date, description, amount, voided_on, void_reason FROM charges WHERE member_id = ?')
    .all(memberId) as { id: number; date: string; description: string; amount: number; voided_on: string | null; void_reason: string | null }[]) {
    push({ id: c.id, date: c.date, kind: 'charge', description: c.description, concept: c.description, reason: null, receiptNumber: null, chargeId: c.id, amount: c.amount, detailAmount: c.amount });
    if (c.voided_on !== null) {
      push({
        id: c.id, date: c.voided_on, kind: 'voidedCharge', description: `Cargo anulado: ${c.description} (${c.void_reason ?? ''})`,
        concept: c.description, reason: c.void_reason,
        receiptNumber: null, chargeId: c.id, amount: -c.amount, detailAmount: c.amount,
      });
    }
  }
  for (const r of prepared(db, 'SELECT id, series, number, date, total, voided_on, void_reason FROM receipts WHERE member_id = ?')
    .all(memberId) as { id: number; series: string; number: number; date: string; total: number; voided_on: string | null; void_reason: string | null }[]) {
    const receiptNumber = formatReceiptNumber(r.series, r.number);
    push({ id: r.id, date: r.date, kind: 'payment', description: `Pago, recibo ${receiptNumber}`, concept: null, reason: null, receiptNumber, chargeId: null, amount: -r.total, detailAmount: r.total });
    if (r.voided_on !== null) {
      push({
        id: r.id, date: r.voided_on, kind: 'voidedReceipt', description: `Recibo ${receiptNumber} anulado: ${r.void_reason ?? ''}`,
        concept: null, reason: r.void_reason,
        receiptNumber, chargeId: null, amount: r.total, detailAmount: r.total,
      });
    }
  }
  for (const a of prepared(db, `SELECT a.id, a.date, a.amount, a.charge_id, c.description FROM allocations a JOIN charges c ON c.id = a.charge_id
        WHERE c.member_id = ? AND a.source = 'credit' AND a.voided_on IS NULL`)
    .all(memberId) as { id: number; date: string; amount: number; charge_id: number; description: string }[]) {
    push({
      id: a.id, date: a.date, kind: 'creditApplied', description: `Saldo a favor aplicado a ${a.description} (${formatSoles(a.amount)})`,
      concept: a.description, reason: null,
      receiptNumber: null, chargeId: a.charge_id, amount: 0, detailAmount: a.amount,
    });
  }
  for (const k of prepared(db, 'SELECT id, date, description, value, charge_id, voided_on, void_reason FROM in_kind_contributions WHERE member_id = ?')
    .all(memberId) as {
    id: number; date: string; description: string; value: number; charge_id: number | null; voided_on: string | null; void_reason: string | null;
  }[]) {
    push({
      id: k.id, date: k.date, kind: 'inKind', description: `Aporte en especie: ${k.description}`, concept: k.description, reason: null, receiptNumber: null,
      chargeId: k.charge_id, amount: k.charge_id === null ? 0 : -k.value, detailAmount: k.value,
    });
    if (k.voided_on !== null) {
      push({
        id: k.id, date: k.voided_on, kind: 'voidedInKind', description: `Aporte en especie anulado: ${k.description} (${k.void_reason ?? ''})`,
        concept: k.description, reason: k.void_reason, receiptNumber: null,
        chargeId: k.charge_id, amount: k.charge_id === null ? 0 : k.value, detailAmount: k.value,
      });
    }
  }
  for (const r of prepared(db, 'SELECT id, series, number, date, amount, voided_on, void_reason FROM credit_refunds WHERE member_id = ?')
    .all(memberId) as { id: number; series: string; number: number; date: string; amount: number; voided_on: string | null; void_reason: string | null }[]) {
    const refundNumber = formatReceiptNumber(r.series, r.number);
    // A refund pays credit back: what she is owed shrinks, so the balance moves towards her debt.
    push({
      id: r.id, date: r.date, kind: 'creditRefund', description: `Devolución de saldo a favor ${refundNumber}`, concept: null, reason: null,
      receiptNumber: refundNumber, chargeId: null, amount: r.amount, detailAmount: r.amount,
    });
    if (r.voided_on !== null) {
      push({
        id: r.id, date: r.voided_on, kind: 'voidedCreditRefund', description: `Devolución ${refundNumber} anulada: ${r.void_reason ?? ''}`,
        concept: null, reason: r.void_reason, receiptNumber: refundNumber, chargeId: null, amount: -r.amount, detailAmount: r.amount,
      });
    }
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order || a.id - b.id));
}

/**
 * Estado de cuenta: opening balance, movements with a running balance and the closing balance
 * (positive: the member owes; negative: credit in favour). Credit applied and in-kind work that
 * did not settle a charge are information rows: they do not change the balance.
 */
export function memberStatement(db: LedgerDatabase, input: ParsedInput<'memberStatement'>): MemberStatement {
  requireAssociation(db, input.associationId);
  const member = requireMember(db, input.associationId, input.memberId);
  const from = input.from ?? null;
  const to = input.to ?? null;
  if (from !== null && to !== null && from > to) {
    throw new KhipuError('period.invalid', { field: 'from', params: { from: displayDate(from), to: displayDate(to) } });
  }
  let openingBalance = 0;
  let balance = 0;
  let charges = 0;
  let payments = 0;
  const movements: StatementMovement[] = [];
  for (const { order: _order, id: _id, ...event } of memberEvents(db, member.id)) {
    if (to !== null && event.date > to) continue;
    if (from !== null && event.date < from) {
      openingBalance += event.amount;
      balance = openingBalance;
      continue;
    }
    balance += event.amount;
    if (event.kind === 'charge' || event.kind === 'voidedCharge') charges += event.amount;
    else payments -= event.amount;
    movements.push({ ...event, balance });
  }
  // The closing figures are the member's position on the last day, from the one function every
  // screen reads; the running balance above is built from the same documents and ends on it.
  const position = memberPosition(db, input.associationId, member.id, to ?? endOfTime);
  // What the association owes her for her acopio is shown apart: it is not part of what she owes.
  const acopio = memberAcopioStatement(db, member.id, from, to);
  return {
    member: { id: member.id, fullName: member.full_name, dni: member.dni },
    from, to, openingBalance, movements, closingBalance: position.net, totals: { charges, payments },
    creditAvailable: position.creditAvailable, position, ...(acopio ? { acopio } : {}),
  };
}

/**
 * Morosidad: open charges due before `asOf`, as they stood on that date (allocations made later,
 * or voided by then, do not count), in buckets of days overdue: 1–30, 31–90, over 90.
 */
export function arrears(db: LedgerDatabase, input: ParsedInput<'arrears'>): ArrearsReport {
  requireAssociation(db, input.associationId);
  const members = new Map(
    (prepared(db, 'SELECT id, full_name, dni FROM members WHERE association_id = ?').all(input.associationId) as
      { id: number; full_name: string; dni: string | null }[]).map((m) => [m.id, m]),
  );
  // The same open charges the member's position reads (position.ts), overdue ones only.
  const rows = openChargesAsOf(db, input.associationId, null, input.asOf)
    .filter((c) => c.dueDate < input.asOf)
    .map((c) => ({
      memberId: c.memberId, fullName: members.get(c.memberId)?.full_name ?? '', dni: members.get(c.memberId)?.dni ?? null,
      dueDate: c.dueDate, days: c.overdueDays, open: c.open,
    }));
  const byMember = new Map<number, ArrearsRow>();
  for (const row of rows) {
    if (row.open <= 0) continue;
    let entry = byMember.get(row.memberId);
    if (!entry) {
      entry = {
        memberId: row.memberId, fullName: row.fullName, dni: row.dni, days0to30: 0, days31to90: 0, over90: 0, total: 0,
        oldestDueDate: row.dueDate, charges: 0,
      };
      byMember.set(row.memberId, entry);
    }
    if (row.days <= 30) entry.days0to30 += row.open;
    else if (row.days <= 90) entry.days31to90 += row.open;
    else entry.over90 += row.open;
    entry.total += row.open;
    entry.charges += 1;
    if (row.dueDate < entry.oldestDueDate) entry.oldestDueDate = row.dueDate;
  }
  const sorted = [...byMember.values()].sort(
    (a, b) => b.total - a.total || a.fullName.localeCompare(b.fullName, 'es') || a.memberId - b.memberId,
  );
  const totals = { days0to30: 0, days31to90: 0, over90: 0, total: 0 };
  for (const row of sorted) {
    totals.days0to30 += row.days0to30;
    totals.days31to90 += row.days31to90;
    totals.over90 += row.over90;
    totals.total += row.total;
  }
  return { asOf: input.asOf, rows: sorted, totals };
}
