/** Errors of payment vouchers: suppliers, day labour, member refunds (en). */
export const paymentsErrors: Record<string, string> = {
  'payment.amountNotPositive': 'The amount paid must be greater than zero ({amount} was given).',
  'payment.exceedsOpen':
    'You are paying {amount}, but {supplier} is owed {open}. Confirm if the excess stays as an advance to the supplier.',
  'payment.purchaseNotFound': 'Purchase {id} does not exist in this association.',
  'payment.purchaseRepeated': 'Purchase {id} appears twice in the list.',
  'payment.purchaseOtherSupplier': 'Purchase {document} belongs to another supplier.',
  'payment.purchaseVoided': 'Purchase {document} is voided.',
  'payment.purchaseAfterDate': 'Purchase {document} is dated {date}, after the payment.',
  'payment.purchaseSettled': 'Purchase {document} is already paid.',
  'payment.productLineNotFound': 'Product line {id} does not exist in this association.',
  'paymentVoucher.notFound': 'Payment voucher {id} does not exist.',
  'paymentVoucher.alreadyVoided': 'Payment voucher {number} was already voided on {date}.',
  'paymentVoucher.voidBeforeDate': 'The void cannot be dated before the payment voucher ({date}).',
  'paymentVoucher.numberGap': 'The payment voucher number is not the next in its series; numbering allows no gaps.',
  'paymentVoucher.immutable': 'Recorded payment vouchers are never changed or deleted; to correct one, void it.',
  'paymentVoucher.entryMismatch': 'The payment voucher has no posted entry of its own.',
  'paymentVoucher.refundMismatch': 'The payment voucher does not match the credit refund it prints.',
  'paymentVoucher.accountNotCash': 'The money of a payment voucher leaves the cash box or a bank account of the association.',
  'paymentVoucher.otherAssociation': 'The supplier, member, account or product line of the voucher is not of this association.',
  'paymentVoucher.allocationNotSupplier': 'Only a live payment voucher to a supplier, dated earlier, pays purchases.',
  'paymentVoucher.allocationsExceedAmount': 'More was applied to purchases than was paid.',
  'paymentVoucher.purchaseNotOpen':
    'A purchase was to be paid that is not this supplier’s, is voided, is dated after the payment or is already paid.',
  'purchase.hasPayments': 'The purchase has live payment vouchers paying it; void those vouchers first.',
};
