// Printing: a print route renders in a hidden window, then goes to a PDF file
// (save dialog) or to the system print dialog.
import { BrowserWindow, dialog, ipcMain, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrintRequest, PrintResponse } from '../shared/bridge';
import type { Locale } from '../shared/i18n';
import { appRouteUrl } from './app-origin';
import { PRINT_CHANNEL } from './channels';
import { assertTrustedSender } from './ipc';
import {
  PRINT_ERRORS,
  PRINT_PAGE_LENGTH_SCRIPT,
  PRINT_READY_POLL_MS,
  PRINT_READY_SCRIPT,
  PRINT_READY_TIMEOUT_MS,
  pdfFileName,
  pdfPageSize,
  printFailure,
  printerOutcome,
  printerPageSize,
  rollPageLength,
  validatePrintRequest,
  waitUntil,
  withPdfExtension,
} from './print-request';
import { createPrintWindow, type ShellPaths } from './window';

export interface PrintOptions extends ShellPaths {
  /** Where the save dialog starts: app.getPath('documents'). */
  documentsDir: () => string;
}

// Dialog chrome only; the error texts live in the shared catalogs.
const saveDialogTitle: Record<Locale, string> = { es: 'Guardar como PDF', en: 'Save as PDF' };

async function saveAsPdf(
  window: BrowserWindow,
  request: PrintRequest,
  rollLengthMm: number | null,
  locale: Locale,
  owner: BrowserWindow | null,
  options: PrintOptions,
): Promise<PrintResponse> {
  const dialogOptions: SaveDialogOptions = {
    title: saveDialogTitle[locale],
    defaultPath: join(options.documentsDir(), pdfFileName(request.suggestedName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const choice = owner ? await dialog.showSaveDialog(owner, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  if (choice.canceled || !choice.filePath) return { ok: false, cancelled: true };
  const pdf = await window.webContents.printToPDF({
    pageSize: pdfPageSize(request.paper, rollLengthMm),
    landscape: request.landscape ?? false,
    printBackground: true,
    preferCSSPageSize: true,
  });
  const path = withPdfExtension(choice.filePath);
  await writeFile(path, pdf);
  return { ok: true, path };
}

function sendToPrinter(window: BrowserWindow, request: PrintRequest, rollLengthMm: number | null, locale: Locale): Promise<PrintResponse> {
  return new Promise((resolve) => {
    window.webContents.print(
      { silent: false, printBackground: true, pageSize: printerPageSize(request.paper, rollLengthMm), landscape: request.landscape ?? false },
      (success, failureReason) => resolve(printerOutcome(success, failureReason, locale)),
    );
  });
}

export async function printRoute(
  request: PrintRequest,
  locale: Locale,
  owner: BrowserWindow | null,
  options: PrintOptions,
): Promise<PrintResponse> {
  const window = createPrintWindow(options);
  try {
    await window.loadURL(appRouteUrl(request.route));
    const ready = await waitUntil(
      async () => (await window.webContents.executeJavaScript(PRINT_READY_SCRIPT, true)) === true,
      { timeoutMs: PRINT_READY_TIMEOUT_MS, intervalMs: PRINT_READY_POLL_MS },
    );
    if (!ready) return printFailure(PRINT_ERRORS.timeout, locale);
    // A ticket is cut where its content ends: the route measured itself (rollPage.ts).
    const rollLengthMm = rollPageLength(await window.webContents.executeJavaScript(PRINT_PAGE_LENGTH_SCRIPT, true));
    return request.target === 'pdf'
      ? await saveAsPdf(window, request, rollLengthMm, locale, owner, options)
      : await sendToPrinter(window, request, rollLengthMm, locale);
  } catch (error) {
    console.error('Khipu: no se pudo imprimir', request.route, error);
    return printFailure(PRINT_ERRORS.failed, locale);
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

export function registerPrintIpc(options: PrintOptions): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, raw: unknown): Promise<PrintResponse> => {
    assertTrustedSender(event);
    const validated = validatePrintRequest(raw);
    if (!validated.ok) return printFailure(PRINT_ERRORS.invalidRequest, validated.locale);
    const owner = BrowserWindow.fromWebContents(event.sender);
    return printRoute(validated.request, validated.locale, owner, options);
  });
}
