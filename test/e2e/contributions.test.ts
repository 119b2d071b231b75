import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi, launchBrowser, openSession, screenshot, type Session } from './support/session';
import { printRouteToText } from './support/pdf';

const FIXTURES = join(process.cwd(), 'db/members/fixtures');

let browser: Browser;
let session: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser);
});
afterAll(async () => {
  await session?.close();
  await browser?.close();
});

/** Collects from a member; `creditLeft` is the credit in favour Cobrar must announce (and be told to keep) when paid above what is owed. */
async function collect(page: Page, memberLabel: string, amount: string, date: string, creditLeft?: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Secciones de aportes' }).getByRole('link', { name: 'Cobrar' }).click();
  // Wait for the Cobrar screen itself: the overview it replaces also has "Socio" fields.
  await page.getByRole('heading', { level: 1, name: 'Cobrar a un socio' }).waitFor();
  await page.getByLabel('Socio', { exact: true }).selectOption({ label: memberLabel });
  await page.getByText(/Debe en total/).waitFor();
  await page.getByLabel('Monto recibido (S/)').fill(amount);
  await page.getByLabel('Fecha', { exact: true }).fill(date);
  await page.getByRole('button', { name: 'Cobrar y emitir recibo' }).click();
  if (creditLeft) {
    const dialog = page.getByRole('dialog', { name: '¿Cobrar más de lo que debe?' });
    await dialog.getByText(`Quedará un saldo a favor de ${creditLeft}.`).waitFor();
    await dialog.getByRole('button', { name: 'Sí, cobrar y dejar el saldo a favor' }).click();
  }
  const heading = page.getByRole('heading', { name: /^Recibo de ingreso 001-\d{6}$/ });
  await heading.waitFor();
  return ((await heading.textContent()) ?? '').replace('Recibo de ingreso ', '');
}

describe('a month of dues, end to end', () => {
  it('imports the padrón (a bad file first), generates dues, collects, prints and voids receipts, shows a statement and arrears', async () => {
    const { page, server } = session;
    await page.goto(server.url);
    await page.getByRole('button', { name: /Registrar mi asociación/ }).click();
    await page.getByLabel('Nombre de la asociación').fill('Asociación de Productores Lecheros Misky Llankaq');
    await page.getByLabel('RUC').fill('20131312955');
    await page.getByLabel('Buscar distrito').fill('chincheros');
    await page.getByRole('button', { name: /^Chincheros — Chincheros, Apurímac/ }).click();
    await page.getByRole('button', { name: 'Crear la asociación' }).click();
    await page.getByRole('heading', { level: 1, name: 'Asociación de Productores Lecheros Misky Llankaq' }).waitFor();
    const [association] = await callApi<{ id: number }[]>(server, 'listAssociations', {});
    const associationId = association!.id;

    // The padrón: the file with a bad DNI is shown row by row and nothing is written.
    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Socios' }).click();
    await page.getByRole('button', { name: 'Importar padrón…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importar el padrón' });
    await dialog.getByLabel('Archivo').setInputFiles(join(FIXTURES, 'padron-con-error.csv'));
    await dialog.getByText(/Corrija las filas marcadas/).waitFor();
    expect(await dialog.getByTestId('import-summary').textContent()).toMatch(/1 con error\b/);
    expect(await dialog.locator('tr.row--error').textContent()).toMatch(/4567890/);
    await screenshot(page, '40-importar-padron-con-error');
    expect((await callApi<{ counts: { total: number } }>(server, 'listMembers', { associationId })).counts.total).toBe(0);

    await dialog.getByLabel('Archivo').setInputFiles(join(FIXTURES, 'padron-14-socios.csv'));
    await dialog.getByRole('button', { name: 'Importar 14 socios' }).click();
    await dialog.getByText('Se importaron 14 socios.').waitFor();
    await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
    await page.getByTestId('member-counts').getByText('14').first().waitFor();
    await screenshot(page, '41-padron-14-socios');

    // A month of dues, generated once.
    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Aportes' }).click();
    await page.getByRole('button', { name: 'Crear los tipos usuales' }).click();
    await page.getByLabel('Periodo (mm/aaaa)').fill('03/2026');
    await page.getByLabel('Vence el').fill('31/03/2026');
    await page.getByRole('button', { name: 'Generar cuotas' }).click();
    await page.getByText('Se generaron 14 cuotas por S/ 140.00. 0 ya existían.').waitFor();
    await screenshot(page, '42-cuotas-generadas');

    // Three members pay; one receipt goes to PDF and is read back.
    const first = await collect(page, 'Quispe Huamán, Rosa Sumaq — 41234501', '10.00', '05/03/2026');
    await screenshot(page, '43-recibo-emitido');
    await collect(page, "Q'oy Mamani, Sumaq — 41234502", '10.00', '05/03/2026');
    const third = await collect(page, 'Huamaní Ayme, Juan de Dios — 04123450', '25.50', '06/03/2026', 'S/ 15.50');
    expect([first, third]).toEqual(['001-000001', '001-000003']);

    const receipts = await callApi<{ id: number; formattedNumber: string }[]>(server, 'listReceipts', { associationId });
    const firstId = receipts.find((r) => r.formattedNumber === '001-000001')!.id;
    const { text } = await printRouteToText(page, server.origin, `/print/receipt?receiptId=${firstId}&paper=A5`, 'recibo-001-000001');
    expect(text).toContain('RECIBO DE INGRESO');
    expect(text).toContain('N° 001-000001');
    expect(text).toContain('Rosa Sumaq Quispe Huamán');
    expect(text).toContain('SON: DIEZ CON 00/100 SOLES');
    expect(text).toContain('RUC 20131312955');
    await screenshot(page, '44-recibo-a5');

    // Void the third: its number stays, it prints ANULADO, and the member owes again.
    const thirdId = receipts.find((r) => r.formattedNumber === '001-000003')!.id;
    await page.goto(`${server.origin}/#/a/${associationId}/aportes/recibos`);
    await page.getByRole('button', { name: 'Ver el recibo 001-000003' }).click();
    await page.getByRole('button', { name: 'Anular el recibo' }).click();
    await page.getByLabel('Motivo').fill('Monto mal escrito');
    await page.getByRole('button', { name: 'Anular', exact: true }).click();
    await page.getByText(/Anulado el .*: Monto mal escrito/).first().waitFor();
    const voided = await printRouteToText(page, server.origin, `/print/receipt?receiptId=${thirdId}&paper=ticket80`, 'recibo-001-000003-anulado');
    expect(voided.text).toContain('ANULADO');
    expect(voided.text).toContain('001-000003');

    // A statement and the arrears list.
    const members = await callApi<{ members: { id: number; dni: string }[] }>(server, 'listMembers', { associationId });
    const juan = members.members.find((m) => m.dni === '04123450')!;
    await page.goto(`${server.origin}/#/a/${associationId}/socios/${juan.id}/estado`);
    await page.getByText('001-000003').first().waitFor();
    await screenshot(page, '45-estado-de-cuenta');
    const statement = await callApi<{ closingBalance: number }>(server, 'memberStatement', { associationId, memberId: juan.id });
    expect(statement.closingBalance).toBe(1000);

    await page.goto(`${server.origin}/#/a/${associationId}/aportes/morosos`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, '46-morosidad');
    const arrears = await callApi<{ rows: unknown[] }>(server, 'arrears', { associationId, asOf: '2026-04-15' });
    // As of mid-April the third receipt still stood (it was voided today), so 11 members owed then…
    expect(arrears.rows).toHaveLength(11);
    // …and 12 owe now.
    const now = await callApi<{ rows: { dni: string }[] }>(server, 'arrears', { associationId, asOf: '2027-01-31' });
    expect(now.rows.map((r) => r.dni)).toContain('04123450');
    expect(now.rows).toHaveLength(12);
  });
});
