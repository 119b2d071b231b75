import type { ApiError } from './errors';
import type { Locale } from './i18n';

// What the desktop shell's preload exposes as `window.khipu`, and what the
// browser-mode HTTP server answers: the same envelope on both transports.

export type ApiResponse = { ok: true; result: unknown } | { ok: false; error: ApiError };

/** Paper sizes the print routes are laid out for (@page in the renderer's print CSS). */
export type PaperSize = 'A4' | 'A5' | 'ticket80';

export interface PrintRequest {
  /** A renderer route, e.g. `/print/trial-balance?associationId=1&to=2026-12-31`. */
  route: string;
  paper: PaperSize;
  landscape?: boolean;
  /** `pdf` asks where to save (save dialog); `printer` opens the system print dialog. */
  target: 'pdf' | 'printer';
  /** Proposed file name for the save dialog, without folder, e.g. `balance-2026.pdf`. */
  suggestedName?: string;
  /** Language of any error message the shell answers with. */
  locale?: Locale;
}

export type PrintResponse =
  | {
      ok: true;
      /** Where the PDF was saved (desktop shell). */
      path?: string;
      /**
       * Browser mode: the document opened in the browser's own print dialog, where the user
       * picks a printer or "Guardar como PDF"; what was chosen is not known.
       */
      browserDialog?: true;
    }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled?: false; error: ApiError };

export interface KhipuBridge {
  call(operation: string, input: unknown, locale?: Locale): Promise<ApiResponse>;
  print(request: PrintRequest): Promise<PrintResponse>;
}

/**
 * A print route sets this attribute on <html> once its data has loaded, so the
 * shell (or a test) knows when to print: `<html data-print-ready="true">`.
 */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';

/**
 * A print route on roll paper (the 80 mm ticket) sets this attribute on <html> to the page
 * length its content needs, in whole millimetres, before it says it is ready; the desktop
 * shell passes that length to the printer: `<html data-print-page-length-mm="142">`.
 */
export const PRINT_PAGE_LENGTH_ATTRIBUTE = 'data-print-page-length-mm';
