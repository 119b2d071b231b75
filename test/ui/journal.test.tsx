import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

async function pickAccount(user: ReturnType<typeof renderApp>['user'], label: string, typed: string, option: RegExp) {
  const input = screen.getByRole('combobox', { name: label });
  await user.click(input);
  await user.type(input, typed);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('manual journal entry', () => {
  it('shows the balance live, posts a balanced entry and starts a fresh form', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user, api } = renderApp(`#/a/${associationId}/diario/nuevo`, { engine });
    await screen.findByRole('heading', { level: 1, name: 'Nuevo asiento' });
    const status = screen.getByTestId('balance-indicator');
    expect(status.textContent).toBe('Escriba los importes de las líneas.');

    const date = screen.getByLabelText('Fecha');
    await user.clear(date);
    await user.type(date, '10/03/2026');
    await user.type(screen.getByLabelText('Glosa'), 'Cuotas de marzo — Rosa Quispe Ñahui');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Cuenta de la línea 1' })).toBeTruthy());
    await pickAccount(user, 'Cuenta de la línea 1', 'caja', /^101 Caja$/);
    await user.type(screen.getByLabelText('Debe de la línea 1'), '1,234.50');
    expect(status.textContent).toBe('No cuadra: falta S/ 1,234.50 en el Haber');
    await pickAccount(user, 'Cuenta de la línea 2', '75991', /Cuotas de socios/);
    await user.type(screen.getByLabelText('Haber de la línea 2'), '1234.5');
    expect(status.textContent).toBe('Cuadra: Debe S/ 1,234.50 = Haber S/ 1,234.50');

    await user.click(screen.getByRole('button', { name: 'Registrar el asiento' }));
    expect(await screen.findByText(/Asiento 2026-00001 registrado/)).toBeTruthy();
    const { entries } = api.listJournal({ associationId });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ date: '2026-03-10', description: 'Cuotas de marzo — Rosa Quispe Ñahui' });
    expect(entries[0]!.lines.map((l) => [l.code, l.amount])).toEqual([['101', 123450], ['75991', -123450]]);
    expect((screen.getByLabelText('Glosa') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Fecha') as HTMLInputElement).value).toBe('10/03/2026');
    // The next entry starts on the same accounts, amounts empty.
    expect((screen.getByRole('combobox', { name: 'Cuenta de la línea 1' }) as HTMLInputElement).value).toBe('101 Caja');
    expect((screen.getByRole('combobox', { name: 'Cuenta de la línea 2' }) as HTMLInputElement).value).toBe('75991 Cuotas de socios');
    expect((screen.getByLabelText('Debe de la línea 1') as HTMLInputElement).value).toBe('');
  });

  it('marks the faulty line and writes nothing when amounts cannot be read or both sides are typed', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user, api } = renderApp(`#/a/${associationId}/diario/nuevo`, { engine });
    await screen.findByRole('heading', { level: 1, name: 'Nuevo asiento' });
    await user.type(screen.getByLabelText('Glosa'), 'Prueba');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Cuenta de la línea 1' })).toBeTruthy());
    await pickAccount(user, 'Cuenta de la línea 1', 'caja', /^101 Caja$/);
    await user.type(screen.getByLabelText('Debe de la línea 1'), '12,34.5x');
    await pickAccount(user, 'Cuenta de la línea 2', '75991', /Cuotas de socios/);
    await user.type(screen.getByLabelText('Debe de la línea 2'), '5');
    await user.type(screen.getByLabelText('Haber de la línea 2'), '5');
    await user.click(screen.getByRole('button', { name: 'Registrar el asiento' }));
    expect(screen.getByLabelText('Debe de la línea 1').getAttribute('aria-invalid')).toBe('true');
    expect(await screen.findByText('Escriba el importe en el Debe o en el Haber, no en los dos.')).toBeTruthy();
    expect(api.listJournal({ associationId }).total).toBe(0);
  });

  it('shows the engine refusal of an unbalanced entry and writes nothing', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user, api } = renderApp(`#/a/${associationId}/diario/nuevo`, { engine });
    await screen.findByRole('heading', { level: 1, name: 'Nuevo asiento' });
    await user.type(screen.getByLabelText('Glosa'), 'Descuadrado');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Cuenta de la línea 1' })).toBeTruthy());
    await pickAccount(user, 'Cuenta de la línea 1', 'caja', /^101 Caja$/);
    await user.type(screen.getByLabelText('Debe de la línea 1'), '100');
    await pickAccount(user, 'Cuenta de la línea 2', '75991', /Cuotas de socios/);
    await user.type(screen.getByLabelText('Haber de la línea 2'), '99.99');
    await user.click(screen.getByRole('button', { name: 'Registrar el asiento' }));
    const alert = await screen.findByText(/no cuadra/i, { selector: '.alert' });
    expect(alert.textContent).toMatch(/0\.01/);
    expect(api.listJournal({ associationId }).total).toBe(0);
  });
});

describe('journal', () => {
  it('lists entries, filters by text and account, opens one and reverses it with a reason', async () => {
    const engine = startEngine();
    const { associationId, role } = seedAssociation(engine.api);
    const post = (date: string, description: string, debit: string, credit: string, amount: number) =>
      engine.api.postEntry({ associationId, date, description, lines: [{ accountId: role(debit), amount }, { accountId: role(credit), amount: -amount }] });
    post('2026-01-05', 'Aporte de capital de Señora Núñez', 'cash', 'member_capital_contributions', 50_000);
    post('2026-02-10', 'Compra de cera de abeja', 'purchases_supplies', 'cash', 12_050);
    post('2026-03-01', 'Cuotas de febrero', 'cash', 'dues_income', 9_000);
    const { user, api } = renderApp(`#/a/${associationId}/diario`, { engine });

    expect(await screen.findByText('Compra de cera de abeja')).toBeTruthy();
    expect(screen.getByTestId('journal-count').textContent).toBe('3 asientos');
    await user.type(screen.getByLabelText('Texto en la glosa'), 'nunez{Enter}');
    await waitFor(() => expect(screen.queryByText('Compra de cera de abeja')).toBeNull());
    expect(screen.getByText('Aporte de capital de Señora Núñez')).toBeTruthy();
    expect(window.location.hash).toContain('texto=nunez');
    await user.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    await screen.findByText('Compra de cera de abeja');

    await user.click(screen.getByRole('combobox', { name: 'Cuenta' }));
    await user.type(screen.getByRole('combobox', { name: 'Cuenta' }), '60');
    await user.click(await screen.findByRole('option', { name: /^60 / }));
    await waitFor(() => expect(screen.getByTestId('journal-count').textContent).toBe('1 asiento'));

    await user.click(screen.getByRole('button', { name: 'Ver el asiento 2026-00002' }));
    const dialog = await screen.findByRole('dialog', { name: 'Asiento 2026-00002' });
    expect(within(dialog).getAllByText('S/ 120.50')).toHaveLength(4);
    await user.click(within(dialog).getByRole('button', { name: 'Revertir este asiento' }));
    await user.click(within(dialog).getByRole('button', { name: 'Registrar la reversión' }));
    expect(within(dialog).getByLabelText('Motivo').getAttribute('aria-invalid')).toBe('true');
    expect(api.listJournal({ associationId }).total).toBe(3);

    await user.type(within(dialog).getByLabelText('Motivo'), 'Se registró dos veces');
    await user.click(within(dialog).getByRole('button', { name: 'Registrar la reversión' }));
    expect(await within(dialog).findByText(/Se registró la reversión: asiento 2026-00004/)).toBeTruthy();
    expect(await within(dialog).findByText('Este asiento fue revertido por el asiento 2026-00004.')).toBeTruthy();
    const reversal = api.getEntry({ entryId: api.listJournal({ associationId }).entries.find((e) => e.number === 2)!.reversedByEntryId! });
    expect(reversal.lines.map((l) => l.amount)).toEqual([-12_050, 12_050]);
  });

  it("does not offer to reverse an entry posted by a receipt: the receipt is voided instead", async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const member = engine.api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: 'Quispe', sex: 'F', joinedOn: '2025-01-10' });
    engine.api.recordPayment({ associationId, memberId: member.id, date: '2026-03-01', amount: 1_000 });
    const { user } = renderApp(`#/a/${associationId}/diario`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Ver el asiento 2026-00001' }));
    const dialog = await screen.findByRole('dialog', { name: 'Asiento 2026-00001' });
    expect(within(dialog).getByText(/anule el documento en Aportes/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Revertir este asiento' })).toBeNull();
  });
});
