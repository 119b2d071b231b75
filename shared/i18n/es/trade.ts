/** Errors of the payables, receivables, books and rendición de cuentas (es). */
export const tradeErrors: Record<string, string> = {
  'trade.partyNotFound': 'No existe ese proveedor o cliente (n.º {id}) en esta asociación.',
};
