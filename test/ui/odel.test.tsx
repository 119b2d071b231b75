import { describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp, startEngine } from './harness';
import { todayIso } from '../../renderer/src/format/format';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';
import type { LedgerApi } from '../../db/api';

/**
 * Two associations in two districts, everything in 2026 up to the engine's 15/03/2026.
 *
 * Sumaq Q'oy (030601 Chincheros): Rosa, Juana (women), Pedro (man).
 *   income   = dues 250.50 + sale 1,200.00          = 1,450.50 (ventas 1,200.00)
 *   expenses = feed on credit 300.75                 =   300.75 → result 1,149.75
 *   cash     = bank 5,000.00 + 2,000.00 + caja 250.50 = 7,250.50
 *   receivables 1,200.00; debts = 300.75 + loan 2,000.00 = 2,300.75 (préstamos 2,000.00)
 * Tika Pallana (050101 Ayacucho): Flor, Ana (women).
 *   income 100.00 (donation), expenses 40.00, result 60.00, cash 60.00.
 * Grand total: 4 women, 1 man, 5 members; income 1,550.50; ventas 1,200.00; expenses 340.75;
 *   result 1,209.75; cash 7,310.50; receivables 1,200.00; debts 2,300.75; préstamos 2,000.00.
 */
function engineWithDistricts() {
  const engine = startEngine();
  const { api } = engine;
  const sumaq = api.createAssociation({
    name: "Asociación Sumaq Q'oy", ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601', mainProducts: ['Leche fresca', 'Queso'],
  }).id;
  const tika = api.createAssociation({ name: 'Asociación de Mujeres Tika Pallana', legalForm: 'comite', ubigeo: '050101', mainProducts: ['Cuy'] }).id;
  const member = (associationId: number, dni: string, givenNames: string, surnames: string, sex: 'F' | 'M') =>
    api.createMember({ associationId, dni, givenNames, surnames, sex, joinedOn: '2025-06-01' }).id;
  const rosa = member(sumaq, '41234501', 'Rosa Sumaq', "Quispe Q'oy", 'F');
  member(sumaq, '41234502', 'Juana', 'Ccahuana Rojas', 'F');
  const pedro = member(sumaq, '41234503', 'Pedro', 'Ñahui Núñez', 'M');
  member(tika, '41234504', 'Flor', 'Huarcaya Ñaupa', 'F');
  member(tika, '41234505', 'Ana', 'Tito Ayala', 'F');
  api.assignOfficerPost({ associationId: sumaq, memberId: pedro, post: 'tesorero', termStart: '2026-01-01' });
  api.assignOfficerPost({ associationId: sumaq, memberId: rosa, post: 'presidente', termStart: '2026-01-01', termEnd: '2027-12-31' });

  const post = (associationId: number, date: string, description: string, lines: [role: string, amount: number][]) => {
    const accounts = api.listAccounts({ associationId });
    const role = (r: string) => accounts.find((a) => a.role === r)!.id;
    api.postEntry({ associationId, date, description, lines: lines.map(([r, amount]) => ({ accountId: role(r), amount })) });
  };
  post(sumaq, '2026-01-10', 'Fondo social', [['bank', 500_000], ['capital', -500_000]]);
  post(sumaq, '2026-02-05', 'Cuotas de febrero', [['cash', 25_050], ['dues_income', -25_050]]);
  post(sumaq, '2026-02-20', 'Venta de leche al crédito', [['receivable_customers', 120_000], ['sales_products', -120_000]]);
  post(sumaq, '2026-03-01', 'Alimento al crédito', [['purchases_supplies', 30_075], ['payable_suppliers', -30_075]]);
  post(sumaq, '2026-03-05', 'Préstamo de la CAC', [['bank', 200_000], ['loans_payable', -200_000]]);
  post(tika, '2026-03-01', 'Donación de la parroquia', [['cash', 10_000], ['donations_income', -10_000]]);
  post(tika, '2026-03-02', 'Compra de alfalfa', [['purchases_supplies', 4_000], ['cash', -4_000]]);
  return { engine, api: api as LedgerApi, sumaq, tika };
}

const cells = (row: Element | null | undefined) => [...(row?.querySelectorAll('td, th') ?? [])].map((cell) => cell.textContent);
// Two header rows: "Socios" spans Mujeres / Hombres / Total, which sit in the second row.
const headers = ['Asociación', 'Socios', 'Ingresos', 'Ventas', 'Gastos', 'Resultado',
  'Caja y bancos', 'Por cobrar', 'Deudas', 'Préstamos', 'Mujeres', 'Hombres', 'Total'];
const SUMAQ = ['2', '1', '3', '1,450.50', '1,200.00', '300.75', '1,149.75', '7,250.50', '1,200.00', '2,300.75', '2,000.00'];
const TIKA = ['2', '0', '2', '100.00', '0.00', '40.00', '60.00', '60.00', '0.00', '0.00', '0.00'];
const TOTAL = ['Total general', '4', '1', '5', '1,550.50', '1,200.00', '340.75', '1,209.75', '7,310.50', '1,200.00', '2,300.75', '2,000.00'];

async function openOdel() {
  const setup = engineWithDistricts();
  const harness = renderApp(`#/a/${setup.sumaq}/odel`, { engine: setup.engine });
  const from = await screen.findByLabelText('Desde');
  const to = screen.getByLabelText('Hasta');
  await harness.user.clear(from);
  await harness.user.type(from, '01/01/2026');
  await harness.user.clear(to);
  await harness.user.type(to, '15/03/2026');
  await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
  await waitFor(() => expect(screen.getByTestId('odel-period').textContent).toContain('Del 01/01/2026 al 15/03/2026'));
  await waitFor(() => expect(screen.getAllByTestId('odel-district')).toHaveLength(2));
  return { ...setup, ...harness };
}

describe('Resumen ODEL', () => {
  it('defaults to the current calendar year to date', async () => {
    const { engine, sumaq } = engineWithDistricts();
    renderApp(`#/a/${sumaq}/odel`, { engine });
    const today = todayIso();
    expect(((await screen.findByLabelText('Desde')) as HTMLInputElement).value).toBe(`01/01/${today.slice(0, 4)}`);
    expect((screen.getByLabelText('Hasta') as HTMLInputElement).value).toBe(today.split('-').reverse().join('/'));
    expect(screen.getByRole('heading', { level: 1, name: 'Resumen ODEL' })).toBeTruthy();
  });

  it('shows every association by district, with district subtotals and a grand total', async () => {
    await openOdel();
    const [chincheros, ayacucho] = screen.getAllByTestId('odel-district');
    expect(within(chincheros!).getByRole('heading', { level: 2 }).textContent).toBe('Chincheros (Chincheros, Apurímac) · ubigeo 030601');
    expect(within(ayacucho!).getByRole('heading', { level: 2 }).textContent).toBe('Ayacucho (Huamanga, Ayacucho) · ubigeo 050101');
    expect(cells(chincheros!.querySelector('thead'))).toEqual(headers);
    expect(within(chincheros!).getAllByTestId('odel-row').map(cells)).toEqual([["Asociación Sumaq Q'oy", ...SUMAQ]]);
    expect(cells(within(chincheros!).getByTestId('odel-subtotal'))).toEqual(['Subtotal Chincheros', ...SUMAQ]);
    expect(within(ayacucho!).getAllByTestId('odel-row').map(cells)).toEqual([['Asociación de Mujeres Tika Pallana', ...TIKA]]);
    expect(cells(within(ayacucho!).getByTestId('odel-subtotal'))).toEqual(['Subtotal Ayacucho', ...TIKA]);
    expect(cells(screen.getByTestId('odel-total'))).toEqual(TOTAL);
    expect(screen.getByText('Total general: 2 asociaciones')).toBeTruthy();
    expect(screen.getByTestId('odel-period').textContent).toBe('Del 01/01/2026 al 15/03/2026 · socios y saldos al 15/03/2026 · importes en soles');
  });

  it('narrows the summary to one district', async () => {
    const { user, prints } = await openOdel();
    const select = screen.getByLabelText('Distrito');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Todos los distritos', 'Chincheros (Chincheros, Apurímac)', 'Ayacucho (Huamanga, Ayacucho)',
    ]);
    await user.selectOptions(select, '050101');
    await waitFor(() => expect(screen.getAllByTestId('odel-district')).toHaveLength(1));
    // No loans, sales or contracts in Ayacucho: those columns go.
    expect(cells(screen.getByTestId('odel-district').querySelector('thead'))).toEqual(headers.filter((h) => h !== 'Ventas' && h !== 'Préstamos'));
    const ayacucho = ['2', '0', '2', '100.00', '40.00', '60.00', '60.00', '0.00', '0.00'];
    expect(screen.getAllByTestId('odel-row').map(cells)).toEqual([['Asociación de Mujeres Tika Pallana', ...ayacucho]]);
    expect(cells(screen.getByTestId('odel-total'))).toEqual(['Total general', ...ayacucho]);
    expect(within(screen.getByRole('main')).queryByText(/Sumaq/)).toBeNull();
    await user.click(within(screen.getByRole('group', { name: 'Imprimir resumen' })).getByRole('button', { name: 'Imprimir' }));
    expect(prints).toMatchObject([
      { route: '/print/odel-summary?from=2026-01-01&to=2026-03-15&asOf=2026-03-15&ubigeo=050101', paper: 'A4', target: 'printer', suggestedName: 'resumen-odel-050101-2026-03-15.pdf' },
    ]);
    await user.selectOptions(select, '');
    await waitFor(() => expect(screen.getAllByTestId('odel-district')).toHaveLength(2));
  });

  it('asks the shell to print or save the summary of every district', async () => {
    const { user, prints } = await openOdel();
    const group = within(screen.getByRole('group', { name: 'Imprimir resumen' }));
    await user.click(group.getByRole('button', { name: 'Imprimir' }));
    await user.click(group.getByRole('button', { name: 'Guardar PDF' }));
    const route = '/print/odel-summary?from=2026-01-01&to=2026-03-15&asOf=2026-03-15';
    expect(prints).toMatchObject([
      // Landscape on both paths: the printer path does not read the route's @page.
      { route, paper: 'A4', landscape: true, target: 'printer', suggestedName: 'resumen-odel-2026-03-15.pdf' },
      { route, paper: 'A4', landscape: true, target: 'pdf', suggestedName: 'resumen-odel-2026-03-15.pdf' },
    ]);
  });

  it('opens an association’s sheet from its name and prints it', async () => {
    const { user, prints, sumaq } = await openOdel();
    await user.click(screen.getByRole('button', { name: "Ver la ficha de Asociación Sumaq Q'oy" }));
    const preview = await screen.findByTestId('odel-sheet-preview');
    expect(within(preview).getByRole('heading', { level: 2, name: "Ficha de Asociación Sumaq Q'oy" })).toBeTruthy();
    await waitFor(() => expect(within(preview).getByTestId('sheet-economics')).toBeTruthy());
    expect(within(preview).getByTestId('sheet-economics').textContent).toContain('IngresosS/ 1,450.50');
    expect(within(preview).getByTestId('sheet-members').textContent).toBe('Mujeres2Hombres1Total3');
    await user.click(within(within(preview).getByRole('group', { name: 'Imprimir ficha' })).getByRole('button', { name: 'Imprimir' }));
    expect(prints).toMatchObject([
      {
        route: `/print/association-sheet?associationId=${sumaq}&from=2026-01-01&to=2026-03-15&asOf=2026-03-15`,
        paper: 'A4', target: 'printer', suggestedName: `ficha-${sumaq}-2026-03-15.pdf`,
      },
    ]);
    await user.click(within(preview).getByRole('button', { name: 'Cerrar ficha' }));
    expect(screen.queryByTestId('odel-sheet-preview')).toBeNull();
  });

  it('refuses a date that is not dd/mm/aaaa beside the field', async () => {
    const { user } = await openOdel();
    const from = screen.getByLabelText('Desde');
    await user.clear(from);
    await user.type(from, '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(from.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('print route /print/odel-summary', () => {
  it('renders the districts side by side with the grand total and marks itself ready', async () => {
    const { engine } = engineWithDistricts();
    renderApp('#/print/odel-summary?from=2026-01-01&to=2026-03-15&asOf=2026-03-15', { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
    expect(screen.queryByRole('navigation')).toBeNull();
    const page = screen.getByTestId('odel-summary-print');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Resumen de asociaciones — Oficina de Desarrollo Económico Local');
    expect(page.textContent).toContain('Distritos: Chincheros (Chincheros, Apurímac); Ayacucho (Huamanga, Ayacucho)');
    expect(page.textContent).toContain('Del 01/01/2026 al 15/03/2026');
    expect(page.textContent).toMatch(/Impreso el \d{2}\/\d{2}\/\d{4}/);
    expect(screen.getAllByTestId('odel-row').map(cells)).toEqual([
      ["Asociación Sumaq Q'oy", ...SUMAQ], ['Asociación de Mujeres Tika Pallana', ...TIKA],
    ]);
    expect(cells(screen.getByTestId('odel-total'))).toEqual(TOTAL);
    expect(within(page).queryAllByRole('button')).toHaveLength(0);
    cleanup();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });

  it('adds purchases, what is owed to suppliers and what buyers owe, from the documents, in a table of their own', async () => {
    const { engine, api, tika } = engineWithDistricts();
    // Tika buys 10 cuyes on credit at S/ 25 (S/ 250.00 owed) and sells 4 on credit at S/ 40 (S/ 160.00 owed to it).
    const supplier = api.createParty({ associationId: tika, name: 'Granja Ñawpa E.I.R.L.', kind: 'supplier', documentType: 'ruc', documentNumber: '20452187664' }).id;
    const buyer = api.createParty({ associationId: tika, name: 'Restaurante Q’apaq', kind: 'buyer', documentType: 'none', documentNumber: null }).id;
    const cuy = api.createProduct({ associationId: tika, name: 'Cuy de engorde', unit: 'head', category: 'goods', salePrice: 4_000 }).id;
    api.recordPurchase({
      associationId: tika, date: '2026-03-03', partyId: supplier, documentKind: 'boleta', documentNumber: 'B001-77', payment: 'credit',
      dueDate: '2026-04-03', lines: [{ productId: cuy, quantity: 10_000, unitPrice: 2_500, category: 'stock' }],
    });
    api.recordSale({
      associationId: tika, date: '2026-03-04', partyId: buyer, documentKind: 'nota_venta', payment: 'credit', dueDate: '2026-03-31',
      lines: [{ productId: cuy, quantity: 4_000 }],
    });
    renderApp('#/print/odel-summary?from=2026-01-01&to=2026-03-15&asOf=2026-03-15', { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
    const [chincheros, ayacucho] = screen.getAllByTestId('odel-district');
    expect(cells(within(ayacucho!).getByTestId('odel-trade').querySelector('thead tr')))
      .toEqual(['Asociación', 'Compras (sin IGV)', 'Debe a proveedores', 'Le deben compradores']);
    expect(within(chincheros!).getAllByTestId('odel-trade-row').map(cells)).toEqual([["Asociación Sumaq Q'oy", '0.00', '0.00', '0.00']]);
    expect(within(ayacucho!).getAllByTestId('odel-trade-row').map(cells))
      .toEqual([['Asociación de Mujeres Tika Pallana', '250.00', '250.00', '160.00']]);
    expect(cells(within(ayacucho!).getByTestId('odel-trade-subtotal'))).toEqual(['Subtotal Ayacucho', '250.00', '250.00', '160.00']);
    expect(cells(screen.getByTestId('odel-trade-total'))).toEqual(['Total general', '250.00', '250.00', '160.00']);

    cleanup();
    renderApp(`#/print/association-sheet?associationId=${tika}&from=2026-01-01&to=2026-03-15&asOf=2026-03-15`, { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
    expect(within(screen.getByTestId('sheet-documents')).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['Recibos de ingreso de socios', '0', '0', 'S/ 0.00'],
      ['Recibos de egreso', '0', '0', 'S/ 0.00'],
      ['Ventas', '1', '0', 'S/ 160.00'],
      ['de ellas, con nota de venta', '1', '0', 'S/ 160.00'],
      ['Cobros a compradores', '0', '0', 'S/ 0.00'],
    ]);
    expect(screen.getByTestId('sheet-balances').textContent).toContain('de ellas, compradoresS/ 160.00');
    expect(screen.getByTestId('sheet-balances').textContent).toContain('de ellas, proveedoresS/ 250.00');
  });

  it('leaves the purchases table out when no association buys, owes a supplier or is owed by a buyer', async () => {
    const { engine } = engineWithDistricts();
    renderApp('#/print/odel-summary?from=2026-01-01&to=2026-03-15&asOf=2026-03-15', { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
    expect(screen.queryByTestId('odel-trade')).toBeNull();
  });

  it('prints one district when asked', async () => {
    const { engine } = engineWithDistricts();
    renderApp('#/print/odel-summary?from=2026-01-01&to=2026-03-15&ubigeo=030601', { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
    expect(screen.getByTestId('odel-summary-print').textContent).toContain('Distrito: Chincheros (Chincheros, Apurímac)');
    expect(screen.getAllByTestId('odel-row').map(cells)).toEqual([["Asociación Sumaq Q'oy", ...SUMAQ]]);
  });

  it('speaks English when the laptop is set to English, with the same Peruvian figures', async () => {
    const { engine } = engineWithDistricts();
    renderApp('#/print/odel-summary?from=2026-01-01&to=2026-03-15', { engine, settings: { locale: 'en' } });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Summary of associations — Local Economic Development Office');
    expect(cells(screen.getByTestId('odel-total'))).toEqual(['Grand total', ...TOTAL.slice(1)]);
  });

  it('does not mark itself ready when the period is missing', async () => {
    renderApp('#/print/odel-summary?to=15/03/2026');
    expect(await screen.findByText(/Faltan datos para imprimir el resumen ODEL/)).toBeTruthy();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });
});

describe('print route /print/association-sheet', () => {
  it('renders the one-page sheet and marks itself ready', async () => {
    const { engine, sumaq } = engineWithDistricts();
    renderApp(`#/print/association-sheet?associationId=${sumaq}&from=2026-01-01&to=2026-03-15&asOf=2026-03-15`, { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
    const page = screen.getByTestId('association-sheet');
    expect(page.textContent).toContain('RUC 20131312955');
    expect(page.textContent).toMatch(/Impreso el \d{2}\/\d{2}\/\d{4}/);
    expect(screen.getByRole('heading', { level: 1, name: 'Ficha de la asociación' })).toBeTruthy();
    expect(within(page).getByTestId('sheet-details').textContent).toContain('Productos principalesLeche fresca, Queso');
    expect(within(page).getByTestId('sheet-members').textContent).toBe('Mujeres2Hombres1Total3');
    expect(within(page).getByTestId('sheet-economics').textContent).toBe(
      'IngresosS/ 1,450.50de ellos, ventasS/ 1,200.00de ellos, por contratosS/ 0.00GastosS/ 300.75Compras del periodo (sin IGV)S/ 0.00ResultadoS/ 1,149.75',
    );
    expect(within(page).getByTestId('sheet-balances').textContent).toBe(
      'Caja y bancosS/ 7,250.50Cuentas por cobrarS/ 1,200.00de ellas, compradoresS/ 0.00DeudasS/ 2,300.75de ellas, préstamosS/ 2,000.00'
        + 'de ellas, proveedoresS/ 0.00',
    );
    expect([...within(page).getByTestId('sheet-officers').querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['Presidente/a', "Rosa Sumaq Quispe Q'oy", 'del 01/01/2026 al 31/12/2027'],
      ['Tesorero/a', 'Pedro Ñahui Núñez', 'desde el 01/01/2026'],
    ]);
    expect(within(page).getByTestId('sheet-activity').textContent).toBe(
      'Asientos registrados5de ellos, extornos0',
    );
    expect([...within(page).getByTestId('sheet-documents').querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['Recibos de ingreso de socios', '0', '0', 'S/ 0.00'],
      ['Recibos de egreso', '0', '0', 'S/ 0.00'],
      ['Ventas', '0', '0', 'S/ 0.00'],
      ['de ellas, con nota de venta', '0', '0', 'S/ 0.00'],
      ['Cobros a compradores', '0', '0', 'S/ 0.00'],
    ]);
  });

  it('does not mark itself ready without an association', async () => {
    renderApp('#/print/association-sheet?from=2026-01-01&to=2026-03-15');
    expect(await screen.findByText(/Faltan datos para imprimir la ficha/)).toBeTruthy();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });
});
