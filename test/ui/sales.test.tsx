import { describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

type Engine = ReturnType<typeof startEngine>;

/** Cheese and yoghurt with sale prices, put in the store by a count (50 kg at S/ 10.00, 40 l at S/ 3.00), and a buyer. */
function seedStore(engine: Engine) {
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const buyer = api.createParty({ associationId, name: 'Bodega Ñawi', kind: 'buyer', documentType: 'dni', documentNumber: '41234567' });
  const cheese = api.createProduct({ associationId, name: 'Queso andino', unit: 'kg', category: 'product', salePrice: 1800 });
  const yoghurt = api.createProduct({ associationId, name: 'Yogur de fresa', unit: 'l', category: 'product', salePrice: 650 });
  api.recordStockAdjustment({ associationId, productId: cheese.id, date: '2026-03-01', quantity: 50_000, reason: 'count', unitCost: 1000 });
  api.recordStockAdjustment({ associationId, productId: yoghurt.id, date: '2026-03-01', quantity: 40_000, reason: 'count', unitCost: 300 });
  return { associationId, buyerId: buyer.id, cheeseId: cheese.id, yoghurtId: yoghurt.id };
}

describe('ventas: a fair day typed with the keyboard alone', () => {
  it('types three sales with Enter only, shows the running total, and saves them together', async () => {
    const engine = startEngine();
    const { associationId } = seedStore(engine);
    const { user, api } = renderApp(`#/a/${associationId}/ventas/feria`, { engine });

    const date = await screen.findByLabelText('Fecha de la feria');
    await user.clear(date);
    await user.type(date, '10/03/2026');
    await user.click(screen.getByLabelText('Producto, fila 1'));
    // Accent- and case-insensitive, by the start of the name; the price comes from the product.
    await user.keyboard('queso{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('Cantidad, fila 1'));
    expect((screen.getByLabelText('Producto, fila 1') as HTMLInputElement).value).toBe('Queso andino');
    await user.keyboard('2.5{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('Precio, fila 1'));
    expect((screen.getByLabelText('Precio, fila 1') as HTMLInputElement).value).toBe('18.00');
    await user.keyboard('{Enter}');
    // Past the last price a new row appears, with the cursor in its product.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Producto, fila 2')));
    expect(screen.getByTestId('fair-total').textContent).toBe('S/ 45.00');

    await user.keyboard('YOGUR{Enter}3{Enter}6{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Producto, fila 3')));
    await user.keyboard('Queso Andino{Enter}1{Enter}{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Producto, fila 4')));
    expect(screen.getByTestId('fair-total').textContent).toBe('S/ 81.00');

    // Enter on the empty last row goes to "Guardar"; Enter there saves the day.
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Guardar las ventas' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Se guardaron 3 ventas por S/ 81.00.')).toBeTruthy();

    const sales = api.listSales({ associationId }).rows;
    expect(sales.map((s) => s.total).sort((a, b) => a - b)).toEqual([1800, 1800, 4500]);
    expect(sales.every((s) => s.payment === 'cash' && s.partyId === null && s.date === '2026-03-10')).toBe(true);
    // The grid starts again, empty.
    expect(screen.getByTestId('fair-total').textContent).toBe('S/ 0.00');
  });

  it('saves nothing when one row is wrong, and says which row and field', async () => {
    const engine = startEngine();
    const { associationId } = seedStore(engine);
    const { user, api } = renderApp(`#/a/${associationId}/ventas/feria`, { engine });

    const date = await screen.findByLabelText('Fecha de la feria');
    await user.clear(date);
    await user.type(date, '10/03/2026');
    await user.click(screen.getByLabelText('Producto, fila 1'));
    await user.keyboard('queso{Enter}1{Enter}{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Producto, fila 2')));
    // An unknown product is refused on its own cell, before the engine is asked.
    await user.keyboard('miel{Enter}');
    expect(await screen.findByText(/No hay un producto «miel»/)).toBeTruthy();
    expect(screen.getByLabelText('Producto, fila 2').getAttribute('aria-invalid')).toBe('true');
    // More cheese than the store holds: the engine refuses the row, nothing is written.
    await user.clear(screen.getByLabelText('Producto, fila 2'));
    await user.keyboard('queso{Enter}60{Enter}{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Producto, fila 3')));
    await user.click(screen.getByRole('button', { name: 'Guardar las ventas' }));
    expect(await screen.findByText('La fila 2 no se pudo guardar; no se guardó nada.')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('Cantidad, fila 2').getAttribute('aria-invalid')).toBe('true'));
    expect(api.listSales({ associationId }).rows).toEqual([]);
  });
});

describe('ventas: a credit sale, then a partial collection', () => {
  it('records a credit sale with its nota de venta, collects part of it and issues receipt 002-000001', async () => {
    const engine = startEngine();
    const { associationId, buyerId, cheeseId } = seedStore(engine);
    const { user, api, prints } = renderApp(`#/a/${associationId}/ventas`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Nueva venta' }));
    const form = await screen.findByRole('form', { name: 'Nueva venta' });
    await within(form).findByRole('option', { name: /Bodega Ñawi/ });
    await user.clear(within(form).getByLabelText('Fecha'));
    await user.type(within(form).getByLabelText('Fecha'), '05/03/2026');
    await user.selectOptions(within(form).getByLabelText('Comprador'), String(buyerId));
    await user.selectOptions(within(form).getByLabelText('Producto de la línea 1'), String(cheeseId));
    expect((within(form).getByLabelText('Precio de la línea 1') as HTMLInputElement).value).toBe('18.00');
    await user.type(within(form).getByLabelText('Cantidad de la línea 1'), '10');
    expect(within(form).getByTestId('sale-total').textContent).toBe('S/ 180.00');
    await user.click(within(form).getByLabelText('Al crédito'));
    await user.type(within(form).getByLabelText('Fecha de pago'), '20/03/2026');
    await user.click(within(form).getByRole('button', { name: 'Guardar la venta' }));

    const panel = await screen.findByRole('region', { name: 'Nota de venta 001-000001' });
    expect(within(panel).getByTestId('sale-payment').textContent).toBe('Al crédito: vence el 20/03/2026. Pendiente: S/ 180.00');
    await user.click(within(panel).getByRole('button', { name: 'Imprimir la nota de venta (A5)' }));
    await waitFor(() => expect(prints).toHaveLength(1));
    const saleId = api.listSales({ associationId }).rows[0]!.id;
    expect(prints[0]).toMatchObject({ route: `/print/nota-venta?id=${saleId}&size=a5`, paper: 'A5', target: 'printer' });
    expect(api.getSale({ saleId }).printCount).toBe(1);

    await user.click(screen.getByRole('link', { name: 'Cobrar a clientes' }));
    await screen.findByRole('option', { name: /Bodega Ñawi/ });
    await user.selectOptions(screen.getByLabelText('Comprador'), String(buyerId));
    expect((await screen.findByTestId('collect-owed')).textContent).toBe('Debe en total: S/ 180.00');
    const amount = screen.getByLabelText('Monto recibido (S/)') as HTMLInputElement;
    expect(amount.value).toBe('180.00');
    await user.clear(amount);
    await user.type(amount, '100');
    await user.clear(screen.getByLabelText('Fecha'));
    await user.type(screen.getByLabelText('Fecha'), '12/03/2026');
    await user.click(screen.getByRole('button', { name: 'Cobrar y emitir recibo' }));

    const receipt = await screen.findByRole('region', { name: 'Recibo de ingreso 002-000001' });
    expect(within(receipt).getByTestId('collection-total').textContent).toBe('S/ 100.00');
    expect(within(receipt).getByTestId('collection-after').textContent).toBe('Todavía debe: S/ 80.00');
    expect(within(receipt).getByText(/CIEN CON 00\/100 SOLES/)).toBeTruthy();
    await user.click(within(receipt).getByRole('button', { name: 'Imprimir (A5)' }));
    await waitFor(() => expect(prints).toHaveLength(2));
    const collectionId = api.listSaleCollections({ associationId })[0]!.id;
    expect(prints[1]).toMatchObject({ route: `/print/sale-collection?id=${collectionId}&size=a5` });
    expect(api.openSales({ associationId, partyId: buyerId })).toMatchObject([{ saleId, open: 8000 }]);

    // The addresses the screens print are the print pages' own: each shows its document.
    for (const [request, number] of [[prints[0]!, '001-000001'], [prints[1]!, '002-000001']] as const) {
      cleanup();
      renderApp(`#${request.route}`, { engine });
      expect(await screen.findByText(new RegExp(number))).toBeTruthy();
    }
  });

  it('registers a buyer met for the first time without leaving the sale, and sells to her on credit', async () => {
    const engine = startEngine();
    const { associationId, cheeseId } = seedStore(engine);
    const { user, api } = renderApp(`#/a/${associationId}/ventas`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Nueva venta' }));
    const form = await screen.findByRole('form', { name: 'Nueva venta' });
    await user.click(within(form).getByRole('button', { name: 'Nuevo comprador…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nuevo comprador…' });
    await user.type(within(dialog).getByLabelText('Nombre o razón social'), 'Restaurante Sumaq Mikhuy');
    await user.click(within(dialog).getByRole('button', { name: 'Registrar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const party = api.listParties({ associationId }).find((p) => p.name === 'Restaurante Sumaq Mikhuy')!;
    expect(party.kind).toBe('buyer');
    await waitFor(() => expect((within(form).getByLabelText('Comprador') as HTMLSelectElement).value).toBe(String(party.id)));
    await user.clear(within(form).getByLabelText('Fecha'));
    await user.type(within(form).getByLabelText('Fecha'), '05/03/2026');
    await user.selectOptions(within(form).getByLabelText('Producto de la línea 1'), String(cheeseId));
    await user.type(within(form).getByLabelText('Cantidad de la línea 1'), '1.5');
    await user.click(within(form).getByLabelText('Al crédito'));
    await user.type(within(form).getByLabelText('Fecha de pago'), '20/03/2026');
    await user.click(within(form).getByRole('button', { name: 'Guardar la venta' }));
    await screen.findByRole('region', { name: 'Nota de venta 001-000001' });
    expect(api.openSales({ associationId, partyId: party.id })).toMatchObject([{ total: 2700, open: 2700, dueDate: '2026-03-20' }]);
  });

  it('asks before taking more than the buyer owes, and keeps the excess as an advance', async () => {
    const engine = startEngine();
    const { associationId, buyerId, cheeseId } = seedStore(engine);
    engine.api.recordSale({
      associationId, date: '2026-03-05', partyId: buyerId, documentKind: 'none', payment: 'credit', dueDate: '2026-03-20',
      lines: [{ productId: cheeseId, quantity: 2000, unitPrice: 1800 }],
    });
    const { user, api } = renderApp(`#/a/${associationId}/ventas/cobrar?cliente=${buyerId}`, { engine });
    expect((await screen.findByTestId('collect-owed')).textContent).toBe('Debe en total: S/ 36.00');
    const amount = screen.getByLabelText('Monto recibido (S/)');
    await user.clear(amount);
    await user.type(amount, '50');
    await user.clear(screen.getByLabelText('Fecha'));
    await user.type(screen.getByLabelText('Fecha'), '12/03/2026');
    await user.click(screen.getByRole('button', { name: 'Cobrar y emitir recibo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Recibe más de lo que debe' });
    expect(within(dialog).getByTestId('collect-over-advance').textContent).toBe('Quedan S/ 14.00 como adelanto del comprador, para sus próximas compras.');
    expect(api.listSaleCollections({ associationId })).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Sí, cobrar y dejar el adelanto' }));
    const receipt = await screen.findByRole('region', { name: 'Recibo de ingreso 002-000001' });
    expect(within(receipt).getByTestId('collection-total').textContent).toBe('S/ 50.00');
    expect(api.openSales({ associationId, partyId: buyerId })).toEqual([]);
  });

  it('voids a sale with a reason and the stock comes back', async () => {
    const engine = startEngine();
    const { associationId, cheeseId } = seedStore(engine);
    engine.api.recordSale({
      associationId, date: '2026-03-05', partyId: null, documentKind: 'nota_venta', payment: 'cash',
      lines: [{ productId: cheeseId, quantity: 5000, unitPrice: 1800 }],
    });
    const { user, api } = renderApp(`#/a/${associationId}/ventas`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Abrir la venta del 05/03/2026 por S/ 90.00' }));
    const panel = await screen.findByRole('region', { name: 'Nota de venta 001-000001' });
    await user.click(within(panel).getByRole('button', { name: 'Anular la venta' }));
    await user.clear(within(panel).getByLabelText('Fecha de anulación'));
    await user.type(within(panel).getByLabelText('Fecha de anulación'), '06/03/2026');
    await user.type(within(panel).getByLabelText('Motivo'), 'El comprador devolvió el queso');
    await user.click(within(panel).getByRole('button', { name: 'Anular' }));
    expect(await within(panel).findByText('Anulada el 06/03/2026: El comprador devolvió el queso')).toBeTruthy();
    expect(api.listProducts({ associationId }).find((p) => p.id === cheeseId)?.onHand).toBe(50_000);
  });
});
