import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AcopioDayGrid, SettlementList } from '../../shared/operations/acopio';
import { callApi, launchBrowser, openSession, screenshot, type Session } from './support/session';
import { pdfPageSizesMm, printRouteToText } from './support/pdf';

// A fortnight's acopio of fresh milk from 20 members in Chromium: fourteen days recorded through the
// API, the fifteenth typed in the day's grid with the keyboard alone, the fortnight previewed, settled
// and paid on the screen; then a member's liquidación (A5) and the period's summary (A4) printed to PDF
// and read back with pdftotext, and her estado de cuenta with the liquidación on it. Member i (1…20) brings 10 + i litres a day, half a litre more on odd
// days: 15 × (10 + i) + 4 litres in the fortnight, at S/ 1.20 with a levy of S/ 0.05 a litre.
// Member 2 owes a fine of S/ 20.00, deducted from her liquidación.

const PRICE = 120;
const LEVY = 5;
const litresOf = (i: number) => 15 * (10 + i) + 4;
const quantityOn = (i: number, day: number) => (10 + i) * 1000 + (day % 2 === 1 ? 500 : 0);
const soles = (centimos: number) => `S/ ${(centimos / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

let browser: Browser;
let session: Session;
let associationId: number;
let milk: number;
const members: { id: number; name: string }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser);
  const { server } = session;
  await session.page.goto(server.url); // keeps the token for this tab
  ({ id: associationId } = await callApi<{ id: number }>(server, 'createAssociation', {
    name: 'Asociación de Productores Lecheros Misky Llankaq', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
    address: 'Anexo Cotahuacho s/n',
  }));
  const given = ['Rosa', 'Juana', 'Pedro', 'Elena', 'Marcelina', 'Teodora', 'Hilario', 'Yolanda', 'Felícitas', 'Wilber',
    'Nilda', 'Quintina', 'Zenón', 'Graciela', 'Agripina', 'Lucio', 'Sabina', 'Eusebia', 'Florencio', 'Vilma'];
  for (const [index, name] of given.entries()) {
    const surnames = `Quispe ${['Mamani', 'Huamán', 'Condori', 'Ccori', 'Taipe'][index % 5]}`;
    const { id } = await callApi<{ id: number }>(server, 'createMember', {
      associationId, dni: `412345${String(index + 10).padStart(2, '0')}`, givenNames: name, surnames, sex: index % 3 === 2 ? 'M' : 'F', joinedOn: '2025-01-10',
    });
    members.push({ id, name: `${name} ${surnames}` });
  }
  await callApi(server, 'assignOfficerPost', { associationId, memberId: members[0]!.id, post: 'tesorero', termStart: '2025-01-10' });
  ({ id: milk } = await callApi<{ id: number }>(server, 'createProduct', { associationId, name: 'Leche fresca', unit: 'l', category: 'raw_material', salePrice: null }));
  await callApi(server, 'setAcopioPrice', { associationId, productId: milk, validFrom: '2026-03-01', price: PRICE });
  const levy = await callApi<{ id: number }>(server, 'createContributionType', {
    associationId, kind: 'levy_per_unit', name: 'Aporte por litro', unit: 'litro', amountPerUnit: LEVY,
  });
  await callApi(server, 'setAcopioLevy', { associationId, productId: milk, levyTypeId: levy.id, validFrom: '2026-03-01' });
  const fine = await callApi<{ id: number }>(server, 'createContributionType', { associationId, kind: 'fine', name: 'Multa por inasistencia', defaultAmount: 2000 });
  await callApi(server, 'createCharge', {
    associationId, memberId: members[1]!.id, contributionTypeId: fine.id, date: '2026-03-05', dueDate: '2026-03-05', amount: 2000,
    description: 'Multa por inasistencia a la asamblea',
  });
  for (let day = 1; day <= 14; day += 1) {
    await callApi(server, 'recordAcopioDay', {
      associationId, productId: milk, date: `2026-03-${String(day).padStart(2, '0')}`,
      rows: members.map((m, index) => ({ memberId: m.id, quantity: quantityOn(index + 1, day) })),
    });
  }
});
afterAll(async () => {
  await session?.close();
  await browser?.close();
});

const screenUrl = (path: string) => `${session.server.origin}/#/a/${associationId}/${path}`;

describe('acopio and settlements in Chromium', () => {
  it("types the fortnight's last day in the grid with the keyboard alone", async () => {
    const { page } = session;
    await page.goto(screenUrl('acopio'));
    const date = page.getByLabel('Fecha del acopio');
    await date.fill('15/03/2026');
    // Yesterday's 20 members are listed; only the litres are typed, Enter goes down.
    await page.getByLabel(/^Cantidad de .*Rosa.*, fila 1$/).click();
    for (const [index] of members.entries()) {
      await page.keyboard.type(`${10 + index + 1}.5`);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null")).toBe('Socio, fila 21');
    const dayLitres = members.reduce((sum, _m, index) => sum + quantityOn(index + 1, 15), 0);
    expect(await page.getByTestId('acopio-total-quantity').textContent()).toBe(String(dayLitres / 1000));
    expect(await page.getByTestId('acopio-total-value').textContent()).toBe(soles((dayLitres / 1000) * PRICE));
    await screenshot(page, 'acopio-day-grid');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByText(`Se guardó el acopio: 20 socios, ${dayLitres / 1000} l, ${soles((dayLitres / 1000) * PRICE)}.`).waitFor();
    const grid = await callApi<AcopioDayGrid>(session.server, 'acopioDay', { associationId, productId: milk, date: '2026-03-15' });
    expect(grid.day?.memberCount).toBe(20);
  });

  it('previews, settles and pays the fortnight on the screen, and prints a liquidación and the summary', async () => {
    const { page } = session;
    await page.goto(screenUrl('acopio/liquidar'));
    await page.getByLabel('Desde').fill('01/03/2026');
    await page.getByLabel('Hasta').fill('15/03/2026');
    await page.getByRole('button', { name: 'Calcular' }).click();
    const litres = members.reduce((sum, _m, index) => sum + litresOf(index + 1), 0);
    const gross = litres * PRICE;
    const levy = litres * LEVY;
    const net = gross - levy - 2000;
    await expect.poll(() => page.getByTestId('acopio-net-total').textContent()).toBe(soles(net));
    await page.getByRole('button', { name: 'Liquidar a los 20 socios' }).click();
    await page.getByText(`Se hicieron 20 liquidaciones; total a pagar ${soles(net)}.`).waitFor();
    await page.getByRole('button', { name: `Pagar ${soles(net)} con recibos de egreso` }).click();
    await page.getByText(`Se hicieron 20 recibos de egreso por ${soles(net)}; 0 sin nada que pagar.`).waitFor();
    await screenshot(page, 'acopio-settled');

    const list = await callApi<SettlementList>(session.server, 'listSettlements', { associationId, from: '2026-03-01', to: '2026-03-15' });
    expect(list.totals).toMatchObject({ gross, levy, deductions: 2000, net, paid: net, unpaid: 0 });
    const juana = list.rows.find((row) => row.memberId === members[1]!.id)!;

    // Juana's liquidación: her 15 days, litres × price, the levy, the fine deducted and the net.
    const juanaLitres = litresOf(2);
    const one = await printRouteToText(page, session.server.origin, `/print/settlement?id=${juana.id}&size=a5`, 'acopio-liquidacion');
    const text = one.text.replace(/[ \t]+/g, ' ');
    expect(text).toContain('LIQUIDACIÓN DE ACOPIO');
    expect(text).toContain(`N° ${juana.formattedNumber}`);
    expect(text).toContain(members[1]!.name);
    expect(text).toContain('Del 01/03/2026 al 15/03/2026');
    expect(text).toContain('15/03/2026');
    expect(text).toContain(`Leche fresca: ${juanaLitres} l × S/ 1.20 ${soles(juanaLitres * PRICE)}`);
    expect(text).toContain(`Valor entregado ${soles(juanaLitres * PRICE)}`);
    expect(text).toContain(`Aporte a la asociación − ${soles(juanaLitres * LEVY)}`);
    expect(text).toContain('Descuento: Multa por inasistencia');
    expect(text).toContain('− S/ 20.00');
    expect(text).toContain(`NETO A PAGAR ${soles(juanaLitres * (PRICE - LEVY) - 2000)}`);
    expect(text).toContain('Recibí conforme');
    // A fortnight of daily deliveries, the summary and the signatures fit one A5 page.
    const pages = pdfPageSizesMm(one.path);
    expect(pages).toHaveLength(1);
    expect(Math.round(pages[0]!.width)).toBe(148);

    const summary = await printRouteToText(page, session.server.origin,
      `/print/settlements-summary?associationId=${associationId}&from=2026-03-01&to=2026-03-15`, 'acopio-resumen');
    const sum = summary.text.replace(/[ \t]+/g, ' ');
    expect(sum).toContain('Resumen de liquidaciones de acopio');
    for (const member of members) expect(sum).toContain(member.name);
    expect(pdfPageSizesMm(summary.path)).toHaveLength(1);
    expect(sum).toContain(`Totales (20 socios) ${litres} ${soles(gross)} ${soles(levy)} S/ 20.00 ${soles(net)} ${soles(net)}`);

    // The whole period at once: one liquidación to an A5 page, in number order.
    const all = await printRouteToText(page, session.server.origin, `/print/settlement?ids=${list.rows.map((r) => r.id).join(',')}&size=a5`, 'acopio-liquidaciones');
    const allPages = pdfPageSizesMm(all.path);
    expect(allPages).toHaveLength(20);
    expect(allPages.every((p) => Math.round(p.width) === 148)).toBe(true);
    expect(all.text.match(/NETO A PAGAR/g)).toHaveLength(20);
    for (const member of members) expect(all.text).toContain(member.name);

    // Her estado de cuenta shows the fine paid "con su liquidación" and the liquidación itself, paid.
    const statement = await printRouteToText(page, session.server.origin,
      `/print/statement?associationId=${associationId}&memberId=${members[1]!.id}&from=2026-03-01&to=2026-03-31`, 'acopio-estado-de-cuenta');
    const st = statement.text.replace(/[ \t]+/g, ' ');
    expect(st).toContain('Acopio y liquidaciones');
    const juanaNet = soles(juanaLitres * (PRICE - LEVY) - 2000);
    const row = st.split('\n').find((line) => line.includes(juana.formattedNumber))!;
    expect(row).toContain(`01/03/2026 ${juanaLitres} ${soles(juanaLitres * PRICE)} ${soles(juanaLitres * LEVY)} S/ 20.00 ${juanaNet} ${juanaNet} S/ 0.00`);
    expect(st).toMatch(/^ ?– 15\/03\/2026$/m);
  });

  it('prints its figures at 10 pt or more, and no print is wider than its paper', async () => {
    const { page, server } = session;
    const list = await callApi<SettlementList>(server, 'listSettlements', { associationId, from: '2026-03-01', to: '2026-03-15' });
    const first = list.rows[0]!.id;
    const MM = 96 / 25.4;
    const routes: [route: string, widthMm: number][] = [
      [`/print/settlement?id=${first}&size=a5`, 148 - 2 * 10],
      [`/print/settlement?id=${first}&size=80mm`, 80 - 2 * 4],
      [`/print/settlements-summary?associationId=${associationId}&from=2026-03-01&to=2026-03-15`, 210 - 2 * 15],
      [`/print/statement?associationId=${associationId}&memberId=${members[1]!.id}&from=2026-03-01&to=2026-03-31`, 210 - 2 * 15],
    ];
    // Every element holding a digit of its own: the smallest font among them, and how far the page overflows.
    const measure = `(() => {
      const figures = [...document.querySelectorAll('body *')].filter((element) =>
        [...element.childNodes].some((node) => node.nodeType === 3 && /\\d/.test(node.textContent || '')));
      const smallest = figures.map((element) => ({ text: (element.textContent || '').trim().slice(0, 40),
        pt: Number(getComputedStyle(element).fontSize.replace('px', '')) * 72 / 96 })).sort((a, b) => a.pt - b.pt)[0];
      return { figures: figures.length, smallest, overflow: document.documentElement.scrollWidth - window.innerWidth };
    })()`;
    await page.emulateMedia({ media: 'print' });
    const findings: string[] = [];
    try {
      for (const [route, widthMm] of routes) {
        await page.setViewportSize({ width: Math.floor(widthMm * MM), height: 900 });
        await page.goto('about:blank');
        await page.goto(`${server.origin}/#${route}`);
        await page.waitForSelector('html[data-print-ready="true"]');
        const measured = await page.evaluate<{ figures: number; smallest?: { text: string; pt: number }; overflow: number }>(measure);
        expect(measured.figures, route).toBeGreaterThan(0);
        if (measured.smallest && measured.smallest.pt < 9.99) findings.push(`${route}: ${measured.smallest.pt.toFixed(2)} pt «${measured.smallest.text}»`);
        if (measured.overflow > 1) findings.push(`${route}: ${measured.overflow}px wider than the paper`);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 860 });
    }
    expect(findings).toEqual([]);
  });
});
