import { z } from 'zod';
import { id } from './schemas';

// Checking a Khipu file: SQLite's own checks and the ledger's rules, read-only.

export const integrityOperations = {
  /** The whole file, or one association's books (SQLite's checks always cover the whole file). */
  checkIntegrity: { input: z.object({ associationId: id.optional() }) },
} as const;

/** What a check can find wrong; each code has a plain message in shared/i18n (integrity.*). */
export const INTEGRITY_FINDINGS = [
  'integrity.sqlite', // PRAGMA integrity_check found damage in the file itself
  'integrity.foreignKeys', // rows pointing at rows that do not exist
  'integrity.unposted', // entries never posted (a draft left behind by a tool)
  'integrity.unbalanced', // entries whose lines do not add up to zero
  'integrity.snapshots', // monthly balances that differ from the sum of their lines
  'integrity.postingFlag', // the posting flag left raised (posting_in_progress not empty)
  'integrity.reversalLinks', // a reversal and its original that do not point at each other
  'integrity.documentEntry', // a document without its posted entry
  'integrity.voidEntry', // a voided document without its posted void entry
  'integrity.voidReleases', // a voided receipt, in-kind contribution or charge whose allocations (or credit) are still live
  'integrity.entryNumbering', // entry numbers with a gap (per association and fiscal year)
  'integrity.documentNumbering', // receipt (or refund) numbers with a gap (per association and series)
  'integrity.settledMarks', // a charge marked paid or open against what its allocations say
  'integrity.creditOverused', // credit in favour applied or refunded beyond its amount, or used after its void
  'integrity.refundUses', // a credit refund whose drawn credits do not add up to it (or are another member's)
  'integrity.productStock', // a product's stock (on hand or value) that differs from the sum of its movements
  'integrity.purchaseFigures', // a purchase whose lines do not add up to its subtotal (or price × quantity to a line), or total ≠ subtotal + IGV
  'integrity.saleFigures', // a sale likewise
  'integrity.purchaseEntryAmount', // a purchase whose entry does not credit its total to 421/424 with the supplier, or its IGV to 4011
  'integrity.saleEntryAmount', // a sale whose entry does not debit its total (caja/bank or 121 with the buyer), or its income, IGV or cost differ
  'integrity.voucherEntryAmount', // a payment voucher whose entry does not credit its amount to its caja/bank (or debit it to the supplier, the labour expense)
  'integrity.collectionEntryAmount', // a collection whose entry does not debit its amount to its caja/bank and credit it to the buyer on 121
  'integrity.adjustmentEntryAmount', // a stock adjustment whose entry does not move its value on the product's inventory account
  'integrity.stockMovementSource', // a document whose stock movements differ from its lines (quantity or value, per product), or a movement of no document
  'integrity.voucherAllocations', // a live voucher settling beyond its amount, or a voided / other supplier's / other association's purchase; a purchase settled beyond its total
  'integrity.collectionAllocations', // a live collection paying beyond its amount, or a voided / cash / other buyer's / other association's sale; a sale paid beyond its total
  'integrity.jointShares', // a joint purchase whose members' shares do not add up to its joint lines, or differ from their charges
  'integrity.inventoryBooks', // an inventory account (201, 211, 241, 252) whose balance differs from the value of the stock it holds
  'integrity.contractFigures', // a contract document disagreeing with itself or its contract: delivery lines vs price × quantity, an acta above its delivery, an invoice above what was accepted or covering a delivery twice, collections above their invoice
  'integrity.contractEntryAmount', // a contract document whose entry does not post its figures (invoice Dr 121 total with the entity and contract; collection Cr 121; delivery its cost)
  'integrity.acopioFigures', // an acopio sheet or settlement disagreeing with itself: rows vs price × quantity and total, lines vs gross and levy, net ≠ gross − levy − deductions, its receipt ≠ its deductions
  'integrity.acopioEntryAmount', // an acopio sheet or settlement whose entry does not post its figures (Cr 4419 per member, Dr inventory; the levy and deductions Dr 4419)
] as const;
export type IntegrityFindingCode = (typeof INTEGRITY_FINDINGS)[number];

export interface IntegrityFinding {
  code: IntegrityFindingCode;
  /** How many rows (entries, documents, months, series) the problem touches. */
  count: number;
  /** The catalogue's plain Spanish sentence for it, count included. */
  message: string;
}

export interface IntegrityReport {
  ok: boolean;
  /** What was read: the whole file, or the association asked for. */
  associations: number;
  entries: number;
  lines: number;
  documents: number;
  findings: IntegrityFinding[];
}

export interface IntegrityResults {
  checkIntegrity: IntegrityReport;
}
