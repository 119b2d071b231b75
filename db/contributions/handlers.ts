import type { contributionsOperations } from '../../shared/operations/contributions';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { createCharge, generateDues, listCharges, voidCharge } from './charges';
import { listInKindContributions, recordInKindContribution, voidInKind } from './in-kind';
import { getReceipt, listReceipts, recordPayment, recordReceiptPrint, voidReceipt } from './receipts';
import { arrears, memberStatement } from './statement';
import { memberPosition, memberPositions } from './position';
import { getCreditRefund, listCreditRefunds, refundCredit, voidCreditRefund } from './refunds';
import { limaToday } from '../members/rules';
import { createContributionType, listContributionTypes, seedDefaultContributionTypes, updateContributionType } from './types';

/** This folder's rows of the operation table. */
export function contributionsHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof contributionsOperations> {
  const today = () => limaToday(context.now());
  return {
    listContributionTypes: (input) => listContributionTypes(db, input),
    createContributionType: (input) => createContributionType(db, context, input),
    updateContributionType: (input) => updateContributionType(db, context, input),
    seedDefaultContributionTypes: (input) => seedDefaultContributionTypes(db, context, input),
    generateDues: (input) => generateDues(db, context, input),
    createCharge: (input) => createCharge(db, context, input),
    voidCharge: (input) => voidCharge(db, context, input),
    listCharges: (input) => listCharges(db, input),
    recordPayment: (input) => recordPayment(db, context, input),
    getReceipt: (input) => getReceipt(db, input.receiptId),
    recordReceiptPrint: (input) => recordReceiptPrint(db, context, input),
    listReceipts: (input) => listReceipts(db, input),
    voidReceipt: (input) => voidReceipt(db, context, input),
    memberStatement: (input) => memberStatement(db, input),
    arrears: (input) => arrears(db, input),
    recordInKindContribution: (input) => recordInKindContribution(db, context, input),
    listInKindContributions: (input) => listInKindContributions(db, input),
    voidInKind: (input) => voidInKind(db, context, input),
    memberPosition: (input) => memberPosition(db, input.associationId, input.memberId, input.asOf ?? today()),
    memberPositions: (input) => memberPositions(db, input.associationId, input.asOf ?? today()),
    refundCredit: (input) => refundCredit(db, context, input),
    getCreditRefund: (input) => getCreditRefund(db, input.refundId),
    listCreditRefunds: (input) => listCreditRefunds(db, input),
    voidCreditRefund: (input) => voidCreditRefund(db, context, input),
  };
}
