import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';

afterEach(() => vi.restoreAllMocks());

/** Rosa owes January and February dues (S/ 10.00 each) and paid S/ 15.00 on 05/03/2026 (receipt 001-000001). */
function engineWithRosa() {
  const engine = startEngine();
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const rosa = api.createMember({
    associationId, dni: '41234501', givenNames: 'Rosa Sumaq', surnames: "Quispe Q'oy", sex: 'F', joinedOn: '2025-06-01',
  });
  api.seedDefaultContributionTypes({ associationId });
  const due = api.listContributionTypes({ associationId }).find((type) => type.name === 'Cuota ordinaria mensual')!;
  api.generateDues({ associationId, contributionTypeId: due.id, period: '2026-01' });
  api.generateDues({ associationId, contributionTypeId: due.id, period: '2026-02' });
  const receipt = api.recordPayment({ associationId, memberId: rosa.id, date: '2026-03-05', amount: 1500 });
  return { engine, associationId, memberId: rosa.id, receiptId: receipt.id };
}

const cells = (row: Element | null | undefined) => [...(row?.querySelectorAll('td, th') ?? [])].map((cell) => cell.textContent);
const movements = () => screen.getAllByTestId('statement-movement');

async function openStatement() {
  const setup = engineWithRosa();
  const harness = renderApp(`#/a/${setup.associationId}/socios/${setup.memberId}/estado`, { engine: setup.engine });
  await screen.findByTestId('statement-balance');
  return { ...setup, ...harness };
}

describe('estado de cuenta del socio', () => {
  it('shows two months of dues and a payment: owes S/ 5.00, with the receipt number on the payment', async () => {
    await openStatement();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Estado de cuenta: Rosa Sumaq Quispe Q'oy");
    expect(screen.getByText('DNI 41234501')).toBeTruthy();
    expect(screen.getByTestId('statement-period').textContent).toBe('Todos los movimientos');
    expect(screen.getByTestId('statement-balance-figure').textContent).toBe('Debe S/ 5.00');

    expect(cells(screen.getByTestId('statement-opening'))).toEqual(['', 'Saldo inicial', '', '', 'S/ 0.00']);
    expect(movements().map(cells)).toEqual([
      ['01/01/2026', 'Cuota ordinaria mensual 01/2026', '', 'S/ 10.00', '', 'S/ 10.00'],
      ['01/02/2026', 'Cuota ordinaria mensual 02/2026', '', 'S/ 10.00', '', 'S/ 20.00'],
      ['05/03/2026', 'Pago, recibo 001-000001', '001-000001', '', 'S/ 15.00', 'S/ 5.00'],
    ]);
    expect(cells(screen.getByTestId('statement-closing-row'))).toEqual(['', 'Saldo final', 'S/ 20.00', 'S/ 15.00', 'S/ 5.00']);
    const totals = within(screen.getByTestId('statement-totals'));
    expect(totals.getByText('Total de cargos').nextElementSibling?.textContent).toBe('S/ 20.00');
    expect(totals.getByText('Total de pagos').nextElementSibling?.textContent).toBe('S/ 15.00');
    expect(totals.getByText('Saldo a favor disponible').nextElementSibling?.textContent).toBe('S/ 0.00');
  });

  it('keeps a voided receipt in the statement, marked ANULADO, and the member owes S/ 20.00 again', async () => {
    const { engine, associationId, memberId, receiptId } = engineWithRosa();
    engine.api.voidReceipt({ receiptId, date: '2026-03-10', reason: 'Error de digitación' });
    renderApp(`#/a/${associationId}/socios/${memberId}/estado`, { engine });
    await screen.findByTestId('statement-balance');
    expect(screen.getByTestId('statement-balance-figure').textContent).toBe('Debe S/ 20.00');
    const rows = movements();
    expect(rows.map((row) => row.getAttribute('data-kind'))).toEqual(['charge', 'charge', 'payment', 'voidedReceipt']);
    // The payment still shows its number; the annulment takes it back in the Pago column.
    expect(cells(rows[2])).toEqual(['05/03/2026', 'Pago, recibo 001-000001', '001-000001', '', 'S/ 15.00', 'S/ 5.00']);
    expect(cells(rows[3])).toEqual([
      '10/03/2026', 'ANULADO Recibo 001-000001 anulado: Error de digitación', '001-000001', '', '-S/ 15.00', 'S/ 20.00',
    ]);
    expect(cells(screen.getByTestId('statement-closing-row'))).toEqual(['', 'Saldo final', 'S/ 20.00', 'S/ 0.00', 'S/ 20.00']);
  });

  it('filters by period with an opening balance, and puts date mistakes beside the fields', async () => {
    const { user } = await openStatement();
    const from = screen.getByLabelText('Desde');
    await user.type(from, '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Escriba la fecha como dd/mm/aaaa, por ejemplo 05/03/2026.')).toBeTruthy();

    await user.clear(from);
    await user.type(from, '01/03/2026');
    await user.type(screen.getByLabelText('Hasta'), '15/03/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await waitFor(() => expect(screen.getByTestId('statement-period').textContent).toBe('Del 01/03/2026 al 15/03/2026'));
    expect(from.getAttribute('aria-invalid')).toBeNull();
    expect(cells(screen.getByTestId('statement-opening'))).toEqual(['01/03/2026', 'Saldo inicial', '', '', 'S/ 20.00']);
    expect(movements().map(cells)).toEqual([['05/03/2026', 'Pago, recibo 001-000001', '001-000001', '', 'S/ 15.00', 'S/ 5.00']]);
    expect(cells(screen.getByTestId('statement-closing-row'))).toEqual(['15/03/2026', 'Saldo final', 'S/ 0.00', 'S/ 15.00', 'S/ 5.00']);
    expect(screen.getByTestId('statement-balance').textContent).toBe('Saldo al 15/03/2026Debe S/ 5.00');

    // The engine refuses a start after the end; its message goes next to "Desde".
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '01/02/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await waitFor(() => expect(from.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.queryByTestId('statement-balance')).toBeNull();
  });

  it('says "A favor" when the member paid ahead, and "Al día" when nothing is owed', async () => {
    const { engine, associationId, memberId } = engineWithRosa();
    engine.api.recordPayment({ associationId, memberId, date: '2026-03-06', amount: 800 });
    renderApp(`#/a/${associationId}/socios/${memberId}/estado`, { engine });
    expect((await screen.findByTestId('statement-balance-figure')).textContent).toBe('A favor S/ 3.00');
    expect(cells(screen.getByTestId('statement-closing-row')).at(-1)).toBe('S/ 3.00 a favor');
    const totals = within(screen.getByTestId('statement-totals'));
    expect(totals.getByText('Saldo a favor disponible').nextElementSibling?.textContent).toBe('S/ 3.00');
    cleanup();

    const { user } = renderApp(`#/a/${associationId}/socios/${memberId}/estado`, { engine });
    await screen.findByTestId('statement-balance');
    await user.type(screen.getByLabelText('Hasta'), '31/12/2025');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await waitFor(() => expect(screen.getByTestId('statement-balance-figure').textContent).toBe('Al día'));
    expect(screen.getByText('No hay movimientos en este periodo.')).toBeTruthy();
  });

  it('asks the shell to print or save the statement as PDF, and says when it was cancelled or failed', async () => {
    const { user, associationId, memberId, engine, prints } = await openStatement();
    await user.click(screen.getByRole('button', { name: 'Imprimir' }));
    await user.type(screen.getByLabelText('Desde'), '01/02/2026');
    await user.type(screen.getByLabelText('Hasta'), '15/03/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await screen.findByText('Del 01/02/2026 al 15/03/2026');
    await user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(prints).toMatchObject([
      {
        route: `/print/statement?associationId=${associationId}&memberId=${memberId}`,
        paper: 'A4', target: 'printer', suggestedName: 'estado-de-cuenta-41234501.pdf',
      },
      {
        route: `/print/statement?associationId=${associationId}&memberId=${memberId}&from=2026-02-01&to=2026-03-15`,
        paper: 'A4', target: 'pdf', suggestedName: 'estado-de-cuenta-41234501.pdf',
      },
    ]);

    engine.bridge.print = async () => ({ ok: false, cancelled: true });
    await user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(await screen.findByText('Se canceló la impresión; no se imprimió nada.')).toBeTruthy();

    engine.bridge.print = async () => ({ ok: false, error: { code: 'print.failed', message: 'La impresora no responde.' } });
    await user.click(screen.getByRole('button', { name: 'Imprimir' }));
    expect((await screen.findByRole('alert')).textContent).toBe('La impresora no responde.');

    engine.bridge.print = async () => ({ ok: true, path: '/home/tesorera/estado.pdf' });
    await user.click(screen.getByRole('button', { name: 'Guardar PDF' }));
    expect(await screen.findByText('Se guardó el PDF en /home/tesorera/estado.pdf.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the engine message for a member of another association', async () => {
    const { engine, memberId } = engineWithRosa();
    const other = seedAssociation(engine.api, 'Asociación Misky Llankaq', null);
    renderApp(`#/a/${other.associationId}/socios/${memberId}/estado`, { engine });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toBe('');
    expect(screen.queryByTestId('statement-balance')).toBeNull();
  });
});

describe('print route /print/statement', () => {
  it('renders the A4 statement without the sidebar and marks itself ready once loaded', async () => {
    const { engine, associationId, memberId } = engineWithRosa();
    renderApp(`#/print/statement?associationId=${associationId}&memberId=${memberId}&from=2026-02-01&to=2026-03-15`, { engine });
    await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));

    expect(screen.queryByRole('navigation')).toBeNull();
    const page = document.querySelector<HTMLElement>('article.print-doc--statement')!;
    expect(within(page).getByText("Asociación Sumaq Q'oy")).toBeTruthy();
    expect(page.textContent).toContain('RUC 20131312955');
    expect(page.textContent).toContain('Chincheros, Chincheros, Apurímac');
    expect(page.textContent).toMatch(/Impreso el \d{2}\/\d{2}\/\d{4}/);
    expect(screen.getByRole('heading', { level: 1, name: 'Estado de cuenta' })).toBeTruthy();
    expect(page.textContent).toContain("Socio/a: Rosa Sumaq Quispe Q'oy");
    expect(page.textContent).toContain('DNI 41234501');
    expect(page.textContent).toContain('Del 01/02/2026 al 15/03/2026');
    expect(cells(screen.getByTestId('statement-opening'))).toEqual(['01/02/2026', 'Saldo inicial', '', '', 'S/ 10.00']);
    expect(movements()).toHaveLength(2);
    expect(cells(screen.getByTestId('statement-closing-row'))).toEqual(['15/03/2026', 'Saldo final', 'S/ 10.00', 'S/ 15.00', 'S/ 5.00']);
    expect(screen.getByTestId('statement-balance-figure').textContent).toBe('Debe S/ 5.00');

    cleanup();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });

  it('prints once by itself in browser mode (autoprint=1)', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { engine, associationId, memberId } = engineWithRosa();
    renderApp(`#/print/statement?associationId=${associationId}&memberId=${memberId}&autoprint=1`, { engine });
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true');
  });

  it('does not mark itself ready when the link is incomplete or the member does not exist', async () => {
    renderApp('#/print/statement?associationId=1&from=2026-01-01');
    expect(await screen.findByText(/Faltan datos para imprimir este estado de cuenta/)).toBeTruthy();
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
    cleanup();

    const { engine, associationId } = engineWithRosa();
    renderApp(`#/print/statement?associationId=${associationId}&memberId=999`, { engine });
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(document.documentElement.hasAttribute(PRINT_READY_ATTRIBUTE)).toBe(false);
  });

  it('words the rows in the user\'s language, keeping what the treasurer typed', async () => {
    const setup = engineWithRosa();
    setup.engine.api.voidReceipt({ receiptId: setup.receiptId, date: '2026-03-06', reason: 'Monto equivocado' });
    renderApp(`#/a/${setup.associationId}/socios/${setup.memberId}/estado`, { engine: setup.engine, settings: { locale: 'en' } });
    await screen.findByTestId('statement-balance');
    const texts = movements().map((row) => row.textContent ?? '');
    expect(texts.some((text) => text.includes('Payment, receipt 001-000001'))).toBe(true);
    expect(texts.some((text) => text.includes('Receipt 001-000001 voided: Monto equivocado'))).toBe(true);
    expect(texts.some((text) => text.includes('Cuota ordinaria mensual'))).toBe(true);
  });

  it('adds up its Cargo and Pago columns to the engine totals with a voided charge, a refund of credit and its void', async () => {
    const { engine, associationId, memberId } = engineWithRosa();
    const { api } = engine;
    const fine = api.listContributionTypes({ associationId }).find((type) => type.kind === 'fine')!;
    const charge = api.createCharge({ associationId, memberId, contributionTypeId: fine.id, date: '2026-03-06', amount: 2000 });
    api.voidCharge({ chargeId: charge.id, date: '2026-03-07', reason: 'Multa mal puesta' });
    api.recordPayment({ associationId, memberId, date: '2026-03-08', amount: 1500 });
    const refund = api.refundCredit({ associationId, memberId, date: '2026-03-09', amount: 600, reason: 'Pidió una parte' });
    api.voidCreditRefund({ refundId: refund.id, date: '2026-03-10', reason: 'No se entregó' });
    renderApp(`#/a/${associationId}/socios/${memberId}/estado`, { engine });
    await screen.findByTestId('statement-balance');

    const statement = api.memberStatement({ associationId, memberId });
    const money = (text: string | null | undefined) => (text ? Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100) : 0);
    const column = (index: number) => movements().reduce((sum, row) => sum + money(row.children[index]?.textContent), 0);
    expect(column(3)).toBe(statement.totals.charges);
    expect(column(4)).toBe(statement.totals.payments);
    expect(cells(screen.getByTestId('statement-closing-row')).slice(2, 4))
      .toEqual([`S/ ${(statement.totals.charges / 100).toFixed(2)}`, `S/ ${(statement.totals.payments / 100).toFixed(2)}`]);
    const texts = movements().map((row) => row.textContent ?? '');
    expect(texts.some((text) => text.includes('Devolución de saldo a favor 001-000001'))).toBe(true);
    expect(texts.some((text) => text.includes('Devolución 001-000001 anulada: No se entregó'))).toBe(true);
    expect(texts.some((text) => text.includes('Cargo anulado'))).toBe(true);
  });
});
