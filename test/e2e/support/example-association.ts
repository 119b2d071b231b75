import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { callApi, launchBrowser, openSession, type Session } from './session';

export interface ExampleAssociation { session: Session; associationId: number }

/**
 * For a file whose tests read the example association: one browser, one session whose tab already
 * holds the token, and the example opened once before the tests; all closed after them.
 * `opened` hands the file its session and association id.
 */
export function onExampleAssociation(opened: (example: ExampleAssociation) => void): void {
  let browser: Browser | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser);
    await session.page.goto(session.server.url); // keeps the token for this tab
    const { id } = await callApi<{ id: number }>(session.server, 'openExampleAssociation', {});
    opened({ session, associationId: id });
  });
  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });
}
