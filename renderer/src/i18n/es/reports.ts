export const reportsEs = {
} as const;
