import { useSearchParams } from 'react-router';
import { useOperation } from '../app/client';

/**
 * What every print route of one association starts with: its request read back from the address
 * (null when something is missing or malformed), the association for the header, and `autoprint`.
 */
export function useAssociationPrint<Request extends { associationId: number }>(read: (params: URLSearchParams) => Request | null) {
  const [params] = useSearchParams();
  const request = read(params);
  const enabled = request !== null;
  const associationId = request?.associationId ?? 0;
  const association = useOperation('getAssociation', { associationId }, { enabled });
  return { request, params, enabled, associationId, association, autoprint: params.get('autoprint') === '1' };
}
