import { format, startOfMonth, subMonths, lastDayOfMonth } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { formatSoles } from '../../shared/money';
import { callApi, screenshot, type Session } from './support/session';
import { onExampleAssociation } from './support/example-association';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDF_DIRECTORY, printRouteToText } from './support/pdf';

let session: Session;
let associationId: number;
onExampleAssociation((example) => ({ session, associationId } = example));

const today = format(new Date(), 'yyyy-MM-dd');
const lastMonth = subMonths(new Date(), 1);
const monthFrom = format(startOfMonth(lastMonth), 'yyyy-MM-dd');
const monthTo = format(lastDayOfMonth(lastMonth), 'yyyy-MM-dd');

/** The figures printed on paper are the engine's, to the céntimo. */
describe('financial reports printed to PDF in Chromium', () => {
  it('balance sheet: the totals on paper equal the engine and assets = liabilities + equity', async () => {
    const sheet = await callApi<{ totals: { assets: number; liabilitiesAndEquity: number } }>(session.server, 'balanceSheet', { associationId, date: today });
    expect(sheet.totals.assets).toBe(sheet.totals.liabilitiesAndEquity);
    const { text } = await printRouteToText(session.page, session.server.origin, `/print/balance-sheet?associationId=${associationId}&date=${today}`, 'balance-general-ejemplo');
    expect(text).toContain("Asociación de Productores Lecheros Sumaq Q'oy");
    expect(text).toMatch(/Balance general/);
    expect(text).toContain(formatSoles(sheet.totals.assets));
    await screenshot(session.page, '50-balance-general');
  });

  it('income statement for last month: the result on paper equals the engine', async () => {
    const statement = await callApi<{ result: number }>(session.server, 'incomeStatement', { associationId, from: monthFrom, to: monthTo });
    const { text } = await printRouteToText(session.page, session.server.origin, `/print/income-statement?associationId=${associationId}&from=${monthFrom}&to=${monthTo}`, 'estado-de-resultados-ejemplo');
    expect(text).toContain('Estado de resultados');
    expect(text).toContain(formatSoles(Math.abs(statement.result)).replace('S/ ', ''));
  });

  it('cash book for last month: the closing balance on paper equals the engine', async () => {
    const { closing } = await callApi<{ closing: number }>(session.server, 'cashBook', { associationId, from: monthFrom, to: monthTo });
    const { text } = await printRouteToText(session.page, session.server.origin, `/print/cash-book?associationId=${associationId}&from=${monthFrom}&to=${monthTo}`, 'libro-caja-ejemplo');
    expect(text).toContain('Libro caja y bancos');
    expect(text).toContain(formatSoles(closing).replace('S/ ', ''));
  });

  it('ODEL summary: the association and its income appear on the landscape sheet', async () => {
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const summary = await callApi<{ total: { income: number } }>(session.server, 'odelSummary', { from: yearStart, to: today });
    const { text } = await printRouteToText(session.page, session.server.origin, `/print/odel-summary?from=${yearStart}&to=${today}&asOf=${today}`, 'resumen-odel');
    expect(text).toContain('Resumen de asociaciones');
    expect(text).toContain("Sumaq Q'oy");
    expect(text).toContain(formatSoles(summary.total.income).replace('S/ ', ''));
  });

  it('exports the balance sheet from the screen to XLSX; the file opened with exceljs carries the same figures', async () => {
    const { page, server } = session;
    const sheet = await callApi<{ totals: { assets: number; liabilitiesAndEquity: number } }>(server, 'balanceSheet', { associationId, date: today });
    await page.goto(`${server.origin}/#/a/${associationId}/reportes/balance`);
    await page.getByText(/Cuadra: Activo/).first().waitFor();
    await screenshot(page, '51-reportes-balance');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar a Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^balance-general-.*\.xlsx$/);
    const path = join(PDF_DIRECTORY, download.suggestedFilename());
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const centimos: number[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'number') centimos.push(Math.round(cell.value * 100));
    }));
    expect(centimos).toContain(sheet.totals.assets);
    expect(centimos).toContain(sheet.totals.liabilitiesAndEquity);
  });
});
