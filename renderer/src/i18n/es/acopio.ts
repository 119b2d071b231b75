// The acopio and settlement screens and prints (Spanish).
export const acopioEs = {
  'nav.acopio': 'Acopio',
} as const;
