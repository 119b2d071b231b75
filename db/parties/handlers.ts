import type { partiesOperations } from '../../shared/operations/parties';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { archiveParty, createParty, getParty, listParties, partyForMember, updateParty } from './parties';

/** This folder's rows of the operation table. */
export function partiesHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof partiesOperations> {
  return {
    listParties: (input) => listParties(db, input),
    getParty: (input) => getParty(db, input.partyId),
    createParty: (input) => createParty(db, context, input),
    updateParty: (input) => updateParty(db, context, input),
    archiveParty: (input) => archiveParty(db, context, input),
    partyForMember: (input) => partyForMember(db, context, input),
  };
}
