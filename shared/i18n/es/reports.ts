/** Errors of the financial reports (es). */
export const reportsErrors: Record<string, string> = {
  'report.unbalanced':
    'El estado de situación financiera al {date} no cuadra: activo {assets}, pasivo y patrimonio {liabilitiesAndEquity}. Revise la base de datos.',
  'report.notCashAccount': 'La cuenta «{name}» no es de caja ni de bancos (elemento 10): elija una cuenta de efectivo.',
};
