import { afterEach, beforeEach, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAssociation } from '../associations/service';
import { tempDatabase, testContext } from '../testing/temp-db';
import { applyJournalCommand, journalCommand } from '../testing/journal-commands';

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
      const state = () => [count('journal_entries'), count('journal_lines'), count('audit_log')];
      for (const c of commands) {
        for (const l of applyJournalCommand(db, associations, postable, c, state) ?? []) {
          model.set(l.accountId, (model.get(l.accountId) ?? 0) + l.amount);
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
