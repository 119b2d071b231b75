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

/** Opens a print route, waits until it is ready and prints it to PDF as Electron's printToPDF does; returns the file. */
export async function printRouteToPdf(page: Page, origin: string, route: string, name: string): Promise<string> {
  await page.goto('about:blank'); // a fresh page: the last route's ready mark must not count for this one
  await page.goto(`${origin}/#${route}`);
  await page.waitForSelector(`html[${PRINT_READY_ATTRIBUTE}="true"]`);
  mkdirSync(PDF_DIRECTORY, { recursive: true });
  const path = join(PDF_DIRECTORY, `${name}.pdf`);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  return path;
}

const MM_PER_POINT = 25.4 / 72;

/** Every page's size in millimetres, as poppler's pdfinfo reads it ("Page    1 size: 226.77 x 400.5 pts"). */
export function pdfPageSizesMm(path: string): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', path], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({
    width: Number(match[1]) * MM_PER_POINT,
    height: Number(match[2]) * MM_PER_POINT,
  }));
}
