import { addDays, addMonths, format, lastDayOfMonth, startOfMonth, subMonths } from 'date-fns';
import type { LedgerApi } from '../api';
import { multiplyQuantity, percentOf } from '../../shared/money';
import { seededRandom } from './random';

// The example association people open from the first-run wizard: a milk
// producers' association of twenty families with a year of ordinary life —
// capital contributions, monthly dues, receipts, a fine paid with a work day,
// milk sold to the municipality, feed bought — all posted through the same API
// a treasurer's screens use. Fixed seed: the same figures every time.

export const EXAMPLE_ASSOCIATION = {
  name: "Asociación de Productores Lecheros Sumaq Q'oy",
  ruc: '20131312955',
  legalForm: 'asociacion',
  ubigeo: '030601',
  address: 'Anexo Cotahuacho s/n',
  mainProducts: ['Leche fresca', 'Queso'],
  registryEntry: 'Partida 11004567',
} as const;

/** Spanish and Quechua names from two communities: twelve women and eight men, as in the field reports' mix. */
const FAMILIES: readonly [givenNames: string, surnames: string, sex: 'F' | 'M', community: string][] = [
  ['Rosa Sumaq', 'Quispe Huamán', 'F', 'Cotahuacho'],
  ['Tika Pallana', "Q'oy Mamani", 'F', 'Cotahuacho'],
  ['Juan de Dios', 'Huamaní Ayme', 'M', 'Cotahuacho'],
  ['Misky Llankaq', 'Ñahui Condori', 'F', 'Ccochaccasa'],
  ['Wayra', 'Cusi Yupanqui', 'M', 'Ccochaccasa'],
  ['María Exaltación', 'Palomino Ccoyllo', 'F', 'Cotahuacho'],
  ['Inti', 'Taipe Huarcaya', 'M', 'Ccochaccasa'],
  ['Yolanda', 'Llamocca Soto', 'F', 'Ccochaccasa'],
  ['Alejandro', 'Ccente Ramos', 'M', 'Cotahuacho'],
  ['Killa', 'Chávez Ñaupari', 'F', 'Cotahuacho'],
  ['Teodoro', 'Rojas Ayala', 'M', 'Ccochaccasa'],
  ['Nayra', 'Huamán Quispe', 'F', 'Ccochaccasa'],
  ['Efraín', 'Mendoza Torres', 'M', 'Cotahuacho'],
  ['Sisa', 'Núñez Ccahuana', 'F', 'Cotahuacho'],
  ['Saturnino', 'Gutiérrez Pillaca', 'M', 'Ccochaccasa'],
  ['Yupanqui', 'Arone Cconislla', 'M', 'Cotahuacho'],
  ['Hilda', 'Pariona Llancce', 'F', 'Ccochaccasa'],
  ['Ccori', 'Bautista Sulca', 'F', 'Cotahuacho'],
  ['Modesta', 'Anccasi Huillca', 'F', 'Ccochaccasa'],
  ['Paulina', 'Escalante Rupay', 'F', 'Cotahuacho'],
];

const CAPITAL_PER_MEMBER = 10_000; // S/ 100.00
const MILK_PRICE_PER_LITRE = 160; // S/ 1.60
const FINE = 2_000; // S/ 20.00 for missing an assembly
const LOAN = 1_200_000; // S/ 12,000.00 from the CAC for the cooling tank
const COOLING_TANK = 1_100_000; // S/ 11,000.00
const LOAN_INSTALMENT = 100_000; // S/ 1,000.00 of capital a month
const LOAN_MONTHLY_RATE_BP = 150; // 1.5 % a month on the balance owed

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * Opens the example association, creating it on first use. Its year ends with
 * the month before `today`, so the screens show recent activity.
 */
export function openExampleAssociation(api: LedgerApi, today: Date): { id: number; created: boolean } {
  const associations = api.listAssociations({});
  const existing = associations.find((a) => a.name === EXAMPLE_ASSOCIATION.name && (a.ruc === EXAMPLE_ASSOCIATION.ruc || a.ruc === null));
  if (existing) return { id: existing.id, created: false };
  // A RUC belongs to one association: when one of the file's already has the example's, the
  // example goes without a RUC rather than be refused.
  const rucTaken = associations.some((a) => a.ruc === EXAMPLE_ASSOCIATION.ruc);

  const { id: associationId } = api.createAssociation({
    ...EXAMPLE_ASSOCIATION, ruc: rucTaken ? null : EXAMPLE_ASSOCIATION.ruc, mainProducts: [...EXAMPLE_ASSOCIATION.mainProducts],
  });
  const accounts = api.listAccounts({ associationId });
  const byRole = (role: string): number => {
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`example: no account with role ${role}`);
    return account.id;
  };
  const random = seededRandom(20_240_601);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  // Everything is drafted first and carried out in date order, so entry and
  // receipt numbers follow the calendar as in a real book.
  const actions: { date: string; order: number; run: () => void }[] = [];
  const at = (date: Date, run: () => void) => actions.push({ date: iso(date), order: actions.length, run });
  const post = (date: Date, description: string, lines: [string, number][]) =>
    at(date, () => api.postEntry({
      associationId, date: iso(date), description,
      lines: lines.map(([role, amount]) => ({ accountId: byRole(role), amount })),
    }));

  const firstMonth = startOfMonth(subMonths(today, 12));
  const founding = addDays(firstMonth, -60);
  const members = FAMILIES.map(([givenNames, surnames, sex, community], index) =>
    api.createMember({
      associationId, dni: String(41_234_501 + index * 7), givenNames, surnames, sex, community,
      birthDate: iso(new Date(1965 + index, index % 12, 1 + index)), joinedOn: iso(founding),
    }).id);
  const [presidenta, tesorero, secretaria, fiscal, vocal] = [members[0]!, members[2]!, members[5]!, members[8]!, members[3]!];
  for (const [memberId, post] of [[presidenta, 'presidente'], [tesorero, 'tesorero'], [secretaria, 'secretario'], [fiscal, 'fiscal'], [vocal, 'vocal']] as const) {
    api.assignOfficerPost({ associationId, memberId, post, termStart: iso(founding) });
  }
  const { types } = api.seedDefaultContributionTypes({ associationId });
  const typeOf = (kind: string) => {
    const type = types.find((t) => t.kind === kind);
    if (!type) throw new Error(`example: no contribution type ${kind}`);
    return type;
  };
  const dues = typeOf('ordinary_due');
  const capital = typeOf('capital');
  const fine = typeOf('fine');
  const faena = typeOf('in_kind');

  // Capital: every founding family contributes S/ 100.00 in the first month and gets a receipt.
  members.forEach((memberId, index) => {
    const day = addDays(firstMonth, 2 + (index % 10));
    at(firstMonth, () => api.createCharge({
      associationId, memberId, contributionTypeId: capital.id, date: iso(firstMonth), amount: CAPITAL_PER_MEMBER,
      description: 'Aporte de capital de los socios fundadores',
    }));
    at(day, () => api.recordPayment({ associationId, memberId, date: iso(day), amount: CAPITAL_PER_MEMBER }));
  });
  // The capital is deposited in the cooperative a week later.
  const deposit = addDays(firstMonth, 14);
  post(deposit, 'Depósito del aporte de capital en la cooperativa', [
    ['bank', members.length * CAPITAL_PER_MEMBER],
    ['cash', -members.length * CAPITAL_PER_MEMBER],
  ]);

  // One family leaves after eight months; the rest keep paying.
  const leaver = members[14]!;
  const leaving = lastDayOfMonth(addMonths(firstMonth, 7));
  at(leaving, () => api.memberLeaves({ associationId, memberId: leaver, leftOn: iso(addDays(leaving, 1)), reason: 'Se mudó a Andahuaylas' }));

  let previousSale: { monthName: string; amount: number } | null = null;
  for (let month = 0; month < 12; month += 1) {
    const start = addMonths(firstMonth, month);
    const day = (n: number) => new Date(start.getFullYear(), start.getMonth(), n);
    const monthName = format(start, 'MM/yyyy');
    const period = format(start, 'yyyy-MM');
    at(day(1), () => api.generateDues({
      associationId, contributionTypeId: dues.id, period, date: iso(day(1)), dueDate: iso(lastDayOfMonth(start)),
    }));
    // Most families pay in the month, a few late or in part; the last months leave some arrears.
    members.forEach((memberId) => {
      if (memberId === leaver && month > 7) return;
      const roll = random();
      if (roll < 0.75) {
        const paid = day(between(3, 25));
        at(paid, () => api.recordPayment({ associationId, memberId, date: iso(paid), amount: dues.defaultAmount ?? 1_000 }));
      }
      else if (roll < 0.85 && month < 11) {
        const later = addDays(lastDayOfMonth(start), between(5, 20));
        at(later, () => api.recordPayment({ associationId, memberId, date: iso(later), amount: 2 * (dues.defaultAmount ?? 1_000) }));
      }
    });

    if (previousSale) {
      // The municipality pays the previous month's milk around mid-month.
      post(day(15), `Cobro a la Municipalidad Distrital de Chincheros, leche ${previousSale.monthName}`, [
        ['bank', previousSale.amount],
        ['receivable_customers', -previousSale.amount],
      ]);
    }
    const litres = between(2_800, 3_600);
    const sale = multiplyQuantity(MILK_PRICE_PER_LITRE, litres * 1000);
    post(day(28), `Entrega de leche al Programa Vaso de Leche ${monthName}: ${litres} L`, [
      ['receivable_customers', sale],
      ['sales_products', -sale],
    ]);
    previousSale = { monthName, amount: sale };
    const feed = between(30, 60) * 1_000;
    post(day(10), 'Compra de alimento balanceado y sales minerales (transferencia)', [
      ['purchases_supplies', feed],
      ['bank', -feed],
    ]);
    if (month % 3 === 1) {
      const transport = between(8, 15) * 1_000;
      post(day(20), 'Flete de porongos a la planta', [
        ['transport_expense', transport],
        ['cash', -transport],
      ]);
    }
  }

  // Credit from the cooperative: a loan for a milk cooling tank, bought three days later, then
  // monthly instalments of capital plus interest on what is still owed (S/ 2,000.00 left at year end).
  const loanDay = addDays(addMonths(firstMonth, 1), 5);
  post(loanDay, 'Préstamo de la CAC Los Andes para el tanque de enfriamiento', [['bank', LOAN], ['loans_payable', -LOAN]]);
  post(addDays(loanDay, 3), 'Compra de tanque de enfriamiento de leche de 1,000 L (Factura E001-482)', [
    ['equipment', COOLING_TANK], ['bank', -COOLING_TANK],
  ]);
  let owed = LOAN;
  for (let month = 2; month < 12; month += 1) {
    const interest = percentOf(owed, LOAN_MONTHLY_RATE_BP);
    post(addDays(addMonths(firstMonth, month), 5), `Cuota ${month - 1} del préstamo de la CAC Los Andes`, [
      ['loans_payable', LOAN_INSTALMENT], ['financial_expense', interest], ['bank', -(LOAN_INSTALMENT + interest)],
    ]);
    owed -= LOAN_INSTALMENT;
  }

  // An assembly missed: two fines; one is paid in cash, the other with a work day on the canal.
  const assembly = addMonths(firstMonth, 4);
  const [finedA, finedB] = [members[6]!, members[11]!];
  let fineB = 0;
  at(assembly, () => {
    api.createCharge({ associationId, memberId: finedA, contributionTypeId: fine.id, date: iso(assembly), amount: FINE, description: 'Multa por inasistencia a la asamblea' });
    fineB = api.createCharge({ associationId, memberId: finedB, contributionTypeId: fine.id, date: iso(assembly), amount: FINE, description: 'Multa por inasistencia a la asamblea' }).id;
  });
  const workDay = addDays(assembly, 6);
  at(workDay, () => api.recordInKindContribution({
    associationId, memberId: finedB, contributionTypeId: faena.id, date: iso(workDay),
    description: 'Faena de limpieza del canal', quantity: 1_000, unit: 'jornal', value: FINE, chargeId: fineB,
  }));
  const finePaid = addDays(assembly, 9);
  at(finePaid, () => api.recordPayment({ associationId, memberId: finedA, date: iso(finePaid), amount: FINE }));

  actions.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  for (const action of actions) action.run();
  return { id: associationId, created: true };
}
