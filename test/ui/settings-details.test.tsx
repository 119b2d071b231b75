import { describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

// Configuración: the association's details can be corrected (issue 11, class 2).

async function openDetails() {
  const engine = startEngine();
  const { associationId } = seedAssociation(engine.api);
  const harness = renderApp(`#/a/${associationId}/configuracion`, { engine });
  await harness.user.click(await screen.findByRole('button', { name: 'Corregir los datos de la asociación' }));
  const form = await screen.findByRole('region', { name: 'Corregir los datos de la asociación' });
  return { ...harness, associationId, engine, form };
}

describe('configuración: correcting the association', () => {
  it('corrects the name, address, registry entry and products; the facts and a printed receipt show them', async () => {
    const { user, api, associationId, engine, form } = await openDetails();
    const name = within(form).getByLabelText('Nombre de la asociación');
    await user.clear(name);
    await user.type(name, 'Asociación de Productores Sumaq');
    await user.type(within(form).getByLabelText('Dirección'), 'Jr. Lima 123');
    await user.type(within(form).getByLabelText('Partida registral (SUNARP)'), '11002233');
    await user.type(within(form).getByLabelText('Productos principales'), 'leche, queso');
    await user.click(within(form).getByRole('button', { name: 'Guardar los cambios' }));
    expect(await screen.findByText('Listo: se guardaron los datos de la asociación.')).toBeTruthy();
    expect(api.getAssociation({ associationId })).toMatchObject({
      name: 'Asociación de Productores Sumaq', address: 'Jr. Lima 123', registryEntry: '11002233', mainProducts: ['leche', 'queso'],
    });
    const facts = screen.getByRole('region', { name: 'Datos de la asociación' });
    await waitFor(() => expect(within(facts).getByText('Asociación de Productores Sumaq')).toBeTruthy());

    const member = api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: 'Quispe', sex: 'F', joinedOn: '2025-01-10' });
    const receipt = api.recordPayment({ associationId, memberId: member.id, date: '2026-03-01', amount: 500 });
    cleanup();
    renderApp(`#/print/receipt?receiptId=${receipt.id}&paper=A5`, { engine });
    expect(await screen.findByText('Asociación de Productores Sumaq')).toBeTruthy();
  });

  it("refuses a RUC that is not an association's beside the field, and a new fiscal-year start once something is recorded", async () => {
    const { user, api, associationId, form } = await openDetails();
    const ruc = within(form).getByLabelText('RUC');
    await user.clear(ruc);
    await user.type(ruc, '10417193371');
    await user.click(within(form).getByRole('button', { name: 'Guardar los cambios' }));
    await waitFor(() => expect(ruc.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/el RUC de una asociación empieza con 20/)).toBeTruthy();
    expect(api.getAssociation({ associationId }).ruc).toBe('20131312955');

    await user.clear(ruc);
    await user.type(ruc, '20131312955');
    const cash = api.listAccounts({ associationId }).find((a) => a.role === 'cash')!.id;
    const dues = api.listAccounts({ associationId }).find((a) => a.role === 'dues_income')!.id;
    api.postEntry({ associationId, date: '2026-03-01', description: 'Cuotas', lines: [{ accountId: cash, amount: 1000 }, { accountId: dues, amount: -1000 }] });
    const month = within(form).getByLabelText('El año contable empieza en');
    await user.selectOptions(month, '4');
    await user.click(within(form).getByRole('button', { name: 'Guardar los cambios' }));
    await waitFor(() => expect(month.getAttribute('aria-invalid')).toBe('true'));
    expect(api.getAssociation({ associationId }).fiscalYearStartMonth).toBe(1);
  });
});
