import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectCataloguedError, khipuError } from '../../shared/testing/errors';
import { createLedgerApi, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
let associationId: number;
beforeEach(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, testContext);
  associationId = api.createAssociation({ name: 'Asociación Sumaq', ruc: null, legalForm: 'asociacion', ubigeo: '030601' }).id;
});
afterEach(() => env.cleanup());

const auditOf = () =>
  (env.db.prepare(`SELECT details FROM audit_log WHERE operation = 'updateAssociation' ORDER BY id`).all() as { details: string }[])
    .map((row) => JSON.parse(row.details) as { changes: { field: string; from: unknown; to: unknown }[] });

describe('updateAssociation', () => {
  it('corrects every detail and logs each change with its old and new value; receipts read the new details', () => {
    const updated = api.updateAssociation({
      associationId, name: 'Asociación de Productores Sumaq Q\'oy', ruc: '20131312955', address: 'Jr. Lima 123',
      registryEntry: 'Partida N° 11002233', ubigeo: '080101', mainProducts: ['leche', 'queso'], legalForm: 'cooperativa',
    });
    expect(updated).toMatchObject({
      name: 'Asociación de Productores Sumaq Q\'oy', ruc: '20131312955', address: 'Jr. Lima 123', registryEntry: 'Partida N° 11002233',
      ubigeo: '080101', district: 'Cusco', mainProducts: ['leche', 'queso'], legalForm: 'cooperativa',
    });
    expect(api.getAssociation({ associationId })).toEqual(updated);
    const [entry] = auditOf();
    expect(entry!.changes).toContainEqual({ field: 'name', from: 'Asociación Sumaq', to: 'Asociación de Productores Sumaq Q\'oy' });
    expect(entry!.changes).toContainEqual({ field: 'ruc', from: null, to: '20131312955' });
    expect(entry!.changes).toContainEqual({ field: 'ubigeo', from: '030601', to: '080101' });
    expect(entry!.changes).toHaveLength(7);

    // Clearing an optional field, and a correction that changes nothing writes no audit row.
    expect(api.updateAssociation({ associationId, address: '  ' }).address).toBeNull();
    api.updateAssociation({ associationId, name: 'Asociación de Productores Sumaq Q\'oy' });
    expect(auditOf()).toHaveLength(2);

    const member = api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: 'Quispe', sex: 'F', joinedOn: '2025-01-10' });
    const receipt = api.recordPayment({ associationId, memberId: member.id, date: '2026-03-01', amount: 500 });
    expect(api.getReceipt({ receiptId: receipt.id }).association).toMatchObject({ name: 'Asociación de Productores Sumaq Q\'oy', ruc: '20131312955', district: 'Cusco' });
  });

  it("refuses a RUC that is invalid or not a legal entity's (20…), a name or RUC another association has, and an unknown district", () => {
    expectCataloguedError(khipuError(() => api.updateAssociation({ associationId, ruc: '20131312954' })), 'peru.ruc.checkDigit', 'ruc');
    expectCataloguedError(khipuError(() => api.updateAssociation({ associationId, ruc: '2013131295' })), 'peru.ruc.format', 'ruc');
    expectCataloguedError(khipuError(() => api.updateAssociation({ associationId, ruc: '10417193371' })), 'association.rucNotLegalEntity', 'ruc');
    expectCataloguedError(khipuError(() => api.updateAssociation({ associationId, ubigeo: '999999' })), 'peru.ubigeo.unknown', 'ubigeo');
    api.createAssociation({ name: 'Otra Asociación', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601' });
    expectCataloguedError(khipuError(() => api.updateAssociation({ associationId, name: 'OTRA asociacion' })), 'association.nameTaken', 'name');
    expectCataloguedError(khipuError(() => api.updateAssociation({ associationId, ruc: '20131312955' })), 'association.rucTaken', 'ruc');
    expect(auditOf()).toHaveLength(0);
    expect(api.getAssociation({ associationId }).name).toBe('Asociación Sumaq');
  });

  it('changes the fiscal-year start month only while the association has no entries', () => {
    expect(api.updateAssociation({ associationId, fiscalYearStartMonth: 4 }).fiscalYearStartMonth).toBe(4);
    const cash = api.listAccounts({ associationId }).find((a) => a.role === 'cash')!.id;
    const capital = api.listAccounts({ associationId }).find((a) => a.code === '501')?.id
      ?? api.listAccounts({ associationId }).find((a) => a.type === 'equity' && a.postable)!.id;
    api.postEntry({ associationId, date: '2026-05-02', description: 'Aporte inicial', lines: [{ accountId: cash, amount: 1000 }, { accountId: capital, amount: -1000 }] });
    const error = khipuError(() => api.updateAssociation({ associationId, fiscalYearStartMonth: 1 }));
    expectCataloguedError(error, 'association.fiscalYearHasEntries', 'fiscalYearStartMonth');
    // Sending the same month is no change, so it is not refused.
    expect(api.updateAssociation({ associationId, fiscalYearStartMonth: 4, address: 'Plaza de Armas s/n' }).address).toBe('Plaza de Armas s/n');
  });
});
