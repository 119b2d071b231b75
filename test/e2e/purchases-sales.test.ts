import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PurchaseView } from '../../shared/operations/purchases';
import type { ProductSummary } from '../../shared/operations/stock';
import { callApi, launchBrowser, openSession, screenshot, type Session } from './support/session';
import { PDF_DIRECTORY, printRouteToText } from './support/pdf';

// Compras and ventas in Chromium, typed as a treasurer does: a purchase on credit with a factura and
// IGV, part of it paid with a recibo de egreso read back from its PDF, a joint purchase of oat seed
// recharged to five members and paid by one of them with the usual receipt, and a fair day's sales
// typed in the grid with the keyboard alone. The association, its members, the suppliers and the
// product are set up through the API: they are not what this file tests.

let browser: Browser;
let session: Session;
let associationId: number;
let members: { id: number; label: string }[];
let cheese: number;
beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser);
  const { server } = session;
  await session.page.goto(server.url); // keeps the token for this tab
  ({ id: associationId } = await callApi<{ id: number }>(server, 'createAssociation', {
    name: 'Asociación de Productores Lecheros Misky Llankaq', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
    address: 'Anexo Cotahuacho s/n',
  }));
  const people = [
    ['41234501', 'Rosa Sumaq', 'Quispe Huamán', 'F'], ['41234502', 'Sumaq', "Q'oy Mamani", 'F'], ['41234503', 'Juan de Dios', 'Huamaní Ayme', 'M'],
    ['41234504', 'Misky Llankaq', 'Ñahui Condori', 'F'], ['41234505', 'Wayra', 'Cusi Yupanqui', 'M'],
  ] as const;
  members = [];
  for (const [dni, givenNames, surnames, sex] of people) {
    const { id } = await callApi<{ id: number }>(server, 'createMember', { associationId, dni, givenNames, surnames, sex, joinedOn: '2025-01-10' });
    members.push({ id, label: `${surnames}, ${givenNames} — ${dni}` });
  }
  await callApi(server, 'assignOfficerPost', { associationId, memberId: members[0]!.id, post: 'tesorero', termStart: '2025-01-10' });
  await callApi(server, 'seedDefaultContributionTypes', { associationId });
  await callApi(server, 'createParty', {
    associationId, name: 'Lácteos Núñez S.A.C.', kind: 'supplier', documentType: 'ruc', documentNumber: '20452187664', district: 'Andahuaylas',
  });
  await callApi(server, 'createParty', {
    associationId, name: 'Semillas del Ande S.R.L.', kind: 'supplier', documentType: 'ruc', documentNumber: '20102880138', district: 'Abancay',
  });
  ({ id: cheese } = await callApi<{ id: number }>(server, 'createProduct', {
    associationId, name: 'Queso fresco', unit: 'kg', category: 'goods', salePrice: 1_800,
  }));
});
afterAll(async () => {
  await session?.close();
  await browser?.close();
});

const screenUrl = (path: string) => `${session.server.origin}/#/a/${associationId}/${path}`;

/** Types into a combobox and picks the highlighted match with Enter. */
async function pick(page: Page, box: ReturnType<Page['getByLabel']>, typed: string, option: string) {
  await box.fill(typed);
  await page.getByRole('option', { name: new RegExp(`^${option}`) }).waitFor();
  await box.press('Enter');
}

async function onHand(productId: number): Promise<number> {
  const products = await callApi<ProductSummary[]>(session.server, 'listProducts', { associationId });
  return products.find((p) => p.id === productId)!.onHand;
}

describe('purchases and sales, end to end', () => {
  it('records a purchase on credit with a factura and IGV', async () => {
    const { page } = session;
    await page.goto(screenUrl('compras'));
    await page.getByRole('heading', { level: 1, name: 'Compras' }).waitFor();
    await page.getByRole('button', { name: 'Nueva compra' }).click();
    const form = page.getByRole('form', { name: 'Nueva compra' });
    await form.getByLabel('Fecha', { exact: true }).fill('02/03/2026');
    // Accents aside: "nunez" finds Núñez.
    await pick(page, form.getByLabel('Proveedor', { exact: true }), 'lacteos nunez', 'Lácteos Núñez S.A.C.');
    await form.getByLabel('Comprobante del proveedor').selectOption({ label: 'Factura' });
    await form.getByLabel('Serie y número').fill('F001-000123');
    // Line 1: the product from the store, picked with Enter (category "para el almacén" follows); line 2: the freight.
    await pick(page, form.getByLabel('Producto o concepto, línea 1'), 'queso', 'Queso fresco');
    await form.getByLabel('Cantidad, línea 1').fill('20');
    await form.getByLabel('Precio unitario, línea 1').fill('12.00');
    await form.getByRole('button', { name: 'Agregar línea' }).click();
    await form.getByLabel('Producto o concepto, línea 2').fill('Flete desde Andahuaylas');
    await form.getByLabel('Importe, línea 2').fill('25.00');
    await form.getByLabel('Para qué es, línea 2').selectOption({ label: 'Fletes y pasajes' });
    await form.getByRole('button', { name: 'Calcular 18 %' }).click();
    await expect.poll(() => form.getByTestId('purchase-total').textContent()).toBe('S/ 312.70');
    await form.getByLabel('Al crédito').check();
    await form.getByLabel('Fecha de pago').fill('01/04/2026');
    await screenshot(page, '60-nueva-compra-al-credito');
    await form.getByRole('button', { name: 'Guardar la compra' }).click();
    const panel = page.getByRole('region', { name: 'Factura F001-000123 de Lácteos Núñez S.A.C.' });
    await panel.getByText('Se guardó la compra.').waitFor();
    expect(await panel.getByTestId('purchase-owed').textContent()).toBe('Se debe S/ 312.70; vence el 01/04/2026.');

    const [purchase] = (await callApi<{ rows: { id: number }[] }>(session.server, 'listPurchases', { associationId })).rows;
    const view = await callApi<PurchaseView>(session.server, 'getPurchase', { purchaseId: purchase!.id });
    expect({ subtotal: view.subtotal, igv: view.igv, total: view.total, open: view.open, payment: view.payment, dueDate: view.dueDate })
      .toEqual({ subtotal: 26_500, igv: 4_770, total: 31_270, open: 31_270, payment: 'credit', dueDate: '2026-04-01' });
    expect(view.lines.map((l) => l.category)).toEqual(['stock', 'transport']);
    expect(await onHand(cheese)).toBe(20_000);
  });

  it('pays part of it with a recibo de egreso, and reads the printed voucher back from its PDF', async () => {
    const { page, server } = session;
    await page.goto(screenUrl('compras/pagos'));
    await page.getByRole('heading', { level: 1, name: 'Pagos' }).waitFor();
    await pick(page, page.getByLabel('Proveedor', { exact: true }), 'lacteos', 'Lácteos Núñez S.A.C.');
    const form = page.getByRole('form', { name: 'Pagar a un proveedor' });
    expect(await form.getByTestId('pay-supplier-owed').textContent()).toBe('Se le debe en total: S/ 312.70');
    await form.getByLabel('Monto pagado (S/)').fill('150.00');
    await form.getByLabel('Fecha', { exact: true }).fill('10/03/2026');
    await form.getByRole('button', { name: 'Pagar y emitir recibo de egreso' }).click();
    const voucherPanel = page.getByRole('region', { name: 'Recibo de egreso 001-000001' });
    await voucherPanel.getByText('Se emitió el recibo de egreso.').waitFor();
    expect(await voucherPanel.getByTestId('voucher-amount').textContent()).toBe('S/ 150.00');
    await screenshot(page, '61-recibo-de-egreso-emitido');

    const [voucher] = await callApi<{ id: number; formattedNumber: string }[]>(server, 'listPaymentVouchers', { associationId });
    expect(voucher!.formattedNumber).toBe('001-000001');
    const { text } = await printRouteToText(page, server.origin, `/print/payment-voucher?id=${voucher!.id}&size=a5`, 'recibo-de-egreso-001-000001');
    mkdirSync(PDF_DIRECTORY, { recursive: true });
    writeFileSync(join(PDF_DIRECTORY, 'recibo-de-egreso-001-000001.txt'), text); // for the closing note
    expect(text).toContain('RECIBO DE EGRESO');
    expect(text).toContain('N° 001-000001');
    expect(text).toContain('RUC 20131312955'); // the association's
    expect(text).toContain('Lácteos Núñez S.A.C.');
    expect(text).toContain('20452187664'); // the supplier's RUC
    expect(text).toContain('Factura F001-000123 del 02/03/2026');
    expect(text).toContain('150.00');
    expect(text).toContain('SON: CIENTO CINCUENTA CON 00/100 SOLES');
    expect(text).toContain('Entregué conforme');
    expect(text).toContain('Recibí conforme');
    expect(text).not.toContain('DUPLICADO');
    await screenshot(page, '62-recibo-de-egreso-a5');

    const [open] = await callApi<{ open: number }[]>(server, 'openPurchases', { associationId, partyId: (await supplierId('Lácteos Núñez S.A.C.')) });
    expect(open!.open).toBe(16_270);
  });

  it('buys oat seed for five members, shares it by kilos to the céntimo, and one member pays her share with a receipt', async () => {
    const { page, server } = session;
    await page.goto(screenUrl('compras'));
    await page.getByRole('button', { name: 'Nueva compra' }).click();
    const form = page.getByRole('form', { name: 'Nueva compra' });
    await form.getByLabel('Fecha', { exact: true }).fill('05/03/2026');
    await pick(page, form.getByLabel('Proveedor', { exact: true }), 'semillas', 'Semillas del Ande S.R.L.');
    await form.getByLabel('Comprobante del proveedor').selectOption({ label: 'Factura' });
    await form.getByLabel('Serie y número').fill('E001-000045');
    await form.getByLabel('Compra para socios (se cobra a cada socio su parte)').check();
    await form.getByLabel('Producto o concepto, línea 1').fill('Semilla de avena forrajera');
    await form.getByLabel('Cantidad, línea 1').fill('500');
    await form.getByLabel('Precio unitario, línea 1').fill('4.37');
    const kilos = ['120', '100', '100', '90', '90'];
    for (const [index, member] of members.entries()) {
      if (index > 0) await form.getByRole('button', { name: 'Agregar socio' }).click();
      await form.getByLabel(`Socio ${index + 1}`, { exact: true }).selectOption({ label: member.label });
      await form.getByLabel(`Cantidad del socio ${index + 1}`).fill(kilos[index]!);
    }
    await expect.poll(() => form.getByTestId('joint-balance').textContent()).toBe('Las partes suman S/ 2,185.00, lo comprado para los socios.');
    expect(await form.getByTestId('joint-share-1').textContent()).toBe('S/ 524.40');
    await form.getByLabel('Fecha en que los socios pagan su parte').fill('31/03/2026');
    await screenshot(page, '63-compra-para-socios');
    await form.getByRole('button', { name: 'Guardar la compra' }).click(); // paid now, from the caja
    const panel = page.getByRole('region', { name: 'Factura E001-000045 de Semillas del Ande S.R.L.' });
    await panel.getByText('Se guardó la compra.').waitFor();
    await panel.getByText('Pagada con el recibo de egreso 001-000002 (S/ 2,185.00).').waitFor();

    const purchases = (await callApi<{ rows: { id: number; joint: boolean }[] }>(server, 'listPurchases', { associationId })).rows;
    const joint = await callApi<PurchaseView>(server, 'getPurchase', { purchaseId: purchases.find((p) => p.joint)!.id });
    expect(joint.shares.map((s) => s.amount)).toEqual([52_440, 43_700, 43_700, 39_330, 39_330]);
    expect(joint.shares.reduce((sum, s) => sum + s.amount, 0)).toBe(joint.total);
    expect(joint.open).toBe(0);

    // Rosa pays her share at the Cobrar screen, as she pays her dues.
    await page.goto(screenUrl('aportes/cobrar'));
    await page.getByRole('heading', { level: 1, name: 'Cobrar a un socio' }).waitFor();
    await page.getByLabel('Socio', { exact: true }).selectOption({ label: members[0]!.label });
    await page.getByText(/Debe en total/).waitFor();
    await page.getByLabel('Monto recibido (S/)').fill('524.40');
    await page.getByLabel('Fecha', { exact: true }).fill('15/03/2026');
    await page.getByRole('button', { name: 'Cobrar y emitir recibo' }).click();
    await page.getByRole('heading', { name: 'Recibo de ingreso 001-000001' }).waitFor();
    await screenshot(page, '64-socia-paga-su-parte');

    const after = await callApi<PurchaseView>(server, 'getPurchase', { purchaseId: joint.id });
    expect(after.shares.map((s) => s.open)).toEqual([0, 43_700, 43_700, 39_330, 39_330]);
    const rosa = await callApi<{ owed: number }>(server, 'memberPosition', { associationId, memberId: members[0]!.id });
    expect(rosa.owed).toBe(0);
    const juan = await callApi<{ owed: number }>(server, 'memberPosition', { associationId, memberId: members[2]!.id });
    expect(juan.owed).toBe(43_700);
  });

  it("types a fair day's sales in the grid with the keyboard alone", async () => {
    const { page, server } = session;
    await page.goto(screenUrl('ventas/feria'));
    await page.getByRole('heading', { level: 1, name: 'Día de feria' }).waitFor();
    await page.getByLabel('Fecha de la feria').fill('15/03/2026');
    // Each row: product by a typed part of its name, Enter, quantity, Enter, price (the product's, or typed over), Enter.
    const rows: [quantity: string, price: string | null][] = [['1.5', null], ['2', '17'], ['0.5', null]];
    for (const [index, [quantity, price]] of rows.entries()) {
      const product = page.getByLabel(`Producto, fila ${index + 1}`);
      if (index === 0) await product.focus();
      else await focusIsOn(page, `Producto, fila ${index + 1}`); // the grid moved there by itself
      await page.keyboard.type('queso');
      await page.keyboard.press('Enter');
      await expect.poll(() => product.inputValue()).toBe('Queso fresco');
      await page.keyboard.type(quantity);
      await page.keyboard.press('Enter');
      const priceCell = page.getByLabel(`Precio, fila ${index + 1}`);
      await expect.poll(() => priceCell.inputValue()).toBe('18.00'); // the product's sale price
      if (price !== null) {
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(price);
      }
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('fair-total').textContent()).toBe('S/ 70.00');
    await screenshot(page, '65-dia-de-feria');
    // Enter on the empty fourth row goes to "Guardar las ventas"; Enter there saves the day.
    await focusIsOn(page, 'Producto, fila 4');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.activeElement?.textContent === 'Guardar las ventas'`);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Se guardaron 3 ventas por S/ 70.00.').waitFor();

    const sales = await callApi<{ rows: { total: number; buyerName: string | null; payment: string }[] }>(server, 'listSales', { associationId, from: '2026-03-15', to: '2026-03-15' });
    expect(sales.rows.map((s) => s.total).sort((a, b) => a - b)).toEqual([900, 2_700, 3_400]);
    expect(sales.rows.every((s) => s.buyerName === null && s.payment === 'cash')).toBe(true);
    expect(await onHand(cheese)).toBe(16_000);
  });
});

/** Waits until the focused element is the one with this accessible label. */
async function focusIsOn(page: Page, label: string): Promise<void> {
  await page.waitForFunction(`document.activeElement?.getAttribute('aria-label') === ${JSON.stringify(label)}`);
}

async function supplierId(name: string): Promise<number> {
  const parties = await callApi<{ id: number; name: string }[]>(session.server, 'listParties', { associationId });
  return parties.find((p) => p.name === name)!.id;
}
