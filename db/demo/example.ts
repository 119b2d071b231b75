import { addDays, addMonths, format, lastDayOfMonth, nextSunday, startOfMonth, subMonths } from 'date-fns';
import type { LedgerApi } from '../api';
import { multiplyQuantity, percentOf } from '../../shared/money';
import type { PurchaseView } from '../../shared/operations/purchases';
import type { SaleView } from '../../shared/operations/sales';
import { seededRandom } from './random';

// The example association people open from the first-run wizard: a milk
// producers' association of twenty families with a year of ordinary life —
// capital contributions, monthly dues, receipts, a fine paid with a work day,
// milk sold to the municipality, feed bought from the agroveterinaria (some on
// credit), freight, a cooling tank, cheese sold at three fairs — all through
// the same API a treasurer's screens use. Fixed seed: the same figures every time.

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
const IGV_BP = 1_800; // 18 % on the suppliers' facturas
const FEED_SACK = 50_000; // 50 kg, in thousandths
const FEED_PRICE = 180; // S/ 1.80 per kg at the agroveterinaria
const MINERALS = 4_500; // S/ 45.00: a bag of mineral salts, used up as bought
/** Months whose feed is bought on credit: paid in two parts; the last month's is still owed at year end. */
const FEED_ON_CREDIT: readonly number[] = [4, 8, 11];
/** The tank's factura: S/ 9,322.03 + IGV 1,677.97 (18 %) = S/ 11,000.00, COOLING_TANK. */
const TANK_VALUE = 932_203;
const CHEESE_COST = 1_200; // S/ 12.00 per kg paid to the families who make it
const CHEESE_PRICE = 1_800; // S/ 18.00 per kg at the fair
const CHEESE_BUYER_PRICE = 1_650; // to the restaurant, which takes what the fair left
const FAIR_MONTHS: readonly number[] = [3, 6, 9];

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

  const [cash, bank] = [byRole('cash'), byRole('bank')];

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

  // The register: the products the store holds and the parties the association trades with.
  const dairy = api.createProductLine({ associationId, name: 'Lácteos' }).id;
  const feed = api.createProduct({ associationId, name: 'Alimento balanceado lechero', unit: 'kg', category: 'supply', productLineId: dairy }).id;
  const cheese = api.createProduct({
    associationId, name: 'Queso fresco', unit: 'kg', category: 'product', productLineId: dairy, salePrice: CHEESE_PRICE,
  }).id;
  const party = (name: string, kind: 'supplier' | 'buyer', documentType: 'ruc' | 'dni', documentNumber: string, district: string, phone?: string) =>
    api.createParty({ associationId, name, kind, documentType, documentNumber, district, phone }).id;
  const agrovet = party('Agroveterinaria El Establo E.I.R.L.', 'supplier', 'ruc', '20491638274', 'Chincheros', '083 452 118');
  const carrier = party('Hilario Cárdenas Soto', 'supplier', 'dni', '31287456', 'Uripa', '983 451 207'); // owns the truck
  const tankVendor = party('Frío Inox Perú S.A.C.', 'supplier', 'ruc', '20603715480', 'Ate');
  const restaurant = party('Restaurante Campestre El Molino', 'buyer', 'ruc', '10314628051', 'Chincheros', '966 210 534');
  // Two families make the cheese the association sells: linked to their padrón entry, not copied.
  const makers = [members[9]!, members[16]!].map((memberId) => api.partyForMember({ associationId, memberId, kind: 'supplier' }).id);

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
    // Feed from the agroveterinaria on the 10th (the first month's once the capital is in the bank), a
    // factura with IGV: paid by transfer, or on credit and paid in two parts (half on the 25th, the rest
    // on the 8th of the next month).
    const sacks = between(3, 6);
    const feedDay = month === 0 ? addDays(deposit, 1) : day(10);
    const onCredit = FEED_ON_CREDIT.includes(month);
    let bought: PurchaseView | undefined;
    at(feedDay, () => {
      const subtotal = multiplyQuantity(FEED_PRICE, sacks * FEED_SACK) + MINERALS;
      bought = api.recordPurchase({
        associationId, date: iso(feedDay), partyId: agrovet, documentKind: 'factura',
        documentNumber: `F001-${String(2_310 + month * 41).padStart(6, '0')}`, igv: percentOf(subtotal, IGV_BP),
        lines: [
          { productId: feed, quantity: sacks * FEED_SACK, unitPrice: FEED_PRICE, category: 'stock' },
          { description: 'Sales minerales para ganado lechero (bolsa de 25 kg)', amount: MINERALS, category: 'supplies_consumed' },
        ],
        ...(onCredit ? { payment: 'credit', dueDate: iso(addDays(feedDay, 30)) } : { payment: 'cash', accountId: bank }),
      });
    });
    if (onCredit && month < 11) {
      const part = day(25);
      at(part, () => api.paySupplier({
        associationId, partyId: agrovet, date: iso(part), amount: Math.floor(bought!.total / 200) * 100, accountId: bank, purchaseIds: [bought!.id],
      }));
      const rest = addDays(lastDayOfMonth(start), 8);
      at(rest, () => api.paySupplier({
        associationId, partyId: agrovet, date: iso(rest), amount: api.getPurchase({ purchaseId: bought!.id }).open, accountId: bank,
        purchaseIds: [bought!.id],
      }));
    }
    // Nine tenths of the feed in the store goes to the demonstration herd by the month's end.
    const monthEnd = lastDayOfMonth(start);
    at(monthEnd, () => {
      const used = Math.floor((api.getProduct({ productId: feed }).onHand * 9) / 10_000) * 1_000;
      api.recordStockAdjustment({
        associationId, productId: feed, date: iso(monthEnd), quantity: -used, reason: 'own_use', note: 'Alimento para el módulo demostrativo',
      });
    });
    if (month % 3 === 1) {
      const transport = between(8, 15) * 1_000;
      const freightDay = day(20);
      at(freightDay, () => api.recordPurchase({
        associationId, date: iso(freightDay), partyId: carrier, documentKind: 'none', payment: 'cash', accountId: cash, productLineId: dairy,
        lines: [{ description: 'Flete de porongos a la planta', amount: transport, category: 'transport' }],
      }));
    }
  }

  // Three fairs, on the second Sunday: the makers bring their cheese on the Saturday (paid from the
  // caja), the fair's small sales are typed in one grid, and the restaurant takes what is left on
  // credit the next day and pays it in cash two weeks later. A stream of its own keeps the dues' draws.
  const fairRandom = seededRandom(20_240_602);
  const fairBetween = (low: number, high: number) => low + Math.floor(fairRandom() * (high - low + 1));
  for (const month of FAIR_MONTHS) {
    const sunday = nextSunday(addDays(addMonths(firstMonth, month), 6));
    const saturday = addDays(sunday, -1);
    for (const maker of makers) {
      const kilos = fairBetween(11, 14) * 1_000;
      at(saturday, () => api.recordPurchase({
        associationId, date: iso(saturday), partyId: maker, documentKind: 'none', payment: 'cash', accountId: cash,
        lines: [{ productId: cheese, quantity: kilos, unitPrice: CHEESE_COST, category: 'stock' }],
      }));
    }
    // At most 8 × 2.5 kg of the 22 kg or more brought: the restaurant always has some left to take.
    const sales = Array.from({ length: fairBetween(6, 8) }, (_, n) => ({
      lines: [{ productId: cheese, quantity: fairBetween(2, 5) * 500 }], ...(n % 3 === 0 ? { notaVenta: true } : {}),
    }));
    at(sunday, () => api.recordFairSales({ associationId, date: iso(sunday), accountId: cash, sales }));
    const monday = addDays(sunday, 1);
    const payday = addDays(monday, 15);
    let sale: SaleView | undefined;
    at(monday, () => {
      sale = api.recordSale({
        associationId, date: iso(monday), partyId: restaurant, documentKind: 'nota_venta', payment: 'credit', dueDate: iso(payday),
        lines: [{ productId: cheese, quantity: api.getProduct({ productId: cheese }).onHand, unitPrice: CHEESE_BUYER_PRICE }],
      });
    });
    at(payday, () => api.collectSale({
      associationId, partyId: restaurant, date: iso(payday), amount: sale!.total, accountId: cash, saleIds: [sale!.id],
    }));
  }

  // Credit from the cooperative: a loan for a milk cooling tank, bought three days later, then
  // monthly instalments of capital plus interest on what is still owed (S/ 2,000.00 left at year end).
  const loanDay = addDays(addMonths(firstMonth, 1), 5);
  post(loanDay, 'Préstamo de la CAC Los Andes para el tanque de enfriamiento', [['bank', LOAN], ['loans_payable', -LOAN]]);
  const tankDay = addDays(loanDay, 3);
  at(tankDay, () => api.recordPurchase({
    associationId, date: iso(tankDay), partyId: tankVendor, documentKind: 'factura', documentNumber: 'E001-482',
    payment: 'cash', accountId: bank, productLineId: dairy, igv: COOLING_TANK - TANK_VALUE,
    lines: [{ description: 'Tanque de enfriamiento de leche de 1,000 L', amount: TANK_VALUE, category: 'equipment' }],
  }));
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
