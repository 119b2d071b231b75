import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';
import { todayIso } from '../../renderer/src/format/format';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';
import { trialBalanceFigures } from '../../renderer/src/screens/reports/trialBalanceFigures';

afterEach(() => vi.restoreAllMocks());

/** Dues of S/ 1,234.56 into cash in February, then S/ 500.00 from cash to the bank in March. */
function engineWithTwoEntries() {
  const engine = startEngine();
  const { associationId, role } = seedAssociation(engine.api);
  engine.api.postEntry({
    associationId, date: '2026-02-10', description: 'Cuotas de febrero',
    lines: [{ accountId: role('cash'), amount: 123456 }, { accountId: role('dues_income'), amount: -123456 }],
  });
  engine.api.postEntry({
    associationId, date: '2026-03-02', description: 'Depósito en el banco',
    lines: [{ accountId: role('bank'), amount: 50000 }, { accountId: role('cash'), amount: -50000 }],
  });
  return { engine, associationId };
}

const cells = (row: HTMLElement | null) => [...(row?.querySelectorAll('td, th') ?? [])].map((cell) => cell.textContent);
const row = (code: string) => document.querySelector<HTMLElement>(`tr[data-code="${code}"]`);

async function openReports() {
  const { engine, associationId } = engineWithTwoEntries();
  const harness = renderApp(`#/a/${associationId}/reportes/comprobacion`, { engine });
  await screen.findByTestId('trial-balance-status');
  return { ...harness, associationId, engine };
}

describe('reportes: balance de comprobación', () => {
  it('says plainly that only the trial balance exists for now', async () => {
    await openReports();
    expect(screen.getByRole('heading', { level: 1, name: 'Reportes' })).toBeTruthy();
    expect(screen.getByText(/El libro diario impreso/).textContent).toMatch(/llegarán en una próxima versión/);
    expect((screen.getByLabelText('Hasta') as HTMLInputElement).value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('shows each account with movement, the totals in soles and "Cuadra"', async () => {
    await openReports();
    expect(screen.getByTestId('trial-balance-status').textContent).toMatch(/^✓ Cuadra: el Debe es igual al Haber, y los saldos deudores y acreedores suman S\/\u00a01,234\.56 cada uno\.$/);
    // Without a start date there are no opening columns: Cuenta, Denominación, Debe, Haber, Deudor, Acreedor.
    expect(cells(row('101'))).toEqual(['101', 'Caja', '1,234.56', '500.00', '734.56', '']);
    expect(cells(row('1041'))).toEqual(['1041', 'Banco – cuenta corriente', '500.00', '', '500.00', '']);
    const dues = document.querySelectorAll('tbody tr[data-code^="7"]');
    expect(dues).toHaveLength(1);
    expect(cells(dues[0] as HTMLElement).slice(2)).toEqual(['', '1,234.56', '', '1,234.56']);
    expect(row('10')).toBeNull(); // headings are not listed: postable accounts only
    expect(cells(screen.getByTestId('trial-balance-totals'))).toEqual([
      'Totales', 'S/ 1,734.56', 'S/ 1,734.56', 'S/ 1,234.56', 'S/ 1,234.56',
    ]);
  });

  it('splits opening balances when the period has a start date', async () => {
    const { user } = await openReports();
    await user.type(screen.getByLabelText('Desde'), '01/03/2026');
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '15/03/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(await screen.findByText(/Del 01\/03\/2026 al 15\/03\/2026/)).toBeTruthy();
    // Cuenta, Denominación, Saldo inicial (Deudor, Acreedor), Movimientos (Debe, Haber), Saldo final (Deudor, Acreedor).
    expect(cells(row('101'))).toEqual(['101', 'Caja', '1,234.56', '', '', '500.00', '734.56', '']);
    expect(screen.getByTestId('trial-balance-status').textContent).toMatch(/Cuadra/);
  });

  it('puts date mistakes and the engine refusal next to the date fields', async () => {
    const { user } = await openReports();
    const from = screen.getByLabelText('Desde');
    await user.type(from, '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Escriba la fecha como dd/mm/aaaa, por ejemplo 05/03/2026.')).toBeTruthy();

    await user.clear(from);
    await user.type(from, '01/03/2026');
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '01/02/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(await screen.findByText(/es posterior a la fecha final/)).toBeTruthy();
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('trial-balance-status')).toBeNull();
  });

  it('asks the shell to print or save the trial balance as PDF, and says when it was cancelled', async () => {
    const { user, associationId, engine, prints } = await openReports();
    const today = todayIso();
    await user.click(screen.getByRole('button', { name: 'Imprimir' }));
    await user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(prints).toHaveLength(2);
    expect(prints).toMatchObject([
      {
        route: `/print/trial-balance?associationId=${associationId}&to=${today}`,
        paper: 'A4', target: 'printer', suggestedName: `balance-de-comprobacion-${today}.pdf`,
      },
      {
        route: `/print/trial-balance?associationId=${associationId}&to=${today}`,
        paper: 'A4', target: 'pdf', suggestedName: `balance-de-comprobacion-${today}.pdf`,
      },
    ]);

    engine.bridge.print = async () => ({ ok: false, cancelled: true });
    await user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(await screen.findByText('Se canceló la impresión; no se imprimió nada.')).toBeTruthy();

    engine.bridge.print = async () => ({ ok: false, error: { code: 'print.failed', message: 'La impresora no responde.' } });
    await user.click(screen.getByRole('button', { name: 'Imprimir' }));
    expect((await screen.findByRole('alert')).textContent).toBe('La impresora no responde.');

    engine.bridge.print = async () => ({ ok: true, path: '/home/tesorera/balance.pdf' });
    await user.type(screen.getByLabelText('Desde'), '01/03/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText(/Del 01\/03\/2026/);
    await user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(await screen.findByText('Se guardó el PDF en /home/tesorera/balance.pdf.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('print route /print/trial-balance', () => {
  it('renders the A4 page without the sidebar and marks itself ready once loaded', async () => {
    const { engine, associationId } = engineWithTwoEntries();
    renderApp(`#/print/trial-balance?associationId=${associationId}&from=2026-03-01&to=2026-03-15`, { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));

    expect(screen.queryByRole('navigation')).toBeNull();
    const page = document.querySelector('article.print-fr')!;
    expect(within(page as HTMLElement).getByText("Asociación Sumaq Q'oy")).toBeTruthy();
    expect(page.textContent).toContain('RUC 20131312955');
    expect(page.textContent).toContain('Chincheros, Chincheros, Apurímac');
    expect(screen.getByRole('heading', { level: 1, name: 'Balance de comprobación' })).toBeTruthy();
    expect(page.textContent).toContain('Del 01/03/2026 al 15/03/2026');
    expect(page.textContent).toMatch(/Impreso el \d{2}\/\d{2}\/\d{4}/);
    expect(cells(screen.getByTestId('trial-balance-totals'))).toEqual([
      // Opening: cash owes 1,234.56 and dues income is owed it; March moved 500.00 from cash to the bank.
      'Totales', 'S/ 1,234.56', 'S/ 1,234.56', 'S/ 500.00', 'S/ 500.00', 'S/ 1,234.56', 'S/ 1,234.56',
    ]);
    expect(screen.getByTestId('trial-balance-status').textContent).toMatch(/Cuadra/);

    cleanup();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });

  it('prints once by itself in browser mode (autoprint=1)', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { engine, associationId } = engineWithTwoEntries();
    renderApp(`#/print/trial-balance?associationId=${associationId}&to=2026-03-15&autoprint=1`, { engine });
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true');
  });

  it('does not mark itself ready when the link is incomplete', async () => {
    renderApp('#/print/trial-balance?associationId=1');
    expect(await screen.findByText(/Faltan datos para imprimir/)).toBeTruthy();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });
});

describe('trial balance figures', () => {
  it('reports the difference when debits and credits do not match', () => {
    const row = { accountId: 1, code: '101', name: 'Caja', type: 'asset' as const, postable: true };
    const figures = trialBalanceFigures({
      rows: [
        { ...row, opening: -250, debits: 10000, credits: 0, closing: 9750 },
        { ...row, accountId: 2, code: '7591', name: 'Cuotas', type: 'income' as const, opening: 0, debits: 0, credits: 9000, closing: -9000 },
      ],
      totals: { debits: 10000, credits: 9250, debitBalances: 9750, creditBalances: 9000 },
    });
    expect(figures).toMatchObject({ balanced: false, difference: 750 });
    expect(figures.totals).toEqual({
      openingDebit: 0, openingCredit: 250, debits: 10000, credits: 9000, closingDebit: 9750, closingCredit: 9000,
    });
  });
});
