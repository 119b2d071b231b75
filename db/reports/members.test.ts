import { afterEach, describe, expect, it } from 'vitest';
import { addMember, contributionsFixture, type ContributionsFixture } from '../contributions/testing';

// Contributions of March 2026, by hand (céntimos):
//   dues 2026-03 S/ 15.00 for the four members active on 31/03 (Carmen left on 01/02)  → 6,000
//   fine S/ 20.00 to Pedro (due 10/03)                                                  → 2,000
//   Rosa pays her dues 05/03 (receipt 1, S/ 15.00)
//   Juana pays S/ 10.00 on 06/03 (receipt 2) and the remaining S/ 5.00 with a work day on 18/03
//   Pedro pays S/ 35.00 on 12/03 (receipt 3: fine + dues); the receipt is voided on 20/03
//   Rosa gives a work day worth S/ 30.00 on 25/03 that settles no charge
//   Ana pays nothing.
const DUE = 'Cuota ordinaria mensual';
const FINE = 'Multa por inasistencia';
const FAENA = 'Faena (aporte en especie)';

let f: ContributionsFixture | undefined;
afterEach(() => f?.env.cleanup());

function seed(fx: ContributionsFixture) {
  const { db, api, associationId } = fx;
  const rosa = addMember(db, associationId, 'Rosa Quispe Huamán', '2025-01-01');
  const juana = addMember(db, associationId, 'Juana Ccori Mamani', '2025-01-01');
  const pedro = addMember(db, associationId, 'Pedro Sulca Ayme', '2025-01-01');
  const ana = addMember(db, associationId, 'Ana Ñahui Tito', '2026-01-15');
  const carmen = addMember(db, associationId, 'Carmen Yupanqui Rojas', '2025-01-01', '2026-02-01');
  db.prepare("UPDATE members SET sex = 'M' WHERE id = ?").run(pedro);
  db.prepare('UPDATE members SET sex = NULL WHERE id = ?').run(ana);
  api.generateDues({ associationId, contributionTypeId: fx.typeId(DUE), period: '2026-03', date: '2026-03-01', amount: 1500 });
  api.createCharge({ associationId, memberId: pedro, contributionTypeId: fx.typeId(FINE), date: '2026-03-10', amount: 2000 });
  api.recordPayment({ associationId, memberId: rosa, date: '2026-03-05', amount: 1500 });
  api.recordPayment({ associationId, memberId: juana, date: '2026-03-06', amount: 1000 });
  const juanaDue = api.listCharges({ associationId, memberId: juana, openOnly: true })[0]!;
  api.recordInKindContribution({
    associationId, memberId: juana, contributionTypeId: fx.typeId(FAENA), date: '2026-03-18', description: 'Limpieza del apiario',
    value: 500, chargeId: juanaDue.id,
  });
  const pedroReceipt = api.recordPayment({ associationId, memberId: pedro, date: '2026-03-12', amount: 3500 });
  api.voidReceipt({ receiptId: pedroReceipt.id, date: '2026-03-20', reason: 'Billete falso' });
  api.recordInKindContribution({
    associationId, memberId: rosa, contributionTypeId: fx.typeId(FAENA), date: '2026-03-25', description: 'Faena de cosecha',
    value: 3000,
  });
  return { rosa, juana, pedro, ana, carmen };
}

describe('contributionsByMember', () => {
  it('per member and type: charged, paid, in kind and open, with totals per type and overall', () => {
    f = contributionsFixture();
    const m = seed(f);
    const report = f.api.contributionsByMember({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-31' });
    const rows = report.rows.map((r) => [r.fullName, r.typeName, r.charged, r.paid, r.inKind, r.open]);
    // Surnames in alphabetical order (Ñ with N), then type kind: fine, in kind, ordinary due.
    expect(rows).toEqual([
      ['Juana Ccori Mamani', DUE, 1500, 1000, 500, 0],
      ['Ana Ñahui Tito', DUE, 1500, 0, 0, 1500],
      ['Rosa Quispe Huamán', FAENA, 0, 0, 3000, 0],
      ['Rosa Quispe Huamán', DUE, 1500, 1500, 0, 0],
      ['Pedro Sulca Ayme', FINE, 2000, 0, 0, 2000],
      ['Pedro Sulca Ayme', DUE, 1500, 0, 0, 1500],
    ]);
    expect(report.rows.find((r) => r.memberId === m.carmen)).toBeUndefined();
    expect(report.totals).toEqual({ charged: 8000, paid: 2500, inKind: 3500, open: 5000 });
    expect(report.byType.map((t) => [t.typeName, t.charged, t.paid, t.inKind, t.open])).toEqual([
      [FINE, 2000, 0, 0, 2000],
      [FAENA, 0, 0, 3000, 0],
      [DUE, 6000, 2500, 500, 3000],
    ]);
    // Drill-down: Pedro's dues row names its charge, the dues entry, and the voided receipt's entries.
    const pedroDue = report.rows.find((r) => r.memberId === m.pedro && r.typeName === DUE)!;
    const charge = f.api.listCharges({ associationId: f.associationId, memberId: m.pedro }).find((c) => c.kind === 'ordinary_due')!;
    expect(pedroDue.chargeIds).toEqual([charge.id]);
    expect(pedroDue.entryIds).toEqual([charge.entryId]); // the voided receipt's allocation no longer counts
  });

  it('as the charges stood on an earlier day: the voided receipt still counted, the work days not yet given', () => {
    f = contributionsFixture();
    const m = seed(f);
    const report = f.api.contributionsByMember({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-15' });
    expect(report.totals).toEqual({ charged: 8000, paid: 6000, inKind: 0, open: 2000 });
    const pedro = report.rows.filter((r) => r.memberId === m.pedro);
    expect(pedro.map((r) => [r.typeName, r.paid, r.open]).sort()).toEqual([[DUE, 1500, 0], [FINE, 2000, 0]]);
    expect(pedro.every((r) => r.entryIds.length === 2)).toBe(true); // its charge entry and the receipt's entry
  });
});

describe('membersBySex', () => {
  it('counts active and registered members, percentages summing to 10,000 basis points', () => {
    f = contributionsFixture();
    seed(f);
    const report = f.api.membersBySex({ associationId: f.associationId, asOf: '2026-03-31' });
    // Active: Rosa, Juana (F), Pedro (M), Ana (sex not recorded); Carmen left on 01/02.
    expect(report.active).toEqual({
      women: 2, men: 1, unknown: 1, total: 4, womenBasisPoints: 5000, menBasisPoints: 2500, unknownBasisPoints: 2500,
    });
    expect(report.registered).toEqual({
      women: 3, men: 1, unknown: 1, total: 5, womenBasisPoints: 6000, menBasisPoints: 2000, unknownBasisPoints: 2000,
    });
    // Before Ana joined and while Carmen was still a member: 3 women of 4 active.
    const january = f.api.membersBySex({ associationId: f.associationId, asOf: '2026-01-14' });
    expect(january.active).toMatchObject({ women: 3, men: 1, unknown: 0, total: 4, womenBasisPoints: 7500, menBasisPoints: 2500 });
    expect(january.registered.total).toBe(4);
    const empty = f.api.membersBySex({ associationId: f.associationId, asOf: '2024-12-31' });
    expect(empty.active).toEqual({ women: 0, men: 0, unknown: 0, total: 0, womenBasisPoints: 0, menBasisPoints: 0, unknownBasisPoints: 0 });
  });

  it('thirds and sevenths still add up to exactly 10,000 (largest remainder)', () => {
    f = contributionsFixture();
    const { db, api, associationId } = f;
    const ids = ['Rosa Quispe', 'Pedro Sulca', 'Tika Pallana'].map((n) => addMember(db, associationId, n, '2025-01-01'));
    db.prepare("UPDATE members SET sex = 'M' WHERE id = ?").run(ids[1]);
    db.prepare('UPDATE members SET sex = NULL WHERE id = ?').run(ids[2]);
    const thirds = api.membersBySex({ associationId, asOf: '2026-01-01' }).active;
    expect([thirds.womenBasisPoints, thirds.menBasisPoints, thirds.unknownBasisPoints]).toEqual([3334, 3333, 3333]);
    for (let i = 0; i < 4; i += 1) addMember(db, associationId, `Socia ${i}`, '2025-01-01');
    const sevenths = api.membersBySex({ associationId, asOf: '2026-01-01' }).active;
    expect(sevenths).toMatchObject({ women: 5, men: 1, unknown: 1, total: 7 });
    expect(sevenths.womenBasisPoints + sevenths.menBasisPoints + sevenths.unknownBasisPoints).toBe(10_000);
    expect([sevenths.womenBasisPoints, sevenths.menBasisPoints, sevenths.unknownBasisPoints]).toEqual([7143, 1429, 1428]);
  });
});

describe('dashboard', () => {
  it('cash today, the month\'s dues charged and collected, twelve months and arrears', () => {
    f = contributionsFixture();
    seed(f);
    const board = f.api.dashboard({ associationId: f.associationId, today: '2026-03-31' });
    // Cash: 15.00 + 10.00 + 35.00 − 35.00 (voided receipt) = 25.00.
    expect(board.cash).toMatchObject({ balance: 2500, accountId: f.db.prepare("SELECT id FROM accounts WHERE code = '10' AND association_id = ?").pluck().get(f.associationId) });
    expect(board.cash.balance).toBe(f.api.cashBook({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-31' }).closing);
    // Dues of March: 4 × 15.00 charged; settled by Rosa 15.00, Juana 10.00 + 5.00 in kind.
    expect(board.dues).toMatchObject({ month: '2026-03', charged: 6000, collected: 3000, collectedBasisPoints: 5000 });
    expect(board.dues.chargeIds).toHaveLength(4);
    expect(board.months.map((x) => x.month)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    // March: income dues 60.00 + fine 20.00 + Rosa's work day 30.00; expenses the two work days 5.00 + 30.00.
    expect(board.months.at(-1)).toEqual({ month: '2026-03', income: 11000, expenses: 3500, result: 7500 });
    expect(board.months.slice(0, 11).every((x) => x.income === 0 && x.expenses === 0 && x.result === 0)).toBe(true);
    // Overdue on 31/03: only Pedro's fine (due 10/03); the dues fall due that very day.
    expect(board.arrears).toEqual({ members: 1, amount: 2000 });

    const april = f.api.dashboard({ associationId: f.associationId, today: '2026-04-01' });
    expect(april.dues).toMatchObject({ month: '2026-04', charged: 0, collected: 0, collectedBasisPoints: null, chargeIds: [] });
    expect(april.arrears).toEqual({ members: 2, amount: 5000 });
    expect(april.months[0]!.month).toBe('2025-05');
  });
});
