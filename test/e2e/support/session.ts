import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startBrowserModeServer, type BrowserModeServer } from '../../../server/http';

// One browser per test file; a fresh database and server per test.

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export const SCREENSHOT_DIRECTORY = join(process.cwd(), 'test-results', 'screenshots');

function chromiumPath(): string {
  const fromEnv = process.env.KHIPU_CHROMIUM;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium no está instalado: instálelo con `apt-get install chromium` (o indique KHIPU_CHROMIUM).');
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
}

export interface Session {
  server: BrowserModeServer;
  page: Page;
  close(): Promise<void>;
}

export interface SessionOptions {
  locale?: string;
  /** Fills the database file before the server opens it. */
  prepare?: (databasePath: string) => void;
}

export async function openSession(browser: Browser, options: SessionOptions = {}): Promise<Session> {
  const folder = mkdtempSync(join(tmpdir(), 'khipu-e2e-'));
  const databasePath = join(folder, 'khipu.sqlite');
  options.prepare?.(databasePath);
  const server = await startBrowserModeServer({
    databasePath,
    port: 0,
    token: `e2e-${Math.random().toString(36).slice(2)}`,
    staticDirectory: inject('rendererDirectory'),
    actor: 'e2e',
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: options.locale ?? 'es-PE' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    server,
    page,
    async close() {
      await context.close();
      await server.close();
      rmSync(folder, { recursive: true, force: true });
      if (errors.length) throw new Error(`Errores en la página: ${errors.join('; ')}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
  const path = join(SCREENSHOT_DIRECTORY, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Calls the ledger API the way a script would, with the session's token. */
export async function callApi<T>(server: BrowserModeServer, operation: string, input: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; result?: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message ?? 'error');
  return body.result as T;
}
