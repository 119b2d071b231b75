/** Errors of contracts (es). */
export const contractsErrors: Record<string, string> = {};
