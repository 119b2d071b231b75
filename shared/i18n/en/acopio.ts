/** Errors of acopio (en). */
export const acopioErrors: Record<string, string> = {};
