/** Errors of acopio (es). */
export const acopioErrors: Record<string, string> = {};
