import type { Migration } from '../storage/migrations';

// Monthly balance snapshots: per account and calendar month ('yyyy-mm'), the debits and credits of
// its journal lines. The database keeps them itself: an AFTER INSERT trigger on journal_lines adds
// each line to its account's month, in the same statement (so in the same transaction) as the line.
// Lines are never updated or deleted (journal_lines_no_update / _no_delete), so insert-only upkeep
// is complete; a rolled-back posting rolls its snapshot rows back with it. Like the balance reports,
// the snapshots count every line in the file: lines are only written by a posting that flips its
// entry to posted in the same transaction.
//
// A balance up to a date D is then the account's whole months before D's month (primary key range)
// plus the lines of D's month up to D (journal_lines_account_date): one month of lines at most,
// whatever the years of history before it.
//
// Since version 6 (db/journal/posting-migration.ts) the upkeep runs once per account when an entry
// is posted, instead of once per line, and raw SQL cannot delete or lower a snapshot row.
export const snapshotsMigration: Migration = {
  version: 5,
  description: 'monthly account balance snapshots maintained by a trigger on journal_lines',
  up: (db) => {
    db.exec(`
      CREATE TABLE account_month_balances (
        association_id INTEGER NOT NULL REFERENCES associations(id),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        debits INTEGER NOT NULL DEFAULT 0 CHECK (debits >= 0),
        credits INTEGER NOT NULL DEFAULT 0 CHECK (credits >= 0),
        PRIMARY KEY (account_id, month)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO account_month_balances (association_id, account_id, month, debits, credits)
      SELECT a.association_id, l.account_id, substr(l.date, 1, 7),
             COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount END), 0),
             COALESCE(SUM(CASE WHEN l.amount < 0 THEN -l.amount END), 0)
        FROM journal_lines l JOIN accounts a ON a.id = l.account_id
       GROUP BY l.account_id, substr(l.date, 1, 7);

      CREATE TRIGGER journal_lines_month_balance AFTER INSERT ON journal_lines
      BEGIN
        INSERT INTO account_month_balances (association_id, account_id, month, debits, credits)
        VALUES ((SELECT association_id FROM accounts WHERE id = NEW.account_id), NEW.account_id, substr(NEW.date, 1, 7),
                CASE WHEN NEW.amount > 0 THEN NEW.amount ELSE 0 END, CASE WHEN NEW.amount < 0 THEN -NEW.amount ELSE 0 END)
        ON CONFLICT (account_id, month) DO UPDATE
          SET debits = debits + excluded.debits, credits = credits + excluded.credits;
      END;
    `);
  },
};
