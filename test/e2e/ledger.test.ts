import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi, launchBrowser, openSession, screenshot, type Session } from './support/session';
import { printRouteToText } from './support/pdf';
import { formatSoles } from '../../shared/money';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let browser: Browser;
let session: Session | null = null;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await session?.close();
  session = null;
});

async function pickAccount(page: Page, label: string, typed: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await input.press('Enter');
}

describe('browser mode, end to end', () => {
  it('first run: create the association, post an entry, find it, reverse it, trial balance back to zero', async () => {
    session = await openSession(browser);
    const { page, server } = session;
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Hola. Khipu le da la bienvenida' }).waitFor();
    expect(page.url()).not.toContain('token='); // taken from the address bar once read
    await screenshot(page, '01-bienvenida');

    await page.getByRole('button', { name: /Registrar mi asociación/ }).click();
    await page.getByLabel('Nombre de la asociación').fill("Asociación de Productores Agropecuarios Sumaq Q'oy");
    await page.getByLabel('RUC').fill('20131312955');
    await page.getByLabel('Buscar distrito').fill('chincheros');
    await page.getByRole('button', { name: /^Chincheros — Chincheros, Apurímac/ }).click();
    await page.getByLabel('Productos principales').fill('leche, queso');
    await screenshot(page, '02-registro-asociacion');
    await page.getByRole('button', { name: 'Crear la asociación' }).click();
    await page.getByRole('heading', { level: 1, name: "Asociación de Productores Agropecuarios Sumaq Q'oy" }).waitFor();
    expect(await page.getByText('Chincheros, Chincheros, Apurímac').isVisible()).toBe(true);

    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Nuevo asiento' }).click();
    await page.getByLabel('Fecha').fill('10/03/2026');
    await page.getByLabel('Glosa').fill('Cuota extraordinaria de Rosa Quispe Ñahui');
    await pickAccount(page, 'Cuenta de la línea 1', 'caja');
    await page.getByLabel('Debe de la línea 1').fill('1,234.50');
    await pickAccount(page, 'Cuenta de la línea 2', '75991');
    await page.getByLabel('Haber de la línea 2').fill('1,234.50');
    expect(await page.getByTestId('balance-indicator').textContent()).toBe('Cuadra: Debe S/ 1,234.50 = Haber S/ 1,234.50');
    await screenshot(page, '03-nuevo-asiento');
    await page.getByRole('button', { name: 'Registrar el asiento' }).click();
    await page.getByText('Asiento 2026-00001 registrado.').waitFor();

    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Libro diario' }).click();
    await page.getByLabel('Texto en la glosa').fill('quispe');
    await page.getByLabel('Texto en la glosa').press('Enter');
    await page.waitForURL(/texto=quispe/);
    await page.getByText('Cuota extraordinaria de Rosa Quispe Ñahui').waitFor();
    await page.getByTestId('journal-count').filter({ hasText: /^1 asiento$/ }).waitFor();
    await screenshot(page, '04-libro-diario');

    await page.getByRole('button', { name: 'Ver el asiento 2026-00001' }).click();
    const dialog = page.getByRole('dialog', { name: 'Asiento 2026-00001' });
    await dialog.getByRole('button', { name: 'Revertir este asiento' }).click();
    await dialog.getByLabel('Motivo').fill('Importe equivocado');
    await screenshot(page, '05-revertir-asiento');
    await dialog.getByRole('button', { name: 'Registrar la reversión' }).click();
    await dialog.getByText('Se registró la reversión: asiento 2026-00002.').waitFor();
    await dialog.getByText('Este asiento fue revertido por el asiento 2026-00002.').waitFor();
    await dialog.getByRole('button', { name: 'Cerrar' }).click();

    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Reportes' }).click();
    await page.getByRole('navigation', { name: 'Reportes disponibles' }).getByRole('link', { name: 'Balance de comprobación' }).click();
    await page.getByTestId('trial-balance-status').waitFor();
    expect(await page.getByTestId('trial-balance-status').textContent()).toMatch(/Cuadra: el Debe es igual al Haber/);
    await screenshot(page, '06-balance-de-comprobacion');

    const [association] = await callApi<{ id: number }[]>(server, 'listAssociations', {});
    const trial = await callApi<{ rows: { code: string; closing: number }[] }>(server, 'trialBalance', {
      associationId: association!.id, to: '2026-12-31',
    });
    expect(trial.rows.map((r) => [r.code, r.closing])).toEqual([['101', 0], ['75991', 0]]);
    const journal = await callApi<{ total: number }>(server, 'listJournal', { associationId: association!.id });
    expect(journal.total).toBe(2);
  });

  it('opens the example, shows every main screen, and switches language', async () => {
    session = await openSession(browser);
    const { page, server } = session;
    await page.goto(server.url);
    await page.getByRole('button', { name: /Abrir el ejemplo/ }).click();
    await page.getByRole('heading', { level: 1, name: /Sumaq Q'oy/ }).waitFor();
    await page.getByTestId('home-cash').filter({ hasText: 'S/' }).waitFor();
    await screenshot(page, '10-inicio-ejemplo');
    const nav = page.getByRole('navigation');

    await nav.getByRole('link', { name: 'Libro diario' }).click();
    const [example] = await callApi<{ id: number }[]>(server, 'listAssociations', {});
    const { total } = await callApi<{ total: number }>(server, 'listJournal', { associationId: example!.id, limit: 1 });
    await page.getByText(`${total.toLocaleString('en-US')} asientos`).waitFor();
    await screenshot(page, '11-libro-diario-ejemplo');
    await nav.getByRole('link', { name: 'Plan de cuentas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan de cuentas' }).waitFor();
    await screenshot(page, '12-plan-de-cuentas');
    await nav.getByRole('link', { name: 'Compras' }).click();
    await page.getByRole('button', { name: 'Nueva compra' }).first().waitFor();
    await screenshot(page, '13-compras');

    await nav.getByRole('link', { name: 'Configuración' }).click();
    await page.getByRole('heading', { level: 1, name: 'Configuración' }).waitFor();
    await screenshot(page, '14-configuracion');
    await page.getByLabel('Idioma').selectOption('en');
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    const english = await nav.getByRole('link').allTextContents();
    expect(english.slice(0, 4)).toEqual(['Home', 'Members', 'Contributions', 'Purchases']);
    await screenshot(page, '15-settings-english');
    // The choice stays on this laptop: a reload keeps English.
    await page.reload();
    await nav.getByRole('link', { name: 'Journal' }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await nav.getByRole('link', { name: 'Inicio' }).waitFor();
  });

  it('prints the trial balance of the example to an A4 PDF whose text carries the figures', async () => {
    session = await openSession(browser);
    const { page, server } = session;
    await page.goto(server.url); // stores the token for this tab
    const { id } = await callApi<{ id: number }>(server, 'openExampleAssociation', {});
    const trial = await callApi<{ totals: { debits: number; debitBalances: number } }>(server, 'trialBalance', { associationId: id, to: '2026-12-31' });
    const { text } = await printRouteToText(page, server.origin, `/print/trial-balance?associationId=${id}&to=2026-12-31`, 'balance-de-comprobacion-ejemplo');
    expect(text).toContain("Asociación de Productores Lecheros Sumaq Q'oy");
    expect(text).toContain('RUC 20131312955');
    expect(text).toContain('Balance de comprobación');
    expect(text).toContain('hasta el 31/12/2026');
    expect(text).toMatch(/75991\s+Cuotas de socios/);
    const total = formatSoles(trial.totals.debits);
    expect(text).toMatch(new RegExp(`Totales\\s+${escapeRegExp(total)}\\s+${escapeRegExp(total)}`));
    expect(text).toContain('Cuadra');
  });

  it('refuses the API without the token or from another origin, and says so in Spanish', async () => {
    session = await openSession(browser);
    const { page, server } = session;
    await page.goto(`${server.origin}/`); // the address without ?token=
    await page.getByText(/Falta el token de acceso/).waitFor();

    const noToken = await fetch(`${server.origin}/api/createAssociation`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Intrusa', legalForm: 'asociacion', ubigeo: '030601' }),
    });
    expect(noToken.status).toBe(401);
    const foreignOrigin = await fetch(`${server.origin}/api/createAssociation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, Origin: 'https://ejemplo.com' },
      body: JSON.stringify({ name: 'Intrusa', legalForm: 'asociacion', ubigeo: '030601' }),
    });
    expect(foreignOrigin.status).toBe(403);
    expect(((await foreignOrigin.json()) as { error: { message: string } }).error.message).toMatch(/otra página web/);
    expect(await callApi<unknown[]>(server, 'listAssociations', {})).toEqual([]);
  });
});
