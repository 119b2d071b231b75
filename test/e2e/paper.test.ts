import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { callApi, type Session } from './support/session';
import { onExampleAssociation } from './support/example-association';
import { pdfPageSizesMm, printRouteToPdf } from './support/pdf';

// What comes out on paper, measured in Chromium's own PDF output: page sizes and layout.

// The page's globals as the measurements below use them inside page.evaluate (this project's
// Node tsconfig has no DOM library).
interface PageElement {
  getBoundingClientRect(): { left: number; right: number; width: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
}
declare const document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): Iterable<PageElement>; documentElement: PageElement };
declare const window: { innerWidth: number };
declare function getComputedStyle(element: PageElement): { fontSize: string };

let session: Session;
let associationId: number;
onExampleAssociation((example) => ({ session, associationId } = example));

const today = format(new Date(), 'yyyy-MM-dd');

describe('the 80 mm ticket', () => {
  it('is one page 80 mm wide, as long as its content and no longer: more lines, more paper', async () => {
    const { server } = session;
    const types = await callApi<{ id: number; kind: string }[]>(server, 'listContributionTypes', { associationId });
    const fine = types.find((type) => type.kind === 'fine')!;
    const member = await callApi<{ id: number }>(server, 'createMember', {
      associationId, dni: '47001234', givenNames: 'Sisa', surnames: 'Quispe Ttito', sex: 'F', joinedOn: '2024-01-10',
    });
    for (let day = 1; day <= 8; day += 1) {
      await callApi(server, 'createCharge', {
        associationId, memberId: member.id, contributionTypeId: fine.id, date: `2025-03-0${day}`, amount: 1000, description: `Multa por faltar a la faena del 0${day}/03`,
      });
    }
    // One charge paid, then the other seven on one receipt.
    const short = await callApi<{ id: number; lines: unknown[] }>(server, 'recordPayment', { associationId, memberId: member.id, date: '2025-04-01', amount: 1000 });
    const long = await callApi<{ id: number; lines: unknown[] }>(server, 'recordPayment', { associationId, memberId: member.id, date: '2025-04-02', amount: 7000 });
    expect([short.lines.length, long.lines.length]).toEqual([1, 7]);

    const sizeOf = async (receiptId: number, name: string) => {
      const pages = pdfPageSizesMm(await printRouteToPdf(session.page, server.origin, `/print/receipt?receiptId=${receiptId}&paper=ticket80`, name));
      expect(pages).toHaveLength(1);
      return pages[0]!;
    };
    const one = await sizeOf(short.id, 'ticket-una-linea');
    const seven = await sizeOf(long.id, 'ticket-siete-lineas');
    for (const page of [one, seven]) {
      expect(page.width).toBeCloseTo(80, 0);
      expect(page.height).toBeLessThan(200); // not the 297 mm of an A4 sheet
    }
    // Six more lines of concept and amount, each at least 4 mm on a 10 pt ticket.
    expect(seven.height - one.height).toBeGreaterThan(6 * 4);
  });
});

/** A second district whose association has a long name and figures in the hundreds of thousands, as wide as a large association gets. */
async function addWideDistrict(): Promise<void> {
  const { server } = session;
  const { id } = await callApi<{ id: number }>(server, 'createAssociation', {
    name: 'Asociación de Productores Agropecuarios y Ganaderos Virgen de Cocharcas de Huaccana',
    ruc: null, legalForm: 'asociacion', ubigeo: '150101',
  });
  const accounts = await callApi<{ id: number; role: string | null }[]>(server, 'listAccounts', { associationId: id });
  const role = (name: string) => accounts.find((account) => account.role === name)!.id;
  await callApi(server, 'postEntry', {
    associationId: id, date: `${today.slice(0, 4)}-01-02`, description: 'Venta de la campaña',
    lines: [{ accountId: role('bank'), amount: 45_678_912 }, { accountId: role('sales_products'), amount: -45_678_912 }],
  });
}

interface TableLayout {
  /** Left edge and width of every header cell, in CSS pixels. */
  columns: { left: number; width: number }[];
  right: number;
  /** Cells whose content is wider than the cell (cut or spilling over). */
  overflowing: string[];
  figureFontPt: number[];
}

/** Reads each ODEL table's geometry in the page as laid out now. */
/** The main tables (members and money) and, apart, the purchases tables under them: each group lines up on its own. */
const ODEL_TABLES = ['table.odel-table:not(.odel-table--trade)', 'table.odel-table--trade'] as const;

async function odelTableLayouts(
  container: string, tablesOf: (typeof ODEL_TABLES)[number] = ODEL_TABLES[0],
): Promise<{ containerRight: number; tables: TableLayout[] }> {
  return session.page.evaluate(([selector, tableSelector]) => {
    const box = document.querySelector(selector)!;
    const tables = [...box.querySelectorAll(tableSelector)].map((table) => ({
      columns: [...table.querySelectorAll('thead th')].map((cell) => {
        const rect = cell.getBoundingClientRect();
        return { left: Math.round(rect.left * 10) / 10, width: Math.round(rect.width * 10) / 10 };
      }),
      right: table.getBoundingClientRect().right,
      overflowing: [...table.querySelectorAll('th, td')].filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent ?? ''),
      figureFontPt: [...table.querySelectorAll('td.num')].map((cell) => (Number(getComputedStyle(cell).fontSize.replace('px', '')) * 72) / 96),
    }));
    return { containerRight: box.getBoundingClientRect().right, tables };
  }, [container, tablesOf] as const);
}

function expectTablesFitAndLineUp({ containerRight, tables }: { containerRight: number; tables: TableLayout[] }) {
  if (process.env.KHIPU_DEBUG_LAYOUT) console.log(containerRight, JSON.stringify(tables[0]));
  expect(tables.length).toBeGreaterThanOrEqual(3); // two districts and the grand total
  for (const table of tables) {
    expect(table.right).toBeLessThanOrEqual(containerRight + 0.5);
    expect(table.overflowing).toEqual([]);
    expect(table.columns).toEqual(tables[0]!.columns);
  }
}

describe('the ODEL summary', () => {
  it('on paper: A4 landscape, every column inside the page, the same columns in every district, figures of 10 pt', async () => {
    await addWideDistrict();
    const { page, server } = session;
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const route = `/print/odel-summary?from=${yearStart}&to=${today}&asOf=${today}`;
    const pages = pdfPageSizesMm(await printRouteToPdf(page, server.origin, route, 'resumen-odel-dos-distritos'));
    for (const sheet of pages) {
      expect(sheet.width).toBeCloseTo(297, 0);
      expect(sheet.height).toBeCloseTo(210, 0);
    }
    // Lay the route out as the printer does: print media, at the page's printable width (297 − 2 × 12 mm).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor((273 / 25.4) * 96), height: 800 });
    try {
      for (const tables of ODEL_TABLES) {
        const layout = await odelTableLayouts('article.print-odel', tables);
        expectTablesFitAndLineUp(layout);
        for (const table of layout.tables) for (const size of table.figureFontPt) expect(size).toBeGreaterThanOrEqual(9.99); // 10 pt is 13.33 px
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('on screen: the tables fit the window and their columns line up across districts', async () => {
    const { page, server } = session;
    await page.goto(`${server.origin}/#/a/${associationId}/odel`);
    await page.getByRole('button', { name: 'Mostrar' }).click();
    await page.locator('table.odel-table').nth(2).waitFor();
    for (const tables of ODEL_TABLES) expectTablesFitAndLineUp(await odelTableLayouts('.odel__tables', tables));
  });
});

const MM = 96 / 25.4; // CSS pixels per millimetre

/** The printable width of each paper, as the print routes' @page rules set it. */
const PRINTABLE_MM = { a4: 210 - 2 * 15, a4Sheet: 210 - 2 * 12, a4Across: 297 - 2 * 12, a5: 148 - 2 * 10, ticket: 80 - 2 * 4 };

describe('the association sheet', () => {
  it('stays one A4 page with its figures at 10 pt', async () => {
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const route = `/print/association-sheet?associationId=${associationId}&from=${yearStart}&to=${today}&asOf=${today}`;
    const pages = pdfPageSizesMm(await printRouteToPdf(session.page, session.server.origin, route, 'ficha-asociacion'));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.width).toBeCloseTo(210, 0);
  });
});

describe('printed figures', () => {
  it('are at least 10 pt on every print route, and no route is wider than its paper', async () => {
    const { page, server } = session;
    const accounts = await callApi<{ id: number; role: string | null }[]>(server, 'listAccounts', { associationId });
    const cash = accounts.find((account) => account.role === 'cash')!.id;
    const { members } = await callApi<{ members: { id: number }[] }>(server, 'listMembers', { associationId });
    const [receipt] = await callApi<{ id: number }[]>(server, 'listReceipts', { associationId });
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const year = `from=${yearStart}&to=${today}`;
    const routes: [route: string, width: number][] = [
      [`/print/balance-sheet?associationId=${associationId}&date=${today}`, PRINTABLE_MM.a4],
      [`/print/income-statement?associationId=${associationId}&${year}`, PRINTABLE_MM.a4],
      [`/print/cash-book?associationId=${associationId}&${year}`, PRINTABLE_MM.a4],
      [`/print/ledger?associationId=${associationId}&accountId=${cash}&${year}`, PRINTABLE_MM.a4],
      [`/print/trial-balance?associationId=${associationId}&to=${today}`, PRINTABLE_MM.a4],
      [`/print/contributions?associationId=${associationId}&${year}`, PRINTABLE_MM.a4],
      [`/print/members-by-sex?associationId=${associationId}&asOf=${today}`, PRINTABLE_MM.a4],
      [`/print/statement?associationId=${associationId}&memberId=${members[0]!.id}`, PRINTABLE_MM.a4],
      [`/print/arrears?associationId=${associationId}&asOf=${today}`, PRINTABLE_MM.a4],
      [`/print/odel-summary?${year}&asOf=${today}`, PRINTABLE_MM.a4Across],
      [`/print/association-sheet?associationId=${associationId}&${year}&asOf=${today}`, PRINTABLE_MM.a4Sheet],
      [`/print/receipt?receiptId=${receipt!.id}&paper=A5`, PRINTABLE_MM.a5],
      [`/print/receipt?receiptId=${receipt!.id}&paper=ticket80`, PRINTABLE_MM.ticket],
    ];
    await page.emulateMedia({ media: 'print' });
    const findings: string[] = [];
    try {
      for (const [route, widthMm] of routes) {
        await page.setViewportSize({ width: Math.floor(widthMm * MM), height: 900 });
        await page.goto('about:blank'); // a fresh page: the last route's ready mark must not count for this one
        await page.goto(`${server.origin}/#${route}`);
        await page.waitForSelector('html[data-print-ready="true"]');
        const measured = await page.evaluate(() => {
          // Every element with a figure of its own: its text nodes hold a digit.
          const figures = [...document.querySelectorAll('body *')].filter((element) =>
            [...element.childNodes].some((node) => node.nodeType === 3 /* Node.TEXT_NODE */ && /\d/.test(node.textContent ?? '')));
          const smallest = figures
            .map((element) => ({ text: (element.textContent ?? '').trim().slice(0, 40), pt: (Number(getComputedStyle(element).fontSize.replace('px', '')) * 72) / 96 }))
            .sort((a, b) => a.pt - b.pt)[0];
          return { figures: figures.length, smallest, overflow: document.documentElement.scrollWidth - window.innerWidth };
        });
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
