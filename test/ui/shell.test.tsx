import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

describe('app shell', () => {
  it('shows the Spanish sidebar and says plainly which screens are not built yet', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user } = renderApp(`#/a/${associationId}/inicio`, { engine });
    const nav = await screen.findByRole('navigation', { name: 'Menú principal' });
    const labels = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(labels).toEqual([
      'Inicio', 'Socios', 'Aportes', 'Compras', 'Ventas y contratos', 'Créditos', 'Costos', 'Reportes', 'Configuración',
      'Libro diario', 'Nuevo asiento', 'Plan de cuentas', 'Resumen ODEL',
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: "Asociación Sumaq Q'oy" })).toBeTruthy();
    await user.click(within(nav).getByRole('link', { name: 'Créditos' }));
    expect(await screen.findByText(/todavía no está construida/)).toBeTruthy();
  });

  it('opens the wizard when the file holds no association', async () => {
    renderApp('#/');
    expect(await screen.findByRole('heading', { level: 1, name: /Bienvenida/ })).toBeTruthy();
  });

  it('switches between the associations of the file, staying on the same screen', async () => {
    const engine = startEngine();
    const first = seedAssociation(engine.api, 'Asociación Misky Llankaq');
    seedAssociation(engine.api, 'Asociación Tika Pallana', null);
    const { user } = renderApp(`#/a/${first.associationId}/cuentas`, { engine });
    const switcher = await screen.findByRole('combobox', { name: 'Asociación' });
    await screen.findByRole('option', { name: 'Asociación Tika Pallana' });
    await user.selectOptions(switcher, 'Asociación Tika Pallana');
    expect(window.location.hash).toMatch(/^#\/a\/\d+\/cuentas$/);
    expect(window.location.hash).not.toBe(`#/a/${first.associationId}/cuentas`);
  });
});
