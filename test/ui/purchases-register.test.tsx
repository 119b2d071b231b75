import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { memberMaker, renderApp, seedAssociation, startEngine } from './harness';

type Engine = ReturnType<typeof startEngine>;
type User = ReturnType<typeof renderApp>['user'];

function seedSupplier(engine: Engine) {
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const supplier = api.createParty({ associationId, name: 'Agroveterinaria Ñuñoa', kind: 'supplier', documentType: 'ruc', documentNumber: '20601234565' });
  return { associationId, supplierId: supplier.id };
}

async function typeDate(user: User, field: HTMLElement, date: string) {
  await user.clear(field);
  await user.type(field, date);
}

describe('compras: proveedores', () => {
  it('finds parties without minding accents, registers a buyer linked to a member, corrects and archives', async () => {
    const engine = startEngine();
    const { associationId, supplierId } = seedSupplier(engine);
    const ana = memberMaker(engine.api, associationId)('41234567', 'Ana', 'Quispe Mamani', 'F');
    const { user, api } = renderApp(`#/a/${associationId}/compras/proveedores`, { engine });

    const table = await screen.findByRole('table', { name: 'Proveedores y otros terceros' });
    expect(await within(table).findByText('Agroveterinaria Ñuñoa')).toBeTruthy();
    await user.type(screen.getByLabelText('Buscar'), 'NUNOA');
    await waitFor(() => expect(within(screen.getByRole('table')).getByText('Agroveterinaria Ñuñoa')).toBeTruthy());
    await user.clear(screen.getByLabelText('Buscar'));
    await user.type(screen.getByLabelText('Buscar'), 'lacteos');
    expect(await screen.findByText('Nadie coincide con la búsqueda.')).toBeTruthy();
    await user.clear(screen.getByLabelText('Buscar'));

    await user.click(screen.getByRole('button', { name: 'Nuevo tercero' }));
    const form = await screen.findByRole('form', { name: 'Nuevo proveedor, comprador u otro' });
    await user.type(within(form).getByLabelText('Nombre o razón social'), 'Ana Quispe (queso)');
    await user.selectOptions(within(form).getByLabelText('Tipo'), 'buyer');
    // Neither a RUC nor a DNI: said on the field before anything is sent.
    await user.type(within(form).getByLabelText('RUC o DNI'), '12345');
    await user.click(within(form).getByRole('button', { name: 'Registrar' }));
    expect(within(form).getByLabelText('RUC o DNI').getAttribute('aria-invalid')).toBe('true');
    await user.clear(within(form).getByLabelText('RUC o DNI'));
    await user.selectOptions(within(form).getByLabelText('Es socio'), String(ana));
    await user.click(within(form).getByRole('button', { name: 'Registrar' }));
    expect(await screen.findByText('Se guardó a Ana Quispe (queso).')).toBeTruthy();
    expect(api.listParties({ associationId, kind: 'buyer' })).toMatchObject([{ memberId: ana, memberName: 'Ana Quispe Mamani' }]);

    await user.click(await screen.findByRole('button', { name: 'Corregir a Agroveterinaria Ñuñoa' }));
    const edit = await screen.findByRole('form', { name: 'Corregir a Agroveterinaria Ñuñoa' });
    await user.type(within(edit).getByLabelText('Teléfono'), '984000111');
    await user.click(within(edit).getByRole('button', { name: 'Guardar los cambios' }));
    expect(await screen.findByText('Se guardó a Agroveterinaria Ñuñoa.')).toBeTruthy();
    expect(api.getParty({ partyId: supplierId })).toMatchObject({ phone: '984000111', documentNumber: '20601234565' });

    await user.click(screen.getByRole('button', { name: 'Archivar a Agroveterinaria Ñuñoa' }));
    expect(await screen.findByText(/Se archivó a Agroveterinaria Ñuñoa/)).toBeTruthy();
    expect(api.getParty({ partyId: supplierId }).archived).toBe(true);
    await waitFor(() => expect(within(screen.getByRole('table')).queryByText('Agroveterinaria Ñuñoa')).toBeNull());
  });
});

describe('compras: pagos', () => {
  it('asks before paying a supplier more than is owed, and shows what stays as an advance', async () => {
    const engine = startEngine();
    const { associationId, supplierId } = seedSupplier(engine);
    engine.api.recordPurchase({
      associationId, date: '2026-03-01', partyId: supplierId, documentKind: 'boleta', documentNumber: 'B001-9', payment: 'credit',
      dueDate: '2026-03-20', lines: [{ description: 'Vacunas', amount: 8000, category: 'supplies_consumed' }],
    });
    engine.api.recordPurchase({
      associationId, date: '2026-03-02', partyId: supplierId, documentKind: 'boleta', documentNumber: 'B001-10', payment: 'credit',
      dueDate: '2026-03-25', lines: [{ description: 'Antiparasitario', amount: 5000, category: 'supplies_consumed' }],
    });
    const { user, api } = renderApp(`#/a/${associationId}/compras/pagos?proveedor=${supplierId}`, { engine });

    expect((await screen.findByTestId('pay-supplier-owed')).textContent).toBe('Se le debe en total: S/ 130.00');
    // Ticking one purchase proposes what it still owes.
    await user.click(screen.getByLabelText('Boleta B001-10 — 02/03/2026'));
    expect((screen.getByLabelText('Monto pagado (S/)') as HTMLInputElement).value).toBe('50.00');
    await user.click(screen.getByLabelText('Boleta B001-10 — 02/03/2026'));
    const amount = screen.getByLabelText('Monto pagado (S/)');
    await user.clear(amount);
    await user.type(amount, '150');
    await typeDate(user, screen.getByLabelText('Fecha'), '10/03/2026');
    await user.click(screen.getByRole('button', { name: 'Pagar y emitir recibo de egreso' }));
    const dialog = await screen.findByRole('dialog', { name: 'Paga más de lo que se debe' });
    expect(within(dialog).getByTestId('pay-supplier-advance').textContent).toBe('Quedan S/ 20.00 como adelanto al proveedor, para sus próximas compras.');
    expect(api.listPaymentVouchers({ associationId })).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Sí, pagar y dejar el adelanto' }));
    const voucher = await screen.findByRole('region', { name: 'Recibo de egreso 001-000001' });
    expect(within(voucher).getByTestId('voucher-amount').textContent).toBe('S/ 150.00');
    expect(within(voucher).getByText('Adelanto al proveedor')).toBeTruthy();
    expect(api.openPurchases({ associationId, partyId: supplierId })).toEqual([]);
  });

  it('pays day labour, reprints the voucher from the list as a DUPLICADO on 80 mm, and voids it', async () => {
    const engine = startEngine();
    const { associationId } = seedSupplier(engine);
    const { user, api, prints } = renderApp(`#/a/${associationId}/compras/pagos`, { engine });

    await user.click(await screen.findByLabelText('Jornales'));
    const form = await screen.findByRole('form', { name: 'Pagar jornales' });
    await user.type(within(form).getByLabelText('Nombre del trabajador'), 'Julián Mamani Ccori');
    await user.type(within(form).getByLabelText('DNI del trabajador'), '4512');
    await user.type(within(form).getByLabelText('Días trabajados'), '2.5');
    await user.type(within(form).getByLabelText('Monto pagado (S/)'), '125');
    await user.type(within(form).getByLabelText('Concepto'), 'Siembra de avena');
    await typeDate(user, within(form).getByLabelText('Fecha'), '07/03/2026');
    await user.click(within(form).getByRole('button', { name: 'Pagar y emitir recibo de egreso' }));
    expect(within(form).getByText('El DNI tiene 8 dígitos.')).toBeTruthy();
    await user.clear(within(form).getByLabelText('DNI del trabajador'));
    await user.type(within(form).getByLabelText('DNI del trabajador'), '45123456');
    await user.click(within(form).getByRole('button', { name: 'Pagar y emitir recibo de egreso' }));

    const issued = await screen.findByRole('region', { name: 'Recibo de egreso 001-000001' });
    const voucherId = api.listPaymentVouchers({ associationId })[0]!.id;
    expect(api.getPaymentVoucher({ voucherId })).toMatchObject({ kind: 'labour', amount: 12_500, days: 2500, payee: { name: 'Julián Mamani Ccori', dni: '45123456' } });
    await user.click(within(issued).getByRole('button', { name: 'Imprimir en ticket (80 mm)' }));
    await waitFor(() => expect(prints).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Registrar otro pago' }));
    const list = screen.getByRole('region', { name: 'Recibos de egreso emitidos' });
    await user.click(await within(list).findByRole('button', { name: 'Abrir el recibo de egreso 001-000001' }));
    const panel = await screen.findByRole('region', { name: 'Recibo de egreso 001-000001' });
    await user.click(within(panel).getByRole('button', { name: 'Reimprimir en ticket (DUPLICADO)' }));
    await waitFor(() => expect(prints).toHaveLength(2));
    expect(prints[1]).toMatchObject({ route: `/print/payment-voucher?id=${voucherId}&size=80mm`, paper: 'ticket80', target: 'printer' });
    expect(api.getPaymentVoucher({ voucherId }).printCount).toBe(2);

    await user.click(within(panel).getByRole('button', { name: 'Anular el recibo' }));
    await typeDate(user, within(panel).getByLabelText('Fecha de anulación'), '08/03/2026');
    await user.type(within(panel).getByLabelText('Motivo'), 'Se pagó dos veces');
    await user.click(within(panel).getByRole('button', { name: 'Anular' }));
    expect(await within(panel).findByText('Anulado el 08/03/2026: Se pagó dos veces')).toBeTruthy();
    expect(await within(list).findByText('ANULADO')).toBeTruthy();
  });
});

describe('compras: bad input and voiding', () => {
  it('says on the document number that the supplier\'s document is already recorded, then voids a purchase with a reason', async () => {
    const engine = startEngine();
    const { associationId, supplierId } = seedSupplier(engine);
    engine.api.recordPurchase({
      associationId, date: '2026-03-01', partyId: supplierId, documentKind: 'factura', documentNumber: 'F001-450', payment: 'credit',
      dueDate: '2026-03-31', lines: [{ description: 'Vacunas', amount: 8000, category: 'supplies_consumed' }],
    });
    const { user, api } = renderApp(`#/a/${associationId}/compras`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Nueva compra' }));
    const form = await screen.findByRole('form', { name: 'Nueva compra' });
    await typeDate(user, within(form).getByLabelText('Fecha'), '03/03/2026');
    await user.type(within(form).getByLabelText('Proveedor'), 'agro');
    await user.click(await within(form).findByRole('option', { name: /Agroveterinaria Ñuñoa/ }));
    await user.selectOptions(within(form).getByLabelText('Comprobante del proveedor'), 'factura');
    await user.type(within(form).getByLabelText('Serie y número'), 'f001-450');
    await user.type(within(form).getByLabelText('Producto o concepto, línea 1'), 'Vacunas');
    await user.type(within(form).getByLabelText('Importe, línea 1'), '80');
    // A concept needs its category in plain words before anything is sent.
    await user.click(within(form).getByRole('button', { name: 'Guardar la compra' }));
    expect(within(form).getByText('Elija para qué es lo comprado.')).toBeTruthy();
    await user.selectOptions(within(form).getByLabelText('Para qué es, línea 1'), 'supplies_consumed');
    await user.click(within(form).getByLabelText('Al crédito'));
    await typeDate(user, within(form).getByLabelText('Fecha de pago'), '31/03/2026');
    await user.click(within(form).getByRole('button', { name: 'Guardar la compra' }));
    const number = within(form).getByLabelText('Serie y número');
    await waitFor(() => expect(number.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText(/El comprobante F001-450 de este proveedor ya está registrado/)).toBeTruthy();
    expect(api.listPurchases({ associationId }).rows).toHaveLength(1);
    await user.click(within(form).getByRole('button', { name: 'Cancelar' }));

    await user.click(await screen.findByRole('button', { name: 'Abrir la compra del 01/03/2026 a Agroveterinaria Ñuñoa por S/ 80.00' }));
    const panel = await screen.findByRole('region', { name: 'Factura F001-450 de Agroveterinaria Ñuñoa' });
    await user.click(within(panel).getByRole('button', { name: 'Anular la compra' }));
    await typeDate(user, within(panel).getByLabelText('Fecha de anulación'), '04/03/2026');
    await user.type(within(panel).getByLabelText('Motivo'), 'Factura duplicada por error');
    await user.click(within(panel).getByRole('button', { name: 'Anular' }));
    expect(await within(panel).findByText('Anulada el 04/03/2026: Factura duplicada por error')).toBeTruthy();
    expect(api.listPurchases({ associationId }).rows).toMatchObject([{ status: 'voided', open: 0 }]);
  });
});

describe('compras: almacén and the accountant view', () => {
  it('registers a product, shows its movements with what is left, and voids an adjustment', async () => {
    const engine = startEngine();
    const { associationId, supplierId } = seedSupplier(engine);
    const { user, api } = renderApp(`#/a/${associationId}/compras/almacen`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Nuevo producto' }));
    const form = await screen.findByRole('form', { name: 'Nuevo producto' });
    await user.type(within(form).getByLabelText('Nombre'), 'Queso andino');
    await user.selectOptions(within(form).getByLabelText('Qué es'), 'product');
    await user.type(within(form).getByLabelText('Precio de venta (S/ por unidad)'), '18');
    await user.click(within(form).getByRole('button', { name: 'Registrar el producto' }));
    expect(await screen.findByText('Se guardó Queso andino.')).toBeTruthy();
    const cheese = api.listProducts({ associationId })[0]!;
    expect(cheese).toMatchObject({ name: 'Queso andino', unit: 'kg', category: 'product', salePrice: 1800, onHand: 0 });

    api.recordPurchase({
      associationId, date: '2026-03-01', partyId: supplierId, documentKind: 'none', payment: 'credit', dueDate: '2026-03-31',
      lines: [{ productId: cheese.id, quantity: 20_000, unitPrice: 1000, category: 'stock' }],
    });
    api.recordStockAdjustment({ associationId, productId: cheese.id, date: '2026-03-03', quantity: -2000, reason: 'sample', note: 'Feria de Sicuani' });
    await user.click(await screen.findByRole('button', { name: 'Ver los movimientos de Queso andino' }));
    const history = await screen.findByRole('region', { name: 'Movimientos de Queso andino' });
    const rows = await within(history).findAllByRole('row');
    expect(rows.map((row) => row.textContent)).toContain('01/03/2026Compra20 kgS/ 200.0020 kgS/ 200.00');
    await user.click(within(history).getByRole('button', { name: 'Anular el ajuste del 03/03/2026 (-2 kg)' }));
    await typeDate(user, within(history).getByLabelText('Fecha de anulación'), '04/03/2026');
    await user.type(within(history).getByLabelText('Motivo'), 'La muestra volvió');
    await user.click(within(history).getByRole('button', { name: 'Anular' }));
    expect(await within(history).findByText('ANULADO el 04/03/2026')).toBeTruthy();
    expect(api.listProducts({ associationId })[0]!.onHand).toBe(20_000);
  });

  it('lets the accountant see and override the account of a line', async () => {
    const engine = startEngine();
    const { associationId } = seedSupplier(engine);
    const { user, api } = renderApp(`#/a/${associationId}/compras`, { engine });

    await user.click(await screen.findByRole('button', { name: 'Nueva compra' }));
    const form = await screen.findByRole('form', { name: 'Nueva compra' });
    await typeDate(user, within(form).getByLabelText('Fecha'), '05/03/2026');
    await user.type(within(form).getByLabelText('Proveedor'), 'agro');
    await user.click(await within(form).findByRole('option', { name: /Agroveterinaria Ñuñoa/ }));
    await user.selectOptions(within(form).getByLabelText('Comprobante del proveedor'), 'none');
    await user.type(within(form).getByLabelText('Producto o concepto, línea 1'), 'Análisis de leche');
    await user.type(within(form).getByLabelText('Importe, línea 1'), '45');
    await user.selectOptions(within(form).getByLabelText('Para qué es, línea 1'), 'services');
    // No account code is on the form until the accountant asks for them.
    expect(within(form).queryByLabelText('Cuenta, línea 1')).toBeNull();
    await user.click(within(form).getByLabelText('Ver cuentas (contador)'));
    const account = within(form).getByLabelText('Cuenta, línea 1');
    expect(within(form).getByText(/Si la deja vacía: 6399/)).toBeTruthy();
    await user.type(account, '6599');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(within(form).getByRole('button', { name: 'Guardar la compra' }));
    await screen.findByRole('region', { name: 'Sin comprobante de Agroveterinaria Ñuñoa' });
    const purchase = api.getPurchase({ purchaseId: api.listPurchases({ associationId }).rows[0]!.id });
    expect(purchase.lines).toMatchObject([{ category: 'services', accountCode: '6599', amount: 4500 }]);
  });
});
