/** Errors of the register of parties: suppliers, buyers, lenders, public entities, funders (en). */
export const partiesErrors: Record<string, string> = {
  'party.notFound': 'Supplier or customer {id} does not exist in this association.',
  'party.archived': '"{name}" is archived; reactivate it to record new documents for it.',
  'party.nameRequired': 'Enter the name or business name.',
  'party.nameTooLong': 'The name is too long (at most {max} characters).',
  'party.documentNumberRequired': 'Enter the {documentType} number.',
  'party.documentNumberNotAllowed': 'Without a document there is no number; choose RUC or DNI.',
  'party.duplicateDocument': 'Document {number} is already registered for "{name}".',
  'party.duplicateMember': 'This member is already registered as "{name}".',
  'party.memberNotFound': 'Member {id} does not exist in this association.',
  'party.textTooLong': 'The text is too long (at most {max} characters).',
  'party.memberOtherAssociation': 'The linked member does not belong to this association.',
  'party.immutable': "A supplier's or customer's association and registration details do not change.",
  'party.used':
    'This supplier or customer has recorded movements: it is not deleted. Archive it if it no longer deals with the association.',
};
