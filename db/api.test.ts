import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerApi, dispatch, type LedgerApi } from './api';
import { tempDatabase, testContext } from './testing/temp-db';
import { operationSchemas } from '../shared/api';

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
let associationId: number;
let roleId: (role: string) => number;

beforeEach(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  associationId = api.createAssociation({
    name: 'Asociación Misky Llankaq', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
    mainProducts: ['miel'],
  }).id;
  const accounts = api.listAccounts({ associationId });
  roleId = (role) => accounts.find((a) => a.role === role)!.id;
});
afterEach(() => env.cleanup());

describe('createLedgerApi', () => {
  it('seeds the chart, posts, reports balances, trial balance and journal', () => {
    expect(api.listAccounts({ associationId }).length).toBeGreaterThan(80);
    api.postEntry({ associationId, date: '2026-01-05', description: 'Aporte de capital de Señora Núñez',
      lines: [{ accountId: roleId('cash'), amount: 50000 }, { accountId: roleId('member_capital_contributions'), amount: -50000 }] });
    api.postEntry({ associationId, date: '2026-02-10', description: 'Compra de cera de abeja',
      lines: [{ accountId: roleId('purchases'), amount: 12050 }, { accountId: roleId('cash'), amount: -12050 }] });

    const cash = api.accountBalances({ associationId, date: '2026-12-31' }).find((b) => b.accountId === roleId('cash'))!;
    expect(cash.balance).toBe(37950);
    const february = api.accountActivity({ associationId, from: '2026-02-01', to: '2026-02-28' })
      .find((b) => b.accountId === roleId('cash'))!;
    expect(february).toMatchObject({ opening: 50000, debits: 0, credits: 12050, closing: 37950 });
    // Headings roll up their children: class 1 holds the cash.
    const classOne = api.accountBalances({ associationId, date: '2026-12-31' }).find((b) => b.code === '1')!;
    expect(classOne.balance).toBe(37950);

    const trial = api.trialBalance({ associationId, to: '2026-12-31' });
    expect(trial.totals.debits).toBe(trial.totals.credits);
    expect(trial.totals.debitBalances).toBe(trial.totals.creditBalances);
    expect(trial.totals.debits).toBe(62050);

    const found = api.listJournal({ associationId, text: 'nunez' });
    expect(found.total).toBe(1);
    expect(found.entries[0]!.lines.map((l) => l.amount)).toEqual([50000, -50000]);
    const byAccount = api.listJournal({ associationId, accountId: api.listAccounts({ associationId }).find((a) => a.code === '6')!.id });
    expect(byAccount.entries.map((e) => e.description)).toEqual(['Compra de cera de abeja']);
  });

  it('adds, renames and archives accounts; archived accounts refuse new postings', () => {
    const cashHeading = api.listAccounts({ associationId }).find((a) => a.role === 'cash')!;
    const sub = api.addAccount({ associationId, parentCode: cashHeading.code, code: cashHeading.code + '1', name: 'Caja chica' });
    expect(sub).toMatchObject({ type: 'asset', postable: true });
    expect(api.listAccounts({ associationId }).find((a) => a.id === cashHeading.id)!.postable).toBe(false);
    expect(api.renameAccount({ associationId, accountId: sub.id, name: 'Caja de la feria' }).name).toBe('Caja de la feria');
    api.setAccountArchived({ associationId, accountId: sub.id, archived: true });
    const refused = dispatch(api, 'postEntry', { associationId, date: '2026-03-01', description: 'x',
      lines: [{ accountId: sub.id, amount: 100 }, { accountId: roleId('dues_income'), amount: -100 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'account.archived', field: 'lines.0.accountId' } });
    expect(api.listAccounts({ associationId, search: 'feria' })).toHaveLength(1);
    expect(api.listAccounts({ associationId, search: 'CAJA DE LA FÉRIA' })).toHaveLength(1);
    expect(api.listAccounts({ associationId, search: '%' })).toHaveLength(0);
    expect(api.listAccounts({ associationId, search: cashHeading.code }).map((a) => a.code)).toContain(sub.code);
  });

  it('answers bad input with a Spanish error naming the field, and writes nothing', () => {
    const before = env.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
    expect(dispatch(api, 'postEntry', { associationId, date: '2026-02-30', description: 'x', lines: [] }))
      .toMatchObject({ ok: false, error: { code: 'input.date', field: 'date' } });
    expect(dispatch(api, 'createAssociation', { name: 'Otra', legalForm: 'asociacion', ubigeo: '030601', ruc: '20131312956' }))
      .toMatchObject({ ok: false, error: { code: 'peru.ruc.checkDigit', field: 'ruc' } });
    expect(dispatch(api, 'createAssociation', { name: 'Otra', legalForm: 'asociacion', ubigeo: '039999' }))
      .toMatchObject({ ok: false, error: { code: 'peru.ubigeo.unknown', field: 'ubigeo' } });
    const amount = dispatch(api, 'postEntry', { associationId, date: '2026-02-01', description: 'x',
      lines: [{ accountId: roleId('cash'), amount: 10.5 }, { accountId: roleId('dues_income'), amount: -10.5 }] });
    expect(amount).toMatchObject({ ok: false, error: { field: 'lines.0.amount' } });
    const unknown = dispatch(api, 'dropEverything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'operation.unknown' } });
    if (!unknown.ok) expect(unknown.error.message).toContain('no existe');
    expect(env.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(before);
  });

  it('returns an association with its district names', () => {
    expect(api.getAssociation({ associationId })).toMatchObject({
      ruc: '20131312955', department: 'Apurímac', province: 'Chincheros', district: 'Chincheros', mainProducts: ['miel'],
    });
    expect(dispatch(api, 'getAssociation', { associationId: 999 })).toMatchObject({ ok: false, error: { code: 'association.notFound' } });
  });

  it('reads one entry with its lines and follows the reversal link both ways', () => {
    const posted = api.postEntry({ associationId, date: '2026-02-10', description: 'Compra de cera de abeja',
      lines: [{ accountId: roleId('purchases'), amount: 12050 }, { accountId: roleId('cash'), amount: -12050 }] });
    const reversal = api.reverseEntry({ entryId: posted.id, date: '2026-02-11', reason: 'Duplicado' });
    const original = api.getEntry({ entryId: posted.id });
    expect(original).toMatchObject({ number: 1, description: 'Compra de cera de abeja', reversedByEntryId: reversal.id });
    expect(original.lines.map((l) => l.amount)).toEqual([12050, -12050]);
    expect(api.getEntry({ entryId: reversal.id })).toMatchObject({ number: 2, reversesEntryId: posted.id });
    expect(dispatch(api, 'getEntry', { entryId: 999 })).toMatchObject({ ok: false, error: { code: 'entry.notFound', field: 'entryId' } });
  });

  it('gives the role of an unused detail account to its first sub-account', () => {
    const caja = api.listAccounts({ associationId }).find((a) => a.role === 'cash')!;
    const principal = api.addAccount({ associationId, parentCode: caja.code, code: `${caja.code}1`, name: 'Caja principal' });
    const chica = api.addAccount({ associationId, parentCode: caja.code, code: `${caja.code}2`, name: 'Caja chica' });
    expect(principal.role).toBe('cash');
    expect(chica.role).toBeNull();
    expect(api.listAccounts({ associationId }).find((a) => a.id === caja.id)).toMatchObject({ postable: false, role: null });
    expect(api.listAccounts({ associationId }).filter((a) => a.role === 'cash').map((a) => a.name)).toEqual(['Caja principal']);
  });

  it('writes dates in refusals the Peruvian way and marks the reason when reopening a period', () => {
    api.setLockDate({ associationId, lockDate: '2026-01-31' });
    const locked = dispatch(api, 'postEntry', { associationId, date: '2026-01-15', description: 'Tarde',
      lines: [{ accountId: roleId('cash'), amount: 100 }, { accountId: roleId('dues_income'), amount: -100 }] });
    expect(locked).toMatchObject({ ok: false, error: { code: 'entry.locked', field: 'date' } });
    if (!locked.ok) expect(locked.error.message).toContain('15/01/2026');
    const reopen = dispatch(api, 'setLockDate', { associationId, lockDate: '2026-01-15' });
    expect(reopen).toMatchObject({ ok: false, error: { code: 'lock.beforeCurrent', field: 'reason' } });
    if (!reopen.ok) expect(reopen.error.message).toContain('(15/01/2026) es anterior a la actual (31/01/2026)');
    expect(api.getAssociation({ associationId }).lockDate).toBe('2026-01-31');
  });

  it('lists every operation with a JSON schema', () => {
    const schemas = operationSchemas();
    expect(Object.keys(schemas)).toContain('postEntry');
    expect(JSON.stringify(schemas.postEntry)).toContain('"lines"');
  });
});
