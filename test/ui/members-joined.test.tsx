import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

// A member's joining date is asked, never assumed (issue 11, class 2).

describe('padrón: joining date', () => {
  it('starts the joining date blank and refuses a member without it, naming the field', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user, api } = renderApp(`#/a/${associationId}/socios`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Nuevo socio' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrar un socio' });
    const joinedOn = within(dialog).getByLabelText('Fecha de ingreso') as HTMLInputElement;
    expect(joinedOn.value).toBe('');
    await user.type(within(dialog).getByLabelText('DNI'), '41234501');
    await user.selectOptions(within(dialog).getByLabelText('Sexo'), 'F');
    await user.type(within(dialog).getByLabelText('Nombres'), 'Rosa');
    await user.type(within(dialog).getByLabelText('Apellidos'), 'Quispe');
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(joinedOn.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Complete el campo «Fecha de ingreso».')).toBeTruthy();
    expect(api.listMembers({ associationId }).members).toEqual([]);

    await user.type(joinedOn, '10/01/2025');
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(api.listMembers({ associationId }).members).toMatchObject([{ joinedOn: '2025-01-10' }]));
  });
});
