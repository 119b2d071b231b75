import { createLedgerApi, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';

// Test support for the report tests: a fresh association on a real SQLite file and a short way to post.

export interface ReportsFixture {
  env: ReturnType<typeof tempDatabase>;
  api: LedgerApi;
  associationId: number;
  role: (role: string) => number;
  code: (code: string) => number;
  /** Posts [role, céntimos] pairs (debit positive); returns the entry id. */
  post: (date: string, description: string, lines: [string, number][]) => number;
}

export function reportsFixture(options: { fiscalYearStartMonth?: number; name?: string } = {}): ReportsFixture {
  const env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  const associationId = api.createAssociation({
    name: options.name ?? 'Asociación de Apicultores Misky Llankaq', legalForm: 'asociacion', ubigeo: '030601',
    fiscalYearStartMonth: options.fiscalYearStartMonth,
  }).id;
  const accounts = api.listAccounts({ associationId });
  const role = (r: string) => {
    const found = accounts.find((a) => a.role === r);
    if (!found) throw new Error(`no account with role ${r}`);
    return found.id;
  };
  const code = (c: string) => {
    const found = accounts.find((a) => a.code === c);
    if (!found) throw new Error(`no account ${c}`);
    return found.id;
  };
  const post = (date: string, description: string, lines: [string, number][]) =>
    api.postEntry({ associationId, date, description, lines: lines.map(([r, amount]) => ({ accountId: role(r), amount })) }).id;
  return { env, api, associationId, role, code, post };
}
