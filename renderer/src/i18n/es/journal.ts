export const journalEs = {
} as const;
