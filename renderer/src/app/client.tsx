import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { OperationInput, OperationName, OperationResult } from '../../../shared/api';
import type { ApiCallError, KhipuClient } from '../api/client';

const ClientContext = createContext<KhipuClient | null>(null);

export function ClientProvider({ client, children }: { client: KhipuClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): KhipuClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}

type QueryOptions<Op extends OperationName> = Omit<
  UseQueryOptions<OperationResult<Op>, ApiCallError>,
  'queryKey' | 'queryFn'
>;

/** A read operation, cached by its name and input. */
export function useOperation<Op extends OperationName>(operation: Op, input: OperationInput<Op>, options: QueryOptions<Op> = {}) {
  const client = useClient();
  return useQuery<OperationResult<Op>, ApiCallError>({
    queryKey: [operation, input],
    queryFn: () => client.call(operation, input),
    ...options,
  });
}

/**
 * A write operation. Afterwards every cached read is refetched: the ledger is
 * local and small reads are cheap, and a stale balance is worse than a refetch.
 */
export function useWrite<Op extends OperationName>(operation: Op) {
  const client = useClient();
  const queries = useQueryClient();
  return useMutation<OperationResult<Op>, ApiCallError, OperationInput<Op>>({
    mutationFn: (input) => client.call(operation, input),
    onSuccess: () => queries.invalidateQueries(),
  });
}
