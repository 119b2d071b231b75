import { cleanup, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';
import { renderApp, seedAssociation, startEngine } from './harness';

// The nota de venta and the buyer's recibo de ingreso, rendered from the real engine through their
// print routes, on A5 and on the 80 mm roll.

type Engine = ReturnType<typeof startEngine>;

function seedSales(engine: Engine) {
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const supplier = api.createParty({ associationId, name: 'Lácteos del Valle', kind: 'supplier', documentType: 'none' });
  const buyer = api.createParty({ associationId, name: 'Bodega Ñawi', kind: 'buyer', documentType: 'dni', documentNumber: '41234567' });
  const cheese = api.createProduct({ associationId, name: 'Queso andino', unit: 'kg', category: 'product', salePrice: 1_800 });
  api.recordPurchase({
    associationId, date: '2026-03-01', partyId: supplier.id, documentKind: 'none', payment: 'credit', dueDate: '2026-03-31',
    lines: [{ productId: cheese.id, quantity: 50_000, unitPrice: 1_000, category: 'stock' }],
  });
  const sale = api.recordSale({
    associationId, date: '2026-03-10', partyId: buyer.id, documentKind: 'nota_venta', payment: 'credit', dueDate: '2026-03-31',
    lines: [{ productId: cheese.id, quantity: 2_500 }],
  });
  return { associationId, buyerId: buyer.id, sale };
}

async function showPrint(engine: Engine, route: string): Promise<string> {
  cleanup();
  renderApp(`#${route}`, { engine });
  await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
  return document.body.textContent ?? '';
}

describe('printing a nota de venta', () => {
  it('shows the buyer, the lines, the total in words, the terms and both signature lines, on A5 and on the roll', async () => {
    const engine = startEngine();
    const { sale } = seedSales(engine);
    for (const size of ['a5', '80mm']) {
      const text = await showPrint(engine, `/print/nota-venta?id=${sale.id}&size=${size}`);
      expect(text).toContain('NOTA DE VENTA');
      expect(text).toContain('N° 001-000001');
      expect(text).toContain('Bodega Ñawi');
      expect(text).toContain('DNI 41234567');
      expect(text).toContain('Queso andino');
      expect(text).toContain('2.5 kg');
      expect(text).toContain('S/ 45.00');
      expect(text).toContain('SON: CUARENTA Y CINCO CON 00/100 SOLES');
      expect(text).toContain('Al crédito: pagar hasta el 31/03/2026.');
      expect(text).toContain('Entregué conforme');
      expect(text).toContain('Recibí conforme');
      expect(text).not.toContain('DUPLICADO');
      expect(document.querySelector('.receipt')!.className).toContain(size === 'a5' ? 'receipt--a5' : 'receipt--ticket');
    }
  });

  it('says DUPLICADO on a reprint and ANULADO once voided, keeping the number', async () => {
    const engine = startEngine();
    const { sale } = seedSales(engine);
    engine.api.recordSalePrint({ saleId: sale.id });
    engine.api.recordSalePrint({ saleId: sale.id });
    expect(await showPrint(engine, `/print/nota-venta?id=${sale.id}&size=a5`)).toContain('DUPLICADO');
    engine.api.voidSale({ saleId: sale.id, date: '2026-03-12', reason: 'Pedido cancelado' });
    const text = await showPrint(engine, `/print/nota-venta?id=${sale.id}&size=a5`);
    expect(text).toContain('ANULADO');
    expect(text).toContain('Anulado el 12/03/2026: Pedido cancelado');
    expect(text).toContain('001-000001');
    expect(text).not.toContain('DUPLICADO');
  });
});

describe('printing a buyer\'s recibo de ingreso', () => {
  it('names the sale it paid, what the buyer still owes, the amount in words and the signatures', async () => {
    const engine = startEngine();
    const { associationId, buyerId } = seedSales(engine);
    const collection = engine.api.collectSale({ associationId, partyId: buyerId, date: '2026-03-15', amount: 2_000 });
    for (const size of ['a5', '80mm']) {
      const text = await showPrint(engine, `/print/sale-collection?id=${collection.id}&size=${size}`);
      expect(text).toContain('RECIBO DE INGRESO');
      expect(text).toContain('N° 002-000001');
      expect(text).toContain('Recibimos deBodega Ñawi');
      expect(text).toContain('Pago de la venta 001-000001 del 10/03/2026');
      expect(text).toContain('SON: VEINTE CON 00/100 SOLES');
      expect(text).toContain('Saldo pendiente del cliente: S/ 25.00');
      expect(text).toContain('Tesorero/a');
      expect(text).toContain('Entregó (cliente)');
    }
    engine.api.recordCollectionPrint({ collectionId: collection.id });
    engine.api.recordCollectionPrint({ collectionId: collection.id });
    expect(await showPrint(engine, `/print/sale-collection?id=${collection.id}&size=a5`)).toContain('DUPLICADO');
    engine.api.voidSaleCollection({ collectionId: collection.id, date: '2026-03-16', reason: 'Billete falso' });
    const voided = await showPrint(engine, `/print/sale-collection?id=${collection.id}&size=a5`);
    expect(voided).toContain('ANULADO');
    expect(voided).not.toContain('Saldo pendiente');
  });

  it('refuses an address without the document\'s id', async () => {
    const engine = startEngine();
    seedSales(engine);
    cleanup();
    renderApp('#/print/sale-collection?size=a5', { engine });
    await waitFor(() => expect(document.body.textContent).toContain('Falta el número del cobro en la dirección de impresión.'));
  });
});
