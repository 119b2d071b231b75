/** Errors of the payables, receivables, books and rendición de cuentas (en). */
export const tradeErrors: Record<string, string> = {
  'trade.partyNotFound': 'There is no such supplier or buyer (no. {id}) in this association.',
};
