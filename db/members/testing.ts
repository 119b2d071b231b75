import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLedgerApi, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import type { OperationInput } from '../../shared/api';
import { KhipuError } from '../../shared/errors';

// Fixture builders for the padrón's tests (and the lead's end-to-end tests).

export interface MembersEnv {
  env: ReturnType<typeof tempDatabase>;
  api: LedgerApi;
  associationId: number;
  auditCount: () => number;
  newAssociation: (name: string) => number;
}

/** A fresh SQLite file with one honey association; "today" is 15/03/2026 (testContext). */
export function membersEnv(): MembersEnv {
  const env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  const newAssociation = (name: string) =>
    api.createAssociation({ name, legalForm: 'asociacion', ubigeo: '030601', mainProducts: ['miel'] }).id;
  return {
    env, api, newAssociation,
    associationId: newAssociation('Asociación Misky Llankaq de Ccochaccasa'),
    auditCount: () => (env.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

let nextDni = 40000001;

/** A valid new member; each call gets a fresh DNI unless one is given. */
export function socia(associationId: number, overrides: Partial<OperationInput<'createMember'>> = {}): OperationInput<'createMember'> {
  return {
    associationId, dni: String(nextDni++), givenNames: 'Rosa', surnames: 'Quispe Huamán', sex: 'F',
    joinedOn: '2020-01-10', ...overrides,
  };
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function fixtureBase64(name: string): string {
  return readFileSync(fixturePath(name)).toString('base64');
}

export function csvBase64(text: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return Buffer.from(text, encoding).toString('base64');
}

/** Awaits `promise` and returns the KhipuError it rejects with; anything else fails the test. */
export async function khipuRejection(promise: Promise<unknown>): Promise<KhipuError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KhipuError) return error;
    throw error;
  }
  throw new Error('expected a KhipuError');
}
