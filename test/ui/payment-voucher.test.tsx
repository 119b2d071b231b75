import { cleanup, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';
import { renderApp, seedAssociation, startEngine } from './harness';

// The "Recibo de egreso" rendered from the real engine through /print/payment-voucher, on A5 and on
// the 80 mm roll: a supplier paid for purchases, day labour, a member's refund.

type Engine = ReturnType<typeof startEngine>;

async function showPrint(engine: Engine, route: string): Promise<string> {
  cleanup();
  renderApp(`#${route}`, { engine });
  await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
  return document.body.textContent ?? '';
}

function seedSupplierPayment(engine: Engine) {
  const { api } = engine;
  const { associationId, role } = seedAssociation(api);
  const supplier = api.createParty({
    associationId, name: 'Agroveterinaria El Ganadero SAC', kind: 'supplier', documentType: 'ruc', documentNumber: '20100047218',
  });
  for (const [documentNumber, amount, date] of [['F001-120', 30_000, '2026-03-01'], ['F001-131', 12_050, '2026-03-05']] as const) {
    api.recordPurchase({
      associationId, date, partyId: supplier.id, documentKind: 'factura', documentNumber, payment: 'credit', dueDate: '2026-03-31',
      lines: [{ description: 'Alimento balanceado', amount, category: 'supplies_consumed' }],
    });
  }
  const voucher = api.paySupplier({
    associationId, partyId: supplier.id, date: '2026-03-10', amount: 35_000, accountId: role('bank'),
  });
  return { associationId, voucher };
}

describe('printing a payment voucher', () => {
  it('shows the heading, number, payee with RUC, purchases by document, total in figures and words, Banco and both signatures', async () => {
    const engine = startEngine();
    const { voucher } = seedSupplierPayment(engine);
    for (const size of ['a5', '80mm']) {
      const text = await showPrint(engine, `/print/payment-voucher?id=${voucher.id}&size=${size}`);
      expect(text).toContain('RECIBO DE EGRESO');
      expect(text).toContain('N° 001-000001');
      expect(text).toContain("Asociación Sumaq Q'oy");
      expect(text).toContain('RUC 20131312955');
      expect(text).toContain('Pagado aAgroveterinaria El Ganadero SAC');
      expect(text).toContain('RUC20100047218');
      expect(text).toContain('Factura F001-120 del 01/03/2026S/ 300.00');
      expect(text).toContain('Factura F001-131 del 05/03/2026S/ 50.00');
      expect(text).toContain('TOTALS/ 350.00');
      expect(text).toContain('SON: TRESCIENTOS CINCUENTA CON 00/100 SOLES');
      expect(text).toContain('Pagado deBanco');
      expect(text).toContain('Entregué conforme');
      expect(text).toContain('Recibí conforme');
      expect(text).not.toContain('DUPLICADO');
      expect(text).not.toContain('ANULADO');
      expect(document.querySelector('.receipt')!.className).toContain(size === 'a5' ? 'receipt--a5' : 'receipt--ticket');
    }
  });

  it('says DUPLICADO after the first paper print, and ANULADO with the reason once voided, keeping the number', async () => {
    const engine = startEngine();
    const { voucher } = seedSupplierPayment(engine);
    engine.api.recordVoucherPrint({ voucherId: voucher.id });
    expect(await showPrint(engine, `/print/payment-voucher?id=${voucher.id}&size=a5`)).not.toContain('DUPLICADO');
    engine.api.recordVoucherPrint({ voucherId: voucher.id });
    expect(await showPrint(engine, `/print/payment-voucher?id=${voucher.id}&size=a5`)).toContain('DUPLICADO');
    engine.api.voidPaymentVoucher({ voucherId: voucher.id, date: '2026-03-12', reason: 'Pagado dos veces' });
    const text = await showPrint(engine, `/print/payment-voucher?id=${voucher.id}&size=80mm`);
    expect(text).toContain('ANULADO');
    expect(text).toContain('Anulado el 12/03/2026: Pagado dos veces');
    expect(text).toContain('N° 001-000001');
    expect(text).not.toContain('DUPLICADO');
  });

  it('prints day labour with the worker, DNI, days and Caja, and a member refund with the member', async () => {
    const engine = startEngine();
    const { associationId } = seedAssociation(engine.api);
    const labour = engine.api.payLabour({
      associationId, date: '2026-03-10', workerName: 'Juan Mamani Ccori', workerDni: '41234567', amount: 9_000,
      concept: 'Jornales de siembra de avena', days: 1_500,
    });
    const text = await showPrint(engine, `/print/payment-voucher?id=${labour.id}&size=a5`);
    expect(text).toContain('Pagado aJuan Mamani Ccori');
    expect(text).toContain('DNI41234567');
    expect(text).toContain('Jornales de siembra de avena — 1.5 días');
    expect(text).toContain('SON: NOVENTA CON 00/100 SOLES');
    expect(text).toContain('Pagado deCaja');

    const rosa = engine.api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: 'Quispe Huamán', sex: 'F', joinedOn: '2025-01-10' });
    engine.api.recordPayment({ associationId, memberId: rosa.id, date: '2026-03-01', amount: 2_000 });
    const refund = engine.api.refundCredit({ associationId, memberId: rosa.id, date: '2026-03-11', amount: 2_000, reason: 'Pidió su adelanto' });
    const refundText = await showPrint(engine, `/print/payment-voucher?id=${refund.paymentVoucherId}&size=80mm`);
    expect(refundText).toContain('N° 001-000002');
    expect(refundText).toContain('Pagado aRosa Quispe Huamán');
    expect(refundText).toContain('Devolución de saldo a favor: Pidió su adelanto');
  });

  it('refuses an address without the voucher\'s id', async () => {
    const engine = startEngine();
    cleanup();
    renderApp('#/print/payment-voucher?size=a5', { engine });
    await waitFor(() => expect(document.body.textContent).toContain('Falta el número del recibo de egreso en la dirección de impresión.'));
  });
});
