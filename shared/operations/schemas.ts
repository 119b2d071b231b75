import { z } from 'zod';
import { isIsoDate } from '../dates';

// Building blocks of the operation inputs. Error messages that are catalogue
// codes ('input.date') become Spanish or English text at the API boundary.

export const id = z.number().int().positive();
export const isoDate = z.string().refine(isIsoDate, { message: 'input.date' });
export const centimos = z.number().int().refine(Number.isSafeInteger, { message: 'input.notInteger' });
export const text = (max: number) => z.string().trim().min(1).max(max);
