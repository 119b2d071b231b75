import type { journalEs } from '../es/journal';

export const journalEn: Record<keyof typeof journalEs, string> = {
};
