export const wizardEs = {
} as const;
