// The acopio and settlement screens and prints (English).
export const acopioEn = {
  'nav.acopio': 'Collection (acopio)',
} as const;
