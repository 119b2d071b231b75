import type { salesOperations } from '../../shared/operations/sales';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { collectSale, getSaleCollection, listSaleCollections, recordCollectionPrint, voidSaleCollection } from './collections';
import { requireParty } from './links';
import { openSales } from './open-sales';
import { recordFairSales, recordSale } from './record';
import { getSale, listSales, recordSalePrint } from './view';
import { voidSale } from './void';

/** This folder's rows of the operation table. */
export function salesHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof salesOperations> {
  return {
    recordSale: (input) => recordSale(db, context, input),
    recordFairSales: (input) => recordFairSales(db, context, input),
    voidSale: (input) => voidSale(db, context, input),
    getSale: (input) => getSale(db, input.saleId),
    recordSalePrint: (input) => recordSalePrint(db, context, input),
    listSales: (input) => listSales(db, input),
    openSales: (input) => openSales(db, requireParty(db, input.associationId, input.partyId, 'partyId', { allowArchived: true }).id),
    collectSale: (input) => collectSale(db, context, input),
    voidSaleCollection: (input) => voidSaleCollection(db, context, input),
    getSaleCollection: (input) => getSaleCollection(db, input.collectionId),
    recordCollectionPrint: (input) => recordCollectionPrint(db, context, input),
    listSaleCollections: (input) => listSaleCollections(db, input),
  };
}
