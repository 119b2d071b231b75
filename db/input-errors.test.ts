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

describe('typed text is cleaned and checked at the boundary', () => {
  const association = { legalForm: 'asociacion', ubigeo: '030601' } as const;

  it('refuses control characters, lone surrogates and invisible-only text, naming the field', () => {
    expect(refusal('createAssociation', { ...association, name: 'Sumaq\tQoy' })).toEqual({
      code: 'text.control', field: 'name',
      message: 'El campo «name» tiene un carácter de control (una tabulación, un salto de línea u otro). Escríbalo en una sola línea.',
    });
    expect(refusal('createAssociation', { ...association, name: 'Sumaq\uD800' })).toMatchObject({ code: 'text.surrogate', field: 'name' });
    expect(refusal('createAssociation', { ...association, name: '\u200B\u2060\uFEFF' })).toMatchObject({ code: 'text.invisible', field: 'name' });
    const { id: associationId } = api.createAssociation({ ...association, name: 'Sumaq Qoy' });
    expect(refusal('postEntry', {
      associationId, date: '2026-03-01', description: 'Cuota', lines: [{ accountId: 1, amount: 100, memo: 'a\u0085b' }, { accountId: 2, amount: -100 }],
    })).toMatchObject({ code: 'text.control', field: 'lines.0.memo' });
  });

  it('stores NFC text without invisible characters, so names that differ only by them are one name', () => {
    const { id } = api.createAssociation({ ...association, name: '  Asociacio\u0301n\u200B Sumaq Qoy\u00AD ' });
    expect(api.getAssociation({ associationId: id }).name).toBe('Asociación Sumaq Qoy');
    expect(refusal('createAssociation', { ...association, name: 'Asociación Sumaq\u200D Qoy' })).toMatchObject({ code: 'association.nameTaken' });
    api.createContributionType({ associationId: id, kind: 'fine', name: 'Multa por faena' });
    expect(refusal('createContributionType', { associationId: id, kind: 'fine', name: 'Multa\u2060 por faena\uFE0F' })).toMatchObject({
      code: 'contributionType.nameTaken',
    });
  });

  it('refuses in a member import row what the member form refuses, naming the column', async () => {
    const { id: associationId } = api.createAssociation({ ...association, name: 'Sumaq Qoy' });
    const csv = 'DNI,Nombres,Apellidos,Sexo,Comunidad,Fecha de ingreso\n'
      + '41234567,\u200B\u200D,Mamani,F,Ccochaccasa,15/03/2015\n'
      + '41234568,Rosa\u200B,Quispe,F,"Ccocha\u0007ccasa",15/03/2015\n';
    const preview = await api.previewMemberImport({ associationId, fileName: 'padron.csv', contentBase64: Buffer.from(csv).toString('base64') });
    expect(preview.rows[0]!.errors).toMatchObject([{ field: 'givenNames', code: 'text.invisible' }]);
    expect(preview.rows[1]!.errors).toMatchObject([{ field: 'community', code: 'text.control' }]);
    expect(preview.rows[1]!.values.givenNames).toBe('Rosa');
  });
});

describe('amounts have a ceiling', () => {
  it('refuses an amount above S/ 100,000,000.00, naming the field and the ceiling, at the boundary and in batches', () => {
    const { id: associationId } = api.createAssociation({ name: 'Sumaq Qoy', legalForm: 'asociacion', ubigeo: '030601' });
    const line = (amount: number) => [{ accountId: 1, amount }, { accountId: 2, amount: -amount }];
    expect(refusal('postEntry', { associationId, date: '2026-03-01', description: 'x', lines: line(10_000_000_001) })).toEqual({
      code: 'money.lineTooLarge', field: 'lines.0.amount',
      message: 'El monto del campo «lines.0.amount» pasa del máximo que Khipu registra: S/ 100,000,000.00 por monto.',
    });
    expect(refusal('recordPayment', { associationId, memberId: 1, date: '2026-03-01', amount: -10_000_000_001 }, 'en')).toMatchObject({
      code: 'money.lineTooLarge', field: 'amount', message: 'The amount in “amount” is above the most Khipu records: S/ 100,000,000.00 per amount.',
    });
  });
});
