import { afterEach, beforeEach, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAssociation } from '../associations/service';
import { postEntry, reverseEntry } from './post';
import { tempDatabase, testContext } from '../testing/temp-db';
import { KhipuError } from '../../shared/errors';
import { balancedLines, isoDay, journalCommand } from '../testing/journal-commands';

let env: ReturnType<typeof tempDatabase>;
beforeEach(() => { env = tempDatabase(); });
afterEach(() => env.cleanup());

const command = journalCommand({ maxDay: 700, maxPicks: 6, maxAmounts: 5, maxExtraDays: 60 });

it('any sequence of postings and reversals keeps every balance equal to its lines and the trial balance at zero', () => {
  const { db } = env;
  const associations = ['Sumaq Q\'oy', 'Misky Llankaq'].map((name) =>
    createAssociation(db, testContext, { name: `Asociación ${name}`, legalForm: 'asociacion', ubigeo: '030601' }));
  const postable = associations.map((id) =>
    (db.prepare('SELECT id FROM accounts WHERE association_id = ? AND postable = 1 ORDER BY code').all(id) as { id: number }[]).map((r) => r.id));

  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), (commands) => {
      const model = new Map<number, number>(); // accountId → balance, kept independently of the database
      for (const row of db.prepare('SELECT account_id, SUM(amount) AS s FROM journal_lines GROUP BY account_id').all() as { account_id: number; s: number }[]) {
        model.set(row.account_id, row.s);
      }
      const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      for (const c of commands) {
        if (c.kind === 'post') {
          const lines = balancedLines(c, postable[c.association]!);
          if (!lines) continue;
          postEntry(db, testContext, { associationId: associations[c.association]!, date: isoDay(c.day), description: 'Movimiento', lines });
          for (const l of lines) model.set(l.accountId, (model.get(l.accountId) ?? 0) + l.amount);
        } else if (c.kind === 'reverse') {
          const open = db.prepare(
            'SELECT id, date FROM journal_entries WHERE reversed_by_entry_id IS NULL AND reverses_entry_id IS NULL ORDER BY id',
          ).all() as { id: number; date: string }[];
          if (open.length === 0) continue;
          const target = open[c.pick % open.length]!;
          const date = new Date(Date.parse(target.date) + c.extraDays * 86_400_000).toISOString().slice(0, 10);
          reverseEntry(db, testContext, { entryId: target.id, date, reason: 'prueba' });
          for (const l of db.prepare('SELECT account_id, amount FROM journal_lines WHERE entry_id = ?').all(target.id) as { account_id: number; amount: number }[]) {
            model.set(l.account_id, (model.get(l.account_id) ?? 0) - l.amount);
          }
        } else {
          const before = [count('journal_entries'), count('journal_lines'), count('audit_log')];
          const accounts = postable[c.association]!;
          expect(() => postEntry(db, testContext, { associationId: associations[c.association]!, date: isoDay(10), description: 'Malo',
            lines: [{ accountId: accounts[0]!, amount: c.amount }, { accountId: accounts[1]!, amount: -c.amount - 1 }] }))
            .toThrow(KhipuError);
          expect([count('journal_entries'), count('journal_lines'), count('audit_log')]).toEqual(before);
        }
      }
      // Trial balance at zero, every entry balanced, every account equal to the model.
      expect((db.prepare('SELECT COALESCE(SUM(amount), 0) AS s FROM journal_lines').get() as { s: number }).s).toBe(0);
      expect(db.prepare('SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING SUM(amount) <> 0').all()).toEqual([]);
      const actual = db.prepare('SELECT account_id, SUM(amount) AS s FROM journal_lines GROUP BY account_id').all() as { account_id: number; s: number }[];
      for (const row of actual) expect(row.s).toBe(model.get(row.account_id) ?? 0);
      for (const [accountId, balance] of model) {
        if (!actual.some((r) => r.account_id === accountId)) expect(balance).toBe(0);
      }
      // Numbers per association and year are exactly 1..n.
      const series = db.prepare(
        'SELECT association_id, fiscal_year, COUNT(*) AS n, MIN(number) AS lo, MAX(number) AS hi FROM journal_entries GROUP BY 1, 2',
      ).all() as { n: number; lo: number; hi: number }[];
      for (const s of series) expect([s.lo, s.hi]).toEqual([1, s.n]);
      // Reversal links point both ways.
      expect(db.prepare(
        `SELECT o.id FROM journal_entries o JOIN journal_entries r ON r.id = o.reversed_by_entry_id
          WHERE r.reverses_entry_id IS NOT o.id`,
      ).all()).toEqual([]);
    }),
    { numRuns: 40 },
  );
});
