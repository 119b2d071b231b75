import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { callApi, launchBrowser, openSession, type Session } from './support/session';
import { pdfPageSizesMm, printRouteToText } from './support/pdf';

// A purchase on credit, a partial payment, and its "Recibo de egreso" printed to PDF by Chromium and
// read back with pdftotext, on A5 and on the 80 mm roll.

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

/** Where the closing note of issue 12 takes the text of a printed voucher from (when the folder is there). */
const VOUCHER_TEXT = process.env.KHIPU_VOUCHER_TEXT;

describe('a supplier paid in part, end to end', () => {
  it('prints the voucher with the supplier, the factura it paid, the amount in words, Caja and the signatures', async () => {
    const { page, server } = session;
    await page.goto(server.url); // the page keeps the session's token
    const { id: associationId } = await callApi<{ id: number }>(server, 'createAssociation', {
      name: 'Asociación de Productores Lecheros Misky Llankaq', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
    });
    const treasurer = await callApi<{ id: number }>(server, 'createMember', {
      associationId, dni: '41234501', givenNames: 'Rosa', surnames: 'Quispe Huamán', sex: 'F', joinedOn: '2025-01-10',
    });
    await callApi(server, 'assignOfficerPost', { associationId, memberId: treasurer.id, post: 'tesorero', termStart: '2025-01-10' });
    const supplier = await callApi<{ id: number }>(server, 'createParty', {
      associationId, name: 'Agroveterinaria El Ganadero SAC', kind: 'supplier', documentType: 'ruc', documentNumber: '20100047218',
    });
    await callApi(server, 'recordPurchase', {
      associationId, date: '2026-03-02', partyId: supplier.id, documentKind: 'factura', documentNumber: 'F001-4521',
      lines: [{ description: 'Alimento balanceado para vacas (20 sacos)', amount: 96_000, category: 'supplies_consumed' }],
      igv: 17_280, payment: 'credit', dueDate: '2026-04-01',
    });
    const voucher = await callApi<{ id: number; formattedNumber: string }>(server, 'paySupplier', {
      associationId, partyId: supplier.id, date: '2026-03-16', amount: 50_000,
    });
    expect(voucher.formattedNumber).toBe('001-000001');
    await callApi(server, 'recordVoucherPrint', { voucherId: voucher.id });

    const a5 = await printRouteToText(page, server.origin, `/print/payment-voucher?id=${voucher.id}&size=a5`, 'recibo-egreso-a5');
    expect(a5.text).toContain('RECIBO DE EGRESO');
    expect(a5.text).toContain('N° 001-000001');
    // The association's name may wrap beside the number box.
    expect(a5.text).toMatch(/Asociación de Productores[\s\S]*Lecheros Misky Llankaq/);
    expect(a5.text).toContain('RUC 20131312955');
    expect(a5.text).toMatch(/Pagado a\s+Agroveterinaria El Ganadero SAC/);
    expect(a5.text).toMatch(/RUC\s+20100047218/);
    expect(a5.text).toMatch(/Factura F001-4521 del 02\/03\/2026\s+S\/ 500\.00/);
    expect(a5.text).toMatch(/TOTAL\s+S\/ 500\.00/);
    expect(a5.text).toContain('SON: QUINIENTOS CON 00/100 SOLES');
    expect(a5.text).toMatch(/Pagado de\s+Caja/);
    expect(a5.text).toContain('Entregué conforme');
    expect(a5.text).toContain('Recibí conforme');
    expect(a5.text).toContain('Rosa Quispe Huamán');
    expect(a5.text).not.toContain('DUPLICADO');
    const [sheet] = pdfPageSizesMm(a5.path);
    expect(Math.round(sheet!.width)).toBe(148);
    expect(Math.round(sheet!.height)).toBe(210);
    if (VOUCHER_TEXT) writeFileSync(VOUCHER_TEXT, a5.text);

    // A second paper copy is a DUPLICADO, on the roll too; the roll is 80 mm wide and one page long.
    await callApi(server, 'recordVoucherPrint', { voucherId: voucher.id });
    await page.goto('about:blank');
    const roll = await printRouteToText(page, server.origin, `/print/payment-voucher?id=${voucher.id}&size=80mm`, 'recibo-egreso-80mm');
    expect(roll.text).toContain('DUPLICADO');
    expect(roll.text).toContain('SON: QUINIENTOS CON 00/100 SOLES');
    const pages = pdfPageSizesMm(roll.path);
    expect(pages).toHaveLength(1);
    expect(Math.round(pages[0]!.width)).toBe(80);

    // What is still owed after the partial payment: the rest of the factura.
    const open = await callApi<{ open: number }[]>(server, 'openPurchases', { associationId, partyId: supplier.id });
    expect(open.map((p) => p.open)).toEqual([113_280 - 50_000]);
  });
});
