import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { PaySettlementsResult } from '../../shared/operations/acopio';
import { appendAudit, type WriteContext } from '../audit/log';
import { requireCashAccount } from '../contributions/common';
import { insertEntry, newPostingCache, type PostingCache } from '../journal/post';
import { insertVoucher, nextVoucherId, nextVoucherNumber } from '../payments/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { requireSettlement } from './common';
import { checkNotLocked, requireAssociation, roleAccount } from './links';

// Paying settlements: one "Recibo de egreso" (payment voucher, kind 'other', the member named,
// expense account = 4419) per member for what is unpaid of her chosen settlements:
// Dr 4419 (member) / Cr caja or bank; settlement_payments link the voucher to each settlement.

export interface PayRequest {
  associationId: number; settlementIds: readonly number[]; date: string; accountId?: number | null | undefined;
  concept?: string | null | undefined;
}

export function insertSettlementPayments(
  db: LedgerDatabase, context: WriteContext, request: PayRequest, cache: PostingCache = newPostingCache(),
): PaySettlementsResult {
  const association = requireAssociation(db, request.associationId);
  checkNotLocked(association, request.date);
  const account = requireCashAccount(db, request.associationId, request.accountId);
  const payableId = roleAccount(db, request.associationId, 'payable_members');
  const byMember = new Map<number, { settlementId: number; formatted: string; amount: number }[]>();
  const offset: number[] = [];
  const seen = new Set<number>();
  request.settlementIds.forEach((settlementId, index) => {
    const field = `settlementIds.${index}`;
    const s = requireSettlement(db, settlementId, field);
    const formatted = formatReceiptNumber(s.series, s.number);
    if (s.association_id !== request.associationId) {
      throw new KhipuError('acopio.settlementNotFound', { field, params: { id: settlementId } });
    }
    if (seen.has(s.id)) throw new KhipuError('acopio.settlementRepeated', { field, params: { number: formatted } });
    seen.add(s.id);
    if (s.voided_on !== null) throw new KhipuError('acopio.settlementVoided', { field, params: { number: formatted } });
    if (request.date < s.date) throw new KhipuError('acopio.paymentBeforeSettlement', { field: 'date', params: { number: formatted } });
    const { paid } = prepared(db, `SELECT COALESCE(SUM(p.amount), 0) AS paid FROM settlement_payments p
        JOIN payment_vouchers v ON v.id = p.voucher_id WHERE p.settlement_id = ? AND v.voided_on IS NULL`).get(s.id) as { paid: number };
    const unpaid = s.net - paid;
    if (unpaid <= 0) {
      offset.push(s.id);
      return;
    }
    const list = byMember.get(s.member_id) ?? [];
    list.push({ settlementId: s.id, formatted, amount: unpaid });
    byMember.set(s.member_id, list);
  });
  const vouchers: PaySettlementsResult['vouchers'] = [];
  const insertPayment = prepared(db, 'INSERT INTO settlement_payments (voucher_id, settlement_id, amount) VALUES (?, ?, ?)');
  for (const [memberId, settlements] of byMember) {
    const member = prepared(db, 'SELECT full_name, dni FROM members WHERE id = ?').get(memberId) as { full_name: string; dni: string | null };
    const amount = settlements.reduce((sum, s) => sum + s.amount, 0);
    const voucherId = nextVoucherId(db);
    const { number, formatted } = nextVoucherNumber(db, request.associationId);
    const names = settlements.map((s) => s.formatted).join(', ');
    const concept = request.concept ? request.concept : `Pago de liquidación ${names}`;
    const entry = insertEntry(db, context, {
      associationId: request.associationId, date: request.date, sourceType: 'payment_voucher', sourceId: voucherId,
      description: `Recibo de egreso ${formatted} — ${member.full_name} (liquidación ${names})`,
      lines: [
        { accountId: payableId, amount, memberId, memo: `Pago de liquidación ${names}` },
        { accountId: account.id, amount: -amount, memo: `Recibo de egreso ${formatted}` },
      ],
    }, {}, cache);
    insertVoucher(db, {
      id: voucherId, associationId: request.associationId, number, date: request.date, kind: 'other', memberId,
      payeeName: member.full_name, payeeDni: member.dni, accountId: account.id, amount, concept, expenseAccountId: payableId,
      entryId: entry.id, createdAt: context.now().toISOString(), createdBy: context.actor,
    });
    for (const s of settlements) insertPayment.run(voucherId, s.settlementId, s.amount);
    vouchers.push({ voucherId, formattedNumber: formatted, memberId, amount, settlementIds: settlements.map((s) => s.settlementId) });
  }
  return { vouchers, total: vouchers.reduce((sum, v) => sum + v.amount, 0), offsetSettlementIds: offset };
}

export function paySettlements(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'paySettlements'>): PaySettlementsResult {
  return writeTransaction(db, () => {
    const result = insertSettlementPayments(db, context, input);
    appendAudit(db, context, 'paySettlements', input.associationId, { ...input, vouchers: result.vouchers.map((v) => v.voucherId) });
    return result;
  });
}
