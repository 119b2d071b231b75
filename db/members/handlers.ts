import type { membersOperations } from '../../shared/operations/members';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { exportMembers } from './export';
import { importMembers, previewMemberImport } from './import';
import { getMember, listCommunities, listMembers, listOfficers } from './list';
import { assignOfficerPost, endOfficerPost } from './officers';
import { createMember, memberLeaves, memberRejoins, updateMember } from './register';
import { limaToday } from './rules';

/** This folder's rows of the operation table. */
export function membersHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof membersOperations> {
  const today = () => limaToday(context.now());
  return {
    createMember: (input) => createMember(db, context, input),
    updateMember: (input) => updateMember(db, context, input),
    memberLeaves: (input) => memberLeaves(db, context, input),
    memberRejoins: (input) => memberRejoins(db, context, input),
    listMembers: (input) => listMembers(db, { ...input, asOf: input.asOf ?? today() }),
    getMember: (input) => getMember(db, input.associationId, input.memberId, today()),
    listCommunities: (input) => listCommunities(db, input.associationId),
    assignOfficerPost: (input) => assignOfficerPost(db, context, input),
    endOfficerPost: (input) => endOfficerPost(db, context, input),
    listOfficers: (input) => listOfficers(db, input.associationId, input.asOf ?? today()),
    previewMemberImport: (input) => previewMemberImport(db, context, input),
    importMembers: (input) => importMembers(db, context, input),
    exportMembers: (input) => exportMembers(db, context.now(), input),
  };
}
