import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createLedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import { hasErrorMessage } from '../../shared/i18n';

// A Khipu file must outlive Khipu: Debian 12's sqlite3 (SQLite 3.40) and Python's sqlite3 module
// open it, check it, query it, and its triggers still parse and refuse what they refuse in Khipu.

const DEBIAN_SQLITE = '/usr/bin/sqlite3';

function requireTool(path: string, install: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: these tests need Debian's tool. Install it with: sudo apt-get install -y ${install}`);
  }
}

/** Runs a script through Debian's sqlite3 CLI on the file; -bail stops at the first error, as a script should. */
function sqlite3(path: string, script: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(DEBIAN_SQLITE, ['-bail', path], { input: script, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

describe('a file filled by Khipu, read by Debian sqlite3 3.40 and Python', () => {
  let env: ReturnType<typeof tempDatabase>;
  let lines: number;
  let total: number;

  beforeAll(() => {
    requireTool(DEBIAN_SQLITE, 'sqlite3');
    env = tempDatabase();
    const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
    api.openExampleAssociation({});
    ({ lines, total } = env.db.prepare('SELECT COUNT(*) AS lines, SUM(abs(amount)) AS total FROM journal_lines').get() as
      { lines: number; total: number });
    expect(lines).toBeGreaterThan(100);
    env.db.pragma('wal_checkpoint(TRUNCATE)');
    env.db.close();
  });
  afterAll(() => env?.cleanup());

  it('is SQLite 3.40 that reads it', () => {
    expect(sqlite3(':memory:', 'SELECT sqlite_version();').stdout).toMatch(/^3\.40\./);
  });

  it('passes integrity_check and foreign_key_check and answers a query over the journal', () => {
    const result = sqlite3(env.path, `
      PRAGMA integrity_check;
      PRAGMA foreign_key_check;
      SELECT COUNT(*) || '|' || SUM(abs(l.amount)) || '|' || SUM(l.amount)
        FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE e.posted = 1;
    `);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual(['ok', `${lines}|${total}|0`]);
  });

  it('fires the posting triggers: an unbalanced entry is refused, a balanced one posts and updates its month', () => {
    const draft = (amounts: [number, number]) => `
      PRAGMA foreign_keys = ON;
      BEGIN;
      INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, created_at, created_by)
        SELECT 1, 2031, COALESCE(MAX(number), 0) + 1, '2031-01-15', 'Prueba con sqlite3', '2031-01-15T00:00:00Z', 'sqlite3'
          FROM journal_entries WHERE association_id = 1 AND fiscal_year = 2031;
      INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount)
        VALUES ((SELECT MAX(id) FROM journal_entries), 1, (SELECT id FROM accounts WHERE association_id = 1 AND role = 'cash'), '2031-01-15', ${amounts[0]});
      INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount)
        VALUES ((SELECT MAX(id) FROM journal_entries), 2, (SELECT id FROM accounts WHERE association_id = 1 AND role = 'bank'), '2031-01-15', ${amounts[1]});
      UPDATE journal_entries SET posted = 1 WHERE id = (SELECT MAX(id) FROM journal_entries);
      SELECT debits FROM account_month_balances
       WHERE account_id = (SELECT id FROM accounts WHERE association_id = 1 AND role = 'cash') AND month = '2031-01';
      ROLLBACK;`;
    const unbalanced = sqlite3(env.path, draft([1_000, -999]));
    expect(unbalanced.status).not.toBe(0);
    expect(unbalanced.stderr).toContain('entry.unbalanced');
    const balanced = sqlite3(env.path, draft([1_000, -1_000]));
    expect(balanced.stderr).toBe('');
    expect(balanced.stdout).toBe('1000');
    // Nothing of either attempt stayed in the file.
    expect(sqlite3(env.path, "SELECT COUNT(*) FROM journal_entries WHERE date = '2031-01-15';").stdout).toBe('0');
  });

  it('refuses through the CLI what the database refuses in Khipu: a snapshot edit, an unaudited lock date', () => {
    const snapshot = sqlite3(env.path, 'UPDATE account_month_balances SET debits = debits + 1;');
    expect(snapshot.stderr).toContain('snapshot.derived');
    const lock = sqlite3(env.path, "UPDATE associations SET lock_date = '2025-01-31';");
    expect(lock.stderr).toContain('lock.unaudited');
  });

  it("reads the same journal through Python's sqlite3 module", () => {
    requireTool('/usr/bin/python3', 'python3');
    const script = [
      'import sqlite3, sys',
      'con = sqlite3.connect(sys.argv[1])',
      'print(con.execute("PRAGMA integrity_check").fetchone()[0])',
      'n, t, s = con.execute("SELECT COUNT(*), SUM(abs(l.amount)), SUM(l.amount) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE e.posted = 1").fetchone()',
      'print(f"{n}|{t}|{s}")',
    ].join('\n');
    const run = spawnSync('/usr/bin/python3', ['-c', script, env.path], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual(['ok', `${lines}|${total}|0`]);
  });
});

describe('the schema of a fresh file uses nothing newer than SQLite 3.40', () => {
  it('every RAISE carries a literal message, and no newer syntax appears', () => {
    const env = tempDatabase();
    try {
      const objects = env.db.prepare('SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL').all() as
        { type: string; name: string; sql: string }[];
      expect(objects.filter((o) => o.type === 'trigger').length).toBeGreaterThan(20);
      const offences: string[] = [];
      for (const { name, sql: text } of objects) {
        const sql = text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, ''); // comments are no syntax
        for (const match of sql.matchAll(/RAISE\s*\(/gi)) {
          const rest = sql.slice(match.index);
          if (!/^RAISE\s*\(\s*(IGNORE\s*\)|(ABORT|FAIL|ROLLBACK)\s*,\s*'[^']*'\s*\))/i.test(rest)) {
            offences.push(`${name}: ${rest.slice(0, 60).replace(/\s+/g, ' ')}`);
          }
        }
        // Later than 3.40: JSON -> / ->> (3.38 is fine, but Python builds vary), unixepoch (3.38), IS DISTINCT FROM
        // (3.39), RIGHT/FULL JOIN (3.39), RAISE with an expression (3.41's parser), STRICT is 3.37 and allowed.
        for (const [pattern, what] of [
          [/->>?/, 'JSON arrow operator'], [/\bunixepoch\s*\(/i, 'unixepoch()'], [/\bIS\s+(NOT\s+)?DISTINCT\s+FROM\b/i, 'IS DISTINCT FROM'],
          [/\b(RIGHT|FULL)\s+(OUTER\s+)?JOIN\b/i, 'RIGHT/FULL JOIN'], [/\boctet_length\s*\(/i, 'octet_length()'],
          [/\bconcat(_ws)?\s*\(/i, 'concat()'], [/\bstring_agg\s*\(/i, 'string_agg()'],
        ] as const) {
          if (pattern.test(sql)) offences.push(`${name}: ${what}`);
        }
      }
      expect(offences).toEqual([]);
    } finally {
      env.cleanup();
    }
  });

  it("every code a trigger raises reads in both catalogs (Khipu shows the trigger's refusal in plain words)", () => {
    const env = tempDatabase();
    try {
      const triggers = env.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").all() as { sql: string }[];
      const codes = new Set(triggers.flatMap(({ sql }) => [...sql.matchAll(/RAISE\s*\(\s*ABORT\s*,\s*'([^']+)'/gi)].map((m) => m[1]!)));
      expect(codes.size).toBeGreaterThan(10);
      const missing = [...codes].filter((code) => !hasErrorMessage(code, 'es') || !hasErrorMessage(code, 'en'));
      expect(missing).toEqual([]);
    } finally {
      env.cleanup();
    }
  });

  it('Debian sqlite3 parses every table, index and trigger of a fresh file', () => {
    requireTool(DEBIAN_SQLITE, 'sqlite3');
    const env = tempDatabase();
    try {
      const count = (env.db.prepare('SELECT COUNT(*) AS n FROM sqlite_master').get() as { n: number }).n;
      env.db.pragma('wal_checkpoint(TRUNCATE)');
      env.db.close();
      const result = sqlite3(env.path, 'PRAGMA integrity_check; SELECT COUNT(*) FROM sqlite_master;');
      expect(result.stderr).toBe('');
      expect(result.stdout.split('\n')).toEqual(['ok', String(count)]);
    } finally {
      env.cleanup();
    }
  });
});
