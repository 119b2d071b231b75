import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { khipuError, expectCataloguedError } from '../../shared/testing/errors';
import { requireParty } from './require';
import { insertMember, tradeFixture, type TradeFixture } from './testing';

let f: TradeFixture;
beforeEach(() => { f = tradeFixture(); });
afterEach(() => f.env.cleanup());

const supplier = (name: string, extra: Record<string, unknown> = {}) =>
  f.api.createParty({ associationId: f.associationId, name, kind: 'supplier', documentType: 'none', ...extra }).id;

describe('createParty / updateParty', () => {
  it('stores a RUC that passes the SUNAT modulus-11 check, as bare digits', () => {
    const id = supplier('Agroveterinaria El Establo EIRL', { documentType: 'ruc', documentNumber: ' 20100047218 ' });
    expect(f.api.getParty({ partyId: id })).toMatchObject({ documentType: 'ruc', documentNumber: '20100047218', archived: false });
  });

  it('refuses a RUC with a wrong check digit, a short DNI, a number without a document, and a document without a number', () => {
    const create = (documentType: string, documentNumber?: string) => khipuError(() => f.api.createParty({
      associationId: f.associationId, name: 'Proveedor', kind: 'supplier', documentType: documentType as 'ruc', documentNumber,
    }));
    expectCataloguedError(create('ruc', '20131312956'), 'peru.ruc.checkDigit', 'documentNumber');
    expectCataloguedError(create('dni', '1234567'), 'peru.dni.format', 'documentNumber');
    expectCataloguedError(create('none', '12345678'), 'party.documentNumberNotAllowed', 'documentNumber');
    const missing = create('ruc');
    expectCataloguedError(missing, 'party.documentNumberRequired', 'documentNumber');
    expect(missing.message).toContain('RUC');
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM parties').get()).toEqual({ n: 0 });
  });

  it('refuses a document number already registered in the association, naming who has it', () => {
    supplier('Molino San Isidro SAC', { documentType: 'ruc', documentNumber: '20131312955' });
    const error = khipuError(() => supplier('Molino San Isidro', { documentType: 'ruc', documentNumber: '20131312955' }));
    expectCataloguedError(error, 'party.duplicateDocument', 'documentNumber');
    expect(error.message).toContain('Molino San Isidro SAC');
    // Re-saving the party with its own number is no duplicate.
    const dni = supplier('Juan Mamani', { documentType: 'dni', documentNumber: '01234567' });
    expect(f.api.updateParty({ partyId: dni, name: 'Juan Mamani Ccori', kind: 'buyer', documentType: 'dni', documentNumber: '01234567',
      district: 'Chalhuanca' })).toMatchObject({ name: 'Juan Mamani Ccori', kind: 'buyer', district: 'Chalhuanca' });
  });

  it('writes an audit row for every change', () => {
    const id = supplier('Transportes Apurímac');
    f.api.updateParty({ partyId: id, name: 'Transportes Apurímac SRL', kind: 'supplier', documentType: 'none' });
    f.api.archiveParty({ partyId: id, archived: true });
    const operations = (f.db.prepare("SELECT operation FROM audit_log WHERE operation LIKE '%Party' ORDER BY id").all() as
      { operation: string }[]).map((r) => r.operation);
    expect(operations).toEqual(['createParty', 'updateParty', 'archiveParty']);
  });
});

describe('listParties', () => {
  beforeEach(() => {
    supplier('Lácteos Andinos SAC', { documentType: 'ruc', documentNumber: '20100017491', kind: 'buyer' });
    supplier('Ferretería Peña');
    supplier("Comunidad Q'ero Ayllu");
    supplier('Municipalidad Distrital de Andahuaylas', { kind: 'public_entity' });
  });
  const names = (search: string, extra: Record<string, unknown> = {}) =>
    f.api.listParties({ associationId: f.associationId, search, ...extra }).map((p) => p.name);

  it('matches names without regard to accents, ñ, case or apostrophes, and document numbers by their digits', () => {
    expect(names('lacteos')).toEqual(['Lácteos Andinos SAC']);
    expect(names('PENA')).toEqual(['Ferretería Peña']);
    expect(names('peña')).toEqual(['Ferretería Peña']);
    expect(names('qero')).toEqual(["Comunidad Q'ero Ayllu"]);
    expect(names("Q'ERO")).toEqual(["Comunidad Q'ero Ayllu"]);
    expect(names('1000174')).toEqual(['Lácteos Andinos SAC']);
    expect(names('100%')).toEqual([]);
    expect(names('')).toHaveLength(4);
  });

  it('filters by kind and leaves archived parties out unless asked', () => {
    expect(names('', { kind: 'public_entity' })).toEqual(['Municipalidad Distrital de Andahuaylas']);
    const [first] = f.api.listParties({ associationId: f.associationId, search: 'pena' });
    f.api.archiveParty({ partyId: first!.id, archived: true });
    expect(names('pena')).toEqual([]);
    expect(f.api.listParties({ associationId: f.associationId, search: 'pena', includeArchived: true })[0]).toMatchObject({ archived: true });
    // An archived party takes no new documents; voids and reads may still name it.
    expectCataloguedError(khipuError(() => requireParty(f.db, f.associationId, first!.id)), 'party.archived', 'partyId');
    expect(requireParty(f.db, f.associationId, first!.id, 'partyId', { allowArchived: true }).name).toBe('Ferretería Peña');
  });
});

describe('partyForMember', () => {
  it('links a member once, from their name and DNI, and reads the name through the link', () => {
    const memberId = insertMember(f.db, f.associationId, 'Rosa Quispe Huamán', '41234567');
    const first = f.api.partyForMember({ associationId: f.associationId, memberId, kind: 'supplier' });
    const again = f.api.partyForMember({ associationId: f.associationId, memberId, kind: 'buyer' });
    expect(again.id).toBe(first.id);
    expect(f.api.getParty({ partyId: first.id })).toMatchObject({
      name: 'Rosa Quispe Huamán', kind: 'supplier', documentType: 'dni', documentNumber: '41234567', memberId, memberName: 'Rosa Quispe Huamán',
    });
    expectCataloguedError(khipuError(() => supplier('Rosa Q.', { memberId })), 'party.duplicateMember', 'memberId');
    // The padrón stays the one record of the person: a corrected name shows, and is found, through the link.
    f.db.prepare("UPDATE members SET full_name = 'Rosa Quispe Ñahui' WHERE id = ?").run(memberId);
    expect(f.api.listParties({ associationId: f.associationId, search: 'nahui' }).map((p) => [p.id, p.name]))
      .toEqual([[first.id, 'Rosa Quispe Ñahui']]);
  });

  it('refuses a member of another association', () => {
    const other = f.api.createAssociation({ name: 'Otra asociación', legalForm: 'asociacion', ubigeo: '030601' }).id;
    const stranger = insertMember(f.db, other, 'Pedro Ccahuana', null);
    expectCataloguedError(
      khipuError(() => f.api.partyForMember({ associationId: f.associationId, memberId: stranger, kind: 'supplier' })),
      'party.memberNotFound', 'memberId',
    );
  });
});

describe('a party that history names', () => {
  it('is never deleted, even by hand; an unused one may be', () => {
    const used = supplier('Agroinsumos del Sur');
    const unused = supplier('Nunca usado');
    f.api.postEntry({
      associationId: f.associationId, date: '2026-03-01', description: 'Compra de alimento balanceado',
      lines: [
        { accountId: f.roleId('purchases_supplies'), amount: 50000 },
        { accountId: f.roleId('payable_suppliers'), amount: -50000, partyId: used },
      ],
    });
    expect(() => f.db.prepare('DELETE FROM parties WHERE id = ?').run(used)).toThrow('party.used');
    expect(() => f.db.prepare('UPDATE parties SET association_id = association_id + 1 WHERE id = ?').run(used)).toThrow('party.immutable');
    f.db.prepare('DELETE FROM parties WHERE id = ?').run(unused);
    expect(f.api.listParties({ associationId: f.associationId }).map((p) => p.id)).toEqual([used]);
  });
});
