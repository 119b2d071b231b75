// The accounts of the last entry typed here, offered again on the next one:
// entries come in runs (a day of dues, a week of purchases) on the same accounts.

const key = (associationId: number) => `khipu.lastEntryAccounts.${associationId}`;

export function loadLastAccounts(associationId: number): number[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key(associationId)) ?? '[]') as unknown;
    return Array.isArray(stored) ? stored.filter((id): id is number => Number.isSafeInteger(id) && id > 0) : [];
  } catch {
    return [];
  }
}

export function saveLastAccounts(associationId: number, accountIds: readonly number[]): void {
  window.localStorage.setItem(key(associationId), JSON.stringify(accountIds));
}
