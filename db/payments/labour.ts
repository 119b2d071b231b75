import type { ParsedInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';
import { formatSoles } from '../../shared/money';
import type { PaymentVoucherView } from '../../shared/operations/payments';
import { assertDni } from '../../shared/peru/dni';
import { appendAudit, type WriteContext } from '../audit/log';
import { checkNotLocked, requireAssociation, requireCashAccount, roleAccount } from '../contributions/common';
import { insertEntry } from '../journal/post';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { insertVoucher, nextVoucherId, nextVoucherNumber } from './common';
import { getPaymentVoucher } from './view';

// Day labour paid with a "Recibo de egreso": Dr Sueldos y jornales (personnel_expense, 621) with the
// product line / Cr caja or bank. The worker is not a party: name and DNI are printed as given.

export function requireProductLine(db: LedgerDatabase, associationId: number, productLineId: number, field = 'productLineId'): number {
  const row = prepared(db, 'SELECT association_id FROM product_lines WHERE id = ?').get(productLineId) as
    { association_id: number } | undefined;
  if (!row || row.association_id !== associationId) {
    throw new KhipuError('payment.productLineNotFound', { field, params: { id: productLineId } });
  }
  return productLineId;
}

export function payLabour(db: LedgerDatabase, context: WriteContext, input: ParsedInput<'payLabour'>): PaymentVoucherView {
  return writeTransaction(db, () => {
    if (input.amount <= 0) {
      throw new KhipuError('payment.amountNotPositive', { field: 'amount', params: { amount: formatSoles(input.amount) } });
    }
    const workerDni = input.workerDni === undefined || input.workerDni === null || input.workerDni.trim() === ''
      ? null : assertDni(input.workerDni, 'workerDni');
    const association = requireAssociation(db, input.associationId);
    checkNotLocked(association, input.date);
    const account = requireCashAccount(db, input.associationId, input.accountId);
    const productLineId = input.productLineId ? requireProductLine(db, input.associationId, input.productLineId) : null;
    const expenseAccountId = roleAccount(db, input.associationId, 'personnel_expense');

    const voucherId = nextVoucherId(db);
    const { number, formatted } = nextVoucherNumber(db, input.associationId);
    const entry = insertEntry(db, context, {
      associationId: input.associationId, date: input.date, sourceType: 'payment_voucher', sourceId: voucherId,
      description: `Recibo de egreso ${formatted} — ${input.workerName}`,
      lines: [
        { accountId: expenseAccountId, amount: input.amount, productLineId, memo: `Jornal: ${input.workerName}` },
        { accountId: account.id, amount: -input.amount, memo: `Recibo de egreso ${formatted}` },
      ],
    });
    insertVoucher(db, {
      id: voucherId, associationId: input.associationId, number, date: input.date, kind: 'labour', payeeName: input.workerName,
      payeeDni: workerDni, accountId: account.id, amount: input.amount, concept: input.concept, productLineId, expenseAccountId,
      days: input.days ?? null, entryId: entry.id, createdAt: context.now().toISOString(), createdBy: context.actor,
    });
    appendAudit(db, context, 'payLabour', input.associationId, { ...input, voucherId, voucher: formatted, entryId: entry.id });
    return getPaymentVoucher(db, voucherId);
  });
}
