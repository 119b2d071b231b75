// The pure half of printing: request validation, paper sizes, file names and
// the readiness wait. electron/print.ts does the Electron half. Unit tested in Node.
import {
  PRINT_PAGE_LENGTH_ATTRIBUTE, PRINT_READY_ATTRIBUTE, type PaperSize, type PrintRequest, type PrintResponse,
} from '../shared/bridge';
import { KhipuError } from '../shared/errors';
import type { Locale } from '../shared/i18n';
import { normalizeLocale } from './ipc-args';

export const PRINT_ERRORS = {
  invalidRequest: 'print.invalidRequest',
  timeout: 'print.timeout',
  failed: 'print.failed',
} as const;
export type PrintErrorCode = (typeof PRINT_ERRORS)[keyof typeof PRINT_ERRORS];

export const PRINT_ROUTE_PREFIX = '/print/';
export const PRINT_READY_TIMEOUT_MS = 15_000;
export const PRINT_READY_POLL_MS = 100;
const MAX_ROUTE_LENGTH = 2048;
const MAX_NAME_LENGTH = 120;
const DEFAULT_PDF_NAME = 'khipu.pdf';

const paperSizes: readonly PaperSize[] = ['A4', 'A5', 'ticket80'];
const targets: readonly PrintRequest['target'][] = ['pdf', 'printer'];

export type ValidatedPrintRequest =
  | { ok: true; request: PrintRequest; locale: Locale }
  | { ok: false; locale: Locale };

/** Control characters (C0 and DEL); checked by code point so no control-character regex is needed. */
function isControl(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A renderer print route: `/print/...`, no whitespace, control characters, backslashes or second hash. */
export function isPrintRoute(route: unknown): route is string {
  return (
    typeof route === 'string' &&
    route.startsWith(PRINT_ROUTE_PREFIX) &&
    route.length <= MAX_ROUTE_LENGTH &&
    ![...route].some(isControl) &&
    !/[\s\\#]/.test(route)
  );
}

/**
 * Checks what crosses `khipu:print` and keeps only the known fields. An optional
 * `locale` ('es' | 'en') is honoured for the error texts; Spanish otherwise.
 */
export function validatePrintRequest(value: unknown): ValidatedPrintRequest {
  const locale = normalizeLocale(isRecord(value) ? value.locale : undefined);
  if (!isRecord(value)) return { ok: false, locale };
  const { route, paper, target, landscape, suggestedName } = value;
  if (!isPrintRoute(route)) return { ok: false, locale };
  if (!paperSizes.includes(paper as PaperSize)) return { ok: false, locale };
  if (!targets.includes(target as PrintRequest['target'])) return { ok: false, locale };
  if (landscape !== undefined && typeof landscape !== 'boolean') return { ok: false, locale };
  if (suggestedName !== undefined && (typeof suggestedName !== 'string' || suggestedName.length > 255)) {
    return { ok: false, locale };
  }
  const request: PrintRequest = {
    route,
    paper: paper as PaperSize,
    target: target as PrintRequest['target'],
    landscape: landscape ?? false,
  };
  if (suggestedName !== undefined) request.suggestedName = suggestedName;
  return { ok: true, request, locale };
}

export interface PageDimensions {
  width: number;
  height: number;
}

const MM_PER_INCH = 25.4;
/** An 80 mm thermal roll. */
const TICKET_WIDTH_MM = 80;
/** Only when the route did not say how long it is: cut at A4 height. */
const TICKET_FALLBACK_LENGTH_MM = 297;
/** What a roll route may ask for: a few lines at least, and no endless paper. */
const ROLL_LENGTH_MM = { min: 30, max: 3000 };

/**
 * The length a roll route measured for itself (renderer/src/print/rollPage.ts), read from
 * <html>; null when absent or not a plausible whole number of millimetres.
 */
export function rollPageLength(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value)) return null;
  const length = Number(value);
  return length >= ROLL_LENGTH_MM.min && length <= ROLL_LENGTH_MM.max ? length : null;
}

function ticketMm(lengthMm: number | null): PageDimensions {
  return { width: TICKET_WIDTH_MM, height: lengthMm ?? TICKET_FALLBACK_LENGTH_MM };
}

/** `webContents.printToPDF` takes custom sizes in inches; a ticket is as long as its content. */
export function pdfPageSize(paper: PaperSize, rollLengthMm: number | null = null): 'A4' | 'A5' | PageDimensions {
  if (paper !== 'ticket80') return paper;
  const ticket = ticketMm(rollLengthMm);
  return { width: ticket.width / MM_PER_INCH, height: ticket.height / MM_PER_INCH };
}

/** `webContents.print` takes custom sizes in microns; a ticket is as long as its content. */
export function printerPageSize(paper: PaperSize, rollLengthMm: number | null = null): 'A4' | 'A5' | PageDimensions {
  if (paper !== 'ticket80') return paper;
  const ticket = ticketMm(rollLengthMm);
  return { width: ticket.width * 1000, height: ticket.height * 1000 };
}

/**
 * A safe file name for the save dialog: no folders, no characters Windows
 * refuses, never hidden, always ending in `.pdf`.
 */
export function pdfFileName(suggested: string | undefined): string {
  const last = (suggested ?? '').split(/[/\\]/).pop() ?? '';
  const name = [...last]
    .filter((character) => !isControl(character))
    .join('')
    .replace(/[<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[. ]+/, '')
    .replace(/\.pdf$/i, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[. ]+$/, '');
  if (name === '') return DEFAULT_PDF_NAME;
  return `${name}.pdf`;
}

/** Linux save dialogs do not add the extension the filter names. */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}

/** Evaluated in the print window: has the route said its data is on the page? */
export const PRINT_READY_SCRIPT = `document.documentElement.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)}) === 'true'`;

/** Evaluated in the print window once ready: the roll length the route measured, or null. */
export const PRINT_PAGE_LENGTH_SCRIPT = `document.documentElement.getAttribute(${JSON.stringify(PRINT_PAGE_LENGTH_ATTRIBUTE)})`;

export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `check` until it answers true (→ true) or the time is up (→ false). Errors propagate. */
export async function waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<boolean> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const deadline = now() + options.timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (now() >= deadline) return false;
    await sleep(options.intervalMs);
  }
}

export function printFailure(code: PrintErrorCode, locale: Locale): PrintResponse {
  return { ok: false, error: new KhipuError(code).toApiError(locale) };
}

/** What `webContents.print`'s callback means for the renderer. */
export function printerOutcome(success: boolean, failureReason: string, locale: Locale): PrintResponse {
  if (success) return { ok: true };
  if (/cancel/i.test(failureReason)) return { ok: false, cancelled: true };
  return printFailure(PRINT_ERRORS.failed, locale);
}
