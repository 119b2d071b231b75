import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ContractSheet, ContractSummary } from '../../shared/operations/contracts';
import { createLedgerApi } from '../../db/api';
import { recordMilkContract } from '../../db/demo/contracts';
import { openLedgerDatabase } from '../../db/storage/open';
import { callApi, launchBrowser, openSession, screenshot, type Session } from './support/session';
import { PDF_DIRECTORY, pdfPageSizesMm, printRouteToPdf, printRouteToText } from './support/pdf';

// A year's milk for Vaso de Leche, typed as a treasurer does in Chromium: the contract with its schedule,
// three deliveries (the last one five days late, with the penalty the municipality may deduct), each
// accepted with its acta, two SUNAT invoices and their collections — one with the IGV withheld, one with
// the detracción and the penalty deducted, partly paid — and the contract sheet printed to PDF and read
// back. The association, the municipality and the milk in the store are set up through the API.

let browser: Browser;
let session: Session;
let associationId: number;
let bankName: string;
beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser);
  const { server } = session;
  await session.page.goto(server.url); // keeps the token for this tab
  ({ id: associationId } = await callApi<{ id: number }>(server, 'createAssociation', {
    name: 'Asociación de Productores Lecheros Misky Llankaq', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
  }));
  await callApi(server, 'createParty', {
    associationId, name: 'Municipalidad Distrital de Chincheros', kind: 'public_entity', documentType: 'ruc', documentNumber: '20146132252',
  });
  const milk = await callApi<{ id: number }>(server, 'createProduct', { associationId, name: 'Leche fresca', unit: 'l', category: 'product', salePrice: 250 });
  await callApi(server, 'recordStockAdjustment', { associationId, productId: milk.id, date: '2026-03-01', quantity: 4_000_000, reason: 'count', unitCost: 120 });
  const accounts = await callApi<{ name: string; role: string | null }[]>(server, 'listAccounts', { associationId });
  bankName = accounts.find((a) => a.role === 'bank')!.name;
});
afterAll(async () => {
  await session?.close();
  await browser?.close();
});

const screenUrl = (path: string) => `${session.server.origin}/#/a/${associationId}/${path}`;

async function status(page: Page, text: string) {
  await page.getByTestId('contract-saved').filter({ hasText: text }).waitFor();
}

async function deliver(page: Page, date: string, litres: string, number: string) {
  await page.getByRole('button', { name: 'Registrar una entrega' }).click();
  const form = page.getByRole('form', { name: 'Nueva entrega' });
  await form.getByLabel('Fecha de entrega').fill(date);
  await form.getByLabel('Cantidad de Leche fresca').fill(litres);
  await form.getByLabel('Cantidad de Leche fresca').press('Enter');
  await status(page, `Se guardó la entrega con la guía N° ${number}.`);
}

async function accept(page: Page, number: string, acta: string, date: string) {
  await page.getByRole('button', { name: `Conformidad de la guía ${number}` }).click();
  const form = page.getByRole('form', { name: `Acta de conformidad de la guía ${number}` });
  await form.getByLabel('N° del acta de conformidad').fill(acta);
  await form.getByLabel('Fecha del acta').fill(date);
  await form.getByRole('button', { name: 'Guardar la conformidad' }).click();
  await status(page, 'Se guardó la conformidad.');
}

async function invoice(page: Page, number: string, date: string, igv: string, expectedTotal: string) {
  await page.getByRole('button', { name: 'Registrar una factura' }).click();
  const form = page.getByRole('form', { name: 'Factura electrónica emitida a la entidad' });
  await form.getByLabel('Serie y número de la factura').fill(number);
  await form.getByLabel('Fecha de la factura').fill(date);
  await form.getByLabel('IGV (S/)').fill(igv);
  await expect.poll(() => form.getByTestId('invoice-total').textContent()).toBe(expectedTotal);
  await form.getByRole('button', { name: 'Guardar la factura' }).click();
  await status(page, `Se guardó la factura ${number}.`);
}

describe('a contract with a municipality, end to end', () => {
  it('delivers three times (one late, with its penalty), invoices, collects with withholding and detracción, and prints the sheet', async () => {
    const { page, server } = session;
    await page.goto(screenUrl('contratos'));
    await page.getByRole('heading', { level: 1, name: 'Contratos con entidades' }).waitFor();
    await page.getByRole('button', { name: 'Nuevo contrato' }).click();
    const form = page.getByRole('form', { name: 'Nuevo contrato' });
    await form.getByLabel('Programa social').fill('Vaso de Leche');
    await form.getByLabel('N° del contrato').fill('014-2026-MDCH');
    await form.getByLabel('N° del proceso').fill('AS-SM-3-2026-MDCH');
    await form.getByLabel('Fecha de firma').fill('02/03/2026');
    await form.getByLabel('Fin del plazo').fill('30/06/2026');
    await form.getByLabel('Producto de la línea 1').selectOption({ label: 'Leche fresca' });
    await form.getByLabel('Cantidad de la línea 1').fill('3000');
    await form.getByLabel('Precio de la línea 1').fill('2.50');
    await expect.poll(() => form.getByTestId('contract-total').textContent()).toBe('S/ 7,500.00');
    for (const [index, due] of ['31/03/2026', '30/04/2026', '31/05/2026'].entries()) {
      await form.getByRole('button', { name: 'Agregar entrega al cronograma' }).click();
      await form.getByLabel(`Fecha límite de la entrega ${index + 1}`).fill(due);
      await form.getByLabel(`Cantidad de la entrega ${index + 1}`).fill('1000');
    }
    await screenshot(page, '80-nuevo-contrato');
    await form.getByRole('button', { name: 'Guardar el contrato' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contrato 014-2026-MDCH' }).waitFor();

    await deliver(page, '30/03/2026', '1000', '001-000001');
    await deliver(page, '28/04/2026', '1000', '001-000002');
    await deliver(page, '05/06/2026', '1000', '001-000003');
    // Five days after 31/05 on a 31-day term (from 30/04): 0.10 × S/ 2,500.00 ÷ (0.40 × 31) a day, × 5 = S/ 100.81.
    const late = page.getByTestId('delivery-001-000003');
    await late.getByText('5 días').waitFor();
    await late.getByText('S/ 100.81').waitFor();
    expect(await page.getByTestId('delivery-001-000001').getByText('a tiempo').count()).toBe(1);

    await accept(page, '001-000001', 'ACTA-011', '31/03/2026');
    await accept(page, '001-000002', 'ACTA-019', '29/04/2026');
    await accept(page, '001-000003', 'ACTA-027', '06/06/2026');
    await expect.poll(() => page.getByTestId('contract-accepted').textContent()).toBe('S/ 7,500.00');

    // The first invoice covers the first two deliveries: the third is unticked; the number is typed in lower case.
    await page.getByRole('button', { name: 'Registrar una factura' }).click();
    const invoiceForm = page.getByRole('form', { name: 'Factura electrónica emitida a la entidad' });
    await invoiceForm.getByLabel(/Guía 001-000003/).uncheck();
    await invoiceForm.getByLabel('Serie y número de la factura').fill('e001-101');
    await invoiceForm.getByLabel('Fecha de la factura').fill('30/04/2026');
    await invoiceForm.getByLabel('IGV (S/)').fill('900');
    await expect.poll(() => invoiceForm.getByTestId('invoice-total').textContent()).toBe('S/ 5,900.00');
    await invoiceForm.getByRole('button', { name: 'Guardar la factura' }).click();
    await status(page, 'Se guardó la factura E001-101.');
    await invoice(page, 'E001-115', '10/06/2026', '450', 'S/ 2,950.00');

    // Collected into the bank with 3% of the invoice withheld by the municipality, a withholding agent.
    await page.getByRole('button', { name: 'Cobrar la factura E001-101' }).click();
    let collect = page.getByRole('form', { name: 'Cobro de la factura E001-101' });
    await collect.getByLabel('Fecha del cobro').fill('15/05/2026');
    await collect.getByLabel('Dónde entró el dinero').selectOption({ label: bankName });
    await collect.getByLabel('Monto recibido (S/)').fill('5723');
    await collect.getByLabel('IGV retenido (S/)').fill('177');
    await collect.getByLabel('N° del comprobante de retención').fill('R001-000345');
    await expect.poll(() => collect.getByTestId('collection-after').textContent()).toBe('Quedará pendiente: S/ 0.00');
    await collect.getByRole('button', { name: 'Guardar el cobro' }).click();
    await status(page, 'Se guardó el cobro.');

    // The second: the detracción went to the Banco de la Nación and the penalty was deducted; part still owed.
    await page.getByRole('button', { name: 'Cobrar la factura E001-115' }).click();
    collect = page.getByRole('form', { name: 'Cobro de la factura E001-115' });
    await collect.getByLabel('Fecha del cobro').fill('30/06/2026');
    await collect.getByLabel('Dónde entró el dinero').selectOption({ label: bankName });
    await collect.getByLabel('Monto recibido (S/)').fill('2000');
    await collect.getByLabel('Detracción depositada en el Banco de la Nación (S/)').fill('118');
    await collect.getByLabel('N° de la constancia de depósito').fill('0098765432');
    await collect.getByLabel('Penalidad descontada (S/)').fill('100.81');
    await expect.poll(() => collect.getByTestId('collection-after').textContent()).toBe('Quedará pendiente: S/ 731.19');
    await collect.getByRole('button', { name: 'Guardar el cobro' }).click();
    await status(page, 'Se guardó el cobro.');
    await expect.poll(() => page.getByTestId('contract-pending').textContent()).toBe('S/ 731.19');
    await expect.poll(() => page.getByTestId('invoice-pending-E001-115').textContent()).toBe('S/ 731.19');
    await screenshot(page, '81-contrato-con-cobros');

    const [summary] = await callApi<ContractSummary[]>(server, 'listContracts', { associationId });
    const sheet = await callApi<ContractSheet>(server, 'contractSheet', { contractId: summary!.id });
    expect(sheet.totals).toMatchObject({
      value: 750_000, delivered: 750_000, accepted: 750_000, invoiced: 885_000, collected: 772_300, deductions: 39_581, pending: 73_119,
    });
    expect(sheet.totals.collected + sheet.totals.deductions + sheet.totals.pending).toBe(sheet.totals.invoiced);
    expect(sheet.deliveries.map((d) => [d.daysLate, d.penalty])).toEqual([[0, 0], [0, 0], [5, 10_081]]);

    const { text, path } = await printRouteToText(page, server.origin, `/print/contract-sheet?id=${summary!.id}`, 'hoja-contrato-014-2026-MDCH');
    writeFileSync(join(PDF_DIRECTORY, 'hoja-contrato-014-2026-MDCH.txt'), text); // for the closing note
    expect(pdfPageSizesMm(path)).toHaveLength(1); // one A4 page
    const line = (pattern: RegExp) => text.split('\n').find((l) => pattern.test(l)) ?? '';
    /** The amount printed right after a label, wherever its table sits on the line. */
    const figure = (label: string) => new RegExp(`${label}\\s+S/ ([\\d,]+\\.\\d\\d)`).exec(text)?.[1];
    expect(text).toContain('Hoja del contrato 014-2026-MDCH');
    expect(text).toContain('Municipalidad Distrital de Chincheros — RUC 20146132252');
    expect(text).toContain('Vaso de Leche');
    expect(text).toContain('AS-SM-3-2026-MDCH');
    expect(line(/Leche fresca\s+3,000 l/)).toMatch(/S\/ 2\.50\s+S\/ 7,500\.00/);
    expect(line(/^\s*31\/05\/2026\s+1,000 l/)).toMatch(/1,000 l\s+1,000 l\s+1,000 l\s+0 ?l/);
    expect(line(/001-000003\s+05\/06/)).toMatch(/S\/ 2,500\.00\s+5 días\s+S\/ 100\.81\s+Acta ACTA-027 del 06\/06\/2026\s+E001-115/);
    // Each invoice on one line with its collection: when, how much money, the tax kept back with its voucher, the penalty, what is left.
    expect(line(/E001-101\s+30\/04/)).toMatch(/S\/ 5,900\.00\s+15\/05\/2026\s+S\/ 5,723\.00\s+Ret\. S\/ 177\.00 \(R001-000345\)\s+—\s+S\/ 0\.00/);
    expect(line(/E001-115\s+10\/06/)).toMatch(/S\/ 2,950\.00\s+30\/06\/2026\s+S\/ 2,000\.00\s+Detr\. S\/ 118\.00 \(0098765432\)\s+S\/ 100\.81\s+S\/ 731\.19/);
    expect(figure('IGV retenido')).toBe('177.00');
    expect(figure('Detracción')).toBe('118.00');
    expect(figure('Penalidad')).toBe('100.81');
    expect(figure('Valor del contrato')).toBe('7,500.00');
    expect(figure('Facturado')).toBe('8,850.00');
    expect(figure('Cobrado')).toBe('7,723.00');
    expect(figure('Descuentos')).toBe('395.81');
    expect(text).toContain('Penalidad por mora posible: S/ 100.81.');
    expect(text).toContain('Por cobrar a la entidad: S/ 731.19');

    // The delivery note of the late delivery, A5, numbered.
    const deliveryId = sheet.deliveries[2]!.deliveryId;
    const notePath = await printRouteToPdf(page, server.origin, `/print/delivery-note?id=${deliveryId}`, 'guia-001-000003');
    const [size] = pdfPageSizesMm(notePath);
    expect(Math.round(size!.width)).toBe(148);

    // On paper no figure is under 10 pt, on either print (measured as Chromium lays them out for print).
    await page.emulateMedia({ media: 'print' });
    try {
      for (const route of [`/print/contract-sheet?id=${summary!.id}`, `/print/delivery-note?id=${deliveryId}`]) {
        await page.goto('about:blank');
        await page.goto(`${server.origin}/#${route}`);
        await page.waitForSelector('html[data-print-ready="true"]');
        const smallest = await page.evaluate<number>(`Math.min(...[...document.querySelectorAll('body *')]
          .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && /\\d/.test(n.textContent ?? '')))
          .map((e) => Number(getComputedStyle(e).fontSize.replace('px', '')) * 72 / 96))`);
        expect(smallest, route).toBeGreaterThanOrEqual(9.99);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it("prints a year's contract (twelve deliveries, invoices and collections) on one A4 page", async () => {
    let contractId = 0;
    const year = await openSession(browser, {
      prepare: (databasePath) => {
        const db = openLedgerDatabase(databasePath);
        try {
          const api = createLedgerApi(db, { actor: 'e2e' });
          const { id } = api.createAssociation({ name: 'Asociación Sumaq Q\'oy', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601' });
          const milk = api.createProduct({ associationId: id, name: 'Leche fresca', unit: 'l', category: 'product', salePrice: 140 });
          api.recordStockAdjustment({ associationId: id, productId: milk.id, date: '2026-01-02', quantity: 12_000_000, reason: 'count', unitCost: 90 });
          ({ contractId } = recordMilkContract(api, id, 2026, { productId: milk.id, igvBp: 1800, collectLast: false }));
        } finally {
          db.close();
        }
      },
    });
    try {
      await year.page.goto(year.server.url);
      const sheet = await callApi<ContractSheet>(year.server, 'contractSheet', { contractId });
      expect(sheet.deliveries).toHaveLength(12);
      const { text, path } = await printRouteToText(year.page, year.server.origin, `/print/contract-sheet?id=${contractId}`, 'hoja-contrato-anual');
      expect(pdfPageSizesMm(path)).toHaveLength(1);
      expect(text).toContain(`Por cobrar a la entidad: S/ `);
    } finally {
      await year.close();
    }
  });
});
