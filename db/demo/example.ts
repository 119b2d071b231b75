import { addMonths, format, startOfMonth, subMonths } from 'date-fns';
import type { LedgerApi } from '../api';
import { multiplyQuantity } from '../../shared/money';

// The example association people open from the first-run wizard: a milk
// producers' association with a year of ordinary activity, posted through the
// same API a treasurer's screens use. Fixed seed: the same figures every time.

export const EXAMPLE_ASSOCIATION = {
  name: "Asociación de Productores Lecheros Sumaq Q'oy",
  ruc: '20131312955',
  legalForm: 'asociacion',
  ubigeo: '030601',
  address: 'Anexo Cotahuacho s/n',
  mainProducts: ['Leche fresca', 'Queso'],
  registryEntry: 'Partida 11004567',
} as const;

const MEMBERS = 20;
const MONTHLY_DUE = 1_000; // S/ 10.00
const CAPITAL_PER_MEMBER = 10_000; // S/ 100.00
const MILK_PRICE_PER_LITRE = 160; // S/ 1.60

/** Deterministic pseudo-random numbers (mulberry32), so the example never changes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Opens the example association, creating it on first use. Its year ends with
 * the month before `today`, so the screens show recent activity.
 */
export function openExampleAssociation(api: LedgerApi, today: Date): { id: number; created: boolean } {
  const existing = api.listAssociations({}).find((a) => a.ruc === EXAMPLE_ASSOCIATION.ruc && a.name === EXAMPLE_ASSOCIATION.name);
  if (existing) return { id: existing.id, created: false };

  const { id: associationId } = api.createAssociation({ ...EXAMPLE_ASSOCIATION, mainProducts: [...EXAMPLE_ASSOCIATION.mainProducts] });
  const accounts = api.listAccounts({ associationId });
  const byRole = (role: string): number => {
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`example: no account with role ${role}`);
    return account.id;
  };
  const random = seededRandom(20_240_601);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  // Entries are drafted month by month, then posted in date order so the
  // correlative numbers follow the calendar, as in a real book.
  const drafts: { date: string; description: string; lines: [string, number][] }[] = [];
  const post = (date: Date, description: string, lines: [string, number][]) =>
    drafts.push({ date: format(date, 'yyyy-MM-dd'), description, lines });

  const firstMonth = startOfMonth(subMonths(today, 12));
  post(firstMonth, 'Aportes de capital de los socios fundadores, depositados en la cooperativa', [
    ['bank', MEMBERS * CAPITAL_PER_MEMBER],
    ['member_capital_contributions', -MEMBERS * CAPITAL_PER_MEMBER],
  ]);
  let previousSale: { monthName: string; amount: number } | null = null;
  for (let month = 0; month < 12; month += 1) {
    const start = addMonths(firstMonth, month);
    const day = (n: number) => new Date(start.getFullYear(), start.getMonth(), n);
    const monthName = format(start, 'MM/yyyy');
    const payers = between(MEMBERS - 5, MEMBERS);
    post(day(5), `Cuotas ordinarias ${monthName} (${payers} socios)`, [
      ['cash', payers * MONTHLY_DUE],
      ['dues_income', -payers * MONTHLY_DUE],
    ]);
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
    if (month % 4 === 2) {
      const fines = between(1, 3) * 2_000;
      post(day(12), 'Multas por inasistencia a la asamblea', [
        ['cash', fines],
        ['fines_income', -fines],
      ]);
    }
  }
  drafts.sort((a, b) => a.date.localeCompare(b.date)); // stable: same-day entries keep their order
  for (const draft of drafts) {
    api.postEntry({
      associationId,
      date: draft.date,
      description: draft.description,
      lines: draft.lines.map(([role, amount]) => ({ accountId: byRole(role), amount })),
    });
  }
  return { id: associationId, created: true };
}
