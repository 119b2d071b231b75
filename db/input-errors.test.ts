import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerApi, dispatch, type LedgerApi } from './api';
import { tempDatabase, testContext } from './testing/temp-db';

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
beforeEach(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
});
afterEach(() => env.cleanup());

const refusal = (operation: string, input: unknown, locale: 'es' | 'en' = 'es') => {
  const answer = dispatch(api, operation, input, locale);
  if (answer.ok) throw new Error('expected a refusal');
  return answer.error;
};

describe('input errors name the field in plain words, never in zod English', () => {
  it('says which field is missing, blank, too long, not whole or out of range', () => {
    expect(refusal('createAssociation', { legalForm: 'asociacion', ubigeo: '030601' })).toEqual({
      code: 'input.required', field: 'name', message: 'Falta el campo «name».',
    });
    expect(refusal('createAssociation', { name: '   ', legalForm: 'asociacion', ubigeo: '030601' })).toMatchObject({ code: 'input.required', field: 'name' });
    expect(refusal('createAssociation', { name: 'x'.repeat(201), legalForm: 'asociacion', ubigeo: '030601' })).toMatchObject({
      code: 'input.tooLong', message: 'El campo «name» admite como máximo 200 caracteres.',
    });
    expect(refusal('postEntry', { associationId: 1, date: '2026-03-01', description: 'x', lines: [{ accountId: 1, amount: 10.5 }] })).toMatchObject({
      code: 'input.notInteger', field: 'lines.0.amount',
    });
    expect(refusal('createAssociation', { name: 'A', legalForm: 'asociacion', ubigeo: '030601', fiscalYearStartMonth: 13 }, 'en')).toMatchObject({
      code: 'input.tooBig', message: 'The field “fiscalYearStartMonth” must be at most 12.',
    });
    expect(refusal('createAssociation', { name: 'A', legalForm: 'sociedad', ubigeo: '030601' })).toEqual({
      code: 'input.invalid', field: 'legalForm', message: 'El campo «legalForm» no es válido.',
    });
    expect(refusal('postEntry', { associationId: 1, date: '2026-02-30', description: 'x', lines: [] })).toMatchObject({ code: 'input.date', field: 'date' });
  });
});
