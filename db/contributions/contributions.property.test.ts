import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KhipuError } from '../../shared/errors';
import { addMember, contributionsFixture, expectTrialBalanceZero, journalBalanceOf } from './testing';

// Any sequence of dues, fines, payments (oldest first or chosen charges), in-kind work and voids of
// receipts and charges keeps, per member,
// statement balance = charges − payments = what the journal says, every charge between 0 and its
// amount, receipt numbers 1..n without gaps, and the trial balance at zero.

type Step =
  | { op: 'dues' }
  | { op: 'fine'; member: number; amount: number }
  | { op: 'pay'; member: number; amount: number; chosen: boolean }
  | { op: 'void'; pick: number }
  | { op: 'inKind'; member: number; amount: number }
  | { op: 'voidCharge'; pick: number };

const member = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ op: 'dues' }),
  fc.record({ op: fc.constant('fine' as const), member, amount: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ op: fc.constant('pay' as const), member, amount: fc.integer({ min: 1, max: 4000 }), chosen: fc.boolean() }),
  fc.record({ op: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('inKind' as const), member, amount: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ op: fc.constant('voidCharge' as const), pick: fc.nat() }),
);

function dayAfter(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('contributions invariants (property)', () => {
  it('keep statements, journal and receipt numbering consistent under random operations', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const f = contributionsFixture();
        try {
          const { api, associationId } = f;
          const members = ['Rosa Quispe', 'Tika Pallana', 'Sumaq Q\'oy Ccori'].map((name) => addMember(f.db, associationId, name));
          const fine = f.typeId('Multa por inasistencia');
          const faena = f.typeId('Faena (aporte en especie)');
          steps.forEach((s, index) => {
            const date = dayAfter('2026-01-01', index * 9);
            try {
              switch (s.op) {
                case 'dues':
                  api.generateDues({ associationId, contributionTypeId: f.typeId('Cuota ordinaria mensual'), period: date.slice(0, 7), date });
                  break;
                case 'fine':
                  api.createCharge({ associationId, memberId: members[s.member]!, contributionTypeId: fine, date, amount: s.amount });
                  break;
                case 'pay': {
                  const open = api.listCharges({ associationId, memberId: members[s.member]!, openOnly: true });
                  const apply = s.chosen && open.length > 0 ? { chargeIds: open.map((c) => c.id).reverse() } : 'oldest';
                  api.recordPayment({ associationId, memberId: members[s.member]!, date, amount: s.amount, apply });
                  break;
                }
                case 'void': {
                  const valid = api.listReceipts({ associationId }).filter((r) => r.status === 'valid');
                  if (valid.length > 0) api.voidReceipt({ receiptId: valid[s.pick % valid.length]!.id, date, reason: 'Prueba' });
                  break;
                }
                case 'inKind': {
                  const open = api.listCharges({ associationId, memberId: members[s.member]!, openOnly: true })[0];
                  api.recordInKindContribution({
                    associationId, memberId: members[s.member]!, contributionTypeId: faena, date, description: 'Faena',
                    value: open ? Math.min(open.open, s.amount) : s.amount, chargeId: open?.id ?? null,
                  });
                  break;
                }
                case 'voidCharge': {
                  const live = api.listCharges({ associationId });
                  if (live.length > 0) api.voidCharge({ chargeId: live[s.pick % live.length]!.id, date, reason: 'Prueba' });
                  break;
                }
              }
            } catch (error) {
              // Only the documented refusals may happen: voiding a receipt whose credit was already used,
              // or a charge that a receipt or an in-kind contribution paid.
              if (!(error instanceof KhipuError) || !['receipt.creditApplied', 'charge.hasPayments'].includes(error.code)) throw error;
            }
          });

          for (const memberId of members) {
            const statement = api.memberStatement({ associationId, memberId });
            expect(statement.closingBalance).toBe(statement.totals.charges - statement.totals.payments);
            expect(statement.closingBalance).toBe(journalBalanceOf(f.db, memberId));
            const charges = api.listCharges({ associationId, memberId });
            for (const charge of charges) {
              expect(charge.open).toBeGreaterThanOrEqual(0);
              expect(charge.open).toBeLessThanOrEqual(charge.amount);
            }
            // Credit in favour and open charges together explain the balance.
            const open = charges.reduce((sum, c) => sum + c.open, 0);
            expect(statement.closingBalance).toBe(open - statement.creditAvailable);
          }
          // The settled mark (derived by triggers) says exactly which charges are fully paid.
          const wrongMarks = f.db.prepare(
            `SELECT id FROM charges c WHERE settled IS NOT (amount <= (SELECT COALESCE(SUM(amount), 0) FROM allocations
                                                                      WHERE charge_id = c.id AND voided_on IS NULL))`,
          ).all();
          expect(wrongMarks).toEqual([]);
          const numbers = api.listReceipts({ associationId }).map((r) => r.number).sort((a, b) => a - b);
          expect(numbers).toEqual(numbers.map((_, i) => i + 1));
          expectTrialBalanceZero(f);
        } finally {
          f.env.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
