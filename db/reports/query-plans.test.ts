import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createLedgerApi, type LedgerApi } from '../api';
import { tempDatabase } from '../testing/temp-db';
import { addMember } from '../contributions/testing';
import { forgetPreparedStatements } from '../storage/statements';

// EXPLAIN QUERY PLAN of every statement the reports run over journal_lines: each must reach the
// lines through an index (journal_lines_account_date for account and date, the (entry_id, line_no)
// key for an entry's other lines), never by a full scan of journal_lines.

interface Recorded { sql: string; args: unknown[] }

/** Records what the reports prepare and run, without changing what they do. */
function recordStatements(db: Database.Database): { recorded: Recorded[]; stop: () => void } {
  const recorded: Recorded[] = [];
  forgetPreparedStatements(db); // statements cached by an earlier call would not pass through prepare
  const original = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = original(sql);
    return new Proxy(statement, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if ((property === 'all' || property === 'get' || property === 'iterate') && typeof value === 'function') {
          return (...args: unknown[]) => {
            recorded.push({ sql, args });
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }) as typeof db.prepare;
  return { recorded, stop: () => { db.prepare = original; forgetPreparedStatements(db); } };
}

function plan(db: Database.Database, { sql, args }: Recorded): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}

let env: ReturnType<typeof tempDatabase>;
afterEach(() => env.cleanup());

function example(): { api: LedgerApi; associationId: number } {
  env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: 'prueba', now: () => new Date('2026-07-15T12:00:00Z') });
  const { id } = api.openExampleAssociation({});
  api.seedDefaultContributionTypes({ associationId: id });
  addMember(env.db, id, 'Rosa Quispe', '2025-01-01');
  // A second association in the same file (an ODEL promoter's): its lines must not be read either.
  const other = api.createAssociation({ name: 'Asociación Tika Pallana', legalForm: 'asociacion', ubigeo: '030601' }).id;
  const accounts = api.listAccounts({ associationId: other });
  const role = (r: string) => accounts.find((a) => a.role === r)!.id;
  for (let day = 1; day <= 28; day += 1) {
    api.postEntry({ associationId: other, date: `2026-02-${String(day).padStart(2, '0')}`, description: 'Venta de cuyes',
      lines: [{ accountId: role('cash'), amount: 2500 }, { accountId: role('sales_products'), amount: -2500 }] });
  }
  return { api, associationId: id };
}

/** A draft entry with lines, as a tool with foreign keys off (sqlite3, Python) can leave one. */
function leaveDraft(db: Database.Database, associationId: number): void {
  const account = (db.prepare("SELECT id FROM accounts WHERE association_id = ? AND role = 'cash'").get(associationId) as { id: number }).id;
  const other = (db.prepare("SELECT id FROM accounts WHERE association_id = ? AND role = 'sales_products'").get(associationId) as { id: number }).id;
  db.pragma('foreign_keys = OFF');
  try {
    const entry = Number(db.prepare(`INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, created_at, created_by)
        VALUES (?, 2026, (SELECT COALESCE(MAX(number), 0) + 1 FROM journal_entries WHERE association_id = ? AND fiscal_year = 2026),
                '2026-06-10', 'Borrador dejado por otra herramienta', '2026-06-10T00:00:00Z', 'sqlite3')`).run(associationId, associationId).lastInsertRowid);
    const line = db.prepare('INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount) VALUES (?, ?, ?, ?, ?)');
    line.run(entry, 1, account, '2026-06-10', 1_000);
    line.run(entry, 2, other, '2026-06-10', -1_000);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

describe('report query plans', () => {
  it.each([[false, false], [true, false], [false, true], [true, true]])(
    'reach journal_lines through its indexes, never a full scan (ANALYZE run: %s, a stray draft in the file: %s)', (analyzed, withDraft) => {
    const { api, associationId } = example();
    if (withDraft) leaveDraft(env.db, associationId);
    if (analyzed) env.db.exec('ANALYZE');
    const calls: [string, () => unknown][] = [
      ['balanceSheet', () => api.balanceSheet({ associationId, date: '2026-06-30' })],
      ['incomeStatement', () => api.incomeStatement({ associationId, from: '2026-01-01', to: '2026-06-30' })],
      ['cashBook', () => api.cashBook({ associationId, from: '2026-01-01', to: '2026-06-30' })],
      ['generalLedger', () => api.generalLedger({ associationId, accountId: api.listAccounts({ associationId }).find((a) => a.code === '7')!.id, from: '2026-01-01', to: '2026-06-30' })],
      ['dashboard', () => api.dashboard({ associationId, today: '2026-06-30' })],
      ['accountBalances', () => api.accountBalances({ associationId, date: '2026-06-30' })],
      ['trialBalance', () => api.trialBalance({ associationId, from: '2026-01-01', to: '2026-06-30' })],
      ['odelSummary', () => api.odelSummary({ from: '2026-01-01', to: '2026-06-30' })],
      ['associationSheet', () => api.associationSheet({ associationId, from: '2026-01-15', to: '2026-06-20' })],
    ];
    const snapshotPlans: string[] = [];
    const plans: Record<string, string[][]> = {};
    for (const [name, call] of calls) {
      const { recorded, stop } = recordStatements(env.db);
      try { call(); } finally { stop(); }
      const overLines = recorded.filter((r) => /journal_lines/.test(r.sql));
      expect(overLines.length, name).toBeGreaterThan(0);
      // While a draft is in the file, every read of the lines by account and date keeps only the
      // lines of posted entries; in a healthy file it reads the index alone.
      if (withDraft) {
        for (const { sql } of overLines.filter((r) => /journal_lines l\b/.test(r.sql))) {
          expect(sql, name).toMatch(/journal_entries e ON e\.id = l\.entry_id AND e\.posted = 1/);
        }
      }
      plans[name] = overLines.map((r) => plan(env.db, r));
      snapshotPlans.push(...recorded.filter((r) => /account_month_balances/.test(r.sql)).map((r) => `${name}:\n${plan(env.db, r).join('\n')}`));
      if (process.env.KHIPU_SHOW_PLANS) console.log(name, analyzed, JSON.stringify(plans[name], null, 1));
    }
    for (const [name, list] of Object.entries(plans)) {
      for (const details of list) {
        const text = details.join('\n');
        // The other lines of entries already found (a book's counter-accounts) are read by the entry's key.
        if (/SEARCH o USING INDEX sqlite_autoindex_journal_lines_1 \(entry_id=\?\)/.test(text) && !/\b(SEARCH|SCAN) l\b/.test(text)) continue;
        // Lines are searched, never scanned.
        expect(text, `${name}:\n${text}`).not.toMatch(/SCAN (l|o|journal_lines)\b/);
        // By account and date; or, for the parties' balances (ODEL), by account within the lines that carry a party.
        expect(text, `${name}:\n${text}`).toMatch(
          /SEARCH l USING (COVERING )?INDEX (journal_lines_account_date \(account_id=\? AND date[<>=]|journal_lines_account_party \(account_id=\? AND party_id>\?\))/,
        );
        // Nor skip-scanned (ANY(account_id) would read every account's range).
        expect(text, `${name}:\n${text}`).not.toMatch(/SEARCH (l|s) .*ANY\(/);
        // A line counts only if its entry is posted (a tool with foreign keys off can leave a draft's
        // lines): each line's entry is found by its key, never by a scan of the entries.
        if (withDraft) {
          expect(text, `${name}:\n${text}`).toMatch(
            /SEARCH e USING ((COVERING )?INDEX journal_entries_posted_key \(id=\? AND posted=\?|INTEGER PRIMARY KEY \(rowid=\?\))/,
          );
        }
        expect(text, `${name}:\n${text}`).not.toMatch(/SCAN (e|journal_entries)\b/);
      }
    }
    // Whole months come from the monthly snapshots, by primary key range for each account, never a scan.
    expect(snapshotPlans.length).toBeGreaterThanOrEqual(4);
    for (const text of snapshotPlans) {
      expect(text).toMatch(/SEARCH s USING PRIMARY KEY \(account_id=\? AND month[<>=]/);
      expect(text).not.toMatch(/SCAN (s|account_month_balances)\b/);
      expect(text).not.toMatch(/SEARCH s .*ANY\(/);
    }
    // The counter-accounts of a book line come from the entry's own lines, by key.
    expect(plans.cashBook!.flat().join('\n')).toMatch(/SEARCH o USING INDEX sqlite_autoindex_journal_lines_1 \(entry_id=\?\)/);
  });

  it('reads contribution documents of one association by date through their indexes', () => {
    const { api, associationId } = example();
    const { recorded, stop } = recordStatements(env.db);
    try { api.contributionsByMember({ associationId, from: '2026-01-01', to: '2026-06-30' }); } finally { stop(); }
    const text = recorded.filter((r) => /FROM charges|FROM in_kind_contributions/.test(r.sql)).map((r) => plan(env.db, r).join('\n')).join('\n');
    expect(text).toMatch(/SEARCH charges USING INDEX charges_association_date \(association_id=\? AND date>\? AND date<\?\)/);
    expect(text).toMatch(/SEARCH in_kind_contributions USING INDEX in_kind_contributions_association_date/);
    expect(text).not.toMatch(/SCAN (charges|in_kind_contributions)\b/);
  });

  it('filters the journal by member or account with one read of the lines, not one per entry', () => {
    const { api, associationId } = example();
    const member = api.listMembers({ associationId }).members[0]!.id;
    const cash = api.listAccounts({ associationId }).find((a) => a.role === 'cash')!.id;
    for (const filter of [{ memberId: member }, { accountId: cash }]) {
      const { recorded, stop } = recordStatements(env.db);
      try { api.listJournal({ associationId, ...filter, limit: 100 }); } finally { stop(); }
      const text = recorded.filter((r) => /FROM journal_entries e WHERE/.test(r.sql)).map((r) => plan(env.db, r).join('\n')).join('\n');
      // A correlated EXISTS let SQLite walk the member's lines once per entry (10 s at ten years).
      expect(text, JSON.stringify(filter)).toMatch(/LIST SUBQUERY/);
      expect(text, JSON.stringify(filter)).not.toMatch(/SEARCH l EXISTS|CORRELATED/);
      expect(text, JSON.stringify(filter)).toMatch(/SEARCH l USING (COVERING )?INDEX journal_lines_(member|account_date) \((member_id|account_id)=\?/);
    }
  });
});
