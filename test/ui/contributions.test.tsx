import { describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

function seedMembers(engine: ReturnType<typeof startEngine>) {
  const { associationId } = seedAssociation(engine.api);
  const rosa = engine.api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: "Quispe Q'oy", sex: 'F', joinedOn: '2025-01-10' });
  const juan = engine.api.createMember({ associationId, dni: '41234502', givenNames: 'Juan', surnames: 'Ñahui', sex: 'M', joinedOn: '2025-01-10' });
  return { associationId, rosa, juan };
}

describe('aportes: dues, payment, receipt', () => {
  it('creates the usual types, generates a month of dues once, and shows the result', async () => {
    const engine = startEngine();
    const { associationId } = seedMembers(engine);
    const { user, api } = renderApp(`#/a/${associationId}/aportes`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Crear los tipos usuales' }));
    const period = await screen.findByLabelText('Periodo (mm/aaaa)');
    await user.clear(period);
    await user.type(period, '02/2026');
    await user.click(screen.getByRole('button', { name: 'Generar cuotas' }));
    expect(await screen.findByText('Se generaron 2 cuotas por S/ 20.00. 0 ya existían.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Generar cuotas' }));
    expect(await screen.findByText('Se generaron 0 cuotas por S/ 0.00. 2 ya existían.')).toBeTruthy();
    expect(api.listCharges({ associationId }).length).toBe(2);
  });

  it('collects a payment, issues receipt 001-000001, prints it (then a DUPLICADO) and voids it with a reason', async () => {
    const engine = startEngine();
    const { associationId, rosa } = seedMembers(engine);
    const { types } = engine.api.seedDefaultContributionTypes({ associationId });
    const dues = types.find((t) => t.kind === 'ordinary_due')!;
    engine.api.generateDues({ associationId, contributionTypeId: dues.id, period: '2026-01', date: '2026-01-05' });
    engine.api.generateDues({ associationId, contributionTypeId: dues.id, period: '2026-02', date: '2026-02-05' });
    const { user, api, prints } = renderApp(`#/a/${associationId}/aportes/cobrar?socio=${rosa.id}`, { engine });

    expect((await screen.findByTestId('position-owed')).textContent).toBe('S/ 20.00');
    const amount = screen.getByLabelText('Monto recibido (S/)') as HTMLInputElement;
    expect(amount.value).toBe('20.00');
    await user.clear(amount);
    await user.type(amount, '15');
    await user.clear(screen.getByLabelText('Fecha'));
    await user.type(screen.getByLabelText('Fecha'), '10/03/2026');
    await user.click(screen.getByRole('button', { name: 'Cobrar y emitir recibo' }));

    const panel = await screen.findByRole('region', { name: 'Recibo de ingreso 001-000001' });
    expect(within(panel).getByTestId('receipt-total').textContent).toBe('S/ 15.00');
    expect(within(panel).getByText(/QUINCE CON 00\/100 SOLES/)).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Imprimir (A5)' }));
    await waitFor(() => expect(prints).toHaveLength(1));
    const receiptId = api.listReceipts({ associationId })[0]!.id;
    expect(prints[0]).toMatchObject({ route: `/print/receipt?receiptId=${receiptId}&paper=A5`, paper: 'A5', target: 'printer' });
    await user.click(within(panel).getByRole('button', { name: 'Imprimir ticket (80 mm)' }));
    await waitFor(() => expect(prints).toHaveLength(2));
    expect(prints[1]).toMatchObject({ paper: 'ticket80' });
    expect(api.getReceipt({ receiptId }).printCount).toBe(2);

    await user.click(within(panel).getByRole('button', { name: 'Anular el recibo' }));
    await user.click(within(panel).getByRole('button', { name: 'Anular' }));
    expect(within(panel).getByLabelText('Motivo').getAttribute('aria-invalid')).toBe('true');
    expect(api.getReceipt({ receiptId }).status).toBe('valid');
    await user.type(within(panel).getByLabelText('Motivo'), 'Monto equivocado');
    await user.click(within(panel).getByRole('button', { name: 'Anular' }));
    expect(await within(panel).findByText(/Anulado el .*: Monto equivocado/)).toBeTruthy();
    expect(api.getReceipt({ receiptId })).toMatchObject({ status: 'voided', formattedNumber: '001-000001' });
    expect(api.listCharges({ associationId, memberId: rosa.id, openOnly: true }).reduce((s, c) => s + c.open, 0)).toBe(2000);
  });

  it('prints the original, then DUPLICADO on a reprint, and ANULADO once voided, always with its number', async () => {
    const engine = startEngine();
    const { associationId, juan } = seedMembers(engine);
    const receipt = engine.api.recordPayment({ associationId, memberId: juan.id, date: '2026-03-01', amount: 1050 });
    const showPrint = async () => {
      cleanup();
      renderApp(`#/print/receipt?receiptId=${receipt.id}&paper=A5`, { engine });
      await screen.findByText('N° 001-000001');
      await waitFor(() => expect(document.documentElement.getAttribute('data-print-ready')).toBe('true'));
    };
    engine.api.recordReceiptPrint({ receiptId: receipt.id });
    await showPrint();
    expect(screen.queryByText('DUPLICADO')).toBeNull();
    expect(screen.getByText(/SON: DIEZ CON 50\/100 SOLES/)).toBeTruthy();
    expect(screen.getByText('Juan Ñahui', { selector: 'dd' })).toBeTruthy();

    engine.api.recordReceiptPrint({ receiptId: receipt.id });
    await showPrint();
    expect(screen.getByText('DUPLICADO')).toBeTruthy();

    engine.api.voidReceipt({ receiptId: receipt.id, date: '2026-03-02', reason: 'Cobrado dos veces' });
    await showPrint();
    expect(screen.getByText('ANULADO')).toBeTruthy();
    expect(screen.getByText('Anulado el 02/03/2026: Cobrado dos veces')).toBeTruthy();
  });

  it('adds a contribution type and changes its amount', async () => {
    const engine = startEngine();
    const { associationId } = seedMembers(engine);
    const { user, api } = renderApp(`#/a/${associationId}/aportes`, { engine });
    const panel = await screen.findByRole('region', { name: 'Tipos de aporte' });
    await user.click(await within(panel).findByRole('button', { name: 'Nuevo tipo de aporte…' }));
    await user.selectOptions(within(panel).getByLabelText('Clase'), 'fine');
    await user.type(within(panel).getByLabelText('Nombre'), 'Multa por faltar a la faena');
    await user.type(within(panel).getByLabelText('Monto (S/)'), '20');
    await user.click(within(panel).getByRole('button', { name: 'Agregar el tipo' }));
    await user.click(await within(panel).findByRole('button', { name: 'Cambiar «Multa por faltar a la faena»' }));
    const amount = within(panel).getByLabelText('Monto (S/)') as HTMLInputElement;
    expect(amount.value).toBe('20.00');
    await user.clear(amount);
    await user.type(amount, '25.50');
    await user.click(within(panel).getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(api.listContributionTypes({ associationId }).find((t) => t.name === 'Multa por faltar a la faena')?.defaultAmount).toBe(2550));
  });

  it('records a work day (faena) that settles a fine', async () => {
    const engine = startEngine();
    const { associationId, juan } = seedMembers(engine);
    const { types } = engine.api.seedDefaultContributionTypes({ associationId });
    const fine = types.find((t) => t.kind === 'fine')!;
    const charge = engine.api.createCharge({ associationId, memberId: juan.id, contributionTypeId: fine.id, date: '2026-03-01', amount: 3000, description: 'Multa por inasistencia a la asamblea' });
    const { user, api } = renderApp(`#/a/${associationId}/aportes`, { engine });
    const panel = await screen.findByRole('region', { name: 'Aporte en especie' });
    await within(panel).findByRole('option', { name: /Ñahui, Juan/ });
    await user.selectOptions(within(panel).getByLabelText('Socio'), String(juan.id));
    await user.type(within(panel).getByLabelText('Detalle'), 'Faena de limpieza del canal');
    await user.type(within(panel).getByLabelText('Cantidad'), '1');
    await user.type(within(panel).getByLabelText('Valor (S/)'), '30');
    await within(panel).findByRole('option', { name: /Multa por inasistencia a la asamblea — S\/ 30.00/ });
    await user.selectOptions(within(panel).getByLabelText('Paga el cargo'), String(charge.id));
    await user.clear(within(panel).getByLabelText('Fecha'));
    await user.type(within(panel).getByLabelText('Fecha'), '10/03/2026');
    await user.click(within(panel).getByRole('button', { name: 'Registrar el aporte' }));
    expect(await within(panel).findByText('Se registró el aporte en especie por S/ 30.00.')).toBeTruthy();
    expect(api.listCharges({ associationId, memberId: juan.id, openOnly: true })).toEqual([]);
  });

  it('refuses a payment of zero beside the amount and writes nothing', async () => {
    const engine = startEngine();
    const { associationId, rosa } = seedMembers(engine);
    const { user, api } = renderApp(`#/a/${associationId}/aportes/cobrar?socio=${rosa.id}`, { engine });
    await screen.findByText(/No tiene nada pendiente/);
    await user.type(screen.getByLabelText('Monto recibido (S/)'), '0');
    await user.click(screen.getByRole('button', { name: 'Cobrar y emitir recibo' }));
    const amount = screen.getByLabelText('Monto recibido (S/)');
    await waitFor(() => expect(amount.getAttribute('aria-invalid')).toBe('true'));
    expect(api.listReceipts({ associationId })).toEqual([]);
  });
});
