import { z } from 'zod';
import { id, isoDate, lineAmount, optionalText, text } from './schemas';
import type { PaymentAccountKind } from './contributions';
import type { DocumentPrint, DocumentVoid, NumberedDocument } from './documents';

// Payments out with their numbered "Recibo de egreso" (series 001, gapless per association, apart
// from receipts): to a supplier, to a day labourer, and the member refunds of db/contributions/refunds.ts.
// The engine is db/payments/; the print route /print/payment-voucher?id=…&size=a5|80mm.

export const paymentVoucherSeries = '001';
export const paymentVoucherKinds = ['supplier', 'labour', 'member_refund', 'other'] as const;
export type PaymentVoucherKind = (typeof paymentVoucherKinds)[number];
export type PaymentVoucherStatus = 'valid' | 'voided';

export const paymentsOperations = {
  /**
   * Money to a supplier: first to the ticked purchases (in the order given), then to the supplier's other
   * open purchases dated by then, oldest due first. Any advance already paid to the supplier is applied
   * to them before the new money. More than the supplier is owed is refused (payment.exceedsOpen, naming
   * the open balance) unless confirmOverpayment: the excess is then an advance to the supplier.
   */
  paySupplier: {
    input: z.object({
      associationId: id,
      partyId: id,
      date: isoDate,
      amount: lineAmount,
      /** Caja by default, or any postable account under 10 (a bank account). */
      accountId: id.nullish(),
      purchaseIds: z.array(id).min(1).max(500).nullish(),
      confirmOverpayment: z.boolean().optional(),
      /** Printed as the concept; left out: the purchases it pays, by their document numbers. */
      concept: optionalText(300),
    }),
  },
  /** Day labour paid in cash or from the bank: Dr Sueldos y jornales (621) / Cr caja or bank. */
  payLabour: {
    input: z.object({
      associationId: id,
      date: isoDate,
      workerName: text(120),
      /** 8 digits when given. */
      workerDni: z.string().trim().nullish(),
      amount: lineAmount,
      accountId: id.nullish(),
      concept: text(300),
      productLineId: id.nullish(),
      /** Days worked, in thousandths (a day and a half = 1500); printed beside the concept. */
      days: z.number().int().positive().max(1_000_000).nullish(),
    }),
  },
  /**
   * Voids a voucher issued in error: its entry is reversed, the purchases it paid are owed again. A
   * member-refund voucher is voided with its refund (the credit returns to the member).
   */
  voidPaymentVoucher: { input: z.object({ voucherId: id, date: isoDate, reason: text(500) }) },
  getPaymentVoucher: { input: z.object({ voucherId: id }) },
  /** Oldest first by date and number; voided ones included (status 'voided'). */
  listPaymentVouchers: {
    input: z.object({
      associationId: id, from: isoDate.nullish(), to: isoDate.nullish(), kind: z.enum(paymentVoucherKinds).nullish(),
      partyId: id.nullish(),
    }),
  },
  /** Counts a print (not a saved PDF); every print after the first is a DUPLICADO. */
  recordVoucherPrint: { input: z.object({ voucherId: id }) },
} as const;

// ------------------------------------------------------------------ results

/** A purchase a supplier payment settled, named by the supplier's document. */
export interface PaymentVoucherLine {
  purchaseId: number;
  /** The purchase's date. */
  date: string;
  documentKind: 'factura' | 'boleta' | 'recibo_honorarios' | 'ticket' | 'none';
  /** The supplier's series-number as recorded (F001-123), null when the purchase had no document. */
  documentNumber: string | null;
  /** Settled by this voucher. */
  amount: number;
  /** The day it was settled: the voucher's date, or later for an advance applied to a later purchase. */
  appliedOn: string;
}

export interface PaymentVoucherView extends NumberedDocument {
  kind: PaymentVoucherKind;
  /** Who was paid, as printed when it was issued. */
  payee: { name: string; dni: string | null; ruc: string | null; partyId: number | null; memberId: number | null };
  concept: string;
  /** Purchases settled (supplier vouchers); empty for the others. */
  lines: PaymentVoucherLine[];
  /** What this voucher paid beyond the purchases it settled: still an advance to the supplier. */
  advance: number;
  amount: number;
  /** "SON: CIENTO VEINTE CON 50/100 SOLES". */
  amountInWords: string;
  /** Labour: days worked, in thousandths. */
  days: number | null;
  accountId: number;
  accountName: string;
  /** Where the money came from: 'cash' (caja) or 'bank'. */
  accountKind: PaymentAccountKind;
  productLineId: number | null;
  /** Labour and other payments: the expense account debited (accountant views only). */
  expenseAccountId: number | null;
  creditRefundId: number | null;
  entryId: number;
  /** The treasurer who held the post on the voucher's date ("Entregué conforme"), if the padrón names one. */
  treasurerName: string | null;
  /** Who handed the money over: the treasurer, or who recorded it when none is named. */
  paidBy: string;
  status: PaymentVoucherStatus;
  voided: DocumentVoid | null;
  printCount: number;
  createdAt: string;
  createdBy: string;
}

export interface PaymentVoucherSummary {
  id: number;
  formattedNumber: string;
  date: string;
  kind: PaymentVoucherKind;
  payeeName: string;
  partyId: number | null;
  memberId: number | null;
  concept: string;
  amount: number;
  accountKind: PaymentAccountKind;
  status: PaymentVoucherStatus;
  printCount: number;
}

export interface PaymentsResults {
  paySupplier: PaymentVoucherView;
  payLabour: PaymentVoucherView;
  voidPaymentVoucher: PaymentVoucherView;
  getPaymentVoucher: PaymentVoucherView;
  listPaymentVouchers: PaymentVoucherSummary[];
  recordVoucherPrint: DocumentPrint;
}
