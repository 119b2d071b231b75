import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

type Engine = ReturnType<typeof startEngine>;

/** A municipality (public entity), fresh milk with 2,000 l in the store at S/ 1.20, for one association. */
function seedMilk(engine: Engine) {
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const entity = api.createParty({
    associationId, name: 'Municipalidad Distrital de Chincheros', kind: 'public_entity', documentType: 'ruc', documentNumber: '20146132252',
  });
  const milk = api.createProduct({ associationId, name: 'Leche fresca', unit: 'l', category: 'product', salePrice: 250 });
  api.recordStockAdjustment({ associationId, productId: milk.id, date: '2026-03-01', quantity: 2_000_000, reason: 'count', unitCost: 120 });
  return { associationId, entityId: entity.id, milkId: milk.id };
}

describe('contratos: a contract with a municipality, then a delivery and its acta', () => {
  it('records the contract with its schedule, a delivery with its numbered note, and the acta de conformidad', async () => {
    const engine = startEngine();
    const { associationId, entityId, milkId } = seedMilk(engine);
    const { user, api, prints } = renderApp(`#/a/${associationId}/contratos`, { engine });

    expect(await screen.findByText(/Todavía no hay contratos/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nuevo contrato' }));
    const form = await screen.findByRole('form', { name: 'Nuevo contrato' });
    await within(form).findByRole('option', { name: /Municipalidad Distrital de Chincheros/ });
    // The only public entity is proposed already.
    expect((within(form).getByLabelText('Entidad (municipalidad)') as HTMLSelectElement).value).toBe(String(entityId));
    await user.type(within(form).getByLabelText('Programa social'), 'Vaso de Leche');
    await user.type(within(form).getByLabelText('N° del contrato'), '014-2026-MDCH');
    await user.type(within(form).getByLabelText('N° del proceso'), 'AS-SM-3-2026-MDCH');
    await user.type(within(form).getByLabelText('Fecha de firma'), '02/03/2026');
    await user.type(within(form).getByLabelText('Fin del plazo'), '30/04/2026');
    await user.selectOptions(within(form).getByLabelText('Producto de la línea 1'), String(milkId));
    await user.type(within(form).getByLabelText('Cantidad de la línea 1'), '1000');
    await user.type(within(form).getByLabelText('Precio de la línea 1'), '2.50');
    expect(within(form).getByTestId('contract-total').textContent).toBe('S/ 2,500.00');
    for (const [index, [due, quantity]] of [['31/03/2026', '500'], ['30/04/2026', '500']].entries()) {
      await user.click(within(form).getByRole('button', { name: 'Agregar entrega al cronograma' }));
      await user.type(within(form).getByLabelText(`Fecha límite de la entrega ${index + 1}`), due!);
      await user.type(within(form).getByLabelText(`Cantidad de la entrega ${index + 1}`), quantity!);
    }
    await user.click(within(form).getByRole('button', { name: 'Guardar el contrato' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Contrato 014-2026-MDCH' })).toBeTruthy();
    expect(screen.getByTestId('contract-saved').textContent).toBe('Se guardó el contrato.');
    expect(screen.getByTestId('contract-value').textContent).toBe('S/ 2,500.00');
    const [contract] = api.listContracts({ associationId });
    expect(contract).toMatchObject({ number: '014-2026-MDCH', programme: 'Vaso de Leche', value: 250_000, status: 'in_force' });

    await user.click(screen.getByRole('button', { name: 'Registrar una entrega' }));
    const delivery = await screen.findByRole('form', { name: 'Nueva entrega' });
    const date = within(delivery).getByLabelText('Fecha de entrega');
    await user.clear(date);
    await user.type(date, '10/03/2026');
    await user.type(within(delivery).getByLabelText('Cantidad de Leche fresca'), '400');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('contract-saved').textContent).toBe('Se guardó la entrega con la guía N° 001-000001.'));
    const row = await screen.findByTestId('delivery-001-000001');
    expect(within(row).getByText('S/ 1,000.00')).toBeTruthy();
    expect(within(row).getByText('a tiempo')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('contract-delivered').textContent).toBe('S/ 1,000.00'));

    await user.click(within(row).getByRole('button', { name: 'Imprimir la guía 001-000001 (A5)' }));
    await waitFor(() => expect(prints).toHaveLength(1));
    const deliveryId = api.contractSheet({ contractId: contract!.id }).deliveries[0]!.deliveryId;
    expect(prints[0]).toMatchObject({ route: `/print/delivery-note?id=${deliveryId}`, paper: 'A5', target: 'printer' });
    expect(api.getDelivery({ deliveryId }).printCount).toBe(1);

    await user.click(within(row).getByRole('button', { name: 'Conformidad de la guía 001-000001' }));
    const acta = await screen.findByRole('form', { name: 'Acta de conformidad de la guía 001-000001' });
    await user.type(within(acta).getByLabelText('N° del acta de conformidad'), 'ACTA-007');
    await user.type(within(acta).getByLabelText('Fecha del acta'), '12/03/2026');
    await user.click(within(acta).getByRole('button', { name: 'Guardar la conformidad' }));
    await waitFor(() => expect(screen.getByTestId('contract-saved').textContent).toBe('Se guardó la conformidad.'));
    await waitFor(() => expect(screen.getByTestId('contract-accepted').textContent).toBe('S/ 1,000.00'));
    expect(within(screen.getByTestId('delivery-001-000001')).getByText('Acta ACTA-007 del 12/03/2026')).toBeTruthy();
    const sheet = api.contractSheet({ contractId: contract!.id });
    expect(sheet.totals).toMatchObject({ delivered: 100_000, accepted: 100_000, invoiced: 0, pending: 0, acceptedNotInvoiced: 100_000 });
    expect(sheet.schedule.map((r) => r.delivered)).toEqual([400_000, 0]);
  });

  it('refuses a delivery above what the contract has left, naming the field, and writes nothing', async () => {
    const engine = startEngine();
    const { associationId, entityId, milkId } = seedMilk(engine);
    const contract = engine.api.createContract({
      associationId, partyId: entityId, number: 'C-1', programme: 'Vaso de Leche', signedOn: '2026-03-02', endDate: '2026-04-30',
      items: [{ productId: milkId, quantity: 300_000, unitPrice: 250 }],
    });
    const { user, api } = renderApp(`#/a/${associationId}/contratos/${contract.id}`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Registrar una entrega' }));
    const delivery = await screen.findByRole('form', { name: 'Nueva entrega' });
    await user.clear(within(delivery).getByLabelText('Fecha de entrega'));
    await user.type(within(delivery).getByLabelText('Fecha de entrega'), '10/03/2026');
    await user.type(within(delivery).getByLabelText('Cantidad de Leche fresca'), '400');
    await user.click(within(delivery).getByRole('button', { name: 'Guardar la entrega' }));
    await waitFor(() => expect(within(delivery).getByLabelText('Cantidad de Leche fresca').getAttribute('aria-invalid')).toBe('true'));
    expect(within(delivery).getByRole('alert').textContent).toMatch(/Leche fresca.*solo le falta 300/);
    expect(api.contractSheet({ contractId: contract.id }).deliveries).toEqual([]);
  });

  it('voids a delivery with a reason (stock comes back) and records an adenda that keeps the history', async () => {
    const engine = startEngine();
    const { associationId, entityId, milkId } = seedMilk(engine);
    const contract = engine.api.createContract({
      associationId, partyId: entityId, number: 'C-2', programme: 'Qali Warma', signedOn: '2026-03-02', endDate: '2026-04-30',
      items: [{ productId: milkId, quantity: 300_000, unitPrice: 250 }],
    });
    engine.api.recordDelivery({ contractId: contract.id, date: '2026-03-05', lines: [{ productId: milkId, quantity: 100_000 }] });
    const { user, api } = renderApp(`#/a/${associationId}/contratos/${contract.id}`, { engine });

    const row = await screen.findByTestId('delivery-001-000001');
    await user.click(within(row).getByRole('button', { name: 'Anular la guía 001-000001' }));
    const voiding = await screen.findByRole('region', { name: 'Anular la guía 001-000001' });
    await user.type(within(voiding).getByLabelText('Motivo'), 'Se registró dos veces');
    await user.click(within(voiding).getByRole('button', { name: 'Anular' }));
    await waitFor(() => expect(screen.getByTestId('contract-saved').textContent).toBe('Se anuló.'));
    expect(screen.queryByTestId('delivery-001-000001')).toBeNull();
    expect(api.listProducts({ associationId }).find((p) => p.id === milkId)!.onHand).toBe(2_000_000);

    await user.click(screen.getByRole('button', { name: 'Registrar una adenda' }));
    const adenda = await screen.findByRole('form', { name: 'Adenda al contrato' });
    expect((within(adenda).getByLabelText('Cantidad de la línea 1') as HTMLInputElement).value).toBe('300');
    await user.type(within(adenda).getByLabelText('N° de la adenda'), 'Adenda N° 1');
    await user.type(within(adenda).getByLabelText('Fecha de la adenda'), '10/03/2026');
    await user.type(within(adenda).getByLabelText('Motivo'), 'Más beneficiarios');
    await user.clear(within(adenda).getByLabelText('Cantidad de la línea 1'));
    await user.type(within(adenda).getByLabelText('Cantidad de la línea 1'), '360');
    await user.clear(within(adenda).getByLabelText('Cantidad de la entrega 1'));
    await user.type(within(adenda).getByLabelText('Cantidad de la entrega 1'), '360');
    await user.click(within(adenda).getByRole('button', { name: 'Guardar la adenda' }));
    await waitFor(() => expect(screen.getByTestId('contract-saved').textContent).toBe('Se guardó la adenda.'));
    expect(screen.getByTestId('contract-value').textContent).toBe('S/ 900.00');
    expect(screen.getByText(/Adenda N° 1 del 10\/03\/2026: Más beneficiarios/)).toBeTruthy();
    expect(api.getContract({ contractId: contract.id }).versions.map((v) => v.value)).toEqual([75_000, 90_000]);
  });

  it('refuses an invoice number the entity already has, on its field, and a collection above what is pending', async () => {
    const engine = startEngine();
    const { associationId, entityId, milkId } = seedMilk(engine);
    const { api } = engine;
    const contract = api.createContract({
      associationId, partyId: entityId, number: 'C-3', signedOn: '2026-03-02', endDate: '2026-04-30',
      items: [{ productId: milkId, quantity: 300_000, unitPrice: 250 }],
    });
    const first = api.recordDelivery({ contractId: contract.id, date: '2026-03-05', lines: [{ productId: milkId, quantity: 100_000 }] });
    const second = api.recordDelivery({ contractId: contract.id, date: '2026-03-06', lines: [{ productId: milkId, quantity: 100_000 }] });
    api.acceptDelivery({ deliveryId: first.id, actaNumber: 'A-1', date: '2026-03-07' });
    api.acceptDelivery({ deliveryId: second.id, actaNumber: 'A-2', date: '2026-03-07' });
    api.recordContractInvoice({ contractId: contract.id, number: 'E001-5', date: '2026-03-08', deliveryIds: [first.id] });
    const { user } = renderApp(`#/a/${associationId}/contratos/${contract.id}`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Registrar una factura' }));
    const form = await screen.findByRole('form', { name: 'Factura electrónica emitida a la entidad' });
    await user.type(within(form).getByLabelText('Serie y número de la factura'), 'e001 - 5');
    await user.type(within(form).getByLabelText('Fecha de la factura'), '09/03/2026');
    expect(within(form).getByTestId('invoice-total').textContent).toBe('S/ 250.00');
    await user.click(within(form).getByRole('button', { name: 'Guardar la factura' }));
    await waitFor(() => expect(within(form).getByLabelText('Serie y número de la factura').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('alert').textContent).toMatch(/E001-5/);
    expect(api.contractSheet({ contractId: contract.id }).invoices).toHaveLength(1);
    await user.click(within(form).getByRole('button', { name: 'Cancelar' }));

    await user.click(screen.getByRole('button', { name: 'Cobrar la factura E001-5' }));
    const collect = await screen.findByRole('form', { name: 'Cobro de la factura E001-5' });
    expect(within(collect).getByTestId('collection-pending').textContent).toBe('Pendiente de la factura: S/ 250.00');
    await user.type(within(collect).getByLabelText('Fecha del cobro'), '20/03/2026');
    await user.clear(within(collect).getByLabelText('Monto recibido (S/)'));
    await user.type(within(collect).getByLabelText('Monto recibido (S/)'), '300');
    await user.click(within(collect).getByRole('button', { name: 'Guardar el cobro' }));
    expect((await within(collect).findByRole('alert')).textContent).toBe('El total (S/ 300.00) pasa lo pendiente de la factura (S/ 250.00).');
    expect(api.contractSheet({ contractId: contract.id }).collections).toEqual([]);
  });

  it('speaks English when asked', async () => {
    const engine = startEngine();
    const { associationId } = seedMilk(engine);
    renderApp(`#/a/${associationId}/contratos`, { engine, settings: { locale: 'en' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Contracts with public entities' })).toBeTruthy();
    expect(await screen.findByText(/No contracts yet/)).toBeTruthy();
  });
});
