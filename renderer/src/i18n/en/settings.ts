import type { settingsEs } from '../es/settings';

export const settingsEn: Record<keyof typeof settingsEs, string> = {
};
