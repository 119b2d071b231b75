import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PRINT_READY_ATTRIBUTE } from '../../../shared/bridge';

export const PDF_DIRECTORY = join(process.cwd(), 'test-results', 'pdf');

/**
 * Opens a print route, waits until it says it is ready, prints it to PDF with
 * Chromium's own printer (as Electron's printToPDF does) and reads the text
 * back with poppler's pdftotext. Returns the text and where the PDF was kept.
 */
export async function printRouteToText(page: Page, origin: string, route: string, name: string): Promise<{ text: string; path: string }> {
  await page.goto(`${origin}/#${route}`);
  await page.waitForSelector(`html[${PRINT_READY_ATTRIBUTE}="true"]`);
  mkdirSync(PDF_DIRECTORY, { recursive: true });
  const path = join(PDF_DIRECTORY, `${name}.pdf`);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return { text, path };
}
