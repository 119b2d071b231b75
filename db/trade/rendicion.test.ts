import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KhipuError } from '../../shared/errors';
import type { RendicionDeCuentas } from '../../shared/operations/trade';
import { expectCataloguedError, khipuError } from '../../shared/testing/errors';
import { createLedgerApi, dispatch } from '../api';
import { socia } from '../members/testing';
import { openLedgerDatabase, type LedgerDatabase } from '../storage/open';
import { testContext } from '../testing/temp-db';
import { tradeFixture, type TradeFixture } from './testing';

// The rendición de cuentas of February 2026, built through the operations with every document that moves
// cash, checked against the journal (element 10, posted lines only) and against the amounts typed here.

let f: TradeFixture;
beforeEach(() => { f = tradeFixture(); });
afterEach(() => f.env.cleanup());

const FEB = { from: '2026-02-01', to: '2026-02-28' };

/** Σ posted journal lines on element 10 of an association before `from` or up to `to`, per account code. */
function cashByCode(db: LedgerDatabase, associationId: number, date: string, inclusive: boolean): Map<string, number> {
  const rows = db.prepare(`SELECT a.code, SUM(l.amount) AS amount FROM journal_lines l
      JOIN accounts a ON a.id = l.account_id JOIN journal_entries e ON e.id = l.entry_id AND e.posted = 1
     WHERE a.association_id = ? AND a.code LIKE '10%' AND l.date ${inclusive ? '<=' : '<'} ? GROUP BY a.code`)
    .all(associationId, date) as { code: string; amount: number }[];
  return new Map(rows.map((r) => [r.code, r.amount]));
}
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** The concept rows as `concept` or `concept:category` → amount. */
function concepts(rows: RendicionDeCuentas['income']['rows'] | RendicionDeCuentas['expenses']['rows']): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.category === null ? r.concept : `${r.concept}:${r.category}`, r.amount]));
}

/** The identities every rendición keeps, whatever its documents: against the journal and within itself. */
function expectIdentities(r: RendicionDeCuentas, associationId: number, db = f.db): void {
  const start = cashByCode(db, associationId, r.from, false);
  const end = cashByCode(db, associationId, r.to, true);
  expect(r.cashAtStart.total).toBe(total(start));
  expect(r.cashAtEnd.total).toBe(total(end));
  expect(r.income.total - r.expenses.total).toBe(r.cashAtEnd.total - r.cashAtStart.total);
  expect(r.income.total).toBe(r.income.rows.reduce((s, row) => s + row.amount, 0));
  expect(r.expenses.total).toBe(r.expenses.rows.reduce((s, row) => s + row.amount, 0));
  const code = new Map((db.prepare('SELECT id, code FROM accounts WHERE association_id = ?').all(associationId) as { id: number; code: string }[])
    .map((a) => [a.id, a.code]));
  for (const [places, journal] of [[r.cashAtStart.places, start], [r.cashAtEnd.places, end]] as const) {
    for (const p of places) {
      expect(p.amount).toBe(journal.get(code.get(p.accountId)!) ?? 0);
      expect(p.kind).toBe(code.get(p.accountId)!.startsWith('101') ? 'cash' : 'bank');
      expect(p.name).not.toMatch(/^\d/);
    }
    // Every account with money is listed.
    for (const [c, amount] of journal) if (amount !== 0) expect(places.some((p) => code.get(p.accountId) === c)).toBe(true);
  }
}

/** January (opening), February (every document that moves cash, and one that does not) and March (after). */
function books() {
  const a = f.associationId;
  const api = f.api;
  const cash = f.roleId('cash');
  const bank = f.roleId('bank');
  api.seedDefaultContributionTypes({ associationId: a });
  const types = api.listContributionTypes({ associationId: a });
  const typeId = (name: string) => types.find((t) => t.name === name)!.id;
  const member = (givenNames: string, surnames: string) => api.createMember(socia(a, { givenNames, surnames, joinedOn: '2020-01-10' })).id;
  const rosa = member('Rosa', 'Quispe Huamán');
  const juana = member('Juana', 'Mamani Ccori');
  const pedro = member('Pedro', 'Ccahuana Puma');
  api.assignOfficerPost({ associationId: a, memberId: pedro, post: 'presidente', termStart: '2025-01-01' });
  api.assignOfficerPost({ associationId: a, memberId: rosa, post: 'tesorero', termStart: '2025-01-01' });
  const agro = f.supplier('Agroveterinaria El Ñuñu');
  const ferreteria = f.supplier('Ferretería San Martín');
  const vet = f.supplier('Servicios veterinarios Dr. Huillca');
  const bodega = f.buyer('Bodega Doña Justina');
  const cheese = f.product('Queso fresco');
  const feed = f.product('Alimento balanceado', 'supply');

  // ── January: the opening cash.
  api.postEntry({ associationId: a, date: '2026-01-05', description: 'Fondo social', lines: [
    { accountId: cash, amount: 500_000 }, { accountId: bank, amount: 200_000 }, { accountId: f.roleId('capital'), amount: -700_000 },
  ] });
  for (const period of ['2026-01', '2026-02']) api.generateDues({ associationId: a, contributionTypeId: typeId('Cuota ordinaria mensual'), period });
  f.stockUp(cheese, 60_000, 1000, '2026-01-10'); // 600.00 out of the caja
  const january = api.recordPurchase({
    associationId: a, date: '2026-01-12', partyId: agro, documentKind: 'factura', documentNumber: 'F001-100', payment: 'credit',
    dueDate: '2026-02-15', igv: 3600, lines: [
      { productId: feed, quantity: 100_000, unitPrice: 150, category: 'stock' },
      { description: 'Flete hasta el local', amount: 5000, category: 'transport' },
    ],
  });
  api.recordPayment({ associationId: a, memberId: pedro, date: '2026-01-20', amount: 1000 });

  // ── February.
  const fine = api.createCharge({
    associationId: a, memberId: pedro, contributionTypeId: typeId('Multa por inasistencia'), date: '2026-02-02', amount: 2000,
  });
  api.recordPayment({ associationId: a, memberId: rosa, date: '2026-02-03', amount: 5000 }); // Jan + Feb dues, 30.00 credit
  api.recordPayment({ associationId: a, memberId: juana, date: '2026-02-04', amount: 1500 }); // Jan + half of Feb
  const wrong = api.recordPayment({ associationId: a, memberId: pedro, date: '2026-02-05', amount: 3000 }); // Feb due + the fine
  api.voidReceipt({ receiptId: wrong.id, date: '2026-02-06', reason: 'Monto equivocado' });
  api.recordPurchase({
    associationId: a, date: '2026-02-07', partyId: ferreteria, documentKind: 'factura', documentNumber: 'F002-200', payment: 'cash',
    igv: 720, lines: [
      { description: 'Desinfectante para galpones', amount: 3000, category: 'supplies_consumed' },
      { description: 'Flete', amount: 1000, category: 'transport' },
    ],
  });
  const fees = api.recordPurchase({
    associationId: a, date: '2026-02-08', partyId: vet, documentKind: 'recibo_honorarios', documentNumber: 'E001-15', payment: 'credit',
    dueDate: '2026-03-08', lines: [{ description: 'Vacunación del hato', amount: 4000, category: 'services' }],
  });
  api.recordSale({
    associationId: a, date: '2026-02-09', documentKind: 'nota_venta', payment: 'cash', accountId: bank,
    lines: [{ productId: cheese, quantity: 5000, unitPrice: 1800 }],
  });
  api.refundCredit({ associationId: a, memberId: rosa, date: '2026-02-10', amount: 1000, reason: 'Devolución parcial de su adelanto' });
  const credit = api.recordSale({
    associationId: a, date: '2026-02-11', partyId: bodega, documentKind: 'nota_venta', payment: 'credit', dueDate: '2026-03-11',
    lines: [{ productId: cheese, quantity: 10_000, unitPrice: 1800 }],
  });
  api.recordPayment({ associationId: a, memberId: pedro, date: '2026-02-12', amount: 2000, apply: { chargeIds: [fine.id] } });
  const adjustment = api.recordStockAdjustment({ associationId: a, productId: cheese, date: '2026-02-13', quantity: -1000, reason: 'loss' });
  api.recordFairSales({ associationId: a, date: '2026-02-14', sales: [
    { lines: [{ productId: cheese, quantity: 1000, unitPrice: 1800 }] },
    { lines: [{ productId: cheese, quantity: 2000, unitPrice: 1700 }], notaVenta: true },
    { lines: [{ productId: cheese, quantity: 500, unitPrice: 2000 }] },
  ] });
  api.paySupplier({ associationId: a, partyId: agro, date: '2026-02-15', amount: 5000, purchaseIds: [january.id] });
  const joint = api.recordPurchase({
    associationId: a, date: '2026-02-16', partyId: agro, documentKind: 'boleta', documentNumber: 'B001-77', payment: 'credit',
    dueDate: '2026-03-16', dueDateForShares: '2026-02-28',
    lines: [{ description: 'Semilla de avena forrajera', quantity: 30_000, amount: 9000, category: 'joint' }],
    jointShares: { by: 'amount', members: [rosa, juana, pedro].map((memberId) => ({ memberId, amount: 3000 })) },
  });
  const advance = api.paySupplier({ associationId: a, partyId: vet, date: '2026-02-18', amount: 6000, confirmOverpayment: true });
  api.postEntry({ associationId: a, date: '2026-02-19', description: 'Depósito de la caja en el banco', lines: [
    { accountId: bank, amount: 20_000 }, { accountId: cash, amount: -20_000 },
  ] });
  api.payLabour({ associationId: a, date: '2026-02-20', workerName: 'Eusebio Taipe Lloclla', workerDni: '42118765', amount: 6000,
    concept: 'Limpieza de canales', days: 2000 });
  api.recordPayment({ associationId: a, memberId: juana, date: '2026-02-22', amount: 3000,
    apply: { chargeIds: [joint.shares.find((s) => s.memberId === juana)!.chargeId] } });
  api.collectSale({ associationId: a, partyId: bodega, date: '2026-02-25', amount: 10_000, saleIds: [credit.id] });
  const twice = api.collectSale({ associationId: a, partyId: bodega, date: '2026-02-26', amount: 3000 });
  api.voidSaleCollection({ collectionId: twice.id, date: '2026-02-27', reason: 'Cobro registrado dos veces' });
  api.postEntry({ associationId: a, date: '2026-02-28', description: 'Comisión de mantenimiento', lines: [
    { accountId: f.roleId('bank_fees'), amount: 500 }, { accountId: bank, amount: -500 },
  ] });

  // ── March: outside the period.
  api.recordPayment({ associationId: a, memberId: pedro, date: '2026-03-02', amount: 1000 });
  api.recordSale({
    associationId: a, date: '2026-03-03', documentKind: 'none', payment: 'cash', lines: [{ productId: cheese, quantity: 2000, unitPrice: 1800 }],
  });
  api.payLabour({ associationId: a, date: '2026-03-04', workerName: 'Eusebio Taipe Lloclla', amount: 2500, concept: 'Riego' });

  return { rosa, juana, pedro, agro, vet, bodega, january, fees, joint, advance, adjustment };
}

describe('the rendición de cuentas of a month with every document that moves cash', () => {
  it('adds each concept from the documents of its kind, and in − out is the change in cash', () => {
    books();
    const r = f.api.rendicionDeCuentas({ associationId: f.associationId, ...FEB });
    expectIdentities(r, f.associationId);
    // From the amounts typed above: receipts by what they settled, vouchers by the categories of what they paid.
    expect(concepts(r.income.rows)).toEqual({
      dues: 2000 + 1500, // Rosa Jan + Feb, Juana Jan + half of Feb; Pedro's receipt voided in the month
      fines: 2000,
      jointPurchaseShares: 3000,
      memberAdvances: 3000, // Rosa's 50.00 less her two dues
      sales: 9000 + (1800 + 3400 + 1000), // the nota de venta into the bank, the fair's three
      collections: 10_000, // the second collection was voided in the month
    });
    // The factura paid now (4,720 over its lines 3,000 : 1,000) and 50.00 of the credit factura (over 15,000 : 5,000).
    expect(concepts(r.expenses.rows)).toEqual({
      'purchases:stock': 3750,
      'purchases:supplies_consumed': 3540,
      'purchases:services': 4000,
      'purchases:transport': 1180 + 1250,
      supplierAdvances: 2000,
      labour: 6000,
      refunds: 1000,
      bankFees: 500,
    });
    expect([r.income.total, r.expenses.total]).toEqual([36_700, 23_220]);
    // Caja: 5,000.00 − 600.00 (stock) + 10.00 (Pedro, January); bank 2,000.00.
    const place = (c: RendicionDeCuentas['cashAtStart']) => c.places.map((p) => [p.name, p.kind, p.amount]);
    expect(place(r.cashAtStart)).toEqual([['Caja', 'cash', 441_000], ['Banco – cuenta corriente', 'bank', 200_000]]);
    // Caja + 277.00 in − 227.20 out − 200.00 deposited; bank + 90.00 sale + 200.00 deposit − 5.00 fee.
    expect(place(r.cashAtEnd)).toEqual([['Caja', 'cash', 425_980], ['Banco – cuenta corriente', 'bank', 228_500]]);
    expect(r.officers).toEqual([
      { post: 'presidente', fullName: 'Pedro Ccahuana Puma' }, { post: 'tesorero', fullName: 'Rosa Quispe Huamán' },
      { post: 'fiscal', fullName: null },
    ]);
  });

  it('leaves the deposit in the bank out of in and out, and the voided receipt and collection net to nothing', () => {
    books();
    const day = (from: string, to = from) => f.api.rendicionDeCuentas({ associationId: f.associationId, from, to });
    const deposit = day('2026-02-19');
    expect([deposit.income.rows, deposit.expenses.rows]).toEqual([[], []]);
    expect(deposit.cashAtEnd.total).toBe(deposit.cashAtStart.total);
    expect(deposit.cashAtEnd.places.map((p) => p.amount - deposit.cashAtStart.places.find((s) => s.accountId === p.accountId)!.amount))
      .toEqual([-20_000, 20_000]);
    // Pedro's receipt alone shows its due and fine; with its void, nothing.
    expect(concepts(day('2026-02-05').income.rows)).toEqual({ dues: 1000, fines: 2000 });
    expect(day('2026-02-05', '2026-02-06').income.rows).toEqual([]);
    expect(concepts(day('2026-02-26').income.rows)).toEqual({ collections: 3000 });
    expect(day('2026-02-26', '2026-02-27').income.rows).toEqual([]);
    // The stock adjustment moved no cash.
    expect(day('2026-02-13').income.rows.length + day('2026-02-13').expenses.rows.length).toBe(0);
    for (const r of [deposit, day('2026-02-05', '2026-02-06'), day('2026-02-26', '2026-02-27'), day('2026-02-13')]) {
      expectIdentities(r, f.associationId);
    }
  });

  it('shows what each member paid and owes, and what the association owes and is owed, as the statements say', () => {
    const b = books();
    const r = f.api.rendicionDeCuentas({ associationId: f.associationId, ...FEB });
    // Paid: live receipts of February. Owes: Juana half of Feb; Pedro Feb; each her 30.00 share but Juana.
    expect(r.members.rows.map((m) => [m.fullName, m.paid, m.owes, m.credit])).toEqual([
      ['Juana Mamani Ccori', 1500 + 3000, 500, 0],
      ['Pedro Ccahuana Puma', 2000, 1000 + 3000, 0],
      // Her 20.00 of credit left after the refund went to her share the day it was charged.
      ['Rosa Quispe Huamán', 5000, 3000 - 2000, 0],
    ]);
    for (const m of r.members.rows) {
      const position = f.api.memberPosition({ associationId: f.associationId, memberId: m.memberId, asOf: FEB.to });
      expect([m.owes, m.overdue, m.credit]).toEqual([position.owed, position.overdue, position.creditAvailable]);
      expect(f.api.memberStatement({ associationId: f.associationId, memberId: m.memberId, to: FEB.to }).closingBalance)
        .toBe(m.owes - m.credit);
    }
    const sum = (key: 'paid' | 'owes' | 'overdue' | 'credit') => r.members.rows.reduce((s, m) => s + m[key], 0);
    expect(r.members.totals).toEqual({ paid: sum('paid'), owes: sum('owes'), overdue: sum('overdue'), credit: sum('credit') });
    // What members paid is what the member concepts brought in (no receipt of the month was voided after it).
    const member = concepts(r.income.rows);
    expect(r.members.totals.paid).toBe(member['dues']! + member['fines']! + member['jointPurchaseShares']! + member['memberAdvances']!);

    // The association owes the credit factura less 50.00 (overdue since 15/02) and the joint purchase.
    expect(r.owedByAssociation).toEqual({ total: 23_600 - 5000 + 9000, overdue: 23_600 - 5000, parties: 1 });
    expect(r.owedToAssociation).toEqual({ total: 18_000 - 10_000, overdue: 0, parties: 1 });
    const statement = (partyId: number) => f.api.partyStatement({ associationId: f.associationId, partyId, to: FEB.to });
    for (const [side, owed] of [['payable', r.owedByAssociation], ['receivable', r.owedToAssociation]] as const) {
      const aging = f.api.agingReport({ associationId: f.associationId, side, asOf: FEB.to });
      expect(owed.total).toBe(aging.totals.total);
      // Without advances, what a party's documents leave open is its journal balance.
      expect(aging.parties.reduce((s, p) => s + statement(p.partyId).closing, 0)).toBe(owed.total);
    }
    expect(statement(b.agro).closing).toBe(27_600);
    // The veterinarian was paid 20.00 more than his fees: an advance, not a debt, and not in what is owed.
    expect(statement(b.vet).closing).toBe(-2000);
    expect(statement(b.bodega).closing).toBe(8000);
  });

  it('keeps a month already presented unchanged when a later payment applies its advance', () => {
    const b = books();
    const before = f.api.rendicionDeCuentas({ associationId: f.associationId, ...FEB });
    // In March the veterinarian bills 30.00 more: the 20.00 advance of February pays part of it.
    const later = f.api.recordPurchase({
      associationId: f.associationId, date: '2026-03-06', partyId: b.vet, documentKind: 'factura', documentNumber: 'F001-16',
      payment: 'credit', dueDate: '2026-03-20', lines: [{ description: 'Castración de cuyes', amount: 3000, category: 'day_labour' }],
    });
    f.api.paySupplier({ associationId: f.associationId, partyId: b.vet, date: '2026-03-07', amount: 1000, purchaseIds: [later.id] });
    expect(f.api.getPurchase({ purchaseId: later.id }).open).toBe(0);
    const after = f.api.rendicionDeCuentas({ associationId: f.associationId, ...FEB });
    expect({ ...after, owedByAssociation: null }).toEqual({ ...before, owedByAssociation: null });
    // March: only the 10.00 of new money went out for it, as the new voucher says.
    const march = f.api.rendicionDeCuentas({ associationId: f.associationId, from: '2026-03-01', to: '2026-03-31' });
    expect(concepts(march.expenses.rows)).toEqual({ 'purchases:day_labour': 1000, labour: 2500 });
    expectIdentities(march, f.associationId);
  });

  it('counts a receipt of January voided in February against February', () => {
    const b = books();
    const january = f.api.listReceipts({ associationId: f.associationId, memberId: b.pedro, to: '2026-01-31' })[0]!;
    f.api.voidReceipt({ receiptId: january.id, date: '2026-02-27', reason: 'Recibo duplicado' });
    const r = f.api.rendicionDeCuentas({ associationId: f.associationId, ...FEB });
    expect(concepts(r.income.rows)['dues']).toBe(3500 - 1000);
    expectIdentities(r, f.associationId);
    // What a member paid counts the receipts dated in the period still valid at its end: the January one is not.
    expect(r.members.rows.find((m) => m.memberId === b.pedro)!.paid).toBe(2000);
    expect(r.cashAtStart.total).toBe(total(cashByCode(f.db, f.associationId, FEB.from, false)));
  });
});

describe('the rendición’s edges', () => {
  it('refuses a period that ends before it starts, naming the field', () => {
    expect(dispatch(f.api, 'rendicionDeCuentas', { associationId: f.associationId, from: '2026-02-28', to: '2026-02-01' }))
      .toMatchObject({ ok: false, error: { code: 'period.invalid', field: 'from' } });
    expectCataloguedError(khipuError(() => f.api.rendicionDeCuentas({ associationId: f.associationId, from: '2026-02-28', to: '2026-02-01' })),
      'period.invalid', 'from');
  });

  it('gives zeros for an association with no movements, while another has them', () => {
    books();
    const empty = f.api.createAssociation({ name: 'Asociación Tika Pallana', legalForm: 'comite', ubigeo: '050101' }).id;
    const r = f.api.rendicionDeCuentas({ associationId: empty, ...FEB });
    expect(r).toMatchObject({
      cashAtStart: { places: [], total: 0 }, income: { rows: [], total: 0 }, expenses: { rows: [], total: 0 },
      cashAtEnd: { places: [], total: 0 }, members: { rows: [], totals: { paid: 0, owes: 0, overdue: 0, credit: 0 } },
      owedByAssociation: { total: 0, overdue: 0, parties: 0 }, owedToAssociation: { total: 0, overdue: 0, parties: 0 },
    });
    expect(r.officers.map((o) => o.fullName)).toEqual([null, null, null]);
    expectIdentities(r, empty);
  });
});

// ------------------------------------------------------------------ property

type Category = 'supplies_consumed' | 'transport' | 'services' | 'equipment';
type Step =
  | { op: 'charge'; member: number; amount: number; fine: boolean }
  | { op: 'receipt'; member: number; amount: number }
  | { op: 'refund'; member: number; amount: number }
  | { op: 'purchase'; supplier: number; amount: number; category: Category; igv: boolean; now: boolean; bank: boolean }
  | { op: 'pay'; supplier: number; amount: number; confirm: boolean }
  | { op: 'labour'; amount: number; bank: boolean }
  | { op: 'sale'; quantity: number; price: number; credit: boolean; bank: boolean }
  | { op: 'fair'; quantities: number[] }
  | { op: 'collect'; amount: number }
  | { op: 'move'; amount: number; toBank: boolean }
  | { op: 'fee'; amount: number }
  | { op: 'loss'; quantity: number }
  | { op: 'void'; what: 'receipt' | 'voucher' | 'sale' | 'collection'; pick: number };

const money = fc.integer({ min: 1, max: 9000 });
/** Supplier documents weigh more: an advance is applied only when a payment, a purchase and a payment meet. */
const propertyStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('charge' as const), member: fc.nat(1), amount: money, fine: fc.boolean() }),
  fc.record({ op: fc.constant('receipt' as const), member: fc.nat(1), amount: money }),
  fc.record({ op: fc.constant('refund' as const), member: fc.nat(1), amount: money }),
  { weight: 3, arbitrary: fc.record({
    op: fc.constant('purchase' as const), supplier: fc.nat(1), amount: money, igv: fc.boolean(), now: fc.boolean(), bank: fc.boolean(),
    category: fc.constantFrom<Category>('supplies_consumed', 'transport', 'services', 'equipment'),
  }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pay' as const), supplier: fc.nat(1), amount: money, confirm: fc.boolean() }) },
  fc.record({ op: fc.constant('labour' as const), amount: money, bank: fc.boolean() }),
  fc.record({
    op: fc.constant('sale' as const), quantity: fc.integer({ min: 1, max: 5000 }), price: fc.integer({ min: 1, max: 3000 }),
    credit: fc.boolean(), bank: fc.boolean(),
  }),
  fc.record({ op: fc.constant('fair' as const), quantities: fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('collect' as const), amount: money }),
  fc.record({ op: fc.constant('move' as const), amount: money, toBank: fc.boolean() }),
  fc.record({ op: fc.constant('fee' as const), amount: fc.integer({ min: 1, max: 900 }) }),
  fc.record({ op: fc.constant('loss' as const), quantity: fc.integer({ min: 1, max: 2000 }) }),
  { weight: 2, arbitrary: fc.record({
    op: fc.constant('void' as const), what: fc.constantFrom('receipt' as const, 'voucher' as const, 'sale' as const, 'collection' as const), pick: fc.nat(),
  }) },
);

/** A document as the model knows it from the answers of the operations: what it brought in or took out, by concept. */
interface ModelDoc {
  kind: 'receipt' | 'voucher' | 'sale' | 'collection';
  id: number;
  date: string;
  voidedOn: string | null;
  side: 'in' | 'out';
  parts: Record<string, number>;
}

/**
 * What a random step may run into: paying more than is owed without confirming, a sale line worth less than a céntimo,
 * voiding a receipt whose credit was refunded.
 */
const refusals = new Set(['payment.exceedsOpen', 'sale.lineAmountZero', 'receipt.creditRefunded']);

const START = '2026-01-05';
const dayOf = (index: number) => {
  const d = new Date(`${START}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + index);
  return d.toISOString().slice(0, 10);
};

interface Template {
  path: string; folder: string; associationId: number; members: number[]; suppliers: number[]; buyer: number; cheese: number;
  types: { fine: number; extraordinary: number };
}

/** One association with two members, two suppliers, a buyer, cash, a bank and 1,000 kg of cheese, dated before START. */
function buildTemplate(): Template {
  const folder = mkdtempSync(join(tmpdir(), 'khipu-rendicion-'));
  const path = join(folder, 'template.sqlite');
  const db = openLedgerDatabase(path);
  try {
    const api = createLedgerApi(db, testContext);
    const associationId = api.createAssociation({ name: 'Asociación Apícola Misky Llankaq', legalForm: 'asociacion', ubigeo: '030601' }).id;
    api.seedDefaultContributionTypes({ associationId });
    const types = api.listContributionTypes({ associationId });
    const accounts = api.listAccounts({ associationId });
    const role = (r: string) => accounts.find((a) => a.role === r)!.id;
    api.postEntry({ associationId, date: '2026-01-02', description: 'Saldo inicial', lines: [
      { accountId: role('cash'), amount: 1_000_000 }, { accountId: role('bank'), amount: 500_000 }, { accountId: role('capital'), amount: -1_500_000 },
    ] });
    const members = ['Rosa', 'Juana'].map((givenNames) => api.createMember(socia(associationId, { givenNames, joinedOn: '2020-01-10' })).id);
    const suppliers = ['Agroveterinaria El Ñuñu', 'Transportes Chanka'].map((name) =>
      api.createParty({ associationId, name, kind: 'supplier', documentType: 'none' }).id);
    const buyer = api.createParty({ associationId, name: 'Hotel Sumaq Wasi', kind: 'buyer', documentType: 'none' }).id;
    const cheese = api.createProduct({ associationId, name: 'Queso fresco', unit: 'kg', category: 'product', salePrice: 1800 }).id;
    api.recordPurchase({
      associationId, date: '2026-01-02', partyId: suppliers[0]!, documentKind: 'ticket', documentNumber: 'T-0', payment: 'cash',
      lines: [{ productId: cheese, quantity: 1_000_000, unitPrice: 900, category: 'stock' }],
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      path, folder, associationId, members, suppliers, buyer, cheese,
      types: { fine: types.find((t) => t.kind === 'fine')!.id, extraordinary: types.find((t) => t.kind === 'extraordinary')!.id },
    };
  } finally {
    db.close();
  }
}

describe('the rendición after any sequence of cash documents (property)', () => {
  let t: Template;
  beforeAll(() => { t = buildTemplate(); });
  afterAll(() => rmSync(t.folder, { recursive: true, force: true }));

  it('keeps in − out = end − start, and each concept is the sum of its documents less their voids, for any period', () => {
    fc.assert(fc.property(
      fc.array(propertyStep, { minLength: 3, maxLength: 22 }), fc.nat(22), fc.nat(22),
      (steps, a, b) => {
        const folder = mkdtempSync(join(tmpdir(), 'khipu-rendicion-run-'));
        copyFileSync(t.path, join(folder, 'khipu.sqlite'));
        const db = openLedgerDatabase(join(folder, 'khipu.sqlite'));
        try {
          const api = createLedgerApi(db, testContext);
          const associationId = t.associationId;
          const accounts = api.listAccounts({ associationId });
          const role = (r: string) => accounts.find((x) => x.role === r)!.id;
          const cash = role('cash');
          const bank = role('bank');
          const docs: ModelDoc[] = [];
          const charges = new Map<number, 'fines' | 'extraordinary'>();
          const purchaseCategory = new Map<number, Category>();
          let numbers = 0;
          const voucherDoc = (view: { id: number; date: string; amount: number; lines: { purchaseId: number; amount: number }[] }): ModelDoc => {
            const parts: Record<string, number> = {};
            for (const line of view.lines) {
              const key = `purchases:${purchaseCategory.get(line.purchaseId)!}`;
              parts[key] = (parts[key] ?? 0) + line.amount;
            }
            const advance = view.amount - view.lines.reduce((s, l) => s + l.amount, 0);
            if (advance > 0) parts['supplierAdvances'] = advance;
            return { kind: 'voucher', id: view.id, date: view.date, voidedOn: null, side: 'out', parts };
          };

          const run = (s: Step, date: string): void => {
            switch (s.op) {
              case 'charge': {
                const type = s.fine ? t.types.fine : t.types.extraordinary;
                const view = api.createCharge({
                  associationId, memberId: t.members[s.member]!, contributionTypeId: type, date, amount: s.amount, confirmDuplicate: true,
                });
                charges.set(view.id, s.fine ? 'fines' : 'extraordinary');
                return;
              }
              case 'receipt': {
                const view = api.recordPayment({ associationId, memberId: t.members[s.member]!, date, amount: s.amount });
                const parts: Record<string, number> = {};
                for (const line of view.lines) {
                  const key = line.chargeId === null ? 'memberAdvances' : charges.get(line.chargeId)!;
                  parts[key] = (parts[key] ?? 0) + line.amount;
                }
                docs.push({ kind: 'receipt', id: view.id, date, voidedOn: null, side: 'in', parts });
                return;
              }
              case 'refund': {
                // Part of her credit, when she has some (more is refused, as the contributions tests check).
                const memberId = t.members[s.member]!;
                const credit = api.memberPosition({ associationId, memberId, asOf: date }).creditAvailable;
                if (credit === 0) return;
                const amount = 1 + (s.amount % credit);
                const view = api.refundCredit({ associationId, memberId, date, amount, reason: 'Devolución' });
                docs.push({ kind: 'voucher', id: view.paymentVoucherId!, date, voidedOn: null, side: 'out', parts: { refunds: amount } });
                return;
              }
              case 'purchase': {
                numbers += 1;
                const view = api.recordPurchase({
                  associationId, date, partyId: t.suppliers[s.supplier]!, documentKind: 'factura', documentNumber: `F001-${numbers}`,
                  lines: [{ description: 'Insumos', amount: s.amount, category: s.category }], igv: s.igv ? Math.floor(s.amount * 0.18) : 0,
                  payment: s.now ? 'cash' : 'credit', dueDate: s.now ? null : dayOf(40), accountId: s.now && s.bank ? bank : null,
                });
                purchaseCategory.set(view.id, s.category);
                for (const p of view.payments) docs.push(voucherDoc(api.getPaymentVoucher({ voucherId: p.voucherId })));
                return;
              }
              case 'pay':
                docs.push(voucherDoc(api.paySupplier({
                  associationId, partyId: t.suppliers[s.supplier]!, date, amount: s.amount, confirmOverpayment: s.confirm,
                })));
                return;
              case 'labour': {
                const view = api.payLabour({
                  associationId, date, workerName: 'Eusebio Taipe', amount: s.amount, concept: 'Jornal', accountId: s.bank ? bank : null,
                });
                docs.push({ kind: 'voucher', id: view.id, date, voidedOn: null, side: 'out', parts: { labour: s.amount } });
                return;
              }
              case 'sale': {
                const view = api.recordSale({
                  associationId, date, partyId: s.credit ? t.buyer : null, documentKind: 'nota_venta', payment: s.credit ? 'credit' : 'cash',
                  dueDate: s.credit ? dayOf(30) : null, accountId: !s.credit && s.bank ? bank : null,
                  lines: [{ productId: t.cheese, quantity: s.quantity, unitPrice: s.price }],
                });
                if (!s.credit) docs.push({ kind: 'sale', id: view.id, date, voidedOn: null, side: 'in', parts: { sales: view.total } });
                return;
              }
              case 'fair': {
                const result = api.recordFairSales({
                  associationId, date, sales: s.quantities.map((quantity) => ({ lines: [{ productId: t.cheese, quantity }] })),
                });
                for (const sale of result.sales) docs.push({ kind: 'sale', id: sale.id, date, voidedOn: null, side: 'in', parts: { sales: sale.total } });
                return;
              }
              case 'collect': {
                const view = api.collectSale({ associationId, partyId: t.buyer, date, amount: s.amount, confirmOverpayment: true });
                docs.push({ kind: 'collection', id: view.id, date, voidedOn: null, side: 'in', parts: { collections: s.amount } });
                return;
              }
              case 'move':
                api.postEntry({ associationId, date, description: s.toBank ? 'Depósito en el banco' : 'Retiro del banco', lines: [
                  { accountId: s.toBank ? bank : cash, amount: s.amount }, { accountId: s.toBank ? cash : bank, amount: -s.amount },
                ] });
                return;
              case 'fee':
                api.postEntry({ associationId, date, description: 'Comisión bancaria', lines: [
                  { accountId: role('bank_fees'), amount: s.amount }, { accountId: bank, amount: -s.amount },
                ] });
                docs.push({ kind: 'voucher', id: 0, date, voidedOn: null, side: 'out', parts: { bankFees: s.amount } });
                return;
              case 'loss':
                api.recordStockAdjustment({ associationId, productId: t.cheese, date, quantity: -s.quantity, reason: 'loss' });
                return;
              case 'void': {
                const live = docs.filter((d) => d.kind === s.what && d.voidedOn === null && d.id !== 0);
                const doc = live[s.pick % Math.max(live.length, 1)];
                if (!doc) return;
                const reason = 'Registrado por error';
                if (s.what === 'receipt') api.voidReceipt({ receiptId: doc.id, date, reason });
                else if (s.what === 'voucher') api.voidPaymentVoucher({ voucherId: doc.id, date, reason });
                else if (s.what === 'sale') api.voidSale({ saleId: doc.id, date, reason });
                else api.voidSaleCollection({ collectionId: doc.id, date, reason });
                doc.voidedOn = date;
              }
            }
          };
          steps.forEach((s, index) => {
            try {
              run(s, dayOf(index));
            } catch (error) {
              // A step the rules refuse writes nothing and moves no cash; any other error is a bug.
              if (!(error instanceof KhipuError) || !refusals.has(error.code)) throw error;
            }
          });

          // The whole run, a stretch of it, and one day.
          const [i, j] = [a % steps.length, b % steps.length].sort((x, y) => x - y) as [number, number];
          for (const [from, to] of [[dayOf(0), dayOf(steps.length)], [dayOf(i), dayOf(j)], [dayOf(j), dayOf(j)]] as const) {
            const expected = { in: {} as Record<string, number>, out: {} as Record<string, number> };
            const inPeriod = (date: string | null) => date !== null && date >= from && date <= to;
            for (const d of docs) {
              const sign = (inPeriod(d.date) ? 1 : 0) - (inPeriod(d.voidedOn) ? 1 : 0);
              for (const [key, amount] of Object.entries(d.parts)) expected[d.side][key] = (expected[d.side][key] ?? 0) + sign * amount;
            }
            const nonZero = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0));
            const r = api.rendicionDeCuentas({ associationId, from, to });
            expectIdentities(r, associationId, db);
            expect(concepts(r.income.rows)).toEqual(nonZero(expected.in));
            expect(concepts(r.expenses.rows)).toEqual(nonZero(expected.out));
          }
        } finally {
          db.close();
          rmSync(folder, { recursive: true, force: true });
        }
      },
    ), { numRuns: 25 });
  });
});
