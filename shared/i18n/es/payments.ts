/** Errors of payment vouchers (recibos de egreso): suppliers, day labour, member refunds (es). */
export const paymentsErrors: Record<string, string> = {
  'payment.amountNotPositive': 'El monto pagado debe ser mayor que cero (se indicó {amount}).',
  'payment.exceedsOpen':
    'Se pagan {amount}, pero a {supplier} se le debe {open}. Confirme si el exceso queda como adelanto al proveedor.',
  'payment.purchaseNotFound': 'No existe la compra {id} en esta asociación.',
  'payment.purchaseRepeated': 'La compra {id} está repetida en la lista.',
  'payment.purchaseOtherSupplier': 'La compra {document} es de otro proveedor.',
  'payment.purchaseVoided': 'La compra {document} está anulada.',
  'payment.purchaseAfterDate': 'La compra {document} es del {date}, posterior al pago.',
  'payment.purchaseSettled': 'La compra {document} ya está pagada.',
  'payment.productLineNotFound': 'No existe la línea de producción {id} en esta asociación.',
  'paymentVoucher.notFound': 'No existe el recibo de egreso {id}.',
  'paymentVoucher.alreadyVoided': 'El recibo de egreso {number} ya fue anulado el {date}.',
  'paymentVoucher.voidBeforeDate': 'La anulación no puede tener fecha anterior al recibo de egreso ({date}).',
  'paymentVoucher.numberGap':
    'El número de recibo de egreso no es el siguiente de la serie; la numeración no admite saltos.',
  'paymentVoucher.immutable':
    'Los recibos de egreso registrados no se modifican ni se borran; para corregir uno, anúlelo.',
  'paymentVoucher.entryMismatch': 'El recibo de egreso no tiene su propio asiento registrado.',
  'paymentVoucher.refundMismatch': 'El recibo de egreso no corresponde a la devolución de saldo a favor que imprime.',
  'paymentVoucher.accountNotCash': 'El dinero de un recibo de egreso sale de Caja o de un banco de la asociación.',
  'paymentVoucher.otherAssociation': 'El proveedor, socio, cuenta o línea de producción del recibo no es de esta asociación.',
  'paymentVoucher.allocationNotSupplier':
    'Solo un recibo de egreso a un proveedor, vigente y de fecha anterior, paga compras.',
  'paymentVoucher.allocationsExceedAmount': 'Se aplicó a las compras más de lo pagado.',
  'paymentVoucher.purchaseNotOpen':
    'Se intentó pagar una compra que no es de este proveedor, está anulada, es posterior al pago o ya está pagada.',
  'purchase.hasPayments': 'La compra tiene pagos con recibo de egreso vigentes; anule primero esos recibos.',
};
