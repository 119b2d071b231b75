import { describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine, type Harness } from './harness';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';

/**
 * A small year by hand, all before the engine's clock (2026-03-15):
 *   05/01 capital from members      Caja +2,000.00   Aportes de capital −2,000.00
 *   10/02 dues                      Caja   +300.00   Cuotas de socios     −300.00
 *   03/03 supplies bought           Caja   −450.00   Compras de suministros +450.00
 *   05/03 products sold             Banco +1,200.50  Venta de productos −1,200.50
 *   10/03 cash deposited            Banco   +500.00  Caja                 −500.00
 * At 15/03: Caja 1,350.00 + Banco 1,700.50 = 3,050.50 of assets; no liabilities;
 * equity 2,000.00 of capital + 1,050.50 result (1,500.50 income − 450.00 expenses) = 3,050.50.
 */
function engineWithAYear() {
  const engine = startEngine();
  const { associationId, role } = seedAssociation(engine.api);
  const post = (date: string, description: string, debit: string, credit: string, amount: number) =>
    engine.api.postEntry({
      associationId, date, description,
      lines: [{ accountId: role(debit), amount }, { accountId: role(credit), amount: -amount }],
    });
  post('2026-01-05', 'Aporte de capital de los socios', 'cash', 'member_capital_contributions', 200000);
  post('2026-02-10', 'Cuotas de febrero', 'cash', 'dues_income', 30000);
  post('2026-03-03', 'Compra de alimento balanceado', 'purchases_supplies', 'cash', 45000);
  post('2026-03-05', 'Venta de quesos en la feria', 'bank', 'sales_products', 120050);
  post('2026-03-10', 'Depósito en el banco', 'bank', 'cash', 50000);
  const accounts = engine.api.listAccounts({ associationId });
  const byCode = (code: string) => accounts.find((account) => account.code === code)!.id;
  return { engine, associationId, role, byCode };
}

const cells = (row: Element | null) => [...(row?.querySelectorAll('td, th') ?? [])].map((cell) => cell.textContent);
/** The grid column a cell starts in, counting the colSpans before it. */
const columnOf = (cell: Element) => {
  const before = [...(cell.parentElement?.children ?? [])].slice(0, [...(cell.parentElement?.children ?? [])].indexOf(cell));
  return before.reduce((column, previous) => column + ((previous as HTMLTableCellElement).colSpan || 1), 0);
};

/**
 * The closing balance is the book table's last row, its figure in the Saldo column; no
 * "Saldo final" line stands outside the table.
 */
function expectClosingInsideTheTable(closing: string) {
  const table = document.querySelector('table.book') as HTMLTableElement;
  const rows = [...table.querySelectorAll('tbody tr')];
  expect(rows.at(-1)?.getAttribute('data-testid')).toBe('book-closing');
  const figure = rows.at(-1)!.lastElementChild!;
  expect(figure.textContent).toBe(closing);
  const headers = [...table.querySelectorAll('thead th')];
  const balanceHeader = headers.at(-1)!;
  expect(balanceHeader.textContent).toBe('Saldo');
  expect(columnOf(figure)).toBe(columnOf(balanceHeader));
  const mentions = [...document.querySelectorAll('body *')].filter((element) => element.children.length === 0 && /Saldo final/.test(element.textContent ?? ''));
  expect(mentions.length).toBeGreaterThan(0);
  for (const element of mentions) expect(table.contains(element)).toBe(true);
}

const byData = (attribute: string, value: string) => document.querySelector(`tr[data-${attribute}="${value}"]`);
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

async function typeDate(harness: Harness, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await harness.user.clear(input);
  await harness.user.type(input, value);
}

async function openTab(tab: string, heading: string) {
  const setup = engineWithAYear();
  const harness = renderApp(`#/a/${setup.associationId}/reportes/${tab}`, { engine: setup.engine });
  expect(await screen.findByRole('heading', { level: 2, name: heading })).toBeTruthy();
  return { ...setup, harness };
}

const printReady = () => waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));

describe('reportes: balance general', () => {
  it('adds up assets, liabilities and equity at the date typed, and says that it balances', async () => {
    const { harness, associationId, role, byCode } = await openTab('balance', 'Balance general (estado de situación financiera)');
    expect(screen.getByRole('link', { name: 'Balance general', current: 'page' })).toBeTruthy();
    await typeDate(harness, 'Al', '15/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/Al 15\/03\/2026 · Importes en soles/);

    expect(screen.getByTestId('balance-sheet-status').textContent).toBe(
      `✓ Cuadra: Activo ${nbsp('S/ 3,050.50')} = Pasivo ${nbsp('S/ 0.00')} + Patrimonio ${nbsp('S/ 3,050.50')}.`,
    );
    // Columns: Cuenta, Denominación, at 15/03/2026, at 15/03/2025 (nothing then).
    expect(screen.getByRole('columnheader', { name: 'Al 15/03/2025' })).toBeTruthy();
    expect(cells(byData('key', 'group:10'))).toEqual(['10', 'Efectivo y equivalentes de efectivo', '3,050.50', '0.00']);
    expect(cells(byData('code', '101'))).toEqual(['101', 'Caja', '1,350.00', '0.00']);
    expect(cells(byData('code', '1041'))).toEqual(['1041', 'Banco – cuenta corriente', '1,700.50', '0.00']);
    expect(cells(byData('code', '5221'))).toEqual(['5221', 'Aportes de capital de socios', '2,000.00', '0.00']);
    expect(cells(byData('key', 'periodResult'))).toEqual(['', 'Resultado del ejercicio', '1,050.50', '0.00']);
    expect(cells(screen.getByTestId('total-assets'))).toEqual(['Total activo', 'S/ 3,050.50', 'S/ 0.00']);
    expect(cells(screen.getByTestId('total-liabilities'))).toEqual(['Total pasivo', 'S/ 0.00', 'S/ 0.00']);
    expect(cells(screen.getByTestId('total-equity'))).toEqual(['Total patrimonio', 'S/ 3,050.50', 'S/ 0.00']);
    expect(cells(screen.getByTestId('total-liabilities-equity'))).toEqual(['Total pasivo y patrimonio', 'S/ 3,050.50', 'S/ 0.00']);

    // Drill-down: each figure opens the journal on the entries behind it.
    const cashLink = within(byData('code', '101') as HTMLElement).getAllByRole('link')[0]!;
    expect(cashLink.getAttribute('href')).toBe(`#/a/${associationId}/diario?cuenta=${role('cash')}&hasta=2026-03-15`);
    const headingLink = within(byData('key', 'group:10') as HTMLElement).getAllByRole('link')[0]!;
    expect(headingLink.getAttribute('href')).toBe(`#/a/${associationId}/diario?cuenta=${byCode('10')}&hasta=2026-03-15`);
    const resultLink = within(byData('key', 'periodResult') as HTMLElement).getAllByRole('link')[0]!;
    expect(resultLink.getAttribute('href')).toBe(`#/a/${associationId}/reportes/resultados?desde=2026-01-01&hasta=2026-03-15`);

    await harness.user.click(cashLink);
    expect(await screen.findByRole('heading', { level: 1, name: 'Libro diario' })).toBeTruthy();
    expect(await screen.findByText('4 asientos')).toBeTruthy(); // the four entries that moved Caja
  });

  it('asks the shell to print the balance sheet on A4', async () => {
    const { harness, associationId } = await openTab('balance', 'Balance general (estado de situación financiera)');
    await typeDate(harness, 'Al', '15/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/Al 15\/03\/2026 · Importes/);
    await harness.user.click(screen.getByRole('button', { name: 'Imprimir' }));
    await harness.user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(harness.prints).toMatchObject([
      { route: `/print/balance-sheet?associationId=${associationId}&date=2026-03-15`, paper: 'A4', target: 'printer', suggestedName: 'balance-general-2026-03-15.pdf' },
      { route: `/print/balance-sheet?associationId=${associationId}&date=2026-03-15`, paper: 'A4', target: 'pdf' },
    ]);
  });

  it('follows the result of the year to the income statement of its period', async () => {
    const { harness } = await openTab('balance', 'Balance general (estado de situación financiera)');
    await typeDate(harness, 'Al', '15/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/Al 15\/03\/2026 · Importes/);
    await harness.user.click(within(byData('key', 'periodResult') as HTMLElement).getAllByRole('link')[0]!);
    expect(await screen.findByRole('heading', { level: 2, name: 'Estado de resultados' })).toBeTruthy();
    expect((await screen.findByTestId('income-result-line')).textContent).toBe('Excedente del periodo (ganancia): S/ 1,050.50');
  });
});

describe('reportes: estado de resultados', () => {
  it('shows income, expenses and the result of the period typed, beside the year before', async () => {
    const { harness, associationId, role } = await openTab('resultados', 'Estado de resultados');
    await typeDate(harness, 'Desde', '01/01/2026');
    await typeDate(harness, 'Hasta', '15/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/^Del 01\/01\/2026 al 15\/03\/2026 · Importes/);

    expect(cells(byData('code', '75991'))).toEqual(['75991', 'Cuotas de socios', '300.00', '0.00']);
    expect(cells(byData('code', '702'))).toEqual(['702', 'Venta de productos (quesos, miel, harinas, hortalizas)', '1,200.50', '0.00']);
    expect(cells(byData('code', '603'))).toEqual(['603', 'Compras de suministros y materiales', '450.00', '0.00']);
    expect(cells(screen.getByTestId('total-income'))).toEqual(['Total ingresos', 'S/ 1,500.50', 'S/ 0.00']);
    expect(cells(screen.getByTestId('total-expenses'))).toEqual(['Total gastos', 'S/ 450.00', 'S/ 0.00']);
    expect(cells(screen.getByTestId('income-result'))).toEqual(['Excedente del periodo (ganancia)', 'S/ 1,050.50', 'S/ 0.00']);
    expect(screen.getByRole('columnheader', { name: 'Del 01/01/2025 al 15/03/2025' })).toBeTruthy();
    const link = within(byData('code', '603') as HTMLElement).getAllByRole('link')[0]!;
    expect(link.getAttribute('href')).toBe(`#/a/${associationId}/diario?cuenta=${role('purchases_supplies')}&desde=2026-01-01&hasta=2026-03-15`);

    // A deficit is a negative figure with its minus sign.
    await typeDate(harness, 'Desde', '01/03/2026');
    await typeDate(harness, 'Hasta', '04/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/^Del 01\/03\/2026 al 04\/03\/2026 · Importes/);
    expect(cells(screen.getByTestId('income-result'))).toEqual(['Déficit del periodo (pérdida)', '-S/ 450.00', 'S/ 0.00']);

    await harness.user.click(screen.getByRole('button', { name: 'Imprimir' }));
    expect(harness.prints[0]).toMatchObject({
      route: `/print/income-statement?associationId=${associationId}&from=2026-03-01&to=2026-03-04`, paper: 'A4',
      suggestedName: 'estado-de-resultados-2026-03-01-2026-03-04.pdf',
    });
  });

  it('puts date mistakes and the engine refusal next to the dates', async () => {
    const { harness } = await openTab('resultados', 'Estado de resultados');
    await typeDate(harness, 'Desde', '2026-01-01');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(screen.getByLabelText('Desde').getAttribute('aria-invalid')).toBe('true');
    await typeDate(harness, 'Desde', '01/03/2026');
    await typeDate(harness, 'Hasta', '01/02/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(await screen.findByText(/es posterior a la fecha final/)).toBeTruthy();
    expect(screen.getByLabelText('Desde').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('income-result')).toBeNull();
  });
});

describe('reportes: libro caja', () => {
  it('runs the balance line by line from the opening to the closing', async () => {
    const { harness, associationId, role } = await openTab('caja', 'Libro caja y bancos');
    await typeDate(harness, 'Desde', '01/03/2026');
    await typeDate(harness, 'Hasta', '15/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/10 Caja y bancos · Del 01\/03\/2026 al 15\/03\/2026/);
    // All of caja y bancos: 2,300.00 at the start of March; in 1,700.50, out 950.00.
    expect(cells(screen.getByTestId('book-opening'))).toEqual(['01/03/2026', 'Saldo inicial', '', '', '2,300.00']);
    expect(cells(screen.getByTestId('book-totals'))).toEqual(['Totales del periodo', 'S/ 1,700.50', 'S/ 950.00', '']);
    expect(cells(screen.getByTestId('book-closing'))).toEqual(['15/03/2026', 'Saldo final', 'S/ 3,050.50']);

    // Only Caja: 2,300.00 − 450.00 = 1,850.00, − 500.00 = 1,350.00.
    await harness.user.selectOptions(screen.getByLabelText('Caja o banco'), '101 Caja');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/101 Caja · Del 01\/03\/2026/);
    const movements = [...document.querySelectorAll('tr.book__movement')];
    expect(movements.map((row) => cells(row))).toEqual([
      ['03/03/2026', '3', 'Compra de alimento balanceado', '603 Compras de suministros y materiales', '', '450.00', '1,850.00'],
      ['10/03/2026', '5', 'Depósito en el banco', '1041 Banco – cuenta corriente', '', '500.00', '1,350.00'],
    ]);
    expect(cells(screen.getByTestId('book-closing'))).toEqual(['15/03/2026', 'Saldo final', 'S/ 1,350.00']);
    expectClosingInsideTheTable('S/ 1,350.00');
    const entryLink = within(movements[0] as HTMLElement).getByRole('link', { name: 'Ver el asiento 3 del 03/03/2026 en el libro diario' });
    expect(entryLink.getAttribute('href')).toBe(`#/a/${associationId}/diario?cuenta=${role('cash')}&desde=2026-03-03&hasta=2026-03-03`);

    await harness.user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(harness.prints[0]).toMatchObject({
      route: `/print/cash-book?associationId=${associationId}&from=2026-03-01&to=2026-03-15&accountId=${role('cash')}`,
      paper: 'A4', target: 'pdf', suggestedName: 'libro-caja-2026-03-01-2026-03-15.pdf',
    });
  });
});

describe('reportes: libro mayor', () => {
  it('asks for an account, then lists its movements with the running balance', async () => {
    const { harness, associationId, role } = await openTab('mayor', 'Libro mayor');
    await typeDate(harness, 'Desde', '01/01/2026');
    await typeDate(harness, 'Hasta', '15/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(screen.getByText('Elija la cuenta que quiere ver.')).toBeTruthy();

    await harness.user.type(screen.getByLabelText('Cuenta'), '1041');
    await harness.user.click(await screen.findByRole('option', { name: /Banco – cuenta corriente/ }));
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/1041 Banco – cuenta corriente · Del 01\/01\/2026/);
    expect([...document.querySelectorAll('tr.book__movement')].map((row) => cells(row).at(-1))).toEqual(['1,200.50', '1,700.50']);
    expect(cells(screen.getByTestId('book-closing'))).toEqual(['15/03/2026', 'Saldo final', 'S/ 1,700.50']);
    expectClosingInsideTheTable('S/ 1,700.50');
    await harness.user.click(screen.getByRole('button', { name: 'Imprimir' }));
    expect(harness.prints[0]?.route).toBe(`/print/ledger?associationId=${associationId}&from=2026-01-01&to=2026-03-15&accountId=${role('bank')}`);
  });
});

describe('reportes: aportes y socios', () => {
  it('lists what each member was charged and owes, and counts members by sex', async () => {
    const setup = engineWithAYear();
    const { api } = setup.engine;
    const { associationId } = setup;
    api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: "Quispe Q'oy", sex: 'F', joinedOn: '2025-01-10' });
    api.createMember({ associationId, dni: '41234502', givenNames: 'Juan', surnames: 'Ñahui', sex: 'M', joinedOn: '2025-01-10' });
    api.createMember({ associationId, dni: '41234503', givenNames: 'Tika', surnames: 'Pallana', sex: 'F', joinedOn: '2025-01-10' });
    const dues = api.seedDefaultContributionTypes({ associationId }).types.find((type) => type.kind === 'ordinary_due')!;
    api.generateDues({ associationId, contributionTypeId: dues.id, period: '2026-01', date: '2026-01-05' });
    api.generateDues({ associationId, contributionTypeId: dues.id, period: '2026-02', date: '2026-02-05' });
    const harness = renderApp(`#/a/${associationId}/reportes/aportes`, { engine: setup.engine });
    await screen.findByRole('heading', { level: 2, name: 'Aportes por socio' });
    await typeDate(harness, 'Desde', '01/01/2026');
    await typeDate(harness, 'Hasta', '15/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/^Del 01\/01\/2026 al 15\/03\/2026 · Importes/);
    // Three members, two months of S/ 10.00 each, nothing paid yet.
    expect(cells(screen.getByTestId('contributions-totals'))).toEqual(['Totales', 'S/ 60.00', 'S/ 0.00', 'S/ 0.00', 'S/ 60.00']);
    expect(screen.getByRole('link', { name: "Rosa Quispe Q'oy" }).getAttribute('href')).toMatch(/^#\/a\/\d+\/socios\/\d+\/estado$/);

    await harness.user.click(screen.getByRole('link', { name: 'Socios por sexo' }));
    await screen.findByRole('heading', { level: 2, name: 'Socios por sexo' });
    await typeDate(harness, 'Al', '15/03/2026');
    await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/^Al 15\/03\/2026$/);
    const active = screen.getByTestId('members-active');
    expect(cells(active.querySelector('tr[data-group="women"]'))).toEqual(['Mujeres', '2', '66.67 %']);
    expect(cells(active.querySelector('tr[data-group="men"]'))).toEqual(['Hombres', '1', '33.33 %']);
    expect(cells(active.querySelector('tr[data-group="total"]'))).toEqual(['Total', '3', '100.00 %']);
  });
});

describe('print routes of the financial reports', () => {
  it('prints the balance sheet on A4 with its totals, the status and "Impreso el"', async () => {
    const { engine, associationId } = engineWithAYear();
    renderApp(`#/print/balance-sheet?associationId=${associationId}&date=2026-03-15`, { engine });
    await printReady();
    expect(screen.queryByRole('navigation')).toBeNull();
    const page = document.querySelector('article.print-fr') as HTMLElement;
    expect(within(page).getByText("Asociación Sumaq Q'oy")).toBeTruthy();
    expect(page.textContent).toMatch(/Impreso el \d{2}\/\d{2}\/\d{4}/);
    expect(screen.getByRole('heading', { level: 1, name: 'Balance general (estado de situación financiera)' })).toBeTruthy();
    expect(within(page).queryAllByRole('link')).toHaveLength(0);
    expect(cells(screen.getByTestId('total-assets'))).toEqual(['Total activo', 'S/ 3,050.50', 'S/ 0.00']);
    expect(cells(screen.getByTestId('total-liabilities-equity'))).toEqual(['Total pasivo y patrimonio', 'S/ 3,050.50', 'S/ 0.00']);
    expect(screen.getByTestId('balance-sheet-status').textContent).toMatch(/^✓ Cuadra: Activo/);
    expect(page.textContent).toContain('Tesorero(a)');
    cleanup();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });

  it('prints the income statement, the cash book and the ledger', async () => {
    const { engine, associationId, role } = engineWithAYear();
    renderApp(`#/print/income-statement?associationId=${associationId}&from=2026-01-01&to=2026-03-15`, { engine });
    await printReady();
    expect(screen.getByTestId('income-result-line').textContent).toBe('Excedente del periodo (ganancia): S/ 1,050.50');
    cleanup();

    renderApp(`#/print/cash-book?associationId=${associationId}&from=2026-03-01&to=2026-03-15`, { engine });
    await printReady();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Libro caja y bancos: 10 Caja y bancos');
    expect(cells(screen.getByTestId('book-closing'))).toEqual(['15/03/2026', 'Saldo final', 'S/ 3,050.50']);
    expectClosingInsideTheTable('S/ 3,050.50');
    cleanup();

    renderApp(`#/print/ledger?associationId=${associationId}&accountId=${role('cash')}&from=2026-01-01&to=2026-03-15`, { engine });
    await printReady();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Libro mayor: 101 Caja');
    expect(cells(screen.getByTestId('book-totals'))).toEqual(['Totales del periodo', 'S/ 2,300.00', 'S/ 950.00', '']);
    expect(cells(screen.getByTestId('book-closing'))).toEqual(['15/03/2026', 'Saldo final', 'S/ 1,350.00']);
    expectClosingInsideTheTable('S/ 1,350.00');
  });

  it('prints contributions and members by sex, and refuses an incomplete address', async () => {
    const { engine, associationId } = engineWithAYear();
    renderApp(`#/print/contributions?associationId=${associationId}&from=2026-01-01&to=2026-03-15`, { engine });
    await printReady();
    expect(screen.getByText('No hay aportes cobrados en este periodo.')).toBeTruthy();
    cleanup();

    renderApp(`#/print/members-by-sex?associationId=${associationId}&asOf=2026-03-15`, { engine });
    await printReady();
    expect(cells(screen.getByTestId('members-active').querySelector('tr[data-group="total"]'))).toEqual(['Total', '0', '']);
    cleanup();

    renderApp(`#/print/ledger?associationId=${associationId}&from=2026-01-01&to=2026-03-15`, { engine });
    expect(await screen.findByText(/Faltan datos para imprimir/)).toBeTruthy();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });
});
