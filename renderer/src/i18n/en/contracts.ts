// The contracts screens and prints (English).
export const contractsEn = {
  'nav.contracts': 'Contracts',
} as const;
