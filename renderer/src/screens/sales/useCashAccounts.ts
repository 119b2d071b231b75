import { useOperation } from '../../app/client';

/** Where money comes in or goes out: the association's caja and bank accounts (PCGE 10), never anywhere else. */
export function useCashAccounts(associationId: number) {
  const accounts = useOperation('listAccounts', { associationId });
  const list = accounts.data?.filter((a) => a.postable && !a.archived && a.code.startsWith('10'));
  return { accounts: list, error: accounts.error };
}
