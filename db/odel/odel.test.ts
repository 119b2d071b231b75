import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import { socia } from '../members/testing';
import { expectCataloguedError, khipuError } from '../../shared/testing/errors';
import type { OdelFigures } from '../../shared/operations/odel';

// Three associations: two in Chincheros (030601), one in Ayacucho (050101).
// Every expected figure below is computed by hand from the entries posted here.

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
let sumaq: number; // Chincheros, with activity
let tika: number; // Ayacucho
let misky: number; // Chincheros, members only
const people: Record<string, number> = {};

const PERIOD = { from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' };

function figures(partial: Partial<OdelFigures>): OdelFigures {
  return {
    associations: 1, women: 0, men: 0, members: 0, income: 0, sales: 0, contractSales: 0, expenses: 0, result: 0,
    cash: 0, receivables: 0, debts: 0, financialDebts: 0, purchases: 0, payables: 0, receivablesFromBuyers: 0,
    contractsValue: 0, contractsDelivered: 0, contractsDeliveredShareBp: 0, contractsCollected: 0, contractsPending: 0, ...partial,
  };
}

// Sumaq Q'oy, 2025 (hand-computed):
//   income   = dues 250.50 + contract sale 14,714.00 + fine 20.00                     = 14,984.50
//   expenses = feed 3,000.75 + interest 1,200.33 + freight 80.00 + (50.00 − 50.00)     =  4,281.08
//   cash     = bank 5,000.00 + 10,000.00 + 100,477.61 − 3,700.33 ; caja 250.50 − 80.00 + 30.00 (receipt) = 111,977.78
//   receivables = 1,200.00 (2024 sale) + 14,714.00 − 10,000.00 + 20.00                 =  5,934.00
//   debts    = suppliers 3,000.75 + loan 100,477.61 − 2,500.00 + credit in favour 30.00 = 101,008.36 (45: 97,977.61)
//   purchases, payables and receivables from buyers are 0: no purchase document, and the 421 and 121 lines
//   posted here by hand name no party, so they are no supplier's or buyer's balance (db/odel/odel-trade.test.ts has them).
const SUMAQ = figures({
  women: 2, men: 3, members: 5,
  income: 1_498_450, sales: 1_471_400, contractSales: 1_471_400, expenses: 428_108, result: 1_070_342,
  cash: 11_197_778, receivables: 593_400, debts: 10_100_836, financialDebts: 9_797_761,
});
// Tika Pallana: a donation of 100.00 in cash, 40.00 of purchases.
const TIKA = figures({ women: 1, members: 1, income: 10_000, expenses: 4_000, result: 6_000, cash: 6_000 });
// Misky Llankaq: one man and one member recorded before the padrón had a sex column.
const MISKY = figures({ men: 1, members: 2 });

beforeAll(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  sumaq = api.createAssociation({
    name: "Asociación de Productores Lecheros Sumaq Q'oy", ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
    mainProducts: ['Leche fresca', 'Queso'], registryEntry: 'Partida 11004567',
  }).id;
  tika = api.createAssociation({ name: 'Asociación de Mujeres Tika Pallana', legalForm: 'comite', ubigeo: '050101', mainProducts: ['Cuy'] }).id;
  misky = api.createAssociation({ name: 'Asociación Apícola Misky Llankaq', legalForm: 'asociacion', ubigeo: '030601', mainProducts: ['Miel'] }).id;

  const member = (key: string, associationId: number, overrides: Parameters<typeof socia>[1]) => {
    people[key] = api.createMember(socia(associationId, overrides)).id;
  };
  // Sumaq Q'oy on 31/12/2025: Rosa, Juana (women); Pedro, Luis, Mario (men).
  member('rosa', sumaq, { givenNames: 'Rosa', surnames: 'Quispe Huamán', sex: 'F', joinedOn: '2020-01-10' });
  member('juana', sumaq, { givenNames: 'Juana', surnames: 'Ccahuana Rojas', sex: 'F', joinedOn: '2025-03-01' });
  member('elena', sumaq, { givenNames: 'Elena', surnames: 'Huamaní Soto', sex: 'F', joinedOn: '2021-05-01' });
  member('nuria', sumaq, { givenNames: 'Nuria', surnames: 'Palomino Vega', sex: 'F', joinedOn: '2026-01-05' });
  member('pedro', sumaq, { givenNames: 'Pedro', surnames: 'Mamani Cusi', sex: 'M', joinedOn: '2020-01-10' });
  member('luis', sumaq, { givenNames: 'Luis', surnames: "Q'ispe Condori", sex: 'M', joinedOn: '2020-01-10' });
  member('mario', sumaq, { givenNames: 'Mario', surnames: 'Tito Ayala', sex: 'M', joinedOn: '2022-02-01' });
  member('carlos', sumaq, { givenNames: 'Carlos', surnames: 'Rimachi Paucar', sex: 'M', joinedOn: '2022-02-01' });
  // Left before asOf: not counted. Left on asOf: left_on is the first day out, so not counted either.
  api.memberLeaves({ associationId: sumaq, memberId: people['elena']!, leftOn: '2025-06-30', reason: 'Se mudó a Lima' });
  api.memberLeaves({ associationId: sumaq, memberId: people['carlos']!, leftOn: '2025-12-31', reason: 'Renuncia' });
  // Leaves after asOf: still a member on 31/12/2025.
  api.memberLeaves({ associationId: sumaq, memberId: people['mario']!, leftOn: '2026-01-10', reason: 'Renuncia' });

  api.assignOfficerPost({ associationId: sumaq, memberId: people['luis']!, post: 'tesorero', termStart: '2023-01-01', termEnd: '2024-12-31' });
  api.assignOfficerPost({ associationId: sumaq, memberId: people['rosa']!, post: 'tesorero', termStart: '2025-01-01' });
  api.assignOfficerPost({ associationId: sumaq, memberId: people['juana']!, post: 'vocal', termStart: '2025-03-01' });
  api.assignOfficerPost({ associationId: sumaq, memberId: people['pedro']!, post: 'presidente', termStart: '2024-01-01', termEnd: '2025-12-31' });

  member('flor', tika, { givenNames: 'Flor', surnames: 'Huarcaya Ñaupa', sex: 'F', joinedOn: '2024-07-01' });
  member('ramon', misky, { givenNames: 'Ramón', surnames: 'Yupanqui Arce', sex: 'M', joinedOn: '2019-09-01' });
  const legacy = Number(env.db
    .prepare("INSERT INTO members (association_id, full_name, created_at) VALUES (?, 'Teodoro Llamocca', '2019-01-01T00:00:00Z')")
    .run(misky).lastInsertRowid);
  env.db.prepare("INSERT INTO member_memberships (member_id, joined_on) VALUES (?, '2019-01-01')").run(legacy);

  const party = Number(env.db.prepare("INSERT INTO parties (association_id, name, kind) VALUES (?, 'Municipalidad Provincial de Chincheros', 'buyer')")
    .run(sumaq).lastInsertRowid);
  const contract = Number(env.db.prepare("INSERT INTO contracts (association_id, party_id, number) VALUES (?, ?, 'CP-014-2025')")
    .run(sumaq, party).lastInsertRowid);

  const accountsOf = (associationId: number) => {
    const accounts = api.listAccounts({ associationId });
    return (role: string) => accounts.find((a) => a.role === role)!.id;
  };
  const post = (associationId: number, date: string, description: string, lines: [string, number, number?][]) => {
    const role = accountsOf(associationId);
    return api.postEntry({
      associationId, date, description,
      lines: lines.map(([name, amount, contractId]) => ({ accountId: role(name), amount, contractId: contractId ?? null })),
    });
  };
  post(sumaq, '2024-12-15', 'Fondo social', [['bank', 500_000], ['capital', -500_000]]);
  post(sumaq, '2024-12-20', 'Venta de leche 2024', [['receivable_customers', 120_000], ['sales_products', -120_000]]);
  post(sumaq, '2025-02-05', 'Cuotas de febrero', [['cash', 25_050], ['dues_income', -25_050]]);
  post(sumaq, '2025-03-10', 'Leche para Vaso de Leche', [['receivable_customers', 1_471_400, contract], ['sales_products', -1_471_400, contract]]);
  post(sumaq, '2025-04-15', 'Cobro a la municipalidad', [['bank', 1_000_000], ['receivable_customers', -1_000_000]]);
  post(sumaq, '2025-05-20', 'Alimento al crédito', [['purchases_supplies', 300_075], ['payable_suppliers', -300_075]]);
  post(sumaq, '2025-06-01', 'Préstamo de la CAC', [['bank', 10_047_761], ['loans_payable', -10_047_761]]);
  post(sumaq, '2025-07-20', 'Primera cuota', [['loans_payable', 250_000], ['financial_expense', 120_033], ['bank', -370_033]]);
  post(sumaq, '2025-08-01', 'Flete', [['transport_expense', 8_000], ['cash', -8_000]]);
  post(sumaq, '2025-09-01', 'Multa por inasistencia', [['receivable_members', 2_000], ['fines_income', -2_000]]);
  const wrong = post(sumaq, '2025-10-01', 'Servicio registrado por error', [['services_expense', 5_000], ['cash', -5_000]]);
  api.reverseEntry({ entryId: wrong.id, date: '2025-10-02', reason: 'Duplicado' });
  // Receipts: Rosa pays 30.00 with nothing owed (credit in favour, 4419); Luis's 20.00 is voided.
  api.recordPayment({ associationId: sumaq, memberId: people['rosa']!, date: '2025-11-05', amount: 3_000 });
  const voided = api.recordPayment({ associationId: sumaq, memberId: people['luis']!, date: '2025-11-06', amount: 2_000 });
  api.voidReceipt({ receiptId: voided.id, date: '2025-11-07', reason: 'Monto equivocado' });
  post(sumaq, '2026-01-10', 'Venta en la feria (después del periodo)', [['cash', 50_000], ['sales_goods', -50_000]]);

  post(tika, '2025-03-01', 'Donación de la parroquia', [['cash', 10_000], ['donations_income', -10_000]]);
  post(tika, '2025-04-01', 'Compra de alfalfa', [['purchases_supplies', 4_000], ['cash', -4_000]]);
});

afterAll(() => env?.cleanup());

describe('odelSummary', () => {
  it('groups every association of the file by district, with subtotals and a grand total', () => {
    const summary = api.odelSummary(PERIOD);
    expect(summary.ubigeo).toBeNull();
    expect(summary.districts.map((d) => [d.ubigeo, d.department, d.province, d.district])).toEqual([
      ['030601', 'Apurímac', 'Chincheros', 'Chincheros'],
      ['050101', 'Ayacucho', 'Huamanga', 'Ayacucho'],
    ]);
    const [chincheros, ayacucho] = summary.districts;
    expect(chincheros!.associations.map((a) => a.name)).toEqual([
      'Asociación Apícola Misky Llankaq', "Asociación de Productores Lecheros Sumaq Q'oy",
    ]);
    const { associationId: _a, name: _n, ruc, legalForm, mainProducts, ...sumaqFigures } = chincheros!.associations[1]!;
    expect({ ruc, legalForm, mainProducts }).toEqual({ ruc: '20131312955', legalForm: 'asociacion', mainProducts: ['Leche fresca', 'Queso'] });
    expect(sumaqFigures).toEqual(SUMAQ);
    const { associationId: _b, name: _m, ruc: _r, legalForm: _l, mainProducts: _p, ...miskyFigures } = chincheros!.associations[0]!;
    expect(miskyFigures).toEqual(MISKY);

    expect(chincheros!.subtotal).toEqual(figures({
      associations: 2, women: 2, men: 4, members: 7, income: 1_498_450, sales: 1_471_400, contractSales: 1_471_400,
      expenses: 428_108, result: 1_070_342, cash: 11_197_778, receivables: 593_400, debts: 10_100_836, financialDebts: 9_797_761,
    }));
    expect(ayacucho!.subtotal).toEqual(TIKA);
    expect(summary.total).toEqual(figures({
      associations: 3, women: 3, men: 4, members: 8, income: 1_508_450, sales: 1_471_400, contractSales: 1_471_400,
      expenses: 432_108, result: 1_076_342, cash: 11_203_778, receivables: 593_400, debts: 10_100_836, financialDebts: 9_797_761,
    }));
  });

  it('filters one district', () => {
    const summary = api.odelSummary({ ...PERIOD, ubigeo: '050101' });
    expect(summary.districts).toHaveLength(1);
    expect(summary.districts[0]!.associations.map((a) => a.associationId)).toEqual([tika]);
    expect(summary.total).toEqual(TIKA);
    expect(api.odelSummary({ ...PERIOD, ubigeo: '080101' }).districts).toEqual([]); // Cusco: nobody here
  });

  it('counts members on asOf and balances at asOf, apart from the period', () => {
    // 30/06/2025 is Elena's first day out; the day before she still counts. Juana has joined, Carlos is still in.
    const sumaqOn = (asOf: string) => api.odelSummary({ from: '2025-01-01', to: '2025-12-31', asOf, ubigeo: '030601' })
      .districts[0]!.associations.find((a) => a.associationId === sumaq)!;
    const before = sumaqOn('2025-06-29');
    expect([before.women, before.men, before.members]).toEqual([3, 4, 7]);
    const row = sumaqOn('2025-06-30');
    expect([row.women, row.men, row.members]).toEqual([2, 4, 6]);
    // Bank 5,000.00 + 10,000.00 + 100,477.61; caja 250.50. The income is still the whole year's.
    expect(row.cash).toBe(11_572_811);
    expect(row.income).toBe(1_498_450);
    // asOf defaults to the end of the period.
    const defaulted = api.odelSummary({ from: '2025-01-01', to: '2025-12-31' });
    expect(defaulted.asOf).toBe('2025-12-31');
    expect(defaulted.total).toEqual(api.odelSummary(PERIOD).total);
  });

  it('does not count activity outside the period', () => {
    const y2024 = api.odelSummary({ from: '2024-01-01', to: '2024-12-31', ubigeo: '030601' });
    const row = y2024.districts[0]!.associations.find((a) => a.associationId === sumaq)!;
    expect([row.income, row.sales, row.expenses, row.cash, row.receivables]).toEqual([120_000, 120_000, 0, 500_000, 120_000]);
    expect([row.women, row.men, row.members]).toEqual([2, 4, 6]); // Rosa, Elena; Pedro, Luis, Mario, Carlos
  });

  it('runs the same number of queries for one association or many', () => {
    const prepare = vi.spyOn(env.db, 'prepare');
    api.odelSummary({ ...PERIOD, ubigeo: '050101' });
    const few = prepare.mock.calls.length;
    prepare.mockClear();
    api.odelSummary(PERIOD);
    expect(prepare.mock.calls.length).toBe(few);
    prepare.mockRestore();
  });

  it('refuses an unknown district and a period that ends before it starts', () => {
    expectCataloguedError(khipuError(() => api.odelSummary({ ...PERIOD, ubigeo: '999999' })), 'peru.ubigeo.unknown', 'ubigeo');
    expectCataloguedError(khipuError(() => api.odelSummary({ ...PERIOD, ubigeo: '0306' })), 'peru.ubigeo.format', 'ubigeo');
    expectCataloguedError(khipuError(() => api.odelSummary({ from: '2025-12-31', to: '2025-01-01' })), 'period.invalid', 'from');
  });
});

describe('associationSheet', () => {
  it('is the one-page sheet of an association', () => {
    const sheet = api.associationSheet({ associationId: sumaq, ...PERIOD });
    expect(sheet.association).toMatchObject({
      name: "Asociación de Productores Lecheros Sumaq Q'oy", ruc: '20131312955', legalForm: 'asociacion',
      registryEntry: 'Partida 11004567', ubigeo: '030601', district: 'Chincheros', province: 'Chincheros', department: 'Apurímac',
      mainProducts: ['Leche fresca', 'Queso'],
    });
    expect(sheet.figures).toEqual(SUMAQ);
    // Pedro's term ends on asOf (last day included); Luis's ended in 2024; presidente first.
    expect(sheet.officers.map((o) => [o.post, o.memberName])).toEqual([
      ['presidente', 'Pedro Mamani Cusi'], ['tesorero', 'Rosa Quispe Huamán'], ['vocal', 'Juana Ccahuana Rojas'],
    ]);
    // 10 entries posted by hand in 2025 (one reversed) + 2 receipts + 1 void.
    expect([sheet.entries, sheet.reversals]).toEqual([13, 2]);
    expect(sheet.receipts).toEqual({ issued: 2, voided: 1, total: 3_000 });
  });

  it('for a new officer term, and an association without entries', () => {
    const next = api.associationSheet({ associationId: sumaq, from: '2026-01-01', to: '2026-01-31' });
    expect(next.officers.map((o) => o.post)).toEqual(['tesorero', 'vocal']);
    expect([next.entries, next.reversals]).toEqual([1, 0]);
    expect(next.figures).toMatchObject({ women: 3, men: 2, members: 5, income: 50_000, sales: 50_000, expenses: 0 });
    const quiet = api.associationSheet({ associationId: misky, ...PERIOD });
    expect(quiet.figures).toEqual(MISKY);
    expect(quiet.officers).toEqual([]);
    expect([quiet.entries, quiet.receipts]).toEqual([0, { issued: 0, voided: 0, total: 0 }]);
  });

  it('refuses an association that does not exist', () => {
    expectCataloguedError(khipuError(() => api.associationSheet({ associationId: 999, ...PERIOD })), 'association.notFound', 'associationId');
  });
});
