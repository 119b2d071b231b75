import { multiplyQuantity, percentOf } from '../../shared/money';
import { addDays } from '../../shared/dates';
import type { LedgerApi } from '../api';

// The demo's contract with a municipality: a year of fresh milk for the Vaso de Leche programme,
// recorded through the operations as a treasurer would — the contract and its monthly schedule,
// each month's delivery (out of the store), its acta de conformidad a few days later, the SUNAT
// invoice, and the municipality's payment the next month with IGV withheld (a withholding agent)
// or the detracción deposited in the Banco de la Nación, alternating. db/demo/generator.ts calls it.

export interface MilkContractOptions {
  /** The product delivered (fresh milk, in litres): it must be in the store when each delivery is recorded. */
  productId: number;
  /** The municipality (a public_entity party); left out, "Municipalidad Distrital de …" is created. */
  partyId?: number;
  /** Name of the municipality created when partyId is left out. */
  entityName?: string;
  /** Litres a month (whole litres); 1,000 when left out. */
  litresPerMonth?: number;
  /** Céntimos per litre; S/ 1.40 when left out. */
  price?: number;
  /** IGV on the invoices in basis points; 0 (fresh milk is exonerated) when left out. */
  igvBp?: number;
  /** 'withholding' (IGV withheld; only with IGV), 'detraction', or both alternating month by month (default). */
  deductions?: 'withholding' | 'detraction' | 'alternate';
  /** Months delivered, from January; 12 when left out. Collections of the last month fall in the next year unless `collectLast` is false. */
  months?: number;
  collectLast?: boolean;
  /** Caja or bank account id for the money; the caja when left out. */
  accountId?: number;
  /** The contract number; "CONTRATO N° 0XX-<year>-MD" when left out. */
  number?: string;
}

export interface MilkContractResult {
  contractId: number;
  deliveryIds: number[];
  invoiceIds: number[];
  collectionIds: number[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A contract being lived day by day: `day(date, available)` records what falls on that date. */
export interface MilkContractCalendar {
  contractId: number;
  /**
   * Records the documents dated `date` — the month's delivery (the 20th, or the 23rd every fourth
   * month: late, so the sheet shows a penalty) of what is in the store, up to `available`
   * thousandths when given; its acta (the 24th), its invoice (the 25th); the collection of the
   * previous month's invoice (the 15th). Returns the thousandths delivered that day.
   */
  day: (date: string, available?: number) => number;
  result: MilkContractResult;
}

/**
 * Signs a year's milk contract (from `firstMonth`, 1 when left out, to December) and returns its
 * calendar, so a generator that walks the days can record each document on its own date — the
 * entries then stay in date order.
 */
export function openMilkContract(
  api: LedgerApi, associationId: number, year: number, options: MilkContractOptions & { firstMonth?: number },
): MilkContractCalendar {
  const litres = options.litresPerMonth ?? 1_000;
  const price = options.price ?? 140;
  const firstMonth = options.firstMonth ?? 1;
  const months = options.months ?? 13 - firstMonth;
  const lastMonth = firstMonth + months - 1;
  const igvBp = options.igvBp ?? 0;
  const mode = options.deductions ?? 'alternate';
  const partyId = options.partyId ?? api.createParty({
    associationId, name: options.entityName ?? 'Municipalidad Distrital de Ranracancha', kind: 'public_entity',
    documentType: 'none', documentNumber: null,
  }).id;
  const signed = `${year}-${pad(firstMonth)}-03`;
  const contract = api.createContract({
    associationId, partyId, number: options.number ?? `CONTRATO N° 0${10 + (associationId % 90)}-${year}-MD`,
    programme: 'Vaso de Leche', processNumber: `AS-SM-${1 + (associationId % 9)}-${year}-MD`,
    signedOn: signed, startDate: signed, endDate: `${year}-12-31`,
    items: [{ productId: options.productId, quantity: months * litres * 1000, unitPrice: price }],
    schedule: Array.from({ length: months }, (_, i) => ({
      dueDate: `${year}-${pad(firstMonth + i)}-21`, productId: options.productId, quantity: litres * 1000,
    })),
  });
  const result: MilkContractResult = { contractId: contract.id, deliveryIds: [], invoiceIds: [], collectionIds: [] };
  // What each month left to do: its delivery, then the invoice to collect the next month.
  const delivered = new Map<number, { id: number; quantity: number }>();
  const invoiced = new Map<number, { id: number; total: number; igv: number }>();

  const collect = (month: number, date: string) => {
    const invoice = invoiced.get(month);
    if (!invoice) return;
    invoiced.delete(month);
    const withhold = invoice.igv > 0 && (mode === 'withholding' || (mode === 'alternate' && month % 2 === 1));
    const deduction = withhold ? percentOf(invoice.total, 300) : percentOf(invoice.total, 400);
    const collection = api.recordContractCollection({
      invoiceId: invoice.id, date, accountId: options.accountId ?? null, received: invoice.total - deduction,
      ...(withhold
        ? { igvWithheld: deduction, withholdingVoucher: `R${String(year % 1000).padStart(3, '0')}-${pad(month)}${associationId}` }
        : { detraction: deduction, detractionConstancia: `${year}${pad(month)}${String(associationId).padStart(4, '0')}` }),
    });
    result.collectionIds.push(collection.id);
  };

  const day = (date: string, available?: number): number => {
    const dateYear = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const dayOfMonth = Number(date.slice(8, 10));
    // The December invoice is collected on the 15th of January of the next year.
    if (dateYear === year + 1 && month === 1 && dayOfMonth === 15 && options.collectLast !== false) collect(12, date);
    if (dateYear !== year || month < firstMonth) return 0;
    if (dayOfMonth === 15 && month > firstMonth) collect(month - 1, date);
    if (month > lastMonth) return 0;
    let quantity = 0;
    if (dayOfMonth === (month % 4 === 0 ? 23 : 20)) {
      const onHand = api.getProduct({ productId: options.productId }).onHand;
      quantity = Math.min(litres * 1000, Math.floor(Math.min(onHand, available ?? onHand) / 1000) * 1000);
      if (quantity > 0) {
        const delivery = api.recordDelivery({ contractId: contract.id, date, lines: [{ productId: options.productId, quantity }] });
        result.deliveryIds.push(delivery.id);
        delivered.set(month, { id: delivery.id, quantity });
      }
    }
    const delivery = delivered.get(month);
    if (delivery && dayOfMonth === 24) {
      api.acceptDelivery({ deliveryId: delivery.id, actaNumber: `ACTA N° ${pad(month)}-${year}`, date });
    }
    if (delivery && dayOfMonth === 25) {
      delivered.delete(month);
      const subtotal = multiplyQuantity(price, delivery.quantity);
      const igv = percentOf(subtotal, igvBp);
      const invoice = api.recordContractInvoice({
        contractId: contract.id, number: `E${String(year % 1000).padStart(3, '0')}-${100 * (associationId % 100) + month}`, date,
        deliveryIds: [delivery.id], subtotal, igv,
      });
      result.invoiceIds.push(invoice.id);
      invoiced.set(month, { id: invoice.id, total: invoice.total, igv });
    }
    return quantity;
  };
  return { contractId: contract.id, day, result };
}

/**
 * Records a year's milk contract for one association at once, every document on its own date, through
 * `api`: monthly deliveries (on the 20th, every fourth month on the 23rd, late), actas (the 24th),
 * invoices (the 25th) and collections (the 15th of the next month). A month whose milk is not in the
 * store delivers what there is, or nothing.
 */
export function recordMilkContract(
  api: LedgerApi, associationId: number, year: number, options: MilkContractOptions,
): MilkContractResult {
  const calendar = openMilkContract(api, associationId, year, options);
  const months = options.months ?? 12;
  const lastDay = months === 12 ? `${year + 1}-01-15` : `${year}-${pad(months + 1)}-15`;
  for (let date = `${year}-01-01`; date <= lastDay; date = addDays(date, 1)) calendar.day(date);
  return calendar.result;
}
