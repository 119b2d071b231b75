import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { renderApp, memberMaker, seedAssociation, startEngine } from './harness';

/** Rosa owes S/ 5.00 after two dues and a payment; Juan owes his two dues (S/ 20.00). */
function engineWithMembers() {
  const engine = startEngine();
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const member = memberMaker(api, associationId);
  const rosa = member('41234501', 'Rosa Sumaq', "Quispe Q'oy", 'F');
  member('41234502', 'Juan', 'Ñahui Núñez', 'M');
  api.seedDefaultContributionTypes({ associationId });
  const due = api.listContributionTypes({ associationId }).find((type) => type.name === 'Cuota ordinaria mensual')!;
  api.generateDues({ associationId, contributionTypeId: due.id, period: '2026-01' });
  api.generateDues({ associationId, contributionTypeId: due.id, period: '2026-02' });
  api.recordPayment({ associationId, memberId: rosa, date: '2026-03-05', amount: 1500 });
  return { engine, associationId };
}

async function openLookup(extra?: (setup: ReturnType<typeof engineWithMembers>) => void) {
  const setup = engineWithMembers();
  extra?.(setup);
  const { engine, associationId } = setup;
  const harness = renderApp(`#/consulta/${associationId}`, { engine });
  const input = await screen.findByLabelText('Su DNI');
  await screen.findByText("Asociación Sumaq Q'oy");
  return { ...harness, input };
}

describe('consulta de socio', () => {
  it('shows only the statement of the member with that exact DNI, without menu or links', async () => {
    const { user, input } = await openLookup();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(document.activeElement).toBe(input);
    await user.type(input, '41234501{Enter}');

    const name = await screen.findByTestId('lookup-member');
    expect(name.textContent).toBe("Rosa Sumaq Quispe Q'oy");
    expect(screen.getByText('DNI 41234501')).toBeTruthy();
    expect((await screen.findByTestId('statement-balance-figure')).textContent).toBe('Debe S/ 5.00');
    expect(screen.getAllByTestId('statement-movement').map((row) => row.querySelector('td:nth-child(3)')?.textContent))
      .toEqual(['', '', '001-000001']);
    // Nothing of anyone else, and no way into the rest of the association.
    expect(document.body.textContent).not.toMatch(/Juan|41234502/);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.queryByLabelText('Su DNI')).toBeNull();

    await user.click(screen.getAllByRole('button', { name: 'Consultar otro DNI' })[0]!);
    const again = await screen.findByLabelText('Su DNI');
    expect((again as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(again);
    expect(screen.queryByTestId('lookup-member')).toBeNull();
    expect(document.body.textContent).not.toMatch(/Rosa/);

    await user.type(again, '41234502{Enter}');
    expect((await screen.findByTestId('statement-balance-figure')).textContent).toBe('Debe S/ 20.00');
    expect(screen.getByTestId('lookup-member').textContent).toBe('Juan Ñahui Núñez');
  });

  it('refuses a partial DNI before searching', async () => {
    const { user, input } = await openLookup();
    await user.type(input, '4123450');
    await user.click(screen.getByRole('button', { name: 'Consultar' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('El DNI tiene 8 números. Revise lo que escribió.')).toBeTruthy();
    expect(screen.queryByTestId('lookup-member')).toBeNull();
    expect(document.body.textContent).not.toMatch(/Rosa/);
  });

  it('answers kindly when the DNI is not in the padrón, and starts over', async () => {
    const { user, input } = await openLookup();
    await user.type(input, '49999999{Enter}');
    expect((await screen.findByRole('status')).textContent)
      .toBe("No encontramos ese DNI en el padrón de Asociación Sumaq Q'oy. Revise los números o pregunte en la tesorería.");
    expect(screen.queryByTestId('lookup-member')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Consultar otro DNI' }));
    await waitFor(() => expect((screen.getByLabelText('Su DNI') as HTMLInputElement).value).toBe(''));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('accepts only an exact DNI, not another member the search also finds', async () => {
    // The padrón search also matches communities: this member's has the digits typed, her DNI does not.
    const { user, input } = await openLookup(({ engine, associationId }) => {
      engine.api.createMember({
        associationId, dni: '41234503', givenNames: 'Tika Pallana', surnames: 'Ccahuana', sex: 'F', joinedOn: '2025-06-01',
        community: 'Sector 41234599',
      });
    });
    await user.type(input, '41234599{Enter}');
    expect(await screen.findByText(/No encontramos ese DNI/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Tika|Ccahuana/);
  });

  it('goes back to the screen it was opened from, by its button or the Escape key', async () => {
    const { engine, associationId } = engineWithMembers();
    const { user } = renderApp(`#/a/${associationId}/socios`, { engine });
    await user.click(await screen.findByRole('link', { name: 'Consulta de socio' }));
    await user.type(await screen.findByLabelText('Su DNI'), '41234501{Enter}');
    await screen.findByTestId('lookup-member');
    await user.click(screen.getByRole('button', { name: 'Volver' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Socios' })).toBeTruthy();
    expect(screen.queryByTestId('lookup-member')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Consulta de socio' }));
    await screen.findByLabelText('Su DNI');
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Socios' })).toBeTruthy();
  });

  it('opened directly, goes back to the association\'s inicio', async () => {
    const { user } = await openLookup();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/a\/\d+\/inicio$/));
    expect(screen.queryByLabelText('Su DNI')).toBeNull();
  });

  it('clears the statement after three idle minutes, ready for the next member', async () => {
    const { user, input } = await openLookup();
    await user.type(input, '41234501');
    // Fake clocks from here, still flowing, so the three minutes can be skipped.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await user.keyboard('{Enter}');
      await screen.findByTestId('lookup-member');
      act(() => vi.advanceTimersByTime(2 * 60 * 1000));
      expect(screen.getByTestId('lookup-member')).toBeTruthy();
      act(() => vi.advanceTimersByTime(60 * 1000));
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() => expect(screen.queryByTestId('lookup-member')).toBeNull());
    expect((await screen.findByLabelText('Su DNI') as HTMLInputElement).value).toBe('');
  });
});
