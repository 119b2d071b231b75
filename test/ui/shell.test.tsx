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
      'Inicio', 'Socios', 'Aportes', 'Compras', 'Ventas', 'Contratos', 'Acopio', 'Créditos', 'Costos', 'Reportes', 'Configuración',
      'Libro diario', 'Nuevo asiento', 'Plan de cuentas', 'Resumen ODEL',
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: "Asociación Sumaq Q'oy" })).toBeTruthy();
    await user.click(within(nav).getByRole('link', { name: 'Créditos' }));
    expect(await screen.findByText(/todavía no está construida/)).toBeTruthy();
  });

  it('opens the wizard when the file holds no association, greeting everyone alike', async () => {
    renderApp('#/');
    const greeting = await screen.findByRole('heading', { level: 1, name: 'Hola. Khipu le da la bienvenida' });
    // "Bienvenida" / "Bienvenido(s)" as a greeting speaks to one gender.
    expect(greeting.textContent).not.toMatch(/^Bienvenid[ao]/);
  });

  it('opens the example association from the switcher when other associations exist, and again once it exists', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api, 'Asociación Misky Llankaq');
    const { user } = renderApp(`#/a/${associationId}/inicio`, { engine });
    const switcher = await screen.findByRole('combobox', { name: 'Asociación' });
    await user.selectOptions(switcher, 'Abrir la asociación de ejemplo');
    const example = "Asociación de Productores Lecheros Sumaq Q'oy";
    expect(await screen.findByRole('heading', { level: 1, name: example }, { timeout: 20_000 })).toBeTruthy();
    const exampleHash = window.location.hash;
    expect(exampleHash).toMatch(/^#\/a\/\d+\/inicio$/);
    expect(exampleHash).not.toBe(`#/a/${associationId}/inicio`);

    // Back to the first association, then the example again: the same one, not a second copy.
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Asociación' }), 'Asociación Misky Llankaq');
    await screen.findByRole('heading', { level: 1, name: 'Asociación Misky Llankaq' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Asociación' }), 'Abrir la asociación de ejemplo');
    await screen.findByRole('heading', { level: 1, name: example });
    expect(window.location.hash).toBe(exampleHash);
    expect(engine.api.listAssociations({}).filter((a) => a.name === example)).toHaveLength(1);
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
