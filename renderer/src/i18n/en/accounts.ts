import type { accountsEs } from '../es/accounts';

export const accountsEn: Record<keyof typeof accountsEs, string> = {
};
