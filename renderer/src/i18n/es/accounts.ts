export const accountsEs = {
} as const;
