import type { LedgerApi } from '../api';
import type { LedgerDatabase } from '../storage/open';
import { seededRandom } from '../demo/random';
import { openTrade, type GeneratedTrade } from './dataset-trade';

// A generated association for checking Khipu's sums against hledger: two years
// of ordinary activity posted through the engine's API, from a fixed seed, so
// the same file comes out every time. Used by the tests only. Raw entries (postEntry)
// beside the trade documents of ./dataset-trade.ts (purchases, payments, sales, stock).

function isoDay(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface GeneratedBooks {
  associationId: number;
  /** Posted entries in the file: raw ones, their reversals and every entry the documents posted. */
  entries: number;
  /** Raw entries posted with postEntry, and reversals of them. */
  rawEntries: number;
  reversals: number;
  trade: GeneratedTrade;
  firstDate: string;
  lastDate: string;
}

/**
 * Posts about `perDay` × 730 raw entries from `start` (capital, dues, sales on credit and their
 * collection, purchases, expenses, a cooperative loan and its instalments, bank movements,
 * multi-line entries) and reverses about one in thirty; beside them, each day's trade documents
 * through their operations (a second stream from the same seed). Runs in one transaction.
 */
export function generateBooks(
  db: LedgerDatabase,
  api: LedgerApi,
  options: { name: string; ubigeo?: string; seed?: number; start?: string; days?: number; perDay?: number },
): GeneratedBooks {
  return db.transaction(() => {
    const random = seededRandom(options.seed ?? 20_250_101);
    const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
    const start = options.start ?? '2024-01-01';
    const days = options.days ?? 730;
    const perDay = options.perDay ?? 4;
    const { id: associationId } = api.createAssociation({
      name: options.name, legalForm: 'asociacion', ubigeo: options.ubigeo ?? '030601', mainProducts: ['Leche', 'Queso'],
    });
    const accounts = api.listAccounts({ associationId });
    const role = (name: string): number => {
      const account = accounts.find((a) => a.role === name);
      if (!account) throw new Error(`dataset: no account with role ${name}`);
      return account.id;
    };
    const line = (name: string, amount: number, memo?: string) => ({ accountId: role(name), amount, memo: memo ?? null });
    let entries = 0;
    let reversals = 0;
    const reversible: { id: number; date: string }[] = [];
    const post = (date: string, description: string, lines: ReturnType<typeof line>[], canReverse = true) => {
      const posted = api.postEntry({ associationId, date, description, lines });
      entries += 1;
      if (canReverse) reversible.push({ id: posted.id, date });
      return posted;
    };

    post(start, 'Aportes de capital de los socios fundadores; depositados en la CAC', [
      line('bank', 2_500_000), line('member_capital_contributions', -2_000_000), line('capital', -500_000),
    ], false);
    post(start, 'Préstamo de la Cooperativa de Ahorro y Crédito  Los Andes (planta de quesos)', [
      line('bank', 10_047_761), line('loans_payable', -10_047_761, 'Crédito N° 0042: TEA 18%; 36 cuotas'),
    ], false);
    post(isoDay(start, 2), 'Compra de tanque de frío', [line('equipment', 3_450_000), line('bank', -3_450_000)], false);

    const trade = openTrade({
      api, associationId, start, random: seededRandom((options.seed ?? 20_250_101) + 1),
      accounts: { cash: role('cash'), bank: role('bank') },
    });
    let loanLeft = 10_047_761;
    let customers = 0;
    let suppliers = 0;
    let membersOwed = 0;
    for (let day = 0; day < days; day += 1) {
      const date = isoDay(start, day);
      const dayOfMonth = Number(date.slice(8, 10));
      if (dayOfMonth === 5) {
        const payers = between(15, 30);
        post(date, `Cuotas ordinarias ${date.slice(0, 7)} (${payers} socios)`, [
          line('cash', payers * 1_000), line('dues_income', -payers * 1_000),
        ]);
      }
      if (dayOfMonth === 20 && loanLeft > 0) {
        const principal = Math.min(loanLeft, between(250_000, 300_000) + between(0, 99));
        const interest = between(90_000, 150_000) + between(0, 99);
        loanLeft -= principal;
        post(date, `Cuota del préstamo CAC Los Andes ${date.slice(0, 7)}`, [
          line('loans_payable', principal), line('financial_expense', interest), line('bank', -(principal + interest)),
        ], false);
      }
      for (let n = 0; n < perDay; n += 1) {
        const kind = between(0, 11);
        const amount = between(500, 250_000);
        switch (kind) {
          case 0: case 1: {
            const sale = amount * 3;
            const levy = Math.floor(sale / 40);
            post(date, 'Venta de leche al Programa Vaso de Leche', [
              line('receivable_customers', sale), line('sales_products', -(sale - levy)), line('levy_income', -levy),
            ]);
            customers += sale;
            break;
          }
          case 2:
            if (customers > 0) {
              const paid = Math.min(customers, amount * 6);
              customers -= paid;
              post(date, 'Cobro a la Municipalidad (transferencia)', [line('bank', paid), line('receivable_customers', -paid)]);
            }
            break;
          case 3:
            post(date, 'Venta de queso en la feria dominical', [line('cash', amount * 2), line('sales_goods', -amount * 2)]);
            break;
          case 4:
            post(date, 'Compra de alimento balanceado al crédito', [line('purchases_supplies', amount), line('payable_suppliers', -amount)]);
            suppliers += amount;
            break;
          case 5:
            if (suppliers > 0) {
              const paid = Math.min(suppliers, amount * 2);
              suppliers -= paid;
              post(date, 'Pago a proveedor: Agroveterinaria "El Rancho"', [line('payable_suppliers', paid), line('bank', -paid)]);
            }
            break;
          case 6:
            post(date, 'Acopio de leche de socios', [line('purchases', amount), line('payable_members', -amount)]);
            membersOwed += amount;
            break;
          case 7:
            if (membersOwed > 0) {
              const paid = Math.min(membersOwed, amount * 2);
              membersOwed -= paid;
              post(date, 'Liquidación a socios por leche entregada', [line('payable_members', paid), line('cash', -paid)]);
            }
            break;
          case 8:
            post(date, 'Flete de porongos; pasajes a Andahuaylas', balanceLast([
              line('transport_expense', amount), line('bank_fees', between(50, 900), 'ITF: 0.005%'), line('cash', 0),
            ]));
            break;
          case 9:
            post(date, 'Depósito de caja en la cuenta corriente', [line('bank', amount), line('cash', -amount)]);
            post(date, 'Retiro de la cuenta de ahorros para caja chica', [line('cash', Math.floor(amount / 3) + 1), line('bank', -(Math.floor(amount / 3) + 1))]);
            break;
          case 10:
            post(date, 'Multas por inasistencia a la faena', [line('receivable_members', amount % 5_000 + 500), line('fines_income', -(amount % 5_000 + 500))]);
            break;
          default:
            post(date, 'Servicio de análisis de calidad y mantenimiento', balanceLast([
              line('services_expense', amount), line('taxes_expense', Math.floor(amount / 2_000) + 1, 'ITF'), line('bank', 0),
            ]));
        }
      }
      trade.day(date);
      // About one entry in thirty is corrected by a reversal a few days later.
      if (reversible.length > 40 && random() < perDay / 30) {
        const index = between(reversible.length - 40, reversible.length - 1);
        const [original] = reversible.splice(index, 1);
        if (original) {
          api.reverseEntry({ entryId: original.id, date, reason: 'Error de digitación; monto equivocado' });
          entries += 1;
          reversals += 1;
        }
      }
    }
    const posted = db.prepare('SELECT COUNT(*) FROM journal_entries WHERE association_id = ? AND posted = 1').pluck().get(associationId);
    return {
      associationId, entries: Number(posted), rawEntries: entries, reversals, trade: trade.parties,
      firstDate: start, lastDate: isoDay(start, days - 1),
    };
  }).immediate();
}

/** Sets the last line so the entry sums to zero. */
function balanceLast<T extends { amount: number }>(lines: T[]): T[] {
  const rest = lines.slice(0, -1).reduce((sum, l) => sum + l.amount, 0);
  const last = lines[lines.length - 1]!;
  return [...lines.slice(0, -1), { ...last, amount: -rest }];
}
