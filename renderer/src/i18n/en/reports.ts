import type { reportsEs } from '../es/reports';

export const reportsEn: Record<keyof typeof reportsEs, string> = {
};
