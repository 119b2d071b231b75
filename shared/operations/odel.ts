import { z } from 'zod';
import type { AssociationDetails } from '../results';
import type { OfficerPostView } from './members';
import { id, isoDate } from './schemas';

// ODEL: what the municipality's promoter prints for the associations of a
// district (side-by-side summary, one-page sheet per association), and the
// hledger journal an accountant can check Khipu's books with.

/** 6-digit INEI district code; unknown codes are refused by the engine with the peru.ubigeo.* errors. */
const ubigeo = z.string().trim();

export const odelOperations = {
  /** One row per association, grouped by district; every association in the file when ubigeo is left out. */
  odelSummary: {
    input: z.object({
      ubigeo: ubigeo.nullish(),
      /** Period of income and expenses (both days included). */
      from: isoDate,
      to: isoDate,
      /** Day of members, cash, receivables and debts; `to` when left out. */
      asOf: isoDate.optional(),
    }),
  },
  /** The one-page sheet of one association. */
  associationSheet: {
    input: z.object({ associationId: id, from: isoDate, to: isoDate, asOf: isoDate.optional() }),
  },
  /**
   * The association's posted entries as an hledger journal (plain text). With `from`, what came
   * before is one opening entry dated the day before, so balances at any later date still agree.
   */
  exportHledgerJournal: {
    input: z.object({ associationId: id, from: isoDate.nullish(), to: isoDate.nullish() }),
  },
} as const;

/** Figures of one association, a district subtotal or the grand total. Money in céntimos. */
export interface OdelFigures {
  /** Associations counted (1 for an association row). */
  associations: number;
  /** Members active on asOf: women, men, and everyone (members recorded without sex count in total only). */
  women: number;
  men: number;
  members: number;
  /** Class 7 in the period (credit positive). */
  income: number;
  /** Element 70 (ventas) in the period: part of income. */
  sales: number;
  /** Income lines of the period tied to a contract (municipal programmes and other buyers). */
  contractSales: number;
  /** Class 6 in the period (debit positive). */
  expenses: number;
  /** income − expenses. */
  result: number;
  /** Element 10 (caja y bancos) at asOf, debit positive. */
  cash: number;
  /** Elements 12, 13, 14 and 16 at asOf, debit positive. */
  receivables: number;
  /** Elements 40 to 47 at asOf, credit positive; financial obligations (45) are part of it. */
  debts: number;
  /** Element 45 (préstamos de bancos, cajas y cooperativas) at asOf, credit positive. */
  financialDebts: number;
  /**
   * Purchases of the period, the purchases book's foot (db/trade/books.ts, `purchasesBook` totals.amount): the
   * subtotal before IGV of every purchase dated from `from` to `to` and not voided by `to` (one voided after `to`
   * still counts, as in the book; one voided on or before `to` does not).
   */
  purchases: number;
  /**
   * What the association owes its suppliers at asOf: per party, the balance of its posted lines on the payable
   * accounts (421 proveedores, 424 honorarios and their sub-accounts, credit positive), and the sum of the positive
   * balances only — one supplier's advance does not lower what is owed to another. Lines without a party belong to
   * no supplier and are left out here (they stay in `debts`).
   */
  payables: number;
  /** What buyers owe the association at asOf: the same rule on 121 (clientes, debit positive). */
  receivablesFromBuyers: number;
  /**
   * Contracts with public entities (db/contracts) signed by asOf: their value under the terms in force on
   * asOf; what was delivered by then net of what the entity rejected (at contract prices); the share of the
   * value that is (basis points, 10000 = all; worked out again for subtotals and totals); the money
   * collected; and what the entities still owe (invoiced − collected − deductions). Documents count when
   * dated by asOf and not voided by then.
   */
  contractsValue: number;
  contractsDelivered: number;
  contractsDeliveredShareBp: number;
  contractsCollected: number;
  contractsPending: number;
}

export interface OdelAssociationRow extends OdelFigures {
  associationId: number;
  name: string;
  ruc: string | null;
  legalForm: string;
  mainProducts: string[];
}

export interface OdelDistrict {
  ubigeo: string;
  department: string;
  province: string;
  district: string;
  associations: OdelAssociationRow[];
  subtotal: OdelFigures;
}

export interface OdelSummary {
  ubigeo: string | null;
  from: string;
  to: string;
  asOf: string;
  /** By ubigeo code; associations by name inside each district. */
  districts: OdelDistrict[];
  total: OdelFigures;
}

export interface AssociationSheet {
  association: AssociationDetails;
  from: string;
  to: string;
  asOf: string;
  figures: OdelFigures;
  /** Posts held on asOf: presidente first, then in the statute's order. */
  officers: OfficerPostView[];
  /** Posted entries dated in the period, reversals included; reversals also counted apart. */
  entries: number;
  reversals: number;
  /** Members' receipts (recibos de ingreso) dated in the period. */
  receipts: DocumentCounts;
  /** Payment vouchers (recibos de egreso: suppliers, day labour, member refunds) dated in the period, by amount. */
  paymentVouchers: DocumentCounts;
  /** Sales dated in the period, whatever document they carry (nota de venta, boleta, factura or none), by total with IGV. */
  sales: DocumentCounts;
  /** Of those sales, the ones that carry Khipu's own nota de venta. */
  notasDeVenta: DocumentCounts;
  /** Collections from buyers (their recibos de ingreso, series 002) dated in the period, by amount. */
  saleCollections: DocumentCounts;
}

/**
 * Documents dated in the period: all recorded (numbers issued, for the numbered ones), those voided since
 * (whenever the void is dated), and the total of the ones still valid. Money in céntimos.
 */
export interface DocumentCounts { issued: number; voided: number; total: number }

export interface HledgerExport {
  fileName: string;
  content: string;
  /** Transactions written, the opening entry included. */
  transactions: number;
}

export interface OdelResults {
  odelSummary: OdelSummary;
  associationSheet: AssociationSheet;
  exportHledgerJournal: HledgerExport;
}
