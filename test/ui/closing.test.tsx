import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

// Cierre del año in Configuración, on the real engine (its clock reads 15/03/2026).

function books() {
  const engine = startEngine();
  const { associationId, role } = seedAssociation(engine.api);
  const post = (date: string, lines: [string, number][]) => engine.api.postEntry({
    associationId, date, description: 'Movimiento', lines: lines.map(([r, amount]) => ({ accountId: role(r), amount })),
  });
  post('2025-05-10', [['cash', 200_000], ['sales_products', -200_000]]);
  post('2025-06-10', [['transport_expense', 76_600], ['cash', -76_600]]);
  post('2026-02-10', [['cash', 1_000], ['dues_income', -1_000]]);
  return { engine, associationId };
}

async function openSettings(options: { closed?: number } = {}) {
  const { engine, associationId } = books();
  if (options.closed) engine.api.closeFiscalYear({ associationId, fiscalYear: options.closed });
  const harness = renderApp(`#/a/${associationId}/configuracion`, { engine });
  await screen.findByRole('heading', { level: 2, name: 'Cierre del año' });
  await screen.findByTestId('fiscal-years');
  return { ...harness, associationId };
}

describe('cierre del año', () => {
  it('closes the ended year after a confirmation that names its result in plain words', async () => {
    const { user, api, associationId } = await openSettings();
    const years = screen.getByTestId('fiscal-years');
    expect(within(years).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      '2026del 01/01/2026 al 31/12/2026En curso',
      '2025del 01/01/2025 al 31/12/2025Abierto',
    ]);
    await user.click(screen.getByRole('button', { name: 'Cerrar el año 2025' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cerrar el año 2025' });
    expect((await within(dialog).findByTestId('closing-summary')).textContent)
      .toBe('Cerrar el año 2025: pasa el resultado del año (ganancia S/ 1,234.00) a resultados acumulados.');
    expect(dialog.textContent).not.toMatch(/asiento|591/);
    await user.click(within(dialog).getByRole('button', { name: 'Sí, cerrar el año' }));
    expect(await screen.findByText('Listo: el año 2025 está cerrado.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.listFiscalYearClosings({ associationId }).find((y) => y.fiscalYear === 2025)?.status).toBe('closed');
    expect(await screen.findByText('Cerrado el 31/12/2025')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cerrar el año 2025' })).toBeNull();
  });

  it('cancelling closes nothing', async () => {
    const { user, api, associationId } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Cerrar el año 2025' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByTestId('closing-summary');
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(api.listFiscalYearClosings({ associationId }).every((y) => y.status === 'open')).toBe(true);
  });

  it('reopens with a reason, and asks for one', async () => {
    const { user, api, associationId } = await openSettings({ closed: 2025 });
    await user.click(await screen.findByRole('button', { name: 'Reabrir el año 2025' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reabrir el año 2025' });
    await user.click(within(dialog).getByRole('button', { name: 'Reabrir el año' }));
    expect(await within(dialog).findByText('Escriba el motivo para reabrir el año.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Motivo'), 'Faltó registrar una venta');
    await user.click(within(dialog).getByRole('button', { name: 'Reabrir el año' }));
    expect(await screen.findByText('Listo: el año 2025 está abierto otra vez.')).toBeTruthy();
    const year = api.listFiscalYearClosings({ associationId }).find((y) => y.fiscalYear === 2025)!;
    expect(year.status).toBe('open');
    expect(year.reopened[0]?.voidReason).toBe('Faltó registrar una venta');
  });

  it('prints the closing: the accounts closed, the result and where it went', async () => {
    const { engine, associationId } = books();
    const closed = engine.api.closeFiscalYear({ associationId, fiscalYear: 2025 });
    renderApp(`#/print/closing?associationId=${associationId}&fiscalYear=2025&closingId=${closed.closing!.id}`, { engine });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Cierre del ejercicio 2025');
    expect(screen.getByTestId('closing-status').textContent).toMatch(/^Cerrado el 31\/12\/2025 \(asiento n\.º \d+\), registrado por prueba\.$/);
    const income = within(screen.getByTestId('closing-income')).getAllByRole('row').slice(1);
    expect(income.map((r) => r.lastElementChild?.textContent)).toEqual(['S/ 2,000.00', 'S/ 2,000.00']);
    expect(income[1]!.textContent).toContain('Total de ingresos');
    const expenses = within(screen.getByTestId('closing-expenses')).getAllByRole('row').slice(1);
    expect(expenses.map((r) => r.lastElementChild?.textContent)).toEqual(['S/ 766.00', 'S/ 766.00']);
    expect(screen.getByTestId('closing-result').textContent).toBe('Resultado del ejercicio (ganancia): S/ 1,234.00 Pasa a 591 Excedentes acumulados.');
    expect(screen.getByText('Presidente', { exact: false })).toBeTruthy();
  });

  it('prints a reopened closing as ANULADO, with the reason', async () => {
    const { engine, associationId } = books();
    const closed = engine.api.closeFiscalYear({ associationId, fiscalYear: 2025 });
    engine.api.reopenFiscalYear({ associationId, fiscalYear: 2025, date: '2025-12-31', reason: 'Faltó una venta' });
    renderApp(`#/print/closing?associationId=${associationId}&fiscalYear=2025&closingId=${closed.closing!.id}`, { engine });
    expect((await screen.findByTestId('closing-voided')).textContent).toBe('ANULADO: el año se reabrió el 31/12/2025. Motivo: Faltó una venta');
    expect(screen.getByTestId('closing-result').textContent).toContain('S/ 1,234.00');
  });

  it('a bad print address says what is missing', async () => {
    renderApp('#/print/closing?associationId=1');
    expect((await screen.findByRole('alert')).textContent).toBe('Falta el año o la asociación en la dirección de impresión.');
  });
});
