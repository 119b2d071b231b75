import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PRINT_PAGE_LENGTH_ATTRIBUTE } from '../../shared/bridge';
import { callApi, launchBrowser, openSession, type Session } from './support/session';
import { pdfPageSizesMm, printRouteToText } from './support/pdf';

// A credit sale with Khipu's nota de venta and the buyer's partial payment with its recibo de ingreso,
// printed to PDF by Chromium on A5 and on the 80 mm roll and read back with pdftotext. The association,
// the buyer, the products and the stock are set up through the API.

let browser: Browser;
let session: Session;
let saleId: number;
let collectionId: number;
beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser);
  const { server } = session;
  await session.page.goto(server.url); // keeps the token for this tab
  const create = (operation: string, input: unknown) => callApi<{ id: number }>(server, operation, input);
  const { id: associationId } = await create('createAssociation', {
    name: 'Asociación de Productores Lecheros Misky Llankaq', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
    address: 'Anexo Cotahuacho s/n',
  });
  const rosa = await create('createMember', {
    associationId, dni: '41234501', givenNames: 'Rosa', surnames: 'Quispe Huamán', sex: 'F', joinedOn: '2025-01-10',
  });
  await callApi(server, 'assignOfficerPost', { associationId, memberId: rosa.id, post: 'tesorero', termStart: '2025-01-10' });
  const supplier = await create('createParty', { associationId, name: 'Acopiador de la feria', kind: 'supplier', documentType: 'none' });
  const buyer = await create('createParty', {
    associationId, name: 'Comercial Ñawi S.A.C.', kind: 'buyer', documentType: 'ruc', documentNumber: '20452187664',
  });
  const cheese = await create('createProduct', { associationId, name: 'Queso andino', unit: 'kg', category: 'goods', salePrice: 1_800 });
  const yoghurt = await create('createProduct', { associationId, name: 'Yogur de fresa', unit: 'l', category: 'goods', salePrice: 655 });
  await callApi(server, 'recordPurchase', {
    associationId, date: '2026-03-02', partyId: supplier.id, documentKind: 'ticket', documentNumber: 'T-1', payment: 'cash',
    lines: [
      { productId: cheese.id, quantity: 20_000, unitPrice: 1_000, category: 'stock' },
      { productId: yoghurt.id, quantity: 30_000, unitPrice: 300, category: 'stock' },
    ],
  });
  ({ id: saleId } = await create('recordSale', {
    associationId, date: '2026-03-10', partyId: buyer.id, documentKind: 'nota_venta', payment: 'credit', dueDate: '2026-03-31',
    lines: [{ productId: cheese.id, quantity: 2_500 }, { productId: yoghurt.id, quantity: 6_000 }],
  }));
  ({ id: collectionId } = await create('collectSale', { associationId, partyId: buyer.id, date: '2026-03-15', amount: 5_000 }));
  // The first paper copy of each, as the screens count it when they print.
  await callApi(server, 'recordSalePrint', { saleId });
  await callApi(server, 'recordCollectionPrint', { collectionId });
});
afterAll(async () => {
  await session?.close();
  await browser?.close();
});

/** Prints a route on a fresh page (the last route's ready mark must not count) and reads back its text and page sizes. */
async function print(route: string, name: string) {
  const { page, server } = session;
  await page.goto('about:blank');
  const { text, path } = await printRouteToText(page, server.origin, route, name);
  const length = await rollLength(page);
  return { text, pages: pdfPageSizesMm(path), length };
}

/** The roll length the route measured from its content (rollPage.ts), null on sheets. */
async function rollLength(page: Page): Promise<number | null> {
  const value = await page.locator('html').getAttribute(PRINT_PAGE_LENGTH_ATTRIBUTE);
  return value === null ? null : Number(value);
}

function expectA5(pages: { width: number; height: number }[]) {
  expect(pages).toHaveLength(1);
  expect(Math.round(pages[0]!.width)).toBe(148);
  expect(Math.round(pages[0]!.height)).toBe(210);
}

/** One page 80 mm wide, as long as the content measured on the screen, far shorter than a sheet. */
function expectRoll(pages: { width: number; height: number }[], length: number | null): number {
  expect(pages).toHaveLength(1);
  const { width, height } = pages[0]!;
  expect(Math.round(width)).toBe(80);
  expect(length).not.toBeNull();
  expect(height).toBeCloseTo(length!, 0);
  expect(height).toBeGreaterThan(60);
  expect(height).toBeLessThan(250); // never the 297 mm the roll's page stands at before it is measured
  return height;
}

const call = <T = unknown>(operation: string, input: unknown) => callApi<T>(session.server, operation, input);

// 2.5 kg × S/ 18.00 = S/ 45.00 and 6 l × S/ 6.55 = S/ 39.30: S/ 84.30 sold on credit, S/ 50.00 collected, S/ 34.30 owed.
const HEADER = [/Asociación de Productores[\s\S]*Lecheros[\s\S]*Misky Llankaq/, /RUC 20131312955/, /Anexo Cotahuacho s\/n/];
const BUYER = [/Comercial Ñawi S\.A\.C\./, /Doc\.\s+RUC 20452187664/];

function expectAll(text: string, patterns: RegExp[]) {
  for (const pattern of patterns) expect(text).toMatch(pattern);
}

describe('the nota de venta and the recibo de ingreso on paper', () => {
  it('prints the nota de venta on A5 and on the roll: number, buyer, lines, total in words, terms, signatures; a reprint is a DUPLICADO', async () => {
    const rolls: number[] = [];
    for (const size of ['a5', '80mm'] as const) {
      const { text, pages, length } = await print(`/print/nota-venta?id=${saleId}&size=${size}`, `nota-venta-${size}`);
      expect(text).toContain('NOTA DE VENTA');
      expect(text).toContain('N° 001-000001');
      expectAll(text, [...HEADER, ...BUYER, /Cliente\s+Comercial Ñawi/, /Fecha\s+10\/03\/2026/]);
      expectAll(text, [
        /Producto\s+Cantidad\s+Precio\s+Importe/,
        /Queso andino\s+2\.5 kg\s+S\/ 18\.00\s+S\/ 45\.00/,
        /Yogur de fresa\s+6\s?l\s+S\/ 6\.55\s+S\/ 39\.30/, // pdftotext -layout may drop the narrow gap before "l"
        /TOTAL\s+S\/ 84\.30/,
        /SON: OCHENTA Y CUATRO CON 30\/100\s+SOLES/,
      ]);
      expect(text).toContain('Al crédito: pagar hasta el 31/03/2026.');
      expect(text).toContain('Saldo por pagar: S/ 34.30');
      expectAll(text, [/Rosa Quispe[\s\S]{0,40}Huamán/, /Entregué conforme/, /Recibí conforme/, /Por la asociación/]);
      expect(text).not.toMatch(/DUPLICADO|ANULADO/);
      if (size === 'a5') expectA5(pages);
      else rolls.push(expectRoll(pages, length));
    }

    await call('recordSalePrint', { saleId });
    const reprint = await print(`/print/nota-venta?id=${saleId}&size=80mm`, 'nota-venta-80mm-duplicado');
    expect(reprint.text).toContain('DUPLICADO');
    expect(reprint.text).toContain('N° 001-000001');
    // The stamp is one more line of content: the roll grows with it.
    expect(expectRoll(reprint.pages, reprint.length)).toBeGreaterThan(rolls[0]!);
  });

  it('prints the recibo de ingreso on A5 and on the roll: the sale it pays, the amount in words, what is still owed; a reprint is a DUPLICADO', async () => {
    for (const size of ['a5', '80mm'] as const) {
      const { text, pages, length } = await print(`/print/sale-collection?id=${collectionId}&size=${size}`, `recibo-ingreso-${size}`);
      expect(text).toContain('RECIBO DE INGRESO');
      expect(text).toContain('N° 002-000001');
      expectAll(text, [...HEADER, ...BUYER, /Recibimos de\s+Comercial Ñawi/, /Fecha\s+15\/03\/2026/, /Ingresó a\s+Caja/]);
      // On the roll the concept wraps around its amount.
      expectAll(text, [/Pago de la venta 001-000001 del\s+(S\/ 50\.00\s+)?10\/03\/2026/, /TOTAL\s+S\/ 50\.00/]);
      expect(text).toContain('SON: CINCUENTA CON 00/100 SOLES');
      expect(text).toContain('Saldo pendiente del cliente: S/ 34.30');
      expectAll(text, [/Rosa Quispe[\s\S]{0,40}Huamán/, /Tesorero\/a/, /Entregó \(cliente\)/]);
      expect(text).not.toMatch(/DUPLICADO|ANULADO/);
      if (size === 'a5') expectA5(pages);
      else expectRoll(pages, length);
    }

    await call('recordCollectionPrint', { collectionId });
    const reprint = await print(`/print/sale-collection?id=${collectionId}&size=a5`, 'recibo-ingreso-a5-duplicado');
    expect(reprint.text).toContain('DUPLICADO');
    expect(reprint.text).toContain('N° 002-000001');
    expectA5(reprint.pages);
  });

  it('prints ANULADO on both once voided, keeping their numbers, the collection first since it pays the sale', async () => {
    await expect(call('voidSale', { saleId, date: '2026-03-16', reason: 'Pedido devuelto' }))
      .rejects.toThrow('No se puede anular la venta 001-000001: ya se cobró con 002-000001. Anule primero ese cobro.');
    await call('voidSaleCollection', { collectionId, date: '2026-03-16', reason: 'Cheque sin fondos' });
    await call('voidSale', { saleId, date: '2026-03-17', reason: 'Pedido devuelto' });

    const collection = await print(`/print/sale-collection?id=${collectionId}&size=a5`, 'recibo-ingreso-a5-anulado');
    expect(collection.text).toContain('ANULADO');
    expect(collection.text).toContain('Anulado el 16/03/2026: Cheque sin fondos');
    expect(collection.text).toContain('N° 002-000001');
    expect(collection.text).toContain('SON: CINCUENTA CON 00/100 SOLES');
    // Printed twice before, but a voided document is no DUPLICADO, and says nothing of a balance.
    expect(collection.text).not.toMatch(/DUPLICADO|Saldo pendiente/);
    expectA5(collection.pages);

    const sale = await print(`/print/nota-venta?id=${saleId}&size=80mm`, 'nota-venta-80mm-anulada');
    expect(sale.text).toContain('ANULADO');
    expect(sale.text).toMatch(/Anulado el 17\/03\/2026:\s+Pedido devuelto/);
    expect(sale.text).toContain('N° 001-000001');
    expect(sale.text).toMatch(/TOTAL\s+S\/ 84\.30/);
    expect(sale.text).not.toMatch(/DUPLICADO|Saldo por pagar/);
    expectRoll(sale.pages, sale.length);
  });
});
