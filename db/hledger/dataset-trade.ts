import type { LedgerApi } from '../api';
import { addDays } from '../../shared/dates';
import { multiplyByRatio, multiplyQuantity, percentOf } from '../../shared/money';
import { legalEntityRucFor as ruc } from '../../shared/peru/ruc';

// The trade documents of the hledger dataset (dataset.ts calls `day` once per day), all through the
// operations a treasurer's screens call: purchases on credit with factura and IGV and paid now from
// caja or bank, stocked and expensed, a recibo por honorarios, joint purchases recharged to members
// (shares paid with receipts), supplier payments partial, full and above what is owed, day labour,
// a member's credit refunded, cash, fair and credit sales, collections (some partial), stock
// adjustments, and now and then a void of each. Stock and open balances are read back through the
// API before each step, so no operation is ever refused: a refusal would roll back the whole file.
// The export carries no party dimension, so the tests find a party's entries by the name that ends
// their description: documents end with it by themselves, and every void's reason here ends with it.

/** Who the trade deals with, for the tests' per-party checks. */
export interface GeneratedTrade {
  suppliers: number[];
  buyers: number[];
  members: number[];
  products: number[];
}

export interface TradeContext {
  api: LedgerApi;
  associationId: number;
  start: string;
  random: () => number;
  accounts: { cash: number; bank: number };
}

const IGV = 1_800; // basis points
const MEMBERS = [
  ['Rosa', 'Quispe Huamán', '41234501'], ['Juana', 'Mamani Ccori', '41234502'], ['Teófila', 'Huillca Condori', '41234503'],
  ['Marcelino', 'Ccahuana Puma', '41234504'], ['Eusebia', 'Taipe Lloclla', '41234505'],
] as const;
const WORKERS = [['Máximo Huillca Taipe', '43307721'], ['Graciela Sulca Pariona', '44980312'], ['Fortunato Arone Quispe', '41672209']] as const;

export function openTrade(context: TradeContext): { parties: GeneratedTrade; day(date: string): void } {
  const { api, associationId, random, accounts } = context;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const [dairy, bees] = ['Lácteos', 'Apicultura'].map((name) => api.createProductLine({ associationId, name }).id) as [number, number];
  const product = (name: string, unit: 'kg' | 'l' | 'unit', category: 'product' | 'raw_material' | 'supply' | 'goods', line: number, salePrice: number | null) =>
    api.createProduct({ associationId, name, unit, category, productLineId: line, salePrice }).id;
  const cheese = product('Queso fresco andino', 'kg', 'product', dairy, 1_800);
  const milk = product('Leche fresca', 'l', 'raw_material', dairy, 160);
  const feed = product('Alimento balanceado lechero', 'kg', 'supply', dairy, null);
  const honey = product('Miel de abeja (frasco de 1 kg)', 'unit', 'goods', bees, 2_800);
  const names = new Map<number, string>();
  const party = (name: string, kind: 'supplier' | 'buyer', document: string | null) => {
    const type = document === null ? 'none' : document.length === 8 ? 'dni' : 'ruc';
    const { id } = api.createParty({ associationId, name, kind, documentType: type, documentNumber: document });
    names.set(id, name);
    return id;
  };
  const mill = party('Molino y Alimentos Andahuaylas S.A.C.', 'supplier', ruc(10_452_187));
  const vet = party('Agroveterinaria Santa Rosa E.I.R.L.', 'supplier', ruc(10_397_540));
  const seeds = party('Semillas del Ande S.R.L.', 'supplier', ruc(10_288_013));
  const apiary = party('Cooperativa Apícola Valle del Pampas', 'supplier', ruc(10_733_516));
  const hardware = party('Ferretería y Refrigeración Chanka S.A.C.', 'supplier', ruc(10_614_880));
  const accountant = party('CPC Wilber Huamaní Ayala', 'supplier', '40112233');
  const driver = party('Transportes Señor de Huanca', 'supplier', '31045872');
  const buyers = [
    party('Restaurante Turístico El Mirador', 'buyer', ruc(10_611_294)),
    party('Bodega Doña Justina', 'buyer', '31200017'),
    party('Hotel Sumaq Wasi', 'buyer', null),
  ];
  const members = MEMBERS.map(([givenNames, surnames, dni]) =>
    api.createMember({ associationId, dni, givenNames, surnames, sex: 'F', joinedOn: context.start }).id);
  // Two members sell cheese and milk to the association: linked parties, never copies.
  const cheeseMaker = api.partyForMember({ associationId, memberId: members[0]!, kind: 'supplier' }).id;
  const milkMaker = api.partyForMember({ associationId, memberId: members[1]!, kind: 'supplier' }).id;
  for (const id of [cheeseMaker, milkMaker]) names.set(id, api.getParty({ partyId: id }).name);
  const suppliers = [mill, vet, seeds, apiary, hardware, accountant, driver, cheeseMaker, milkMaker];

  const onHand = (productId: number) => api.getProduct({ productId }).onHand;
  const owedTo = (partyId: number) => api.openPurchases({ associationId, partyId }).reduce((sum, p) => sum + p.open, 0);
  const dueFrom = (partyId: number, date: string) =>
    api.openSales({ associationId, partyId }).filter((s) => s.dueDate <= date).reduce((sum, s) => sum + s.open, 0);
  const tasks = new Map<string, (() => void)[]>();
  const later = (date: string, task: () => void) => tasks.set(date, [...(tasks.get(date) ?? []), task]);
  const numbers = new Map<string, number>();
  const next = (series: string) => {
    const n = (numbers.get(series) ?? 0) + 1;
    numbers.set(series, n);
    return `${series}-${String(n).padStart(6, '0')}`;
  };
  let creditSales = 0;
  let collections = 0;
  let vetAdvance = 0;
  const startMonth = Number(context.start.slice(0, 4)) * 12 + Number(context.start.slice(5, 7));

  const feedFactura = (date: string) => {
    const kilos = between(10, 30) * 50_000;
    const minerals = between(2_000, 6_000);
    const price = between(170, 210);
    const subtotal = multiplyQuantity(price, kilos) + minerals;
    return api.recordPurchase({
      associationId, date, partyId: mill, documentKind: 'factura', documentNumber: next('F001'), payment: 'credit',
      dueDate: addDays(date, 30), igv: percentOf(subtotal, IGV), productLineId: dairy,
      lines: [
        { productId: feed, quantity: kilos, unitPrice: price, category: 'stock' },
        { description: 'Sales minerales y bloques nutricionales', amount: minerals, category: 'supplies_consumed' },
      ],
    });
  };

  /** Oat or alfalfa seed for some members on credit; each pays her share with a receipt within four weeks. */
  const jointPurchase = (date: string, by: 'quantity' | 'amount', options: { voidNextDay?: boolean } = {}) => {
    const first = between(0, members.length - 1);
    // A purchase to be voided leaves out members with credit: it would pay their shares at once.
    const pool = options.voidNextDay
      ? members.filter((memberId) => api.memberPosition({ associationId, memberId, asOf: date }).creditAvailable === 0)
      : members;
    const picked = Array.from({ length: Math.min(pool.length, between(3, 5)) }, (_, n) => pool[(first + n) % pool.length]!);
    // Eusebia is always in the others: her credit in favour pays her share as soon as it is charged.
    if (!options.voidNextDay && !picked.includes(members[4]!)) picked.push(members[4]!);
    const shares = picked.map((memberId) => ({ memberId, quantity: between(2, 6) * 10_000, amount: between(5_000, 20_000) }));
    const quantity = shares.reduce((sum, s) => sum + s.quantity, 0);
    const purchase = api.recordPurchase({
      associationId, date, partyId: seeds, documentKind: 'factura', documentNumber: next('F003'), payment: 'credit',
      dueDate: addDays(date, 30), dueDateForShares: addDays(date, 30),
      lines: [by === 'quantity'
        ? { description: 'Semilla de avena forrajera (compra conjunta)', quantity, unitPrice: between(450, 600), category: 'joint' }
        : { description: 'Semilla de alfalfa (compra conjunta)', amount: shares.reduce((sum, s) => sum + s.amount, 0), category: 'joint' }],
      jointShares: {
        by, members: shares.map((s) => (by === 'quantity' ? { memberId: s.memberId, quantity: s.quantity } : { memberId: s.memberId, amount: s.amount })),
      },
    });
    if (options.voidNextDay) {
      later(addDays(date, 1), () => api.voidPurchase({
        purchaseId: purchase.id, date: addDays(date, 1), reason: `Factura con RUC equivocado de ${names.get(seeds)}`,
      }));
      return;
    }
    for (const share of purchase.shares) {
      const payday = addDays(date, between(2, 28));
      later(payday, () => {
        const open = api.getPurchase({ purchaseId: purchase.id }).shares.find((s) => s.chargeId === share.chargeId)!.open;
        if (open > 0) api.recordPayment({ associationId, memberId: share.memberId, date: payday, amount: open, apply: { chargeIds: [share.chargeId] } });
      });
    }
  };

  const collect = (buyer: number, date: string) => {
    const due = dueFrom(buyer, date);
    if (due === 0) return;
    collections += 1;
    const amount = collections % 4 === 1 ? multiplyByRatio(due, 1, 2) : due;
    const collection = api.collectSale({
      associationId, partyId: buyer, date, amount, accountId: random() < 0.3 ? accounts.cash : accounts.bank,
    });
    if (collections % 6 === 0) {
      later(addDays(date, 1), () => api.voidSaleCollection({
        collectionId: collection.id, date: addDays(date, 1), reason: `Cheque sin fondos de ${names.get(buyer)}`,
      }));
    }
  };

  const fair = (date: string, monthIndex: number) => {
    const left = new Map([[cheese, onHand(cheese)], [honey, onHand(honey)]]);
    const sales: { lines: { productId: number; quantity: number }[]; notaVenta?: boolean }[] = [];
    for (let n = between(1, 3); n > 0; n -= 1) {
      const lines: { productId: number; quantity: number }[] = [];
      for (const [productId, quantity] of [[cheese, between(1, 6) * 500], [honey, between(0, 2) * 1_000]] as const) {
        if (quantity > 0 && left.get(productId)! >= quantity) {
          lines.push({ productId, quantity });
          left.set(productId, left.get(productId)! - quantity);
        }
      }
      if (lines.length > 0) sales.push({ lines, ...(random() < 0.2 ? { notaVenta: true } : {}) });
    }
    if (sales.length === 0) return;
    const result = api.recordFairSales({ associationId, date, sales });
    if (monthIndex % 3 === 1 && Number(date.slice(8, 10)) <= 7) {
      api.voidSale({ saleId: result.sales[0]!.id, date, reason: 'Devolución en la feria: el producto no estaba bueno' });
    }
  };

  const creditSale = (date: string, weekOfYear: number) => {
    const buyer = buyers[weekOfYear % buyers.length]!;
    const milkSale = buyer === buyers[2] && weekOfYear % 2 === 0;
    const productId = milkSale ? milk : cheese;
    const quantity = milkSale ? between(20, 40) * 1_000 : between(8, 20) * 500;
    if (onHand(productId) < quantity) return;
    creditSales += 1;
    const factura = !milkSale && creditSales % 2 === 0;
    const lines = [{ productId, quantity, unitPrice: milkSale ? 170 : 1_650 }];
    const sale = api.recordSale({
      associationId, date, partyId: buyer, payment: 'credit', dueDate: addDays(date, 15), lines,
      ...(factura
        ? { documentKind: 'factura' as const, documentNumber: next('F001V'), igv: percentOf(multiplyQuantity(1_650, quantity), IGV) }
        : { documentKind: 'nota_venta' as const }),
    });
    if (creditSales % 7 === 0) {
      later(addDays(date, 1), () => api.voidSale({ saleId: sale.id, date: addDays(date, 1), reason: `Pedido anulado por ${names.get(buyer)}` }));
    }
  };

  const adjust = (productId: number, date: string, quantity: number, reason: 'loss' | 'sample' | 'own_use' | 'count', note: string) =>
    api.recordStockAdjustment({ associationId, productId, date, quantity, reason, note });

  return {
    parties: { suppliers, buyers, members, products: [cheese, milk, feed, honey] },
    day(date) {
      for (const task of tasks.get(date) ?? []) task();
      tasks.delete(date);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const dayOfMonth = Number(date.slice(8, 10));
      const month = Number(date.slice(5, 7));
      const monthIndex = Number(date.slice(0, 4)) * 12 + month - startMonth;
      const weekOfYear = Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01T00:00:00Z`)) / 604_800_000);
      const quarterEnd = month % 3 === 0;

      // Every other Saturday: a fortnight's cheese from Rosa, paid at once; milk from Juana on credit, the last paid in full.
      if (weekday === 6 && weekOfYear % 2 === 0) {
        const short = 50_000 - onHand(cheese);
        if (short >= 1_000) {
          api.recordPurchase({
            associationId, date, partyId: cheeseMaker, documentKind: 'none', payment: 'cash', accountId: accounts.cash,
            lines: [{ productId: cheese, quantity: Math.floor(short / 500) * 500, unitPrice: between(1_100, 1_300), category: 'stock' }],
          });
        }
        const owed = owedTo(milkMaker);
        if (owed > 0) api.paySupplier({ associationId, partyId: milkMaker, date, amount: owed, accountId: accounts.cash });
        api.recordPurchase({
          associationId, date, partyId: milkMaker, documentKind: 'none', payment: 'credit', dueDate: addDays(date, 14),
          lines: [{ productId: milk, quantity: between(80, 240) * 1_000, unitPrice: between(110, 130), category: 'stock' }],
        });
      }
      // Every other Monday: most of the milk goes to the cheese plant.
      if (weekday === 1 && weekOfYear % 2 === 1) {
        const used = Math.floor((onHand(milk) * between(60, 90)) / 100);
        if (used > 0) adjust(milk, date, -used, 'own_use', 'Leche para la planta de quesos');
      }
      if (weekday === 0) fair(date, monthIndex);
      if (weekday === 3) creditSale(date, weekOfYear);
      if (weekday === 5) for (const buyer of buyers) collect(buyer, date);

      // The 1st: honey to resell, a factura with IGV paid from the bank; now and then voided the next day.
      if (dayOfMonth === 1) {
        const units = between(20, 60) * 1_000;
        const price = between(1_500, 1_900);
        const purchase = api.recordPurchase({
          associationId, date, partyId: apiary, documentKind: 'factura', documentNumber: next('F010'), payment: 'cash',
          accountId: accounts.bank, igv: percentOf(multiplyQuantity(price, units), IGV), productLineId: bees,
          lines: [{ productId: honey, quantity: units, unitPrice: price, category: 'stock' }],
        });
        if (monthIndex % 6 === 4) {
          later(addDays(date, 1), () => {
            if (onHand(honey) >= units) {
              api.voidPurchase({ purchaseId: purchase.id, date: addDays(date, 1), reason: `Factura emitida a otro RUC por ${names.get(apiary)}` });
            }
          });
        }
      }
      // The 5th: feed from the mill on credit; every fourth month the factura is wrong, voided and recorded again.
      if (dayOfMonth === 5) {
        const purchase = feedFactura(date);
        if (monthIndex % 4 === 2) {
          later(addDays(date, 2), () => {
            api.voidPurchase({ purchaseId: purchase.id, date: addDays(date, 2), reason: `Precio equivocado en la factura de ${names.get(mill)}` });
            feedFactura(addDays(date, 2));
          });
        }
      }
      // The 12th part of what the mill is owed (a transfer the bank now and then rejects); the 26th, all of it.
      if (dayOfMonth === 12 || dayOfMonth === 26) {
        const owed = owedTo(mill);
        if (owed > 0) {
          const amount = dayOfMonth === 26 ? owed : Math.max(1, multiplyByRatio(owed, between(30, 70), 100));
          const voucher = api.paySupplier({ associationId, partyId: mill, date, amount, accountId: accounts.bank });
          if (dayOfMonth === 12 && monthIndex % 5 === 3) {
            later(addDays(date, 1), () => api.voidPaymentVoucher({
              voucherId: voucher.id, date: addDays(date, 1), reason: `Transferencia rechazada por el banco: ${names.get(mill)}`,
            }));
          }
        }
      }
      // The 10th: the agroveterinaria, a boleta paid in cash or, every other month, a factura on credit paid on the 20th.
      if (dayOfMonth === 10) {
        if (monthIndex % 2 === 1) {
          api.recordPurchase({
            associationId, date, partyId: vet, documentKind: 'boleta', documentNumber: next('B002'), payment: 'cash',
            lines: [{ description: 'Antiparasitarios y vitaminas para el ganado', amount: between(3_000, 15_000), category: 'supplies_consumed' }],
          });
        } else {
          const amount = between(15_000, 40_000);
          api.recordPurchase({
            associationId, date, partyId: vet, documentKind: 'factura', documentNumber: next('F005'), payment: 'credit',
            dueDate: addDays(date, 10), igv: percentOf(amount, IGV),
            lines: [{ description: 'Atención veterinaria del hato', amount, category: 'services' }],
          });
        }
      }
      if (dayOfMonth === 20) {
        const owed = owedTo(vet);
        if (monthIndex === 10 && owed > 0) {
          // Paid S/ 50 more than owed, confirmed: an advance the next payment uses first.
          api.paySupplier({ associationId, partyId: vet, date, amount: owed + 5_000, confirmOverpayment: true, accountId: accounts.cash });
          vetAdvance = 5_000;
        } else if (owed - vetAdvance > 0) {
          api.paySupplier({ associationId, partyId: vet, date, amount: owed - vetAdvance, accountId: accounts.cash });
          vetAdvance = 0;
        }
      }
      // The 15th: honey samples, counts (one voided the next day as counted twice).
      if (dayOfMonth === 15 && onHand(honey) >= 1_000) {
        if (monthIndex % 4 === 0) adjust(honey, date, -1_000, 'sample', 'Muestra para la feria regional');
        if (monthIndex % 6 === 2) adjust(honey, date, 1_000, 'count', 'Frasco encontrado en el conteo');
        if (monthIndex % 8 === 5) {
          const counted = adjust(honey, date, -1_000, 'count', 'Falta un frasco en el conteo');
          later(addDays(date, 1), () => api.voidStockAdjustment({ adjustmentId: counted.id, date: addDays(date, 1), reason: 'Conteo repetido' }));
        }
      }
      // The 18th: freight to the fair, paid to the driver.
      if (dayOfMonth === 18) {
        api.recordPurchase({
          associationId, date, partyId: driver, documentKind: 'none', payment: 'cash',
          lines: [{ description: 'Fletes del mes a la feria dominical', amount: between(4_000, 8_000), category: 'transport' }],
        });
      }
      // The 25th: hired day labour.
      if (dayOfMonth === 25) {
        const [workerName, workerDni] = WORKERS[between(0, WORKERS.length - 1)]!;
        const days = between(2, 5);
        api.payLabour({
          associationId, date, workerName, workerDni, amount: days * between(40, 50) * 100, days: days * 1_000, productLineId: dairy,
          concept: `Jornales: limpieza de la sala de ordeño (${days} días)`,
        });
      }
      // The quarter's accounting: a recibo por honorarios on the 20th, paid in full on the 28th.
      if (quarterEnd && dayOfMonth === 20) {
        api.recordPurchase({
          associationId, date, partyId: accountant, documentKind: 'recibo_honorarios', documentNumber: next('E001'), payment: 'credit',
          dueDate: addDays(date, 10), lines: [{ description: 'Servicios contables del trimestre', amount: between(40_000, 60_000), category: 'services' }],
        });
      }
      // The 28th: feed for the demonstration herd; at each quarter's end, cheese spoiled; the accountant paid.
      if (dayOfMonth === 28) {
        const used = Math.floor((onHand(feed) * between(60, 90)) / 100);
        if (used > 0) adjust(feed, date, -used, 'own_use', 'Alimento para el módulo demostrativo');
        const spoiled = Math.min(onHand(cheese), between(1, 4) * 500);
        if (quarterEnd && spoiled > 0) adjust(cheese, date, -spoiled, 'loss', 'Queso malogrado por falta de frío');
        const owed = owedTo(accountant);
        if (quarterEnd && owed > 0) api.paySupplier({ associationId, partyId: accountant, date, amount: owed, accountId: accounts.bank });
      }
      // July: a cooling tank on credit, paid half in August and the rest in September.
      if (month === 7 && dayOfMonth === 15) {
        const tank = between(800_000, 1_200_000);
        const freight = between(20_000, 40_000);
        api.recordPurchase({
          associationId, date, partyId: hardware, documentKind: 'factura', documentNumber: next('F020'), payment: 'credit',
          dueDate: addDays(date, 60), igv: percentOf(tank + freight, IGV), productLineId: dairy,
          lines: [
            { description: 'Tanque de enfriamiento de leche de 500 l', amount: tank, category: 'equipment' },
            { description: 'Flete del tanque desde Lima', amount: freight, category: 'transport' },
          ],
        });
      }
      if ((month === 8 && dayOfMonth === 14) || (month === 9 && dayOfMonth === 13)) {
        const owed = owedTo(hardware);
        const amount = month === 8 ? multiplyByRatio(owed, 1, 2) : owed;
        if (amount > 0) api.paySupplier({ associationId, partyId: hardware, date, amount, accountId: accounts.bank });
      }
      // March and September, the 8th: seed bought jointly for members (once recorded wrong and voided); paid on the 22nd.
      if ((month === 3 || month === 9) && dayOfMonth === 8) {
        if (monthIndex === 8) jointPurchase(date, 'quantity', { voidNextDay: true });
        jointPurchase(date, month === 3 ? 'quantity' : 'amount');
      }
      if ((month === 3 || month === 9) && dayOfMonth === 22) {
        const owed = owedTo(seeds);
        if (owed > 0) api.paySupplier({ associationId, partyId: seeds, date, amount: owed, accountId: accounts.bank });
      }
      // April: Eusebia pays ahead; in May part of her credit is refunded with a payment voucher.
      if (month === 4 && dayOfMonth === 10) {
        api.recordPayment({ associationId, memberId: members[4]!, date, amount: 30_000, note: 'Adelanto para la próxima compra de semilla' });
      }
      if (month === 5 && dayOfMonth === 15) {
        const { creditAvailable } = api.memberPosition({ associationId, memberId: members[4]!, asOf: date });
        const amount = Math.min(creditAvailable, 12_000);
        if (amount > 0) api.refundCredit({ associationId, memberId: members[4]!, date, amount, reason: 'Viaja a Lima: pide parte de su adelanto' });
      }
    },
  };
}
