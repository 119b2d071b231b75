import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { App } from '../../renderer/src/app/App';
import { createClient } from '../../renderer/src/api/client';
import type { Settings } from '../../renderer/src/app/settings';
import type { KhipuBridge, PrintRequest } from '../../shared/bridge';
import { createLedgerApi, dispatchAsync, type LedgerApi } from '../../db/api';
import { tempDatabase } from '../../db/testing/temp-db';

// The UI under test talks to the real engine on a temporary SQLite file. The
// bridge copies every answer through JSON, as both real transports do.

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

export interface Harness {
  api: LedgerApi;
  user: ReturnType<typeof userEvent.setup>;
  prints: PrintRequest[];
}

export function startEngine(): { api: LedgerApi; bridge: KhipuBridge; prints: PrintRequest[] } {
  const env = tempDatabase();
  cleanups.push(env.cleanup);
  const api = createLedgerApi(env.db, { actor: 'prueba', now: () => new Date('2026-03-15T12:00:00') });
  const prints: PrintRequest[] = [];
  const bridge: KhipuBridge = {
    call: async (operation, input, locale) => JSON.parse(JSON.stringify(await dispatchAsync(api, operation, input, locale))),
    print: async (request) => {
      prints.push(request);
      return { ok: true };
    },
  };
  return { api, bridge, prints };
}

export function renderApp(route: string, options: { settings?: Partial<Settings>; engine?: ReturnType<typeof startEngine> } = {}): Harness {
  const engine = options.engine ?? startEngine();
  window.location.hash = route;
  const locale = () => options.settings?.locale ?? 'es';
  const client = createClient(engine.bridge, () => (document.documentElement.lang === 'en' ? 'en' : locale()), () => 'sin conexión');
  render(<App client={client} {...(options.settings ? { settings: options.settings } : {})} />);
  return { api: engine.api, user: userEvent.setup(), prints: engine.prints };
}

/** An association with a few accounts' worth of activity, created through the API. */
export function seedAssociation(
  api: LedgerApi,
  name = "Asociación Sumaq Q'oy",
  ruc: string | null = '20131312955',
): { associationId: number; role: (role: string) => number } {
  const { id: associationId } = api.createAssociation({ name, ruc, legalForm: 'asociacion', ubigeo: '030601' });
  const accounts = api.listAccounts({ associationId });
  const role = (r: string) => {
    const account = accounts.find((a) => a.role === r);
    if (!account) throw new Error(`no account with role ${r}`);
    return account.id;
  };
  return { associationId, role };
}

/** Registers a member who joined on 01/06/2025; returns a function that does so, for one association. */
export function memberMaker(api: LedgerApi, associationId: number) {
  return (dni: string, givenNames: string, surnames: string, sex: 'F' | 'M') =>
    api.createMember({ associationId, dni, givenNames, surnames, sex, joinedOn: '2025-06-01' }).id;
}
