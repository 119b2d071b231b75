import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { memberMaker, renderApp, seedAssociation, startEngine } from './harness';

type Engine = ReturnType<typeof startEngine>;

/** A supplier of feed and oat seed, and the products the association keeps in its store. */
function seedSuppliers(engine: Engine) {
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const supplier = api.createParty({ associationId, name: 'Agroveterinaria Ñuñoa', kind: 'supplier', documentType: 'ruc', documentNumber: '20601234565' });
  const oats = api.createProduct({ associationId, name: 'Semilla de avena', unit: 'kg', category: 'supply' });
  const feed = api.createProduct({ associationId, name: 'Alimento balanceado', unit: 'kg', category: 'supply' });
  return { associationId, supplierId: supplier.id, oatsId: oats.id, feedId: feed.id };
}

async function typeDate(user: ReturnType<typeof renderApp>['user'], field: HTMLElement, date: string) {
  await user.clear(field);
  await user.type(field, date);
}

describe('compras: a purchase on credit, then a partial payment with its voucher', () => {
  it('records the purchase, pays part of it from Pagos and prints recibo de egreso 001-000001', async () => {
    const engine = startEngine();
    const { associationId, supplierId, feedId } = seedSuppliers(engine);
    const { user, api, prints } = renderApp(`#/a/${associationId}/compras`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Nueva compra' }));
    const form = await screen.findByRole('form', { name: 'Nueva compra' });
    await typeDate(user, within(form).getByLabelText('Fecha'), '02/03/2026');
    // Accents aside: "nunoa" finds "Ñuñoa".
    await user.type(within(form).getByLabelText('Proveedor'), 'nunoa');
    await user.click(await within(form).findByRole('option', { name: /Agroveterinaria Ñuñoa/ }));
    await user.selectOptions(within(form).getByLabelText('Comprobante del proveedor'), 'factura');
    await user.type(within(form).getByLabelText('Serie y número'), 'F001-450');
    await user.type(within(form).getByLabelText('Producto o concepto, línea 1'), 'alimento');
    await user.click(await within(form).findByRole('option', { name: /Alimento balanceado/ }));
    await user.type(within(form).getByLabelText('Cantidad, línea 1'), '200');
    await user.type(within(form).getByLabelText('Precio unitario, línea 1'), '2.40');
    expect(within(form).getByLabelText('Importe, línea 1').textContent).toBe('480.00');
    await user.click(within(form).getByRole('button', { name: 'Calcular 18 %' }));
    expect((within(form).getByLabelText('IGV') as HTMLInputElement).value).toBe('86.40');
    expect(within(form).getByTestId('purchase-total').textContent).toBe('S/ 566.40');
    await user.click(within(form).getByLabelText('Al crédito'));
    await typeDate(user, within(form).getByLabelText('Fecha de pago'), '31/03/2026');
    await user.click(within(form).getByRole('button', { name: 'Guardar la compra' }));

    const panel = await screen.findByRole('region', { name: 'Factura F001-450 de Agroveterinaria Ñuñoa' });
    expect(within(panel).getByTestId('purchase-owed').textContent).toBe('Se debe S/ 566.40; vence el 31/03/2026.');
    expect(api.listProducts({ associationId }).find((p) => p.id === feedId)).toMatchObject({ onHand: 200_000, stockValue: 48_000 });

    await user.click(screen.getByRole('link', { name: 'Pagos' }));
    await user.type(await screen.findByLabelText('Proveedor'), 'agrovet');
    await user.click(await screen.findByRole('option', { name: /Agroveterinaria Ñuñoa/ }));
    expect((await screen.findByTestId('pay-supplier-owed')).textContent).toBe('Se le debe en total: S/ 566.40');
    const amount = screen.getByLabelText('Monto pagado (S/)') as HTMLInputElement;
    expect(amount.value).toBe('566.40');
    await user.clear(amount);
    await user.type(amount, '300');
    await typeDate(user, screen.getByLabelText('Fecha'), '10/03/2026');
    await user.click(screen.getByRole('button', { name: 'Pagar y emitir recibo de egreso' }));

    const voucher = await screen.findByRole('region', { name: 'Recibo de egreso 001-000001' });
    expect(within(voucher).getByTestId('voucher-amount').textContent).toBe('S/ 300.00');
    expect(within(voucher).getByText(/TRESCIENTOS CON 00\/100 SOLES/)).toBeTruthy();
    await user.click(within(voucher).getByRole('button', { name: 'Imprimir el recibo de egreso (A5)' }));
    await waitFor(() => expect(prints).toHaveLength(1));
    const voucherId = api.listPaymentVouchers({ associationId })[0]!.id;
    expect(prints[0]).toMatchObject({ route: `/print/payment-voucher?id=${voucherId}&size=a5`, paper: 'A5', target: 'printer' });
    expect(api.getPaymentVoucher({ voucherId }).printCount).toBe(1);
    // The second paper copy is a DUPLICADO: the button says so.
    expect(await within(voucher).findByRole('button', { name: 'Reimprimir (A5, DUPLICADO)' })).toBeTruthy();
    expect(api.openPurchases({ associationId, partyId: supplierId })).toMatchObject([{ open: 26_640 }]);
  });
});

describe('compras: a joint purchase for members', () => {
  it('shows each member her share to the céntimo before saving, and charges it to her', async () => {
    const engine = startEngine();
    const { associationId } = seedSuppliers(engine);
    const member = memberMaker(engine.api, associationId);
    const ana = member('41234567', 'Ana', 'Quispe Mamani', 'F');
    const rosa = member('42345678', 'Rosa', 'Huamán Ccori', 'F');
    const juan = member('43456789', 'Juan', 'Condori Apaza', 'M');
    const { user, api } = renderApp(`#/a/${associationId}/compras`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Nueva compra' }));
    const form = await screen.findByRole('form', { name: 'Nueva compra' });
    await typeDate(user, within(form).getByLabelText('Fecha'), '04/03/2026');
    await user.type(within(form).getByLabelText('Proveedor'), 'agro');
    await user.click(await within(form).findByRole('option', { name: /Agroveterinaria Ñuñoa/ }));
    await user.selectOptions(within(form).getByLabelText('Comprobante del proveedor'), 'none');
    // A concept, not a store product: 3 kg of vetch seed for S/ 10.00, split in three.
    await user.type(within(form).getByLabelText('Producto o concepto, línea 1'), 'Semilla de vicia');
    await user.type(within(form).getByLabelText('Cantidad, línea 1'), '3');
    await user.type(within(form).getByLabelText('Importe, línea 1'), '10');
    await user.click(within(form).getByLabelText(/Compra para socios/));
    const shares = within(form).getByRole('group', { name: 'Compra para socios' });
    await user.selectOptions(within(shares).getByLabelText('Socio 1'), String(ana));
    await user.type(within(shares).getByLabelText('Cantidad del socio 1'), '1');
    await user.click(within(shares).getByRole('button', { name: 'Agregar socio' }));
    await user.selectOptions(within(shares).getByLabelText('Socio 2'), String(rosa));
    await user.type(within(shares).getByLabelText('Cantidad del socio 2'), '1');
    await user.click(within(shares).getByRole('button', { name: 'Agregar socio' }));
    await user.selectOptions(within(shares).getByLabelText('Socio 3'), String(juan));
    await user.type(within(shares).getByLabelText('Cantidad del socio 3'), '1');
    // S/ 10.00 in three equal parts: the céntimo left over goes to one of them, and they add up.
    expect(within(shares).getByTestId('joint-share-1').textContent).toBe('S/ 3.34');
    expect(within(shares).getByTestId('joint-share-2').textContent).toBe('S/ 3.33');
    expect(within(shares).getByTestId('joint-share-3').textContent).toBe('S/ 3.33');
    expect(within(shares).getByTestId('joint-balance').textContent).toBe('Las partes suman S/ 10.00, lo comprado para los socios.');
    await user.click(within(form).getByLabelText('Al crédito'));
    await typeDate(user, within(form).getByLabelText('Fecha de pago'), '30/03/2026');
    await user.click(within(form).getByRole('button', { name: 'Guardar la compra' }));

    const panel = await screen.findByRole('region', { name: 'Sin comprobante de Agroveterinaria Ñuñoa' });
    expect(within(panel).getByText('Ana Quispe Mamani')).toBeTruthy();
    const charged = [ana, rosa, juan].map((memberId) => api.listCharges({ associationId, memberId }).map((c) => c.amount));
    expect(charged).toEqual([[334], [333], [333]]);
  });
});

describe('compras: a supplier created without leaving the purchase', () => {
  it('registers the new supplier inline and records the purchase to them', async () => {
    const engine = startEngine();
    const { associationId } = seedSuppliers(engine);
    const { user, api } = renderApp(`#/a/${associationId}/compras`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Nueva compra' }));
    const form = await screen.findByRole('form', { name: 'Nueva compra' });
    await user.click(within(form).getByRole('button', { name: 'Nuevo proveedor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nuevo proveedor' });
    await user.type(within(dialog).getByLabelText('Nombre o razón social'), 'Transportes Qori Wayra');
    // A RUC with a wrong check digit is refused by the engine, on the field.
    await user.type(within(dialog).getByLabelText('RUC o DNI'), '20601234566');
    await user.click(within(dialog).getByRole('button', { name: 'Registrar' }));
    const document = within(dialog).getByLabelText('RUC o DNI');
    await waitFor(() => expect(document.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/RUC/);
    await user.clear(document);
    await user.type(document, '10412345679');
    await user.type(within(dialog).getByLabelText('Teléfono'), '984123456');
    await user.type(within(dialog).getByLabelText('Distrito'), 'Sicuani');
    await user.click(within(dialog).getByRole('button', { name: 'Registrar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect((within(form).getByLabelText('Proveedor') as HTMLInputElement).value).toBe('Transportes Qori Wayra'));

    await typeDate(user, within(form).getByLabelText('Fecha'), '05/03/2026');
    await user.selectOptions(within(form).getByLabelText('Comprobante del proveedor'), 'none');
    await user.type(within(form).getByLabelText('Producto o concepto, línea 1'), 'Flete de semilla a Sicuani');
    await user.type(within(form).getByLabelText('Importe, línea 1'), '120');
    await user.selectOptions(within(form).getByLabelText('Para qué es, línea 1'), 'transport');
    await user.click(within(form).getByRole('button', { name: 'Guardar la compra' }));
    expect(await screen.findByRole('region', { name: 'Sin comprobante de Transportes Qori Wayra' })).toBeTruthy();

    const party = api.listParties({ associationId, search: 'qori' });
    expect(party).toMatchObject([{ name: 'Transportes Qori Wayra', kind: 'supplier', documentType: 'ruc', documentNumber: '10412345679', phone: '984123456', district: 'Sicuani' }]);
    const purchases = api.listPurchases({ associationId }).rows;
    expect(purchases).toMatchObject([{ partyId: party[0]!.id, total: 12_000, payment: 'cash', open: 0 }]);
  });
});

describe('compras: the store', () => {
  it('refuses a loss larger than the stock on hand, with the engine message on the quantity', async () => {
    const engine = startEngine();
    const { associationId, supplierId, oatsId } = seedSuppliers(engine);
    engine.api.recordPurchase({
      associationId, date: '2026-03-01', partyId: supplierId, documentKind: 'none', payment: 'credit', dueDate: '2026-03-31',
      lines: [{ productId: oatsId, quantity: 10_000, unitPrice: 300, category: 'stock' }],
    });
    const { user, api } = renderApp(`#/a/${associationId}/compras/almacen`, { engine });

    const row = await screen.findByTestId(`product-${oatsId}`);
    expect(within(row).getByTestId('on-hand').textContent).toBe('10 kg');
    await user.click(within(row).getByRole('button', { name: 'Ajustar el stock de Semilla de avena' }));
    const form = await screen.findByRole('form', { name: 'Ajustar el stock de Semilla de avena' });
    await user.selectOptions(within(form).getByLabelText('Motivo'), 'loss');
    await user.type(within(form).getByLabelText('Cantidad que sale'), '12.5');
    await typeDate(user, within(form).getByLabelText('Fecha'), '06/03/2026');
    await user.type(within(form).getByLabelText('Explicación'), 'Se mojó con la lluvia');
    await user.click(within(form).getByRole('button', { name: 'Registrar el ajuste' }));

    const quantity = within(form).getByLabelText('Cantidad que sale');
    await waitFor(() => expect(quantity.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('alert').textContent).toMatch(/Semilla de avena.*hay 10/);
    expect(api.listStockAdjustments({ associationId })).toEqual([]);

    // What is there can leave: 2.5 kg lost.
    await user.clear(quantity);
    await user.type(quantity, '2.5');
    await user.click(within(form).getByRole('button', { name: 'Registrar el ajuste' }));
    expect(await screen.findByText('Se registró el ajuste de Semilla de avena: -2.5 kg.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId(`product-${oatsId}`)).getByTestId('on-hand').textContent).toBe('7.5 kg'));
  });
});

describe('compras: keyboard only', () => {
  it('types a purchase line with the keyboard alone, from the supplier to Guardar', async () => {
    const engine = startEngine();
    const { associationId, oatsId, supplierId } = seedSuppliers(engine);
    const { user, api } = renderApp(`#/a/${associationId}/compras`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Nueva compra' }));
    const form = await screen.findByRole('form', { name: 'Nueva compra' });
    // The cursor starts on the supplier.
    const supplier = within(form).getByLabelText('Proveedor');
    await waitFor(() => expect(document.activeElement).toBe(supplier));
    await user.keyboard('agro{Enter}');
    expect((supplier as HTMLInputElement).value).toBe('Agroveterinaria Ñuñoa');
    expect(document.activeElement).toBe(within(form).getByLabelText('Comprobante del proveedor'));
    await user.tab();
    expect(document.activeElement).toBe(within(form).getByLabelText('Serie y número'));
    await user.keyboard('B001-77');
    await user.tab();
    expect(document.activeElement).toBe(within(form).getByLabelText('Producto o concepto, línea 1'));
    // The product is picked from the list with Enter; the cursor goes on to the quantity, then the price.
    await user.keyboard('aven{Enter}');
    expect(document.activeElement).toBe(within(form).getByLabelText('Cantidad, línea 1'));
    await user.keyboard('50{Enter}');
    expect(document.activeElement).toBe(within(form).getByLabelText('Precio unitario, línea 1'));
    await user.keyboard('2.50{Enter}');
    // Past the price of a product line a new line appears, with the cursor in it.
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Producto o concepto, línea 2')));
    expect(within(form).getByTestId('purchase-total').textContent).toBe('S/ 125.00');
    // Enter on the empty new line goes on to how it was paid; Enter there saves.
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(form).getByLabelText('Pagado ahora'));
    await user.keyboard('{Enter}');

    const panel = await screen.findByRole('region', { name: 'Boleta B001-77 de Agroveterinaria Ñuñoa' });
    expect(within(panel).getByTestId('purchase-panel-total').textContent).toBe('S/ 125.00');
    // Paid now: the payment voucher is offered for printing at once.
    expect(await screen.findByRole('region', { name: 'Recibo de egreso 001-000001' })).toBeTruthy();
    const purchase = api.getPurchase({ purchaseId: api.listPurchases({ associationId }).rows[0]!.id });
    expect(purchase).toMatchObject({ supplier: { id: supplierId }, documentKind: 'boleta', documentNumber: 'B001-77', payment: 'cash', open: 0 });
    expect(purchase.lines).toMatchObject([{ productId: oatsId, quantity: 50_000, unitPrice: 250, amount: 12_500, category: 'stock' }]);
  });
});
