import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

// The engine clock is 2026-03-15 12:00: every date here is on or before it.

function seedMembers() {
  const engine = startEngine();
  const { associationId } = seedAssociation(engine.api);
  const add = (dni: string, givenNames: string, surnames: string, sex: 'F' | 'M') =>
    engine.api.createMember({ associationId, dni, givenNames, surnames, sex, joinedOn: '2025-01-10' });
  const rosa = add('41234501', 'Rosa Sumaq', "Quispe Q'oy", 'F');
  const juan = add('41234502', 'Juan', 'Ñahui Núñez', 'M');
  const pedro = add('41234503', 'Pedro', 'Huamán Soto', 'M');
  return { engine, associationId, rosa, juan, pedro };
}

const panel = () => within(screen.getByTestId('officers-panel'));
const rowsText = () => panel().getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

describe('junta directiva', () => {
  it('assigns a presidenta and a tesorero from the member dialog and shows them in the panel', async () => {
    const { engine, associationId, rosa, juan } = seedMembers();
    const { user, api } = renderApp(`#/a/${associationId}/socios`, { engine });
    expect(await screen.findByText('Sin junta directiva registrada.')).toBeTruthy();

    const assign = async (name: string, post: string, termStart: string, termEnd?: string) => {
      await user.click(await screen.findByRole('button', { name: `Ver a ${name}` }));
      const dialog = await screen.findByRole('dialog', { name });
      await user.click(within(dialog).getByRole('button', { name: 'Asignar un puesto en la junta directiva' }));
      await user.selectOptions(within(dialog).getByLabelText('Puesto en la junta directiva'), post);
      await user.clear(within(dialog).getByLabelText('Inicio del periodo'));
      await user.type(within(dialog).getByLabelText('Inicio del periodo'), termStart);
      if (termEnd) await user.type(within(dialog).getByLabelText('Fin del periodo (opcional)'), termEnd);
      await user.click(within(dialog).getByRole('button', { name: 'Asignar el puesto' }));
      return dialog;
    };

    const rosaDialog = await assign("Rosa Sumaq Quispe Q'oy", 'Presidente/a', '01/01/2026');
    expect(await within(rosaDialog).findByText('Presidente/a, desde el 01/01/2026')).toBeTruthy();
    await user.click(within(rosaDialog).getByRole('button', { name: 'Cerrar' }));

    const juanDialog = await assign('Juan Ñahui Núñez', 'Tesorero/a', '01/01/2026', '31/12/2027');
    expect(await within(juanDialog).findByText('Tesorero/a, del 01/01/2026 al 31/12/2027')).toBeTruthy();
    await user.click(within(juanDialog).getByRole('button', { name: 'Cerrar' }));

    await waitFor(() => expect(rowsText()).toEqual([
      ['Presidente/a', "Rosa Sumaq Quispe Q'oy", '01/01/2026', '—'],
      ['Tesorero/a', 'Juan Ñahui Núñez', '01/01/2026', '31/12/2027'],
    ]));
    expect(panel().getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Puesto', 'Nombre', 'Desde', 'Hasta']);
    expect(screen.queryByText('Sin junta directiva registrada.')).toBeNull();
    expect(api.listOfficers({ associationId }).map((o) => [o.memberId, o.post, o.termStart, o.termEnd])).toEqual(
      expect.arrayContaining([[rosa.id, 'presidente', '2026-01-01', null], [juan.id, 'tesorero', '2026-01-01', '2027-12-31']]),
    );
  });

  it('refuses a second presidente with an overlapping term beside the post and writes nothing', async () => {
    const { engine, associationId, rosa, pedro } = seedMembers();
    engine.api.assignOfficerPost({ associationId, memberId: rosa.id, post: 'presidente', termStart: '2026-01-01' });
    const { user, api } = renderApp(`#/a/${associationId}/socios`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Ver a Pedro Huamán Soto' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pedro Huamán Soto' });
    await user.click(within(dialog).getByRole('button', { name: 'Asignar un puesto en la junta directiva' }));
    await user.selectOptions(within(dialog).getByLabelText('Puesto en la junta directiva'), 'Presidente/a');
    await user.clear(within(dialog).getByLabelText('Inicio del periodo'));
    await user.type(within(dialog).getByLabelText('Inicio del periodo'), '01/03/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Asignar el puesto' }));

    const post = within(dialog).getByLabelText('Puesto en la junta directiva');
    await waitFor(() => expect(post.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(post.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe(
      "El puesto de presidente en la junta directiva lo ocupa «Rosa Sumaq Quispe Q'oy» del 01/01/2026 al …; los periodos no pueden superponerse.",
    );
    expect(within(dialog).getByLabelText('Inicio del periodo').getAttribute('aria-invalid')).toBeNull();
    expect(within(dialog).getByText('Sin puestos en la junta directiva.')).toBeTruthy();

    expect(api.listOfficers({ associationId }).map((o) => o.memberId)).toEqual([rosa.id]);
    expect(api.getMember({ associationId, memberId: pedro.id }).posts).toEqual([]);
  });

  it('ends a term: the post stays in the history and leaves the current junta', async () => {
    const { engine, associationId, rosa } = seedMembers();
    engine.api.assignOfficerPost({ associationId, memberId: rosa.id, post: 'presidente', termStart: '2026-01-01' });
    const { user, api } = renderApp(`#/a/${associationId}/socios`, { engine });
    await waitFor(() => expect(rowsText()).toEqual([['Presidente/a', "Rosa Sumaq Quispe Q'oy", '01/01/2026', '—']]));

    await user.click(screen.getByRole('button', { name: "Ver a Rosa Sumaq Quispe Q'oy" }));
    const dialog = await screen.findByRole('dialog', { name: "Rosa Sumaq Quispe Q'oy" });
    await user.click(within(dialog).getByRole('button', { name: 'Terminar el puesto de Presidente/a en la junta directiva' }));
    const termEnd = within(dialog).getByLabelText('Fin del periodo');

    // Before the start of the term: the engine's refusal goes beside the date.
    await user.clear(termEnd);
    await user.type(termEnd, '31/12/2025');
    await user.click(within(dialog).getByRole('button', { name: 'Terminar el puesto' }));
    await waitFor(() => expect(termEnd.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('El fin del periodo en el puesto (31/12/2025) es anterior a su inicio (01/01/2026).')).toBeTruthy();
    expect(api.listOfficers({ associationId })).toHaveLength(1);

    await user.clear(termEnd);
    await user.type(termEnd, '14/03/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Terminar el puesto' }));
    expect(await within(dialog).findByText('Presidente/a, del 01/01/2026 al 14/03/2026')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Terminar el puesto de Presidente/a en la junta directiva' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Cerrar' }));

    expect(await screen.findByText('Sin junta directiva registrada.')).toBeTruthy();
    expect(api.listOfficers({ associationId })).toEqual([]);
    expect(api.getMember({ associationId, memberId: rosa.id }).posts).toMatchObject([{ post: 'presidente', termEnd: '2026-03-14' }]);
  });
});
