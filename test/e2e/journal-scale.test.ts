import { addDays, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLedgerApi } from '../../db/api';
import { openLedgerDatabase } from '../../db/storage/open';
import { launchBrowser, openSession, screenshot, type Session } from './support/session';

const ENTRIES = 100_000;

/** 100,000 two-line entries through the engine's own API, in one transaction so it takes seconds, not minutes. */
function fillJournal(databasePath: string): void {
  const db = openLedgerDatabase(databasePath);
  try {
    const api = createLedgerApi(db, { actor: 'e2e' });
    const { id: associationId } = api.createAssociation({ name: 'Cooperativa Agraria Tika Pallana', legalForm: 'cooperativa', ubigeo: '030601' });
    const accounts = api.listAccounts({ associationId });
    const cash = accounts.find((a) => a.role === 'cash')!.id;
    const dues = accounts.find((a) => a.role === 'dues_income')!.id;
    db.transaction(() => {
      for (let i = 1; i <= ENTRIES; i += 1) {
        // About 274 a day through 2025, in order, so entry i is row i.
        const date = format(addDays(new Date(2025, 0, 1), Math.floor(((i - 1) * 365) / ENTRIES)), 'yyyy-MM-dd');
        api.postEntry({
          associationId, date, description: `Acopio de leche, boleta ${i}`,
          lines: [{ accountId: cash, amount: 1_000 + (i % 97) }, { accountId: dues, amount: -(1_000 + (i % 97)) }],
        });
      }
    })();
  } finally {
    db.close();
  }
}

let browser: Browser;
let session: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser, { prepare: fillJournal });
}, 180_000);
afterAll(async () => {
  await session?.close();
  await browser?.close();
});

describe('journal at 100,000 entries', () => {
  it('keeps a screenful of rows in the page and reaches the last entry by scrolling', async () => {
    const { page, server } = session;
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Libro diario' }).click();
    await page.getByTestId('journal-count').filter({ hasText: '100,000 asientos' }).waitFor();
    await page.getByText('Acopio de leche, boleta 1', { exact: true }).waitFor();
    const rowsInPage = await page.locator('.journal-scroller [role="row"]').count();
    expect(rowsInPage).toBeGreaterThan(5);
    expect(rowsInPage).toBeLessThan(80);
    expect(await page.getByRole('table', { name: 'Libro diario' }).getAttribute('aria-rowcount')).toBe(String(ENTRIES + 1));

    // Jump to the end: only the last pages are fetched and rendered.
    await page.getByTestId('journal-scroller').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
    await page.getByText(`Acopio de leche, boleta ${ENTRIES}`, { exact: true }).waitFor();
    expect(await page.locator('.journal-scroller [role="row"]').count()).toBeLessThan(80);
    await screenshot(page, '20-libro-diario-100000');

    // And to the middle, where a page boundary falls inside the screen.
    await page.getByTestId('journal-scroller').evaluate((scroller) => scroller.scrollTo({ top: 48 * 50_190 }));
    await page.getByText('Acopio de leche, boleta 50200', { exact: true }).waitFor();
    await page.getByText('Acopio de leche, boleta 50201', { exact: true }).waitFor();
  });
});
