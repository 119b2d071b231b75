import { z } from 'zod';
import { isIsoDate } from '../dates';
import { MAX_LINE_CENTIMOS, formatSoles } from '../money';
import { cleanText, textProblem } from '../text';

// Building blocks of the operation inputs. Error messages that are catalogue
// codes ('input.date') become Spanish or English text at the API boundary.

export const id = z.number().int().positive();
export const isoDate = z.string().refine(isIsoDate, { message: 'input.date' });
export const centimos = z.number().int().refine(Number.isSafeInteger, { message: 'input.notInteger' });

/** Any amount a person types (a line, a price, a payment): at most S/ 100,000,000.00 either way (shared/money.ts says why). */
export const lineAmount = centimos.refine((value) => Math.abs(value) <= MAX_LINE_CENTIMOS, {
  message: 'money.lineTooLarge',
  params: { limit: formatSoles(MAX_LINE_CENTIMOS) },
});

/**
 * Text a person types (names, descriptions, reasons, notes): refused when it holds a control character,
 * a lone surrogate or nothing visible; stored cleaned (shared/text.ts: invisible characters stripped,
 * NFC, trimmed). `max` counts the cleaned text.
 */
const typedText = () =>
  z
    .string()
    .superRefine((value, context) => {
      const problem = textProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem, abort: true });
    })
    .overwrite(cleanText);

/** Required text: blank once cleaned is "missing". */
export const text = (max: number) => typedText().min(1).max(max);
/** Optional text: left out, null or blank; blank stays '' (the services store it as nothing). */
export const optionalText = (max: number) => typedText().max(max).nullish();
