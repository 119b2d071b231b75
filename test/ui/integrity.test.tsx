import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp, seedAssociation } from './harness';
import type { KhipuBridge } from '../../shared/bridge';
import { createLedgerApi, dispatchAsync } from '../../db/api';
import { tempDatabase } from '../../db/testing/temp-db';

// "Revisar el archivo" in Configuración, against the real engine on a temporary file. The engine is
// started here (as harness.startEngine does) because one test damages the file behind Khipu's back.

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

function engineWithFile() {
  const env = tempDatabase();
  cleanups.push(env.cleanup);
  const api = createLedgerApi(env.db, { actor: 'prueba', now: () => new Date('2026-03-15T12:00:00') });
  const bridge: KhipuBridge = {
    call: async (operation, input, locale) => JSON.parse(JSON.stringify(await dispatchAsync(api, operation, input, locale))),
    print: async () => ({ ok: true }),
  };
  return { engine: { api, bridge, prints: [] }, db: env.db };
}

async function openSettings() {
  const { engine, db } = engineWithFile();
  const { associationId, role } = seedAssociation(engine.api);
  for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) {
    engine.api.postEntry({
      associationId, date: day, description: 'Depósito de caja en el banco',
      lines: [{ accountId: role('bank'), amount: 5_000 }, { accountId: role('cash'), amount: -5_000 }],
    });
  }
  const harness = renderApp(`#/a/${associationId}/configuracion`, { engine });
  await screen.findByRole('heading', { level: 2, name: 'Revisar el archivo' });
  return { ...harness, db };
}

describe('revisar el archivo', () => {
  it('says in plain words that a healthy file is in order, and how much it read', async () => {
    const { user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Revisar el archivo' }));
    expect(await screen.findByText('Todo está en orden: se revisaron 3 movimientos y 0 documentos.')).toBeTruthy();
  });

  it('lists what it found in a file damaged behind Khipu', async () => {
    const { user, db } = await openSettings();
    db.exec(`DROP TRIGGER account_month_balances_update_by_posting;
             UPDATE account_month_balances SET debits = debits + 100 WHERE month = '2026-03' AND debits > 0;`);
    await user.click(screen.getByRole('button', { name: 'Revisar el archivo' }));
    const result = await screen.findByTestId('integrity-result');
    expect(await screen.findByText('Se encontró un problema:')).toBeTruthy();
    expect([...result.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Un saldo mensual no coincide con la suma de sus movimientos.',
    ]);
    expect(result.textContent).toContain('Guarde una copia del archivo');
  });
});
