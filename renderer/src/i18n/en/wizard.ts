import type { wizardEs } from '../es/wizard';

export const wizardEn: Record<keyof typeof wizardEs, string> = {
};
