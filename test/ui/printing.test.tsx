import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { httpBridge } from '../../renderer/src/api/transport';
import { renderApp, seedAssociation, startEngine } from './harness';

/**
 * Browser mode prints through the browser's own dialog (renderer/src/api/transport.ts). The
 * engine is real; only the browser's window.open is watched, since jsdom cannot open windows.
 */
function browserModeEngine() {
  const engine = startEngine();
  const opened: string[] = [];
  vi.spyOn(window, 'open').mockImplementation((url) => {
    opened.push(String(url));
    return window;
  });
  engine.bridge.print = httpBridge(null).print;
  return { engine, opened };
}

afterEach(() => vi.restoreAllMocks());

describe('saving a receipt as PDF in browser mode', () => {
  it('opens the print dialog telling the user to choose "Guardar como PDF", and does not count a paper copy', async () => {
    const { engine, opened } = browserModeEngine();
    const { associationId } = seedAssociation(engine.api);
    const rosa = engine.api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: "Quispe Q'oy", sex: 'F', joinedOn: '2025-01-10' });
    const receipt = engine.api.recordPayment({ associationId, memberId: rosa.id, date: '2026-03-01', amount: 1000 });
    const { user, api } = renderApp(`#/a/${associationId}/aportes/recibos`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Ver el recibo 001-000001' }));
    const panel = await screen.findByRole('region', { name: 'Recibo de ingreso 001-000001' });

    await user.click(within(panel).getByRole('button', { name: 'Guardar PDF' }));
    const status = await within(panel).findByRole('status');
    expect(status.textContent).toMatch(/elija «Guardar como PDF»/);
    expect(status.textContent).not.toMatch(/envió a imprimir/);
    expect(opened).toEqual([`/#/print/receipt?receiptId=${receipt.id}&paper=A5&autoprint=1`]);
    expect(api.getReceipt({ receiptId: receipt.id }).printCount).toBe(0);

    // The first paper copy after the PDF is still the original.
    await user.click(within(panel).getByRole('button', { name: 'Imprimir (A5)' }));
    await waitFor(() => expect(opened).toHaveLength(2));
    expect(api.getReceipt({ receiptId: receipt.id }).printCount).toBe(1);
    expect(within(panel).getByRole('status').textContent).toBe('Se envió a imprimir.');
  });

  it('says the same for a report saved as PDF, and nothing misleading when it is printed', async () => {
    const { engine, opened } = browserModeEngine();
    const { associationId } = seedAssociation(engine.api);
    const { user } = renderApp(`#/a/${associationId}/reportes/balance`, { engine });
    await user.click(await screen.findByRole('button', { name: 'Guardar PDF' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(screen.getAllByRole('status').map((node) => node.textContent).join(' ')).toMatch(/elija «Guardar como PDF»/);
    await user.click(screen.getByRole('button', { name: 'Imprimir' }));
    await waitFor(() => expect(opened).toHaveLength(2));
    expect(screen.getAllByRole('status').map((node) => node.textContent).join(' ')).not.toMatch(/Guardar como PDF/);
  });
});
