import { useParams } from 'react-router';

/** The association every screen under /a/:associationId works on. */
export function useAssociationId(): number {
  const { associationId } = useParams();
  const id = Number(associationId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`invalid association id in route: ${associationId}`);
  return id;
}
