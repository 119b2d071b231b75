import type { LedgerApi } from '../api';
import { addDays } from '../../shared/dates';
import { legalEntityRucFor as rucFor } from '../../shared/peru/ruc';
import type { LedgerDatabase } from '../storage/open';
import { bulkWrite } from '../storage/write';
import { seededRandom } from './random';
import { openTrade } from './trade';
import { openMilkContract, type MilkContractCalendar } from './contracts';

// Data at the scale of a district: several milk associations over several years,
// daily milk collection included, for `npm run bench` and for trying Khipu on a
// big file. Everything is posted through the engine's API operations (the same
// checks, triggers and audit log as a treasurer's screens); each association is
// built as ONE bulk write (db/storage/write.ts): the operations run inside one
// transaction without a savepoint each, and a million lines pay ten fsyncs.
//
// A day in an association:
//   - milk collection: ONE acopio sheet (recordAcopioDay: one entry, Dr raw materials 241 /
//     Cr 4419 per delivering member, and the litres into the store at the members' price);
//   - `entriesPerDay` other entries: cheese sold for cash, feed and supplies, freight,
//     quality tests, deposits; on Sundays the week's milk is sold to the plant on credit
//     (recordSale, out of the store at weighted average cost), which pays every other
//     Wednesday (collectSale);
//   - the 1st: the month's dues (generateDues); members pay them with a numbered
//     receipt (recordPayment) on a day of the month, most of them;
//   - the 15th and the last day: the fortnight's acopio is settled (settleAcopioPeriod: a
//     liquidación per member, less the levy per litre) and paid from the bank with a payment
//     voucher per member (paySettlements);
//   - trade (./trade.ts), as documents: the week's cheese and yogurt bought from member
//     makers on Saturdays, sold at the Sunday fair and on credit to two fixed buyers who pay
//     on Fridays; feed on credit with a factura and IGV, paid to the mill in parts; medicines,
//     freight and day labour paid at once; stock used and spoiled; oat seed bought jointly
//     for some members twice a year, each charged her share.

export interface DistrictOptions {
  associations: number;
  membersPerAssociation: number;
  /** Whole years of activity from `startDate` (365 or 366 days each). */
  years: number;
  /** Entries besides the milk collection, per day and association. */
  entriesPerDay: number;
  seed?: number;
  /** First day of activity, yyyy-mm-dd (default 2016-01-01). */
  startDate?: string;
  /**
   * Close each fiscal year once its last day's entries are in (closeFiscalYear on the next year's first
   * day), as an association's accountant would: the reports then run with closings present. The API's
   * clock must be past those years (the bench's is); off by default.
   */
  closeYears?: boolean;
}

export interface DistrictCounts {
  associationIds: number[];
  members: number;
  days: number;
  /** Posted entries and their lines, as counted in the file afterwards. */
  entries: number;
  lines: number;
  receipts: number;
  collections: number;
  /** Trade documents, as counted in the file afterwards. */
  purchases: number;
  sales: number;
  paymentVouchers: number;
  saleCollections: number;
  firstDate: string;
  lastDate: string;
}

const GIVEN_F = [
  'Rosa', 'Tika', 'Misky', 'María', 'Yolanda', 'Killa', 'Nayra', 'Sisa', 'Hilda', 'Ccori', 'Modesta', 'Paulina',
  'Juana', 'Sumaq', 'Teófila', 'Florencia', 'Inés', 'Wayta', 'Anccori', 'Marcelina',
] as const;
const GIVEN_M = [
  'Juan', 'Wayra', 'Inti', 'Alejandro', 'Teodoro', 'Efraín', 'Saturnino', 'Yupanqui', 'Amaru', 'Lucio', 'Mauro',
  'Kusi', 'Celestino', 'Hilario', 'Apolinar', 'Waman',
] as const;
const SURNAMES = [
  'Quispe', 'Huamán', 'Mamani', 'Condori', 'Ayme', 'Ñahui', 'Cusi', 'Palomino', 'Taipe', 'Llamocca', 'Ccente',
  'Chávez', 'Rojas', 'Mendoza', 'Núñez', 'Gutiérrez', 'Arone', 'Pariona', 'Bautista', 'Anccasi', 'Escalante',
  'Huarcaya', "Q'oyllo", 'Sulca', 'Rupay', 'Huillca', 'Cconislla', 'Ccahuana',
] as const;
const COMMUNITIES = ['Cotahuacho', 'Ccochaccasa', 'Huancaray', 'Pampahuasi', 'Ccollpa', 'Uripa'] as const;
/** Districts of Chincheros (Apurímac): an ODEL file spans several. */
const UBIGEOS = ['030601', '030602', '030603', '030605', '030606', '030610'] as const;
const MILK_PRICE = 130; // céntimos per litre paid to members
const PLANT_PRICE = 165; // céntimos per litre paid by the plant
const MILK_LEVY = 5; // céntimos per litre the association keeps (retención por litro)

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function lastDayOfMonth(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
}

/** Builds `options.associations` associations, each in one transaction; deterministic for a seed. */
export function generateDistrict(api: LedgerApi, db: LedgerDatabase, options: DistrictOptions): DistrictCounts {
  const seed = options.seed ?? 20_160_101;
  const startDate = options.startDate ?? '2016-01-01';
  const endExclusive = `${String(Number(startDate.slice(0, 4)) + options.years).padStart(4, '0')}${startDate.slice(4)}`;
  const days = daysBetween(startDate, endExclusive);
  const associationIds: number[] = [];
  let receipts = 0;
  let collections = 0;
  for (let index = 0; index < options.associations; index += 1) {
    const built = bulkWrite(db, () =>
      generateAssociation(api, { ...options, index, seed: seed + index * 7_919, startDate, days }),
    );
    associationIds.push(built.associationId);
    receipts += built.receipts;
    collections += built.collections;
  }
  const placeholders = associationIds.map(() => '?').join(',');
  const counted = db
    .prepare(
      `SELECT COUNT(DISTINCT e.id) AS entries, COUNT(*) AS lines FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
        WHERE e.posted = 1 AND e.association_id IN (${placeholders || 'NULL'})`,
    )
    .get(...associationIds) as { entries: number; lines: number };
  const documents = (table: string) => (db
    .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE association_id IN (${placeholders || 'NULL'})`)
    .get(...associationIds) as { n: number }).n;
  return {
    associationIds, members: options.associations * options.membersPerAssociation, days,
    entries: counted.entries, lines: counted.lines, receipts, collections,
    purchases: documents('purchases'), sales: documents('sales'), paymentVouchers: documents('payment_vouchers'),
    saleCollections: documents('sale_collections'),
    firstDate: startDate, lastDate: addDays(startDate, days - 1),
  };
}

function generateAssociation(
  api: LedgerApi,
  options: DistrictOptions & { index: number; seed: number; startDate: string; days: number },
): { associationId: number; receipts: number; collections: number } {
  const random = seededRandom(options.seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const number = String(options.index + 1).padStart(2, '0');
  const community = COMMUNITIES[options.index % COMMUNITIES.length]!;
  const { id: associationId } = api.createAssociation({
    name: `Asociación de Productores Lecheros ${community} N° ${number}`,
    legalForm: options.index % 4 === 3 ? 'cooperativa' : 'asociacion',
    ubigeo: UBIGEOS[options.index % UBIGEOS.length]!,
    address: `Comunidad campesina de ${community} s/n`,
    mainProducts: ['Leche fresca', 'Queso'],
  });
  const accounts = api.listAccounts({ associationId });
  const role = (name: string): number => {
    const account = accounts.find((a) => a.role === name);
    if (!account) throw new Error(`generator: no account with role ${name}`);
    return account.id;
  };
  const [cash, bank, supplies, transport, services, bankFees] = [
    role('cash'), role('bank'), role('purchases_supplies'), role('transport_expense'), role('services_expense'), role('bank_fees'),
  ];

  const founding = addDays(options.startDate, -30);
  const startYear = Number(options.startDate.slice(0, 4)); // members are adults when the association is founded
  const members: { id: number; litres: number; reliability: number }[] = [];
  for (let m = 0; m < options.membersPerAssociation; m += 1) {
    const woman = random() < 0.55;
    const member = api.createMember({
      associationId,
      dni: String(40_000_000 + options.index * 10_000 + m * 13 + between(0, 12)).padStart(8, '0'),
      givenNames: woman ? pick(random, GIVEN_F) : pick(random, GIVEN_M),
      surnames: `${pick(random, SURNAMES)} ${pick(random, SURNAMES)}`,
      sex: woman ? 'F' : 'M',
      community,
      birthDate: `${between(startYear - 62, startYear - 18)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
      joinedOn: founding,
    });
    members.push({ id: member.id, litres: between(6, 35), reliability: 0.75 + random() * 0.2 });
  }
  if (members[0]) api.assignOfficerPost({ associationId, memberId: members[0].id, post: 'presidente', termStart: founding });
  if (members[1]) api.assignOfficerPost({ associationId, memberId: members[1].id, post: 'tesorero', termStart: founding });
  const { types } = api.seedDefaultContributionTypes({ associationId });
  const dues = types.find((t) => t.kind === 'ordinary_due');
  if (!dues) throw new Error('generator: no ordinary due type');
  const duesAmount = dues.defaultAmount ?? 1_000;
  // Acopio: fresh milk bought from the members at MILK_PRICE, less the levy per litre, sold to the plant.
  const milk = api.createProduct({ associationId, name: 'Leche fresca', unit: 'l', category: 'raw_material' }).id;
  api.setAcopioPrice({ associationId, productId: milk, validFrom: founding, price: MILK_PRICE });
  const levy = api.createContributionType({
    associationId, kind: 'levy_per_unit', name: 'Retención por litro de acopio', unit: 'litro', amountPerUnit: MILK_LEVY,
  });
  api.setAcopioLevy({ associationId, productId: milk, levyTypeId: levy.id, validFrom: founding });
  const plant = api.createParty({
    associationId, name: `Planta Quesera ${community} SAC`, kind: 'buyer', documentType: 'ruc',
    documentNumber: rucFor(10_777_000 + options.index),
  }).id;
  let periodStart = options.startDate;
  // Every other association sells milk to its municipality's Vaso de Leche under a yearly contract.
  const municipality = options.index % 2 === 0
    ? api.createParty({ associationId, name: `Municipalidad Distrital de ${community}`, kind: 'public_entity', documentType: 'none', documentNumber: null }).id
    : null;
  let contracts: MilkContractCalendar[] = [];

  let customers = 0;
  let weekLitres = 0;
  let cashBalance = 0;
  let bankBalance = 0;
  let receipts = 0;
  let collections = 0;
  let paydays = new Map<number, number[]>();
  // A day's entries go in one postEntries batch (the documented bulk path: the same checks and
  // triggers per entry); payments and dues keep their own operations, which number receipts.
  type DayEntry = { date: string; description: string; lines: { accountId: number; amount: number; memberId?: number; memo?: string }[] };
  let day: DayEntry[] = [];
  const post = (date: string, description: string, lines: DayEntry['lines']) => {
    day.push({ date, description, lines });
  };
  const flush = () => {
    if (day.length > 0) api.postEntries({ associationId, entries: day });
    day = [];
  };
  // Working capital: a loan from the savings and credit cooperative, the day the books open.
  const loan = 40_000 * options.membersPerAssociation;
  bankBalance += loan;
  post(options.startDate, 'Préstamo de la CAC Los Andes para capital de trabajo', [
    { accountId: bank, amount: loan }, { accountId: role('loans_payable'), amount: -loan },
  ]);
  flush();
  const trade = openTrade({ api, associationId, index: options.index, members, random, accounts: { cash, bank } });

  for (let dayIndex = 0; dayIndex < options.days; dayIndex += 1) {
    const date = addDays(options.startDate, dayIndex);
    const dayOfMonth = Number(date.slice(8, 10));
    const monthEnd = lastDayOfMonth(date);

    // The year that ended yesterday is closed before anything is posted in the new one.
    if (options.closeYears && dayIndex > 0 && date.slice(5) === '01-01') {
      api.closeFiscalYear({ associationId, fiscalYear: Number(date.slice(0, 4)) - 1 });
    }
    if (dayOfMonth === 1) {
      api.generateDues({ associationId, contributionTypeId: dues.id, period: date.slice(0, 7), date });
      // Who pays this month's due, and on which day; a few pay nothing and fall into arrears.
      paydays = new Map();
      for (const member of members) {
        if (random() < 0.82) {
          const payday = between(2, Math.min(25, monthEnd));
          paydays.set(payday, [...(paydays.get(payday) ?? []), member.id]);
        }
      }
    }
    for (const memberId of paydays.get(dayOfMonth) ?? []) {
      // Now and then a member pays three months ahead: the credit settles her next dues as they are generated.
      const amount = random() < 0.04 ? 3 * duesAmount : duesAmount;
      api.recordPayment({ associationId, memberId, date, amount });
      cashBalance += amount;
      receipts += 1;
    }
    // Now and then a member with credit in favour takes it back in cash (she is moving away).
    if (dayOfMonth === 20) {
      const withCredit = api.memberPositions({ associationId, asOf: date }).rows.find((row) => row.creditAvailable > 0);
      if (withCredit && random() < 0.3 && cashBalance > withCredit.creditAvailable) {
        api.refundCredit({ associationId, memberId: withCredit.memberId, date, amount: withCredit.creditAvailable, reason: 'Se muda a otra comunidad' });
        cashBalance -= withCredit.creditAvailable;
      }
    }

    // Milk collection: the day's acopio sheet, a row per member who delivered today.
    const delivered: { memberId: number; quantity: number }[] = [];
    let litresTotal = 0;
    for (const member of members) {
      if (random() > member.reliability) continue;
      const litres = Math.max(1, member.litres + between(-4, 4));
      litresTotal += litres;
      delivered.push({ memberId: member.id, quantity: litres * 1_000 });
    }
    if (delivered.length > 0) {
      api.recordAcopioDay({ associationId, productId: milk, date, rows: delivered });
      collections += 1;
    }

    // The week's milk goes to the plant on Sundays; the plant pays what it owes every other Wednesday.
    weekLitres += litresTotal;
    // The municipality's contract: signed in the first days of each year; its documents fall on their own
    // days, and a delivery takes the milk of the week so far (the rest goes to the plant on Sunday).
    if (municipality !== null) {
      const month = Number(date.slice(5, 7));
      const firstMonth = dayOfMonth <= 3 ? month : month + 1;
      const year = Number(date.slice(0, 4));
      if ((dayIndex === 0 || date.slice(5) === '01-01') && firstMonth <= 12) {
        contracts = [...contracts.slice(-1), openMilkContract(api, associationId, year, {
          productId: milk, partyId: municipality, firstMonth, litresPerMonth: 1_500, accountId: bank,
          number: `CONTRATO N° ${String(10 + options.index).padStart(3, '0')}-${year}-MD`,
        })];
      }
      for (const contract of contracts) weekLitres -= contract.day(date, weekLitres * 1_000) / 1_000;
    }

    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 && weekLitres > 0) {
      const sale = api.recordSale({
        associationId, date, partyId: plant, documentKind: 'none', payment: 'credit', dueDate: addDays(date, 15),
        lines: [{ productId: milk, quantity: weekLitres * 1_000, unitPrice: PLANT_PRICE }],
        note: 'Leche fresca a la planta quesera (crédito a 15 días)',
      });
      customers += sale.total;
      weekLitres = 0;
    }
    if (weekday === 3 && dayIndex % 14 < 7 && customers > 0) {
      const paid = customers;
      customers = 0;
      bankBalance += paid;
      api.collectSale({ associationId, partyId: plant, date, amount: paid, accountId: bank, note: 'Transferencia de la planta quesera' });
    }

    // The day's trade documents (purchases, fair and credit sales, payments, collections).
    const traded = trade.day(date, { cash: cashBalance, bank: bankBalance });
    cashBalance += traded.cash;
    bankBalance += traded.bank;
    receipts += traded.receipts;

    for (let n = 0; n < options.entriesPerDay; n += 1) {
      const kind = between(0, 9);
      if (kind <= 3) {
        continue; // cheese is sold, and feed bought, through the trade documents above
      } else if (kind <= 5 && bankBalance > 100_000) {
        const amount = between(5_000, 40_000);
        bankBalance -= amount;
        post(date, 'Combustible y lubricantes para el grupo electrógeno', [{ accountId: supplies, amount }, { accountId: bank, amount: -amount }]);
      } else if (kind === 6 && cashBalance > 15_000) {
        const amount = between(1_000, 15_000);
        cashBalance -= amount;
        post(date, 'Flete de porongos a la planta', [{ accountId: transport, amount }, { accountId: cash, amount: -amount }]);
      } else if (kind === 7) {
        const amount = between(500, 9_000);
        const fee = between(50, 400);
        bankBalance -= amount + fee;
        post(date, 'Análisis de calidad de leche; comisión bancaria', [
          { accountId: services, amount }, { accountId: bankFees, amount: fee }, { accountId: bank, amount: -(amount + fee) },
        ]);
      } else {
        const amount = Math.min(between(10_000, 60_000), Math.max(cashBalance - 5_000, 0));
        if (amount > 0) {
          cashBalance -= amount;
          bankBalance += amount;
          post(date, 'Depósito de caja en la cuenta de la cooperativa', [{ accountId: bank, amount }, { accountId: cash, amount: -amount }]);
        } else {
          const other = between(1_000, 5_000);
          bankBalance -= other;
          post(date, 'Útiles de limpieza para la sala de acopio', [{ accountId: supplies, amount: other }, { accountId: bank, amount: -other }]);
        }
      }
    }

    // The fortnight's acopio is settled (a liquidación per member, less the levy per litre; her
    // dues are paid with receipts of their own) and paid from the bank by payment vouchers.
    flush();
    if (dayOfMonth === 15 || dayOfMonth === monthEnd) {
      const settled = api.listAcopioDays({ associationId, productId: milk, from: periodStart, to: date, status: 'valid', limit: 1 }).length > 0
        ? api.settleAcopioPeriod({ associationId, from: periodStart, to: date, deductCharges: false })
        : null;
      periodStart = addDays(date, 1);
      const owed = settled?.settlements.filter((s) => s.net > 0) ?? [];
      if (owed.length > 0) {
        const paid = api.paySettlements({ associationId, settlementIds: owed.map((s) => s.id), date, accountId: bank });
        bankBalance -= paid.total;
      }
    }
  }
  return { associationId, receipts, collections };
}
