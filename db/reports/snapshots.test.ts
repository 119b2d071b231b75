import { afterEach, beforeEach, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAssociation } from '../associations/service';
import { postEntry } from '../journal/post';
import { tempDatabase, testContext } from '../testing/temp-db';
import { openLedgerDatabase, type LedgerDatabase } from '../storage/open';
import { latestSchemaVersion, migrations } from '../storage/migrations';
import { accountActivity, monthBounds } from './balances';
import { cashBook, generalLedger } from './books';
import { odelSummary } from '../odel/summary';
import { snapshotsMigration } from './snapshot-migration';
import { applyJournalCommand, isoDay, journalCommand, type JournalCommand } from '../testing/journal-commands';

// The monthly balance snapshots (account_month_balances) are backfilled by migration 5 and kept by
// a trigger when an entry is posted (migration 6; a trigger per line before it). They must always equal the sums of the lines, and the reports that read
// them must give exactly what a sum over every line gives.

let env: ReturnType<typeof tempDatabase>;
beforeEach(() => { env = tempDatabase(); });
afterEach(() => env.cleanup());

interface SnapshotRow { association_id: number; account_id: number; month: string; debits: number; credits: number }

const snapshots = (db: LedgerDatabase) =>
  db.prepare('SELECT association_id, account_id, month, debits, credits FROM account_month_balances ORDER BY account_id, month')
    .all() as SnapshotRow[];

const hasSnapshots = (db: LedgerDatabase) =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'account_month_balances'").get() !== undefined;

/** What the snapshots must hold, summed straight from the lines. */
const fromLines = (db: LedgerDatabase) =>
  db.prepare(
    `SELECT a.association_id, l.account_id, substr(l.date, 1, 7) AS month,
            COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount END), 0) AS debits,
            COALESCE(SUM(CASE WHEN l.amount < 0 THEN -l.amount END), 0) AS credits
       FROM journal_lines l JOIN accounts a ON a.id = l.account_id
      GROUP BY l.account_id, substr(l.date, 1, 7) ORDER BY l.account_id, month`,
  ).all() as SnapshotRow[];

/** accountActivity's postable rows recomputed over every line, the way it was before the snapshots. */
function activityFromLines(db: LedgerDatabase, associationId: number, from: string, to: string) {
  const rows = db.prepare(
    `SELECT a.id AS accountId,
            COALESCE(SUM(CASE WHEN l.date < @from THEN l.amount END), 0) AS opening,
            COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount > 0 THEN l.amount END), 0) AS debits,
            COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount < 0 THEN -l.amount END), 0) AS credits
       FROM accounts a LEFT JOIN journal_lines l ON l.account_id = a.id AND l.date <= @to
      WHERE a.association_id = @associationId AND a.postable = 1
      GROUP BY a.id ORDER BY a.id`,
  ).all({ associationId, from, to }) as { accountId: number; opening: number; debits: number; credits: number }[];
  return rows.map((r) => ({ ...r, closing: r.opening + r.debits - r.credits }));
}

/** odelSummary's money figures per association, summed over every line (its queries before the snapshots). */
function odelFromLines(db: LedgerDatabase, from: string, to: string) {
  const flows = db.prepare(
    `SELECT a.association_id AS id,
            COALESCE(-SUM(CASE WHEN a.code GLOB '7*' THEN l.amount END), 0) AS income,
            COALESCE(-SUM(CASE WHEN a.code GLOB '70*' THEN l.amount END), 0) AS sales,
            COALESCE(SUM(CASE WHEN a.code GLOB '6*' THEN l.amount END), 0) AS expenses
       FROM accounts a JOIN journal_lines l ON l.account_id = a.id AND l.date >= @from AND l.date <= @to
      GROUP BY a.association_id`,
  ).all({ from, to }) as { id: number; income: number; sales: number; expenses: number }[];
  const stocks = db.prepare(
    `SELECT a.association_id AS id,
            COALESCE(SUM(CASE WHEN substr(a.code, 1, 2) = '10' THEN l.amount END), 0) AS cash,
            COALESCE(SUM(CASE WHEN substr(a.code, 1, 2) IN ('12', '13', '14', '16') THEN l.amount END), 0) AS receivables,
            COALESCE(-SUM(CASE WHEN substr(a.code, 1, 2) BETWEEN '40' AND '47' THEN l.amount END), 0) AS debts,
            COALESCE(-SUM(CASE WHEN substr(a.code, 1, 2) = '45' THEN l.amount END), 0) AS financialDebts
       FROM accounts a JOIN journal_lines l ON l.account_id = a.id AND l.date <= @to
      GROUP BY a.association_id`,
  ).all({ to }) as { id: number; cash: number; receivables: number; debts: number; financialDebts: number }[];
  const ids = (db.prepare('SELECT id FROM associations ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  return new Map(ids.map((id) => {
    const f = flows.find((r) => r.id === id) ?? { income: 0, sales: 0, expenses: 0 };
    const s = stocks.find((r) => r.id === id) ?? { cash: 0, receivables: 0, debts: 0, financialDebts: 0 };
    return [id, {
      income: f.income, sales: f.sales, expenses: f.expenses, result: f.income - f.expenses,
      cash: s.cash, receivables: s.receivables, debts: s.debts, financialDebts: s.financialDebts,
    }];
  }));
}

/** Lines of some accounts with `from <= date < before`, summed straight from journal_lines. */
const sumOfLines = (db: LedgerDatabase, accountIds: number[], from: string, before: string) =>
  (db.prepare(
    `SELECT COALESCE(SUM(amount), 0) AS s FROM journal_lines WHERE account_id IN (SELECT value FROM json_each(?)) AND date >= ? AND date < ?`,
  ).get(JSON.stringify(accountIds), from, before) as { s: number }).s;

function expectReportsMatchLines(db: LedgerDatabase, associations: number[], from: string, to: string): void {
  for (const associationId of associations) {
    const postable = accountActivity(db, { associationId, from, to })
      .filter((r) => r.postable)
      .map((r) => ({ accountId: r.accountId, opening: r.opening, debits: r.debits, credits: r.credits, closing: r.closing }))
      .sort((a, b) => a.accountId - b.accountId);
    expect(postable, `${associationId} ${from}..${to}`).toEqual(activityFromLines(db, associationId, from, to));
    const balances = accountActivity(db, { associationId, to }).filter((r) => r.postable).sort((a, b) => a.accountId - b.accountId);
    expect(balances.map((r) => r.closing)).toEqual(activityFromLines(db, associationId, '0000-00-00', to).map((r) => r.closing));
    // Books open from the snapshots: the cash book with everything before `from`, the ledger of an
    // income account from the start of the fiscal year.
    const book = cashBook(db, { associationId, from, to });
    expect(book.opening, `cash book ${from}`).toBe(sumOfLines(db, book.accountIds, '0000-00-00', from));
    const income = db.prepare("SELECT id FROM accounts WHERE association_id = ? AND code = '7'").get(associationId) as { id: number };
    const ledger = generalLedger(db, { associationId, accountId: income.id, from, to });
    expect(ledger.opening, `ledger 7 ${from}`).toBe(sumOfLines(db, ledger.accountIds, `${from.slice(0, 4)}-01-01`, from));
  }
  const expected = odelFromLines(db, from, to);
  for (const district of odelSummary(db, { from, to }).districts) {
    for (const row of district.associations) {
      const { income, sales, expenses, result, cash, receivables, debts, financialDebts } = row;
      expect({ income, sales, expenses, result, cash, receivables, debts, financialDebts }, `${row.name} ${from}..${to}`)
        .toEqual(expected.get(row.associationId));
    }
  }
}

const command = journalCommand({ maxDay: 800, maxPicks: 5, maxAmounts: 4, maxExtraDays: 90 });

function twoAssociations(db: LedgerDatabase) {
  const associations = ['Sumaq Q\'oy', 'Misky Llankaq'].map((name) =>
    createAssociation(db, testContext, { name: `Asociación ${name}`, legalForm: 'asociacion', ubigeo: '030601' }));
  // Accounts the reports pick out (cash, receivables, debts, loans, sales, income, expenses) and any other.
  const postable = associations.map((id) =>
    (db.prepare(
      `SELECT id FROM accounts WHERE association_id = ? AND postable = 1
        ORDER BY CASE WHEN substr(code, 1, 2) IN ('10', '12', '40', '45', '46', '60', '63', '70', '75') THEN 0 ELSE 1 END, code`,
    ).all(id) as { id: number }[]).map((r) => r.id).slice(0, 30));
  return { associations, postable };
}

function run(db: LedgerDatabase, associations: number[], postable: number[][], commands: JournalCommand[]): void {
  // A rejected posting leaves neither lines nor snapshot rows behind (none on a version-4 file).
  const state = () => [db.prepare('SELECT COUNT(*) AS n FROM journal_lines').get(), hasSnapshots(db) ? snapshots(db) : null];
  for (const c of commands) applyJournalCommand(db, associations, postable, c, state);
}

const period = fc.tuple(fc.integer({ min: -40, max: 860 }), fc.integer({ min: 0, max: 400 }))
  .map(([start, length]) => ({ from: isoDay(start), to: isoDay(start + length) }));

it('snapshots equal the sums of the lines, and the reports equal sums over every line, after any postings and reversals', () => {
  const { db } = env;
  const { associations, postable } = twoAssociations(db);
  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 30 }), fc.array(period, { minLength: 1, maxLength: 3 }), (commands, periods) => {
      run(db, associations, postable, commands);
      expect(snapshots(db)).toEqual(fromLines(db));
      for (const { from, to } of periods) expectReportsMatchLines(db, associations, from, to);
    }),
    { numRuns: 40 },
  );
  // Two associations, many months: the snapshots really span them.
  const rows = snapshots(db);
  expect(new Set(rows.map((r) => r.association_id)).size).toBe(2);
  expect(new Set(rows.map((r) => r.month)).size).toBeGreaterThan(12);
});

it('handles periods that start and end in the same month, on month edges, and before any line', () => {
  const { db } = env;
  const { associations, postable } = twoAssociations(db);
  const [cash, sales] = [postable[0]![0]!, postable[0]![1]!];
  for (const date of ['2025-01-01', '2025-01-31', '2025-02-01', '2025-02-15', '2025-02-28', '2025-03-01', '2025-12-31', '2026-01-01']) {
    postEntry(db, testContext, { associationId: associations[0]!, date, description: 'Venta', lines: [{ accountId: cash, amount: 1234 }, { accountId: sales, amount: -1234 }] });
  }
  const periods: [string, string][] = [
    ['2025-02-01', '2025-02-28'], ['2025-02-15', '2025-02-15'], ['2025-02-16', '2025-02-27'], ['2025-01-31', '2025-02-01'],
    ['2025-01-01', '2025-12-31'], ['2024-01-01', '2024-12-31'], ['2025-03-02', '2025-12-30'], ['2026-01-01', '2026-01-01'],
    ['2024-12-31', '2026-01-01'], ['2027-01-01', '2027-02-01'],
  ];
  for (const [from, to] of periods) expectReportsMatchLines(db, associations, from, to);
  expect(monthBounds('2025-02-15', '2025-02-20')).toEqual({
    fromMonth: '2025-02', toMonth: '2025-02', fromMonthStart: '2025-02-00', fromMonthEnd: '2025-02-20', toMonthStart: '~',
  });
  expect(monthBounds('2025-02-15', '2025-05-03')).toEqual({
    fromMonth: '2025-02', toMonth: '2025-05', fromMonthStart: '2025-02-00', fromMonthEnd: '2025-02-99', toMonthStart: '2025-05-00',
  });
});

it('backfills the snapshots when a version-4 file is opened, then keeps them with new postings', () => {
  const { folder } = env;
  env.db.close();
  const path = `${folder}/v4.sqlite`;
  const v4 = migrations.filter((m) => m.version <= 4);
  expect(v4[v4.length - 1]!.version).toBe(4);
  expect(snapshotsMigration.version).toBe(5);
  const old = openLedgerDatabase(path, { migrations: v4, backupDirectory: folder });
  const { associations, postable } = twoAssociations(old);
  const commands = fc.sample(fc.array(command, { minLength: 40, maxLength: 40 }), { numRuns: 1, seed: 20260115 })[0]!;
  run(old, associations, postable, commands);
  expect(hasSnapshots(old)).toBe(false);
  const lines = (old.prepare('SELECT COUNT(*) AS n FROM journal_lines').get() as { n: number }).n;
  expect(lines).toBeGreaterThan(40);
  old.close();

  const db = openLedgerDatabase(path, { backupDirectory: folder });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(snapshots(db).length).toBeGreaterThan(0);
    expect(snapshots(db)).toEqual(fromLines(db));
    expectReportsMatchLines(db, associations, '2025-03-10', '2026-02-14');
    run(db, associations, postable, fc.sample(fc.array(command, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed: 7 })[0]!);
    expect(snapshots(db)).toEqual(fromLines(db));
    expectReportsMatchLines(db, associations, '2025-01-01', '2025-12-31');
  } finally {
    db.close();
  }
  // Reopening an up-to-date file changes nothing.
  const again = openLedgerDatabase(path, { backupDirectory: folder });
  try {
    expect(snapshots(again)).toEqual(fromLines(again));
  } finally {
    again.close();
  }
});

it('refuses raw SQL that deletes, lowers or moves a snapshot row', () => {
  const { db } = env;
  const { associations, postable } = twoAssociations(db);
  const [cash, sales] = [postable[0]![0]!, postable[0]![1]!];
  postEntry(db, testContext, { associationId: associations[0]!, date: '2025-04-02', description: 'Venta', lines: [{ accountId: cash, amount: 500 }, { accountId: sales, amount: -500 }] });
  const before = snapshots(db);
  expect(() => db.prepare('DELETE FROM account_month_balances').run()).toThrow(/snapshot.derived/);
  expect(() => db.prepare('UPDATE account_month_balances SET debits = debits - 1 WHERE debits > 0').run()).toThrow(/snapshot.derived/);
  expect(() => db.prepare("UPDATE account_month_balances SET month = '2025-05'").run()).toThrow(/snapshot.derived/);
  expect(snapshots(db)).toEqual(before);
  expect(snapshots(db)).toEqual(fromLines(db));
});
