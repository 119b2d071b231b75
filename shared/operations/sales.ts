import { z } from 'zod';
import { id, isoDate, lineAmount, optionalText, text } from './schemas';
import type { PaymentAccountKind } from './contributions';
import type { DocumentAssociation, DocumentParty, DocumentPrint, DocumentVoid, NumberedDocument } from './documents';

// Direct sales (to a buyer or "venta al público"), fair days, and collections from buyers with their
// "Recibo de ingreso" (series 002). The engine is db/sales/; prints /print/nota-venta, /print/sale-collection.

/** The document the buyer got: Khipu's own numbered nota de venta, a boleta or factura issued outside Khipu, or none. */
export const saleDocumentKinds = ['nota_venta', 'boleta', 'factura', 'none'] as const;
export type SaleDocumentKind = (typeof saleDocumentKinds)[number];
export const salePayments = ['cash', 'credit'] as const;
export type SalePayment = (typeof salePayments)[number];

/** Series of Khipu's notas de venta and of the collection receipts, as printed. */
export const notaVentaSeries = '001';
export const saleCollectionSeries = '002';

/** Quantity in thousandths of the product's unit (2.5 kg = 2500); never zero or negative. */
const quantity = z.number().int().refine((v) => v > 0, { message: 'sale.quantityNotPositive' }).refine((v) => v <= 1_000_000_000, {
  message: 'sale.quantityTooLarge',
});
/** Céntimos per WHOLE unit (S/ 18.00 per kg = 1800); the line amount is price × quantity, rounded once. */
const unitPrice = lineAmount.refine((v) => v > 0, { message: 'sale.priceNotPositive' });

const saleLine = z.object({
  productId: id,
  quantity,
  /** Left out: the product's sale price. */
  unitPrice: unitPrice.nullish(),
});
const lines = z.array(saleLine).min(1).max(200);

const keysetCursor = z.object({ date: isoDate, id });

export const salesOperations = {
  /**
   * One sale: stock goes down and its cost (weighted average) is posted in the same entry as the
   * income. Credit needs a buyer and a due date; a sale to the público is paid in cash.
   */
  recordSale: {
    input: z.object({
      associationId: id,
      date: isoDate,
      /** Null or left out: "venta al público". */
      partyId: id.nullish(),
      documentKind: z.enum(saleDocumentKinds),
      /** The boleta's or factura's series-number as printed on it (F001-123); only for those two. */
      documentNumber: text(30).nullish(),
      lines,
      /** Céntimos of IGV the document carries, on top of the lines; 0 when left out. */
      igv: lineAmount.nullish(),
      payment: z.enum(salePayments),
      /** Cash sale: the caja (default) or a bank account, any postable account under 10. */
      accountId: id.nullish(),
      /** Credit sale: when the buyer is to pay (on or after the sale's date). */
      dueDate: isoDate.nullish(),
      note: optionalText(300),
    }),
  },
  /**
   * A fair day: many small cash sales in ONE call and one transaction — all recorded or none. Each row
   * is a sale of its own (own entry), with no document unless the row asks for a nota de venta.
   */
  recordFairSales: {
    input: z.object({
      associationId: id,
      date: isoDate,
      accountId: id.nullish(),
      sales: z.array(z.object({
        partyId: id.nullish(),
        lines,
        /** Prints Khipu's next nota de venta for this sale; left out, the sale carries no document. */
        notaVenta: z.boolean().optional(),
        note: optionalText(300),
      })).min(1).max(1000),
    }),
  },
  /** Reverses a sale: its entry is reversed and its stock comes back at the cost it left with. */
  voidSale: { input: z.object({ saleId: id, date: isoDate, reason: text(500) }) },
  getSale: { input: z.object({ saleId: id }) },
  /** Counts a print of a nota de venta; every print after the first is a DUPLICADO. */
  recordSalePrint: { input: z.object({ saleId: id }) },
  /** Newest first, keyset by (date, id): pass the last row's {date, id} as cursor for the next page. */
  listSales: {
    input: z.object({
      associationId: id,
      from: isoDate.nullish(),
      to: isoDate.nullish(),
      partyId: id.nullish(),
      /** Only sales to the público (no buyer). */
      publicOnly: z.boolean().optional(),
      payment: z.enum(salePayments).nullish(),
      status: z.enum(['valid', 'voided', 'open']).nullish(),
      limit: z.number().int().positive().max(1000).optional(),
      cursor: keysetCursor.nullish(),
    }),
  },
  /** A buyer's credit sales still owed, oldest due first (what "Cobrar a clientes" ticks). */
  openSales: { input: z.object({ associationId: id, partyId: id }) },
  /**
   * Money from a buyer: applied to the ticked sales (in the order given), then to the rest oldest due
   * first. Above what the buyer owes is refused unless confirmOverpayment; the excess stays as the
   * buyer's advance. Issues a "Recibo de ingreso" of series 002, numbered without gaps.
   */
  collectSale: {
    input: z.object({
      associationId: id,
      partyId: id,
      date: isoDate,
      amount: lineAmount,
      accountId: id.nullish(),
      saleIds: z.array(id).min(1).max(500).nullish(),
      confirmOverpayment: z.boolean().optional(),
      note: optionalText(300),
    }),
  },
  voidSaleCollection: { input: z.object({ collectionId: id, date: isoDate, reason: text(500) }) },
  getSaleCollection: { input: z.object({ collectionId: id }) },
  /** Counts a print; every print after the first is a DUPLICADO. */
  recordCollectionPrint: { input: z.object({ collectionId: id }) },
  listSaleCollections: {
    input: z.object({ associationId: id, partyId: id.nullish(), from: isoDate.nullish(), to: isoDate.nullish() }),
  },
} as const;

// ------------------------------------------------------------------ results

export type SaleStatus = 'valid' | 'voided';

/** A sale's buyer, by the name the print routes use. */
export type SaleBuyer = DocumentParty;

export interface SaleLineView {
  lineNo: number;
  productId: number;
  productName: string;
  unit: string;
  /** Thousandths of the unit. */
  quantity: number;
  /** Céntimos per whole unit. */
  unitPrice: number;
  amount: number;
  /** Cost of what left the store, at weighted average cost (accountant views only). */
  cost: number;
  productLineId: number | null;
}

export interface SaleView {
  id: number;
  associationId: number;
  association: DocumentAssociation;
  date: string;
  /** Null: venta al público. */
  buyer: DocumentParty | null;
  documentKind: SaleDocumentKind;
  /** The boleta's or factura's number, as typed (upper-case, no spaces). */
  documentNumber: string | null;
  notaSeries: string | null;
  notaNumber: number | null;
  /** What the document says: "001-000012" for a nota de venta, the boleta/factura number, or null. */
  formattedNumber: string | null;
  lines: SaleLineView[];
  subtotal: number;
  igv: number;
  total: number;
  /** "SON: CIENTO VEINTE CON 50/100 SOLES". */
  totalInWords: string;
  payment: SalePayment;
  /** Cash sale: where the money went. */
  accountId: number | null;
  accountName: string | null;
  accountKind: PaymentAccountKind | null;
  dueDate: string | null;
  /** Credit sale: what the buyer still owes of it (0 for cash or voided sales). */
  open: number;
  /** Live collections that paid it. */
  collections: { collectionId: number; formattedNumber: string; date: string; amount: number }[];
  /** Cost of goods sold, in total. */
  cost: number;
  note: string | null;
  entryId: number;
  treasurerName: string | null;
  status: SaleStatus;
  voided: DocumentVoid | null;
  printCount: number;
  createdAt: string;
  createdBy: string;
}

export interface SaleSummary {
  id: number;
  date: string;
  partyId: number | null;
  /** The buyer's name, or null for the público. */
  buyerName: string | null;
  documentKind: SaleDocumentKind;
  formattedNumber: string | null;
  total: number;
  payment: SalePayment;
  dueDate: string | null;
  open: number;
  status: SaleStatus;
}

export interface SalePage {
  rows: SaleSummary[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: { date: string; id: number } | null;
}

/** A credit sale still owed. */
export interface OpenSale {
  saleId: number;
  partyId: number;
  date: string;
  dueDate: string;
  documentKind: SaleDocumentKind;
  formattedNumber: string | null;
  total: number;
  /** Total less its live collections. */
  open: number;
}

export interface FairSalesResult {
  date: string;
  /** In the order of the input rows. */
  sales: SaleSummary[];
  count: number;
  total: number;
  /** The notas de venta issued, formatted, in order (empty when none was asked for). */
  notas: string[];
}

export interface SaleCollectionLineView {
  saleId: number;
  date: string;
  documentKind: SaleDocumentKind;
  formattedNumber: string | null;
  amount: number;
}

export interface SaleCollectionView extends NumberedDocument {
  buyer: DocumentParty;
  /** The sales it paid. */
  lines: SaleCollectionLineView[];
  amount: number;
  /** "SON: ... SOLES". */
  amountInWords: string;
  /** Part of the amount beyond what the buyer owed: kept as the buyer's advance. */
  advance: number;
  /** What the buyer still owed right after it, kept as printed. */
  owedAfter: number;
  accountId: number;
  accountName: string;
  accountKind: PaymentAccountKind;
  /** Who received the money: the treasurer on duty that day or, when none is named, who recorded it. */
  receivedBy: string;
  treasurerName: string | null;
  note: string | null;
  entryId: number;
  status: SaleStatus;
  voided: DocumentVoid | null;
  printCount: number;
  createdAt: string;
  createdBy: string;
}

export interface SaleCollectionSummary {
  id: number;
  formattedNumber: string;
  date: string;
  partyId: number;
  buyerName: string;
  amount: number;
  status: SaleStatus;
  printCount: number;
}

export interface SalesResults {
  recordSale: SaleView;
  recordFairSales: FairSalesResult;
  voidSale: SaleView;
  getSale: SaleView;
  recordSalePrint: DocumentPrint;
  listSales: SalePage;
  openSales: OpenSale[];
  collectSale: SaleCollectionView;
  voidSaleCollection: SaleCollectionView;
  getSaleCollection: SaleCollectionView;
  recordCollectionPrint: DocumentPrint;
  listSaleCollections: SaleCollectionSummary[];
}
