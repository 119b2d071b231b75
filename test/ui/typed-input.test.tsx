import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

// What a treasurer types reaches the screens through the shared parsers: a decimal comma is read,
// and a date that cannot exist says why.

async function pickAccount(user: ReturnType<typeof renderApp>['user'], label: string, typed: string, option: RegExp) {
  const input = screen.getByRole('combobox', { name: label });
  await user.click(input);
  await user.type(input, typed);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('typed amounts and dates in a form', () => {
  it('reads "5,5" as S/ 5.50 and says that February 2026 has no 31st', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user, api } = renderApp(`#/a/${associationId}/diario/nuevo`, { engine });
    await screen.findByRole('heading', { level: 1, name: 'Nuevo asiento' });
    const date = screen.getByLabelText('Fecha');
    await user.clear(date);
    await user.type(date, '31/02/2026');
    await user.type(screen.getByLabelText('Glosa'), 'Cuota');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Cuenta de la línea 1' })).toBeTruthy());
    await pickAccount(user, 'Cuenta de la línea 1', 'caja', /^101 Caja$/);
    await user.type(screen.getByLabelText('Debe de la línea 1'), '5,5');
    await pickAccount(user, 'Cuenta de la línea 2', '75991', /Cuotas de socios/);
    await user.type(screen.getByLabelText('Haber de la línea 2'), '5.50');
    expect(screen.getByTestId('balance-indicator').textContent).toBe('Cuadra: Debe S/ 5.50 = Haber S/ 5.50');

    await user.click(screen.getByRole('button', { name: 'Registrar el asiento' }));
    expect(await screen.findByText('Febrero de 2026 no tiene 31 días: tiene 28.')).toBeTruthy();
    expect(api.listJournal({ associationId }).total).toBe(0);

    await user.clear(date);
    await user.type(date, '5/3/2026');
    await user.click(screen.getByRole('button', { name: 'Registrar el asiento' }));
    expect(await screen.findByText(/Asiento 2026-00001 registrado/)).toBeTruthy();
    expect(api.listJournal({ associationId }).entries[0]).toMatchObject({ date: '2026-03-05' });
  });
});
