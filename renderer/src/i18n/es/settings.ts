export const settingsEs = {
} as const;
