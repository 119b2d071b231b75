import type { paymentsOperations } from '../../shared/operations/payments';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { payLabour } from './labour';
import { paySupplier } from './supplier';
import { getPaymentVoucher, listPaymentVouchers, recordVoucherPrint } from './view';
import { voidPaymentVoucher } from './void';

/** This folder's rows of the operation table. */
export function paymentsHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof paymentsOperations> {
  return {
    paySupplier: (input) => paySupplier(db, context, input),
    payLabour: (input) => payLabour(db, context, input),
    voidPaymentVoucher: (input) => voidPaymentVoucher(db, context, input),
    getPaymentVoucher: (input) => getPaymentVoucher(db, input.voucherId),
    listPaymentVouchers: (input) => listPaymentVouchers(db, input),
    recordVoucherPrint: (input) => recordVoucherPrint(db, context, input),
  };
}
