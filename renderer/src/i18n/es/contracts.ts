// The contracts screens and prints (Spanish).
export const contractsEs = {
  'nav.contracts': 'Contratos',
} as const;
