import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KhipuError } from '../../shared/errors';
import type { LedgerDatabase } from '../storage/open';
import { endOfTime } from './position';
import { addMember, contributionsFixture, expectTrialBalanceZero } from './testing';
import { addDays } from '../../shared/dates';

// One truth per member. After any sequence of dues (past, current and future periods), fines (some
// back-dated), payments (oldest first or ticked charges, short or beyond what she owes), receipt
// voids, charge voids, in-kind work and its voids, refunds of credit and their voids, for every
// member and on every day:
//   memberPosition.net == statement closing balance == the ledger's member balance on 1421/1429
//   less credit in favour (4418 and older 4419), arrears and Inicio agree with the overdue part,
//   and from the last operation's day on she never has both open charges and unapplied credit.

type Step =
  | { op: 'dues'; monthShift: number }
  | { op: 'fine'; member: number; amount: number; back: number }
  | { op: 'pay'; member: number; amount: number; chosen: boolean; back: number }
  | { op: 'voidReceipt'; pick: number }
  | { op: 'voidCharge'; pick: number }
  | { op: 'inKind'; member: number; amount: number }
  | { op: 'voidInKind'; pick: number }
  | { op: 'refund'; member: number; share: number }
  | { op: 'voidRefund'; pick: number };

const member = fc.integer({ min: 0, max: 2 });
const back = fc.integer({ min: 0, max: 40 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('dues' as const), monthShift: fc.integer({ min: -1, max: 2 }) }),
  fc.record({ op: fc.constant('fine' as const), member, amount: fc.integer({ min: 1, max: 5000 }), back }),
  fc.record({ op: fc.constant('pay' as const), member, amount: fc.integer({ min: 1, max: 6000 }), chosen: fc.boolean(), back }),
  fc.record({ op: fc.constant('voidReceipt' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('voidCharge' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('inKind' as const), member, amount: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ op: fc.constant('voidInKind' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('refund' as const), member, share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('voidRefund' as const), pick: fc.nat() }),
);

/** Refusals the rules document; anything else is a bug. */
const documentedRefusals = new Set([
  'charge.hasPayments', 'charge.voidBeforeDate', 'receipt.voidBeforeDate', 'receipt.creditRefunded',
  'creditRefund.exceedsCredit', 'creditRefund.voidBeforeDate', 'inKind.voidBeforeDate', 'contribution.amountNotPositive',
]);

const start = '2026-01-01';
const later = (a: string, b: string) => (a > b ? a : b);
function shiftMonth(date: string, shift: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + shift);
  return d.toISOString().slice(0, 7);
}

/** The ledger's word on a member as of a day: her receivables less the credit in favour she holds. */
function ledgerNet(db: LedgerDatabase, memberId: number, asOf: string): number {
  return (db.prepare(
    `SELECT COALESCE(SUM(l.amount), 0) AS net FROM journal_lines l JOIN accounts a ON a.id = l.account_id
      WHERE l.member_id = ? AND l.date <= ?
        AND a.role IN ('receivable_members', 'member_contributions_receivable', 'member_credit', 'payable_members')`,
  ).get(memberId, asOf) as { net: number }).net;
}

describe('one truth per member (property)', () => {
  it('position, statement, arrears, Inicio and the ledger agree on every day; credit and debt never coexist', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 22 }), (steps) => {
        const f = contributionsFixture();
        try {
          const { api, associationId } = f;
          const members = ['Rosa Quispe', 'Tika Pallana', 'Sumaq Q\'oy Ccori'].map((name) => addMember(f.db, associationId, name, '2025-01-01'));
          const due = f.typeId('Cuota ordinaria mensual');
          const fine = f.typeId('Multa por inasistencia');
          const faena = f.typeId('Faena (aporte en especie)');
          let last = start;
          steps.forEach((s, index) => {
            const today = addDays(start, index * 7);
            const dated = (days: number) => later(start, addDays(today, -days));
            try {
              switch (s.op) {
                case 'dues':
                  api.generateDues({ associationId, contributionTypeId: due, period: shiftMonth(today, s.monthShift), date: today });
                  break;
                case 'fine':
                  api.createCharge({
                    associationId, memberId: members[s.member]!, contributionTypeId: fine, date: dated(s.back), amount: s.amount,
                    confirmDuplicate: true,
                  });
                  break;
                case 'pay': {
                  const open = api.listCharges({ associationId, memberId: members[s.member]!, openOnly: true });
                  const apply = s.chosen && open.length > 0 ? { chargeIds: open.map((c) => c.id).reverse().slice(0, 2) } : 'oldest';
                  api.recordPayment({ associationId, memberId: members[s.member]!, date: dated(s.back), amount: s.amount, apply });
                  break;
                }
                case 'voidReceipt': {
                  const valid = api.listReceipts({ associationId }).filter((r) => r.status === 'valid');
                  if (valid.length > 0) api.voidReceipt({ receiptId: valid[s.pick % valid.length]!.id, date: today, reason: 'Prueba' });
                  break;
                }
                case 'voidCharge': {
                  const live = api.listCharges({ associationId });
                  if (live.length > 0) api.voidCharge({ chargeId: live[s.pick % live.length]!.id, date: today, reason: 'Prueba' });
                  break;
                }
                case 'inKind': {
                  const open = api.listCharges({ associationId, memberId: members[s.member]!, openOnly: true })
                    .find((c) => c.date <= today);
                  api.recordInKindContribution({
                    associationId, memberId: members[s.member]!, contributionTypeId: faena, date: today, description: 'Faena',
                    value: open ? Math.min(open.open, s.amount) : s.amount, chargeId: open?.id ?? null,
                  });
                  break;
                }
                case 'voidInKind': {
                  const live = api.listInKindContributions({ associationId }).filter((k) => k.voided === null);
                  if (live.length > 0) api.voidInKind({ inKindId: live[s.pick % live.length]!.id, date: today, reason: 'Prueba' });
                  break;
                }
                case 'refund': {
                  const { creditAvailable } = api.memberPosition({ associationId, memberId: members[s.member]!, asOf: today });
                  const amount = Math.floor((creditAvailable * s.share) / 100);
                  if (amount > 0) api.refundCredit({ associationId, memberId: members[s.member]!, date: today, amount, reason: 'Devolución pedida' });
                  break;
                }
                case 'voidRefund': {
                  const live = api.listCreditRefunds({ associationId }).filter((r) => r.status === 'valid');
                  if (live.length > 0) api.voidCreditRefund({ refundId: live[s.pick % live.length]!.id, date: today, reason: 'Prueba' });
                  break;
                }
              }
            } catch (error) {
              if (!(error instanceof KhipuError) || !documentedRefusals.has(error.code)) throw error;
            }
            last = today;
          });

          const days = [start, ...Array.from({ length: 8 }, (_, i) => addDays(start, 15 * (i + 1))), addDays(last, 120), endOfTime];
          for (const asOf of days) {
            const all = api.memberPositions({ associationId, asOf });
            const overdueReport = api.arrears({ associationId, asOf });
            for (const memberId of members) {
              const position = api.memberPosition({ associationId, memberId, asOf });
              const statement = api.memberStatement({ associationId, memberId, to: asOf });
              // From the day of the last operation on (today and every later day) credit and debt never
              // coexist. Earlier days can: a charge back-dated before a receipt that was voided since
              // meets credit that no longer exists, and history is not rewritten.
              if (asOf >= last) expect(position.owed === 0 || position.creditAvailable === 0).toBe(true);
              expect(position.owed).toBe(position.openCharges.reduce((sum, c) => sum + c.open, 0));
              expect(position.net).toBe(ledgerNet(f.db, memberId, asOf));
              expect(statement.closingBalance).toBe(position.net);
              expect(statement.creditAvailable).toBe(position.creditAvailable);
              const running = statement.movements.at(-1)?.balance ?? statement.openingBalance;
              expect(running).toBe(position.net);
              const row = all.rows.find((r) => r.memberId === memberId);
              expect({ owed: row?.owed ?? 0, credit: row?.creditAvailable ?? 0, overdue: row?.overdue ?? 0 })
                .toEqual({ owed: position.owed, credit: position.creditAvailable, overdue: position.overdue });
              expect(overdueReport.rows.find((r) => r.memberId === memberId)?.total ?? 0).toBe(position.overdue);
            }
            if (asOf !== endOfTime) {
              expect(api.dashboard({ associationId, today: asOf }).arrears)
                .toEqual({ members: all.totals.membersOverdue, amount: all.totals.overdue });
            }
          }
          const refunds = api.listCreditRefunds({ associationId }).map((r) => Number(r.formattedNumber.slice(4))).sort((a, b) => a - b);
          expect(refunds).toEqual(refunds.map((_, i) => i + 1));
          expectTrialBalanceZero(f);
        } finally {
          f.env.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
