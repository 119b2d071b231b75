import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp, memberMaker, seedAssociation, startEngine } from './harness';
import { todayIso } from '../../renderer/src/format/format';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';

afterEach(() => vi.restoreAllMocks());

/**
 * Monthly dues of S/ 10.00 for November 2025 (due 30/11/2025), January (31/01) and February
 * 2026 (28/02). On 15/03/2026 they are 105, 43 and 15 days overdue.
 * Rosa paid nothing; Juan paid S/ 15.00 (November and half of January); Tika paid everything.
 */
function engineWithArrears() {
  const engine = startEngine();
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const member = memberMaker(api, associationId);
  const rosa = member('41234501', 'Rosa Sumaq', "Quispe Q'oy", 'F');
  const juan = member('41234502', 'Juan', 'Ñahui Núñez', 'M');
  const tika = member('41234503', 'Tika Pallana', 'Ccahuana', 'F');
  api.seedDefaultContributionTypes({ associationId });
  const due = api.listContributionTypes({ associationId }).find((type) => type.name === 'Cuota ordinaria mensual')!;
  for (const [period, date] of [['2025-11', '2025-11-03'], ['2026-01', '2026-01-02'], ['2026-02', '2026-02-02']] as const) {
    api.generateDues({ associationId, contributionTypeId: due.id, period, date });
  }
  api.recordPayment({ associationId, memberId: juan, date: '2026-03-01', amount: 1500 });
  api.recordPayment({ associationId, memberId: tika, date: '2026-03-02', amount: 3000 });
  return { engine, associationId, rosa, juan, tika };
}

const cells = (row: Element | null | undefined) => [...(row?.querySelectorAll('td, th') ?? [])].map((cell) => cell.textContent);

async function openArrears(asOf = '15/03/2026') {
  const setup = engineWithArrears();
  const harness = renderApp(`#/a/${setup.associationId}/aportes/morosos`, { engine: setup.engine });
  const input = await screen.findByLabelText('Fecha de corte');
  await harness.user.clear(input);
  await harness.user.type(input, asOf);
  await harness.user.click(screen.getByRole('button', { name: 'Mostrar' }));
  await waitFor(() => expect(screen.getByTestId('arrears-as-of').textContent).toBe(`Al ${asOf}`));
  return { ...setup, ...harness };
}

describe('morosidad', () => {
  it('defaults to today', async () => {
    const { associationId, engine } = engineWithArrears();
    renderApp(`#/a/${associationId}/aportes/morosos`, { engine });
    const today = todayIso().split('-').reverse().join('/');
    expect(((await screen.findByLabelText('Fecha de corte')) as HTMLInputElement).value).toBe(today);
    expect(screen.getByRole('heading', { level: 1, name: 'Morosidad' })).toBeTruthy();
  });

  it('ages each member’s overdue dues into 1–30, 31–90 and over 90 days, with totals', async () => {
    await openArrears();
    const table = screen.getByRole('table');
    expect(cells(table.querySelector('thead tr'))).toEqual([
      'Socio/a', 'DNI', '1–30 días', '31–90 días', 'Más de 90 días', 'Total', 'Cargos',
    ]);
    // Largest debt first; Tika is up to date and not listed.
    expect(screen.getAllByTestId('arrears-row').map(cells)).toEqual([
      ["Rosa Sumaq Quispe Q'oy", '41234501', 'S/ 10.00', 'S/ 10.00', 'S/ 10.00', 'S/ 30.00', '3'],
      ['Juan Ñahui Núñez', '41234502', 'S/ 10.00', 'S/ 5.00', '', 'S/ 15.00', '2'],
    ]);
    expect(cells(screen.getByTestId('arrears-totals'))).toEqual(['Totales', 'S/ 20.00', 'S/ 15.00', 'S/ 10.00', 'S/ 45.00', '5']);
    const summary = within(screen.getByTestId('arrears-summary'));
    expect(summary.getByText('S/ 45.00')).toBeTruthy();
    expect(summary.getByText('2')).toBeTruthy();
    expect(screen.queryByText(/Tika/)).toBeNull();
  });

  it('says so when nobody is in arrears at the date', async () => {
    await openArrears('30/11/2025');
    expect(screen.getByTestId('arrears-empty').textContent).toBe('Ningún socio tiene cuotas vencidas al 30/11/2025.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('refuses a date that is not dd/mm/aaaa beside the field', async () => {
    const { user } = await openArrears();
    const input = screen.getByLabelText('Fecha de corte');
    await user.clear(input);
    await user.type(input, '2026-03-15');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Escriba la fecha como dd/mm/aaaa, por ejemplo 05/03/2026.')).toBeTruthy();
  });

  it('opens a member’s statement from the list', async () => {
    const { user, rosa } = await openArrears();
    const link = screen.getByRole('link', { name: "Rosa Sumaq Quispe Q'oy" });
    expect(link.getAttribute('href')).toMatch(new RegExp(`/socios/${rosa}/estado$`));
    await user.click(link);
    expect((await screen.findByTestId('statement-balance-figure')).textContent).toBe('Debe S/ 30.00');
    expect(window.location.hash).toMatch(new RegExp(`/socios/${rosa}/estado$`));
  });

  it('asks the shell to print or save the list for the assembly', async () => {
    const { user, associationId, prints } = await openArrears();
    await user.click(screen.getByRole('button', { name: 'Imprimir' }));
    await user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(prints).toMatchObject([
      { route: `/print/arrears?associationId=${associationId}&asOf=2026-03-15`, paper: 'A4', target: 'printer', suggestedName: 'morosos-2026-03-15.pdf' },
      { route: `/print/arrears?associationId=${associationId}&asOf=2026-03-15`, paper: 'A4', target: 'pdf', suggestedName: 'morosos-2026-03-15.pdf' },
    ]);
  });
});

describe('print route /print/arrears', () => {
  it('renders the A4 list with totals and signature lines, and marks itself ready once loaded', async () => {
    const { engine, associationId } = engineWithArrears();
    renderApp(`#/print/arrears?associationId=${associationId}&asOf=2026-03-15`, { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));

    expect(screen.queryByRole('navigation')).toBeNull();
    const page = document.querySelector<HTMLElement>('article.print-doc--arrears')!;
    expect(within(page).getByText("Asociación Sumaq Q'oy")).toBeTruthy();
    expect(page.textContent).toContain('RUC 20131312955');
    expect(page.textContent).toMatch(/Impreso el \d{2}\/\d{2}\/\d{4}/);
    expect(screen.getByRole('heading', { level: 1, name: 'Socios con cuotas vencidas' })).toBeTruthy();
    expect(page.textContent).toContain('Al 15/03/2026');
    expect(screen.getAllByTestId('arrears-row')).toHaveLength(2);
    expect(within(page).queryAllByRole('link')).toHaveLength(0);
    expect(cells(screen.getByTestId('arrears-totals'))).toEqual(['Totales', 'S/ 20.00', 'S/ 15.00', 'S/ 10.00', 'S/ 45.00', '5']);
    expect(within(page).getByText('Tesorero/a')).toBeTruthy();
    expect(within(page).getByText('Fiscal')).toBeTruthy();

    cleanup();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });

  it('prints once by itself in browser mode (autoprint=1)', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { engine, associationId } = engineWithArrears();
    renderApp(`#/print/arrears?associationId=${associationId}&asOf=2026-03-15&autoprint=1`, { engine });
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
  });

  it('does not mark itself ready when the date is missing or malformed', async () => {
    renderApp('#/print/arrears?associationId=1&asOf=15/03/2026');
    expect(await screen.findByText(/Faltan datos para imprimir la lista de morosos/)).toBeTruthy();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });
});
