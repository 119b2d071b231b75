import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiplyQuantity } from '../../shared/money';
import { checkIntegrity } from '../integrity/check';
import { acopioFixture, payableTo } from './testing';

// The settlements of a period equal the rows × prices − levy − deductions, exactly to the céntimo,
// and the journal's 4419 per member equals accrued − levy − deductions − paid.

const members = 3;
const scenario = fc.record({
  // A price above the levy (a levy above the price is refused: acopio.levyAboveGross). Per day of the fortnight, per member: nothing, or litres in thousandths.
  days: fc.array(fc.array(fc.option(fc.integer({ min: 500, max: 60_000 }), { nil: null }), { minLength: members, maxLength: members }),
    { minLength: 1, maxLength: 15 }),
  // A price change from day `changeOn` (céntimos per litre).
  changeOn: fc.integer({ min: 1, max: 16 }),
  secondPrice: fc.integer({ min: 40, max: 400 }),
  levy: fc.integer({ min: 0, max: 30 }),
  fines: fc.array(fc.record({ member: fc.integer({ min: 0, max: members - 1 }), amount: fc.integer({ min: 1, max: 8_000 }),
    due: fc.integer({ min: 1, max: 28 }) }), { maxLength: 5 }),
  pay: fc.array(fc.boolean(), { minLength: members, maxLength: members }),
});

describe('settlements (property)', () => {
  it('equal rows × prices − levy − deductions, and the journal agrees', () => {
    fc.assert(fc.property(scenario, (s) => {
      const f = acopioFixture();
      try {
        const { api, associationId } = f;
        const product = api.createProduct({ associationId, name: 'Leche de la ronda', unit: 'l', category: 'raw_material' }).id;
        const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}`;
        api.setAcopioPrice({ associationId, productId: product, validFrom: '2026-01-01', validTo: s.changeOn > 1 ? day(s.changeOn - 1) : '2026-03-31', price: 115 });
        api.setAcopioPrice({ associationId, productId: product, validFrom: s.changeOn > 1 ? day(s.changeOn) : '2026-04-01', price: s.secondPrice });
        const levyType = api.createContributionType({ associationId, kind: 'levy_per_unit', name: 'Retención ronda', unit: 'litro', amountPerUnit: Math.max(1, s.levy) }).id;
        api.setAcopioLevy({ associationId, productId: product, levyTypeId: s.levy > 0 ? levyType : null, validFrom: '2026-01-01' });
        const ids = Array.from({ length: members }, (_, i) => f.member(`Socia ${i + 1} Quispe`));
        const expected = ids.map(() => ({ gross: 0, quantity: 0 }));
        s.days.forEach((row, index) => {
          const rows = row.flatMap((q, m) => (q === null ? [] : [{ memberId: ids[m]!, quantity: q }]));
          if (rows.length === 0) return;
          const date = day(index + 1);
          const price = index + 1 >= s.changeOn ? s.secondPrice : 115;
          api.recordAcopioDay({ associationId, productId: product, date, rows });
          for (const r of rows) {
            const e = expected[ids.indexOf(r.memberId)]!;
            e.gross += multiplyQuantity(price, r.quantity);
            e.quantity += r.quantity;
          }
        });
        const fineType = f.typeId('Multa por inasistencia');
        const owed = ids.map(() => 0);
        for (const fine of s.fines) {
          api.createCharge({ associationId, memberId: ids[fine.member]!, contributionTypeId: fineType, date: '2026-04-01', amount: fine.amount,
            dueDate: `2026-04-${String(fine.due).padStart(2, '0')}`, confirmDuplicate: true });
          if (fine.due <= 15) owed[fine.member]! += fine.amount;
        }
        if (expected.every((e) => e.quantity === 0)) return;
        const settled = api.settleAcopioPeriod({ associationId, from: day(1), to: day(15) });
        const toPay: number[] = [];
        ids.forEach((memberId, m) => {
          const e = expected[m]!;
          const row = settled.settlements.find((x) => x.memberId === memberId);
          if (e.quantity === 0) {
            expect(row).toBeUndefined();
            return;
          }
          const levy = multiplyQuantity(s.levy, e.quantity);
          const deductions = Math.min(e.gross - levy, owed[m]!);
          expect(row).toMatchObject({ gross: e.gross, levy, deductions, net: e.gross - levy - deductions, quantity: e.quantity });
          if (s.pay[m]) toPay.push(row!.id);
        });
        if (toPay.length > 0) api.paySettlements({ associationId, settlementIds: toPay, date: day(16) });
        ids.forEach((memberId, m) => {
          const row = settled.settlements.find((x) => x.memberId === memberId);
          const paid = row && s.pay[m] ? row.net : 0;
          expect(payableTo(f.db, memberId)).toBe(row ? expected[m]!.gross - row.levy - row.deductions - paid : 0);
        });
        expect(settled.totals.net).toBe(settled.settlements.reduce((sum, x) => sum + x.gross - x.levy - x.deductions, 0));
        expect(checkIntegrity(f.db, { associationId }).findings).toEqual([]);
      } finally {
        f.env.cleanup();
      }
    }), { numRuns: 12 });
  });
});
