// What the acopio services take from other folders, named once.
export { checkNotLocked, requireAssociation, roleAccount } from '../contributions/common';
export { reverseDocumentEntry as reverseAndLink } from '../contributions/receipts';
