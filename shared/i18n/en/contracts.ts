/** Errors of contracts (en). */
export const contractsErrors: Record<string, string> = {};
