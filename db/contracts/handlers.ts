import type { contractsOperations } from '../../shared/operations/contracts';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { acceptDelivery, recordDelivery, recordDeliveryPrint, voidAcceptance, voidDelivery } from './deliveries';
import { recordContractCollection, recordContractInvoice, voidContractCollection, voidContractInvoice } from './invoices';
import { amendContract, createContract, setContractStatus } from './terms';
import { contractSheet, getContract, getDelivery, listContracts } from './view';

/** This folder's rows of the operation table. */
export function contractsHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof contractsOperations> {
  return {
    createContract: (input) => createContract(db, context, input),
    amendContract: (input) => amendContract(db, context, input),
    setContractStatus: (input) => setContractStatus(db, context, input),
    getContract: (input) => getContract(db, input.contractId),
    listContracts: (input) => listContracts(db, input),
    recordDelivery: (input) => recordDelivery(db, context, input),
    acceptDelivery: (input) => acceptDelivery(db, context, input),
    voidDelivery: (input) => voidDelivery(db, context, input),
    voidAcceptance: (input) => voidAcceptance(db, context, input),
    recordDeliveryPrint: (input) => recordDeliveryPrint(db, context, input),
    getDelivery: (input) => getDelivery(db, input.deliveryId),
    recordContractInvoice: (input) => recordContractInvoice(db, context, input),
    voidContractInvoice: (input) => voidContractInvoice(db, context, input),
    recordContractCollection: (input) => recordContractCollection(db, context, input),
    voidContractCollection: (input) => voidContractCollection(db, context, input),
    contractSheet: (input) => contractSheet(db, input.contractId),
  };
}
