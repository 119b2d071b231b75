import type { LedgerApi } from '../api';
import { addDays } from '../../shared/dates';
import { multiplyByRatio, multiplyQuantity, percentOf } from '../../shared/money';
import { legalEntityRucFor as rucFor } from '../../shared/peru/ruc';

// The association's trade, for the generator (generator.ts calls `day` once per day): it buys its
// members' cheese and yogurt on Saturdays and sells them at the Sunday fair (several small cash sales
// in one recordFairSales) and, on credit, to two fixed buyers who pay on Fridays once due; it buys
// feed on credit with a factura and IGV (stocked, fed to its demonstration herd at the month's end)
// and pays the feed mill in parts; medicines, freight and day labour are paid at once; twice a year it
// buys oat seed for some of its members, who are charged their share and pay it with a receipt.
// Everything goes through the API operations, as a treasurer's screens do; the quantities on hand
// and the amounts open are followed here so that no operation is ever refused (a refusal would roll
// the whole association back: generator.ts builds it in one bulk write).

export interface TradeContext {
  api: LedgerApi;
  associationId: number;
  /** Index of the association in the district: varies names and numbers between associations. */
  index: number;
  members: readonly { id: number }[];
  random: () => number;
  accounts: { cash: number; bank: number };
}

/** What a day's trade did to the caja and the bank (céntimos, signed), and the member receipts it issued. */
export interface TradeDay { cash: number; bank: number; receipts: number }

export interface TradeCalendar {
  day(date: string, balances: { cash: number; bank: number }): TradeDay;
}

const CHEESE_TARGET = 25_000; // kg in thousandths the association keeps for a week's sales
const CHEESE_PRICE = 1_800; // céntimos per kg at the fair
const CHEESE_BUYER_PRICE = 1_650; // to the fixed buyers
const YOGURT_TARGET = 20_000; // litres in thousandths
const YOGURT_PRICE = 700;
const IGV_BASIS_POINTS = 1_800;

const WORKERS = [
  ['Eusebio Ccahuana Rojas', '42118765'], ['Máximo Huillca Taipe', '43307721'], ['Graciela Sulca Pariona', '44980312'],
  ['Fortunato Arone Quispe', '41672209'], ['Dionisia Rupay Condori', '45521876'],
] as const;

export function openTrade(context: TradeContext): TradeCalendar {
  const { api, associationId, random, members } = context;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const lines = api.listProductLines({ associationId });
  const dairy = lines.find((l) => l.name === 'Lácteos')?.id ?? api.createProductLine({ associationId, name: 'Lácteos' }).id;
  const product = (name: string, unit: 'kg' | 'l', category: 'product' | 'supply', salePrice: number | null) =>
    api.createProduct({ associationId, name, unit, category, productLineId: dairy, salePrice }).id;
  const cheese = product('Queso fresco', 'kg', 'product', CHEESE_PRICE);
  const yogurt = product('Yogur natural', 'l', 'product', YOGURT_PRICE);
  const feed = product('Alimento balanceado lechero', 'kg', 'supply', null);
  const supplier = (name: string, ruc: number, district: string) =>
    api.createParty({ associationId, name, kind: 'supplier', documentType: 'ruc', documentNumber: rucFor(ruc), district }).id;
  const mill = supplier('Molino y Alimentos Andahuaylas S.A.C.', 10_452_187, 'Andahuaylas');
  const vet = supplier('Agroveterinaria El Ganadero E.I.R.L.', 10_397_540, 'Chincheros');
  const seeds = supplier('Semillas del Ande S.R.L.', 10_288_013, 'Abancay');
  const freight = api.createParty({
    associationId, name: 'Transportes Señor de Huanca', kind: 'supplier', documentType: 'dni', documentNumber: '31045872', district: 'Uripa',
  }).id;
  const buyers = [
    api.createParty({ associationId, name: 'Restaurante Turístico El Mirador', kind: 'buyer', documentType: 'ruc', documentNumber: rucFor(10_611_294 + context.index), district: 'Andahuaylas' }).id,
    api.createParty({ associationId, name: 'Bodega Doña Justina', kind: 'buyer', documentType: 'dni', documentNumber: String(31_200_000 + context.index * 17).padStart(8, '0'), district: 'Chincheros' }).id,
  ];
  // Three members make cheese and yogurt and sell them to the association: linked parties, never copies.
  const makers = members.slice(2, 5).map((m) => api.partyForMember({ associationId, memberId: m.id, kind: 'supplier' }).id);

  const onHand = new Map<number, number>([[cheese, 0], [yogurt, 0], [feed, 0]]);
  let millOpen = 0;
  const owedBy = new Map<number, { due: string; open: number }[]>(buyers.map((b) => [b, []]));
  const shareDays = new Map<string, { memberId: number; chargeId: number; amount: number }[]>();
  let facturas = 0;
  let boletas = 0;

  return {
    day(date, balances) {
      const moved: TradeDay = { cash: 0, bank: 0, receipts: 0 };
      const cashLeft = () => balances.cash + moved.cash;
      /** Caja when it holds the amount, else the bank. */
      const payFrom = (amount: number): number => {
        if (cashLeft() >= amount) {
          moved.cash -= amount;
          return context.accounts.cash;
        }
        moved.bank -= amount;
        return context.accounts.bank;
      };
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const dayOfMonth = Number(date.slice(8, 10));
      const month = Number(date.slice(5, 7));

      // Saturday: the week's cheese and yogurt from the members who make them, paid at once.
      if (weekday === 6) {
        const wanted = [
          { productId: cheese, short: CHEESE_TARGET - onHand.get(cheese)!, price: between(1_150, 1_350) },
          { productId: yogurt, short: YOGURT_TARGET - onHand.get(yogurt)!, price: between(420, 520) },
        ].filter((w) => w.short >= 1_000);
        for (const [n, want] of wanted.entries()) {
          const quantity = Math.floor(want.short / 500) * 500; // whole half-kilos or half-litres
          const maker = makers[(between(0, makers.length - 1) + n) % makers.length]!;
          const amount = multiplyQuantity(want.price, quantity);
          api.recordPurchase({
            associationId, date, partyId: maker, documentKind: 'none', payment: 'cash', accountId: payFrom(amount),
            lines: [{ productId: want.productId, quantity, unitPrice: want.price, category: 'stock' }],
          });
          onHand.set(want.productId, onHand.get(want.productId)! + quantity);
        }
      }

      // Sunday: the fair, several small cash sales typed in the grid, a few with a nota de venta.
      if (weekday === 0) {
        const sales: { lines: { productId: number; quantity: number; unitPrice?: number }[]; notaVenta?: boolean }[] = [];
        let income = 0;
        for (let n = between(3, 6); n > 0; n -= 1) {
          const saleLines: { productId: number; quantity: number; unitPrice?: number }[] = [];
          const kilos = between(1, 6) * 500;
          if (onHand.get(cheese)! >= kilos) {
            saleLines.push({ productId: cheese, quantity: kilos });
            onHand.set(cheese, onHand.get(cheese)! - kilos);
            income += multiplyQuantity(CHEESE_PRICE, kilos);
          }
          const litres = between(0, 2) * 1000;
          if (litres > 0 && onHand.get(yogurt)! >= litres) {
            saleLines.push({ productId: yogurt, quantity: litres });
            onHand.set(yogurt, onHand.get(yogurt)! - litres);
            income += multiplyQuantity(YOGURT_PRICE, litres);
          }
          if (saleLines.length > 0) sales.push({ lines: saleLines, ...(random() < 0.2 ? { notaVenta: true } : {}) });
        }
        if (sales.length > 0) {
          api.recordFairSales({ associationId, date, sales });
          moved.cash += income;
        }
      }

      // Wednesday: cheese on credit to one of the fixed buyers, due in 15 days, with a nota de venta.
      if (weekday === 3) {
        const buyer = buyers[between(0, buyers.length - 1)]!;
        const quantity = between(10, 24) * 500;
        if (onHand.get(cheese)! >= quantity) {
          const sale = api.recordSale({
            associationId, date, partyId: buyer, documentKind: 'nota_venta', payment: 'credit', dueDate: addDays(date, 15),
            lines: [{ productId: cheese, quantity, unitPrice: CHEESE_BUYER_PRICE }],
          });
          onHand.set(cheese, onHand.get(cheese)! - quantity);
          owedBy.get(buyer)!.push({ due: sale.dueDate!, open: sale.total });
        }
      }

      // Friday: each buyer pays what has fallen due, now and then only part of it; by transfer or in cash.
      if (weekday === 5) {
        for (const buyer of buyers) {
          const queue = owedBy.get(buyer)!;
          const due = queue.filter((s) => s.due <= date).reduce((sum, s) => sum + s.open, 0);
          if (due === 0) continue;
          const amount = random() < 0.2 ? multiplyByRatio(due, 1, 2) : due;
          const inCash = random() < 0.3;
          api.collectSale({ associationId, partyId: buyer, date, amount, accountId: inCash ? context.accounts.cash : context.accounts.bank });
          if (inCash) moved.cash += amount;
          else moved.bank += amount;
          let left = amount; // oldest due first, as collectSale applies it
          while (left > 0 && queue.length > 0) {
            const applied = Math.min(left, queue[0]!.open);
            queue[0]!.open -= applied;
            left -= applied;
            if (queue[0]!.open === 0) queue.shift();
          }
        }
      }

      // The 5th: feed from the mill on credit, a factura with IGV; half of it is stocked feed, the rest minerals.
      if (dayOfMonth === 5) {
        const kilos = Math.max(1, Math.floor((members.length * between(25, 70)) / 100)) * 50_000; // 50 kg sacks, by herd size
        const price = between(170, 210);
        const minerals = between(2_000, 6_000);
        const subtotal = multiplyQuantity(price, kilos) + minerals;
        facturas += 1;
        const purchase = api.recordPurchase({
          associationId, date, partyId: mill, documentKind: 'factura', documentNumber: `F${String(context.index + 1).padStart(3, '0')}-${String(facturas).padStart(6, '0')}`,
          payment: 'credit', dueDate: addDays(date, 30), igv: percentOf(subtotal, IGV_BASIS_POINTS),
          lines: [
            { productId: feed, quantity: kilos, unitPrice: price, category: 'stock' },
            { description: 'Sales minerales y bloques nutricionales', amount: minerals, category: 'supplies_consumed' },
          ],
        });
        onHand.set(feed, onHand.get(feed)! + kilos);
        millOpen += purchase.total;
      }
      // The 12th and the 26th: part of what the mill is owed, by transfer.
      if ((dayOfMonth === 12 || dayOfMonth === 26) && millOpen > 0) {
        const amount = dayOfMonth === 26 ? millOpen : Math.max(1, multiplyByRatio(millOpen, between(30, 70), 100));
        api.paySupplier({ associationId, partyId: mill, date, amount, accountId: context.accounts.bank });
        moved.bank -= amount;
        millOpen -= amount;
      }
      // The 10th: medicines from the agroveterinaria, a boleta paid at once.
      if (dayOfMonth === 10) {
        const amount = between(3_000, 15_000);
        boletas += 1;
        api.recordPurchase({
          associationId, date, partyId: vet, documentKind: 'boleta', documentNumber: `B002-${String(boletas).padStart(6, '0')}`,
          payment: 'cash', accountId: payFrom(amount),
          lines: [{ description: 'Antiparasitarios y vitaminas para el ganado', amount, category: 'supplies_consumed' }],
        });
      }
      // The 18th: the month's freight to the fair, paid to the driver.
      if (dayOfMonth === 18) {
        const amount = between(4_000, 8_000);
        api.recordPurchase({
          associationId, date, partyId: freight, documentKind: 'none', payment: 'cash', accountId: payFrom(amount),
          lines: [{ description: 'Fletes del mes a la feria dominical', amount, category: 'transport' }],
        });
      }
      // The 25th: a few days of hired labour, with the worker's DNI on the voucher.
      if (dayOfMonth === 25) {
        const [workerName, workerDni] = WORKERS[between(0, WORKERS.length - 1)]!;
        const days = between(2, 5);
        const amount = days * between(40, 50) * 100;
        api.payLabour({
          associationId, date, workerName, workerDni, amount, days, accountId: payFrom(amount), productLineId: dairy,
          concept: `Jornales: limpieza de la sala de ordeño (${days} días)`,
        });
      }
      // The 28th: most of the feed goes to the demonstration herd; in March, June, September and
      // December some cheese has spoiled for lack of cold.
      if (dayOfMonth === 28) {
        const used = Math.floor((onHand.get(feed)! * between(60, 90)) / 100);
        if (used > 0) {
          api.recordStockAdjustment({ associationId, productId: feed, date, quantity: -used, reason: 'own_use', note: 'Alimento para el módulo demostrativo' });
          onHand.set(feed, onHand.get(feed)! - used);
        }
        const spoiled = Math.min(onHand.get(cheese)!, between(1, 4) * 500);
        if (month % 3 === 0 && spoiled > 0) {
          api.recordStockAdjustment({ associationId, productId: cheese, date, quantity: -spoiled, reason: 'loss', note: 'Queso malogrado por falta de frío' });
          onHand.set(cheese, onHand.get(cheese)! - spoiled);
        }
      }

      // March and September, the 8th: oat seed for some members, paid from the bank and recharged by kilos.
      if ((month === 3 || month === 9) && dayOfMonth === 8 && members.length >= 5) {
        const count = between(5, Math.min(10, members.length));
        const first = between(0, members.length - 1);
        const shares = Array.from({ length: count }, (_, n) => ({
          memberId: members[(first + n) % members.length]!.id, quantity: between(2, 6) * 10_000,
        }));
        const kilos = shares.reduce((sum, s) => sum + s.quantity, 0);
        const price = between(450, 600);
        facturas += 1;
        const purchase = api.recordPurchase({
          associationId, date, partyId: seeds, documentKind: 'factura', documentNumber: `E001-${String(context.index * 1_000 + facturas).padStart(6, '0')}`,
          payment: 'cash', accountId: context.accounts.bank, jointShares: { by: 'quantity', members: shares }, dueDateForShares: addDays(date, 30),
          lines: [{ description: 'Semilla de avena forrajera (compra conjunta)', quantity: kilos, unitPrice: price, category: 'joint' }],
        });
        moved.bank -= purchase.total;
        // Each member pays her share with a receipt on a day of the next four weeks.
        for (const share of purchase.shares) {
          const payday = addDays(date, between(1, 28));
          shareDays.set(payday, [...(shareDays.get(payday) ?? []), { memberId: share.memberId, chargeId: share.chargeId, amount: share.amount }]);
        }
      }
      for (const share of shareDays.get(date) ?? []) {
        api.recordPayment({ associationId, memberId: share.memberId, date, amount: share.amount, apply: { chargeIds: [share.chargeId] } });
        moved.cash += share.amount;
        moved.receipts += 1;
      }
      shareDays.delete(date);
      return moved;
    },
  };
}
