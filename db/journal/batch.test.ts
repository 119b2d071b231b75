import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import { MAX_BATCH_ENTRIES } from '../../shared/operations/ledger';
import { KhipuError } from '../../shared/errors';
import type { LedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';

let env: ReturnType<typeof tempDatabase>;
let db: LedgerDatabase;
let api: LedgerApi;
let associationId: number;
const account = (role: string, association = associationId) =>
  (db.prepare('SELECT id FROM accounts WHERE association_id = ? AND role = ?').get(association, role) as { id: number }).id;
const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function refusal(fn: () => unknown): KhipuError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KhipuError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const sale = (date: string, amount: number) => ({
  date, description: `Venta de queso en la feria del ${date}`,
  lines: [{ accountId: account('cash'), amount }, { accountId: account('sales_goods'), amount: -amount }],
});

beforeEach(() => {
  env = tempDatabase();
  db = env.db;
  api = createLedgerApi(db, testContext);
  associationId = api.createAssociation({ name: 'Asociación Lechera Misky Llankaq', legalForm: 'asociacion', ubigeo: '030601' }).id;
});
afterEach(() => env.cleanup());

describe('postEntries (the bulk path)', () => {
  it('posts every entry in order with the next numbers of each fiscal year, and one audit row for the batch', () => {
    api.postEntry({ associationId, ...sale('2026-01-05', 1_000) });
    const member = api.createMember({ associationId, givenNames: 'Tika', surnames: 'Quispe Ayme', sex: 'F', dni: '41234501', joinedOn: '2025-06-01' }).id;
    const audits = count('audit_log');
    const batch = api.postEntries({
      associationId,
      entries: [
        sale('2026-12-30', 2_500),
        { date: '2026-12-31', description: 'Acopio de leche', lines: [
          { accountId: account('purchases_raw_materials'), amount: 2_600 },
          { accountId: account('payable_members'), amount: -2_600, memberId: member, memo: '20 L' },
        ] },
        sale('2027-01-02', 700),
      ],
    });
    expect(batch.lines).toBe(6);
    expect(batch.entries.map((e) => [e.fiscalYear, e.number])).toEqual([[2026, 2], [2026, 3], [2027, 1]]);
    expect(count('audit_log')).toBe(audits + 1);
    const audit = db.prepare("SELECT details FROM audit_log WHERE operation = 'postEntries'").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ entries: 3, lines: 6, debits: 5_800, numbers: ['2026-2', '2027-1'] });
    const byMember = db.prepare('SELECT SUM(amount) AS s FROM journal_lines WHERE member_id = ?').get(member);
    expect(byMember).toEqual({ s: -2_600 });
    const snapshot = db.prepare('SELECT debits, credits FROM account_month_balances WHERE account_id = ? AND month = ?')
      .get(account('cash'), '2026-12');
    expect(snapshot).toEqual({ debits: 2_500, credits: 0 });
  });

  it('refuses the whole batch when one entry is wrong, naming the entry and its field, and writes nothing', () => {
    api.postEntry({ associationId, ...sale('2026-01-05', 1_000) });
    const before = [count('journal_entries'), count('journal_lines'), count('audit_log'), count('account_month_balances')];
    const unbalanced = { ...sale('2026-02-03', 900), lines: [...sale('2026-02-03', 900).lines.slice(0, 1), { accountId: account('sales_goods'), amount: -800 }] };
    const error = refusal(() => api.postEntries({ associationId, entries: [sale('2026-02-01', 100), sale('2026-02-02', 200), unbalanced] }));
    expect(error.code).toBe('entry.unbalanced');
    expect(error.field).toBe('entries.2.lines');
    expect(error.message).toMatch(/^Asiento 3 del lote \(03\/02\/2026, «Venta de queso en la feria del 2026-02-03»\): El asiento no cuadra/);
    expect(error.toApiError('en').message).toMatch(/^Entry 3 of the batch \(03\/02\/2026, .*\): The entry does not balance/);
    expect([count('journal_entries'), count('journal_lines'), count('audit_log'), count('account_month_balances')]).toEqual(before);
    // The numbering continues where it was: nothing of the refused batch was kept.
    expect(api.postEntries({ associationId, entries: [sale('2026-02-01', 100)] }).entries[0]!.number).toBe(2);
  });

  it('applies the same checks as postEntry: accounts of the association, dimensions, lock date', () => {
    const other = api.createAssociation({ name: 'Comité de Regantes Uripa', legalForm: 'comite', ubigeo: '030605' }).id;
    const foreign = refusal(() => api.postEntries({ associationId, entries: [sale('2026-02-01', 100), {
      date: '2026-02-02', description: 'Cuenta ajena', lines: [{ accountId: account('cash', other), amount: 5 }, { accountId: account('sales_goods'), amount: -5 }],
    }] }));
    expect([foreign.code, foreign.field]).toEqual(['account.notFound', 'entries.1.lines.0.accountId']);
    const ghost = refusal(() => api.postEntries({ associationId, entries: [{
      date: '2026-02-02', description: 'Socio inexistente', lines: [{ accountId: account('cash'), amount: 5, memberId: 999 }, { accountId: account('sales_goods'), amount: -5 }],
    }] }));
    expect([ghost.code, ghost.field]).toEqual(['entry.dimensionNotFound', 'entries.0.lines.0.memberId']);
    api.setLockDate({ associationId, lockDate: '2026-01-31' });
    const locked = refusal(() => api.postEntries({ associationId, entries: [sale('2026-02-01', 100), sale('2026-01-31', 100)] }));
    expect([locked.code, locked.field]).toEqual(['entry.locked', 'entries.1.date']);
    expect(count('journal_entries')).toBe(0);
  });

  it('checks its input at the boundary: at least one entry, at most the limit, each field named', () => {
    expect(refusal(() => api.postEntries({ associationId, entries: [] })).field).toBe('entries');
    const tooMany = Array.from({ length: MAX_BATCH_ENTRIES + 1 }, () => sale('2026-02-01', 100));
    expect(refusal(() => api.postEntries({ associationId, entries: tooMany })).code).toBe('input.tooBig');
    const badDate = refusal(() => api.postEntries({ associationId, entries: [sale('2026-02-30', 100)] }));
    expect([badDate.code, badDate.field]).toEqual(['input.date', 'entries.0.date']);
    const fraction = refusal(() => api.postEntries({ associationId, entries: [{ ...sale('2026-02-01', 100), lines: [
      { accountId: account('cash'), amount: 10.5 }, { accountId: account('sales_goods'), amount: -10.5 },
    ] }] }));
    expect([fraction.code, fraction.field]).toEqual(['input.notInteger', 'entries.0.lines.0.amount']);
    expect(count('journal_entries')).toBe(0);
  });
});
