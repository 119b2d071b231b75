import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

const fixture = (name: string) => new File([readFileSync(join(process.cwd(), 'db/members/fixtures', name))], name, { type: 'text/csv' });

describe('padrón de socios', () => {
  it('registers a member, refuses a repeated DNI beside the field, and counts by sex', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user, api } = renderApp(`#/a/${associationId}/socios`, { engine });
    expect(await screen.findByText(/Todavía no hay socios/)).toBeTruthy();

    const register = async (dni: string, givenNames: string, surnames: string, sex: 'F' | 'M') => {
      await user.click(screen.getByRole('button', { name: 'Nuevo socio' }));
      const dialog = await screen.findByRole('dialog', { name: 'Registrar un socio' });
      await user.type(within(dialog).getByLabelText('DNI'), dni);
      await user.selectOptions(within(dialog).getByLabelText('Sexo'), sex);
      await user.type(within(dialog).getByLabelText('Nombres'), givenNames);
      await user.type(within(dialog).getByLabelText('Apellidos'), surnames);
      await user.type(within(dialog).getByLabelText('Comunidad o anexo'), 'Ccochaccasa');
      await user.clear(within(dialog).getByLabelText('Fecha de ingreso'));
      await user.type(within(dialog).getByLabelText('Fecha de ingreso'), '01/02/2026');
      await user.click(within(dialog).getByRole('button', { name: 'Guardar' }));
      return dialog;
    };
    await register('41234501', 'Rosa Sumaq', "Quispe Q'oy", 'F');
    await screen.findByRole('button', { name: "Ver a Rosa Sumaq Quispe Q'oy" });
    await register('41234502', 'Juan', 'Ñahui Núñez', 'M');
    await screen.findByRole('button', { name: 'Ver a Juan Ñahui Núñez' });

    const repeated = await register('41234501', 'Otra', 'Persona', 'F');
    const dni = within(repeated).getByLabelText('DNI');
    await waitFor(() => expect(dni.getAttribute('aria-invalid')).toBe('true'));
    expect(within(repeated).getByRole('alert').textContent).toMatch(/41234501/);
    await user.click(within(repeated).getByRole('button', { name: 'Cancelar' }));

    const counts = within(screen.getByTestId('member-counts'));
    await waitFor(() => expect(counts.getAllByText('2').length).toBeGreaterThan(0));
    expect(api.listMembers({ associationId }).counts).toMatchObject({ total: 2, women: 1, men: 1, active: 2 });

    await user.type(screen.getByLabelText('Buscar por nombre, DNI o comunidad'), 'nunez');
    await waitFor(() => expect(screen.queryByRole('button', { name: "Ver a Rosa Sumaq Quispe Q'oy" })).toBeNull());
    expect(screen.getByRole('button', { name: 'Ver a Juan Ñahui Núñez' })).toBeTruthy();
  });

  it('records leaving with a reason and keeps the member in the padrón', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const member = engine.api.createMember({ associationId, dni: '41234503', givenNames: 'Tika Pallana', surnames: 'Ccahuana', sex: 'F', joinedOn: '2025-01-10' });
    const { user, api } = renderApp(`#/a/${associationId}/socios`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Ver a Tika Pallana Ccahuana' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tika Pallana Ccahuana' });
    await user.click(within(dialog).getByRole('button', { name: 'Registrar retiro' }));
    await user.clear(within(dialog).getByLabelText('Fecha de retiro'));
    await user.type(within(dialog).getByLabelText('Fecha de retiro'), '28/02/2026');
    await user.type(within(dialog).getByLabelText('Motivo'), 'Se mudó a Abancay');
    await user.click(within(dialog).getAllByRole('button', { name: 'Registrar retiro' }).at(-1)!);
    expect(await within(dialog).findByText('Del 10/01/2025 al 28/02/2026: Se mudó a Abancay')).toBeTruthy();
    expect(api.getMember({ associationId, memberId: member.id })).toMatchObject({ active: false, leftOn: '2026-02-28' });
    expect(api.listMembers({ associationId, active: false }).members.map((m) => m.dni)).toEqual(['41234503']);
  });

  it('previews an import, refuses a file with a bad row and writes nothing, then imports a clean one', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user, api } = renderApp(`#/a/${associationId}/socios`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Importar padrón…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Importar el padrón' });
    await user.upload(within(dialog).getByLabelText('Archivo'), fixture('padron-con-error.csv'));
    const summary = await within(dialog).findByTestId('import-summary');
    expect(summary.textContent).toMatch(/, 1 con error\.$/);
    expect(within(dialog).getByText(/Corrija las filas marcadas/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /^Importar \d+ socios$/ })).toBeNull();
    expect(api.listMembers({ associationId }).counts.total).toBe(0);

    await user.upload(within(dialog).getByLabelText('Archivo'), fixture('padron-14-socios.csv'));
    await within(dialog).findByText('14 filas correctas, 0 con errores.');
    await user.click(within(dialog).getByRole('button', { name: 'Importar 14 socios' }));
    expect(await within(dialog).findByText('Se importaron 14 socios.')).toBeTruthy();
    expect(api.listMembers({ associationId }).counts.total).toBe(14);
  });
});
