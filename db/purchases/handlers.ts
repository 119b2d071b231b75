import type { purchasesOperations } from '../../shared/operations/purchases';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import { requireParty } from '../parties/require';
import type { LedgerDatabase } from '../storage/open';
import { openPurchases } from './open';
import { recordPurchase } from './record';
import { getPurchase, listPurchases } from './view';
import { voidPurchase } from './void';

/** This folder's rows of the operation table. */
export function purchasesHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof purchasesOperations> {
  return {
    recordPurchase: (input) => recordPurchase(db, context, input),
    voidPurchase: (input) => voidPurchase(db, context, input),
    getPurchase: (input) => getPurchase(db, input.purchaseId),
    listPurchases: (input) => listPurchases(db, input),
    openPurchases: (input) => openPurchases(db, requireParty(db, input.associationId, input.partyId, 'partyId', { allowArchived: true }).id),
  };
}
