import type { Migration } from '../storage/migrations';

// The posting triggers of versions 1 and 5, doing the same checks with fewer reads (the bulk
// path posts a million lines through them):
//   - journal_lines_insert read the entry three times and the account twice, one subquery per
//     rule; now one statement joins them once and names the first rule broken (RAISE takes an
//     expression), in the same order as before;
//   - journal_entries_post summed and counted the entry's lines in two passes; now one;
//   - the monthly snapshots were upserted once per LINE (journal_lines_month_balance); now
//     once per account of the entry, when it is posted (a milk collection of twenty members
//     touches two accounts, not twenty-one rows). A posted entry never changes and posting
//     happens once, so each line is counted exactly once; lines only exist in the file inside
//     posted entries, as before (a draft never outlives the transaction that writes it).
// And the snapshot table, derived from the journal, now refuses deletes, decreases and moved
// keys from raw SQL (the upkeep only ever adds to a row).
export const postingTriggersMigration: Migration = {
  version: 6,
  description: 'leaner posting triggers; snapshots kept per posted entry and account; snapshots guarded',
  up: (db) => {
    db.exec(`
      DROP TRIGGER journal_lines_insert;
      CREATE TRIGGER journal_lines_insert BEFORE INSERT ON journal_lines
      BEGIN
        SELECT RAISE(ABORT, CASE
                 WHEN e.posted <> 0 THEN 'entry.immutable'
                 WHEN NEW.date IS NOT e.date THEN 'entry.lineDate'
                 WHEN a.association_id IS NOT e.association_id THEN 'account.otherAssociation'
                 WHEN a.postable <> 1 THEN 'account.notPostable'
                 ELSE 'entry.dimensionOtherAssociation' END)
          FROM (SELECT 1) LEFT JOIN journal_entries e ON e.id = NEW.entry_id LEFT JOIN accounts a ON a.id = NEW.account_id
         WHERE e.posted <> 0 OR NEW.date IS NOT e.date OR a.association_id IS NOT e.association_id OR a.postable <> 1
            OR (NEW.member_id IS NOT NULL AND (SELECT association_id FROM members WHERE id = NEW.member_id) IS NOT e.association_id)
            OR (NEW.party_id IS NOT NULL AND (SELECT association_id FROM parties WHERE id = NEW.party_id) IS NOT e.association_id)
            OR (NEW.contract_id IS NOT NULL AND (SELECT association_id FROM contracts WHERE id = NEW.contract_id) IS NOT e.association_id)
            OR (NEW.product_line_id IS NOT NULL
                AND (SELECT association_id FROM product_lines WHERE id = NEW.product_line_id) IS NOT e.association_id);
      END;

      DROP TRIGGER journal_entries_post;
      CREATE TRIGGER journal_entries_post BEFORE UPDATE ON journal_entries
      WHEN OLD.posted = 0 AND NEW.posted = 1
      BEGIN
        SELECT RAISE(ABORT, CASE WHEN total <> 0 THEN 'entry.unbalanced' ELSE 'entry.tooFewLines' END)
          FROM (SELECT COALESCE(SUM(amount), 0) AS total, COUNT(*) AS lines FROM journal_lines WHERE entry_id = NEW.id)
         WHERE total <> 0 OR lines < 2;
      END;

      DROP TRIGGER journal_lines_month_balance;
      CREATE TRIGGER journal_entries_month_balance AFTER UPDATE OF posted ON journal_entries
      WHEN OLD.posted = 0 AND NEW.posted = 1
      BEGIN
        INSERT INTO account_month_balances (association_id, account_id, month, debits, credits)
        SELECT NEW.association_id, account_id, substr(NEW.date, 1, 7),
               SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END), SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END)
          FROM journal_lines WHERE entry_id = NEW.id GROUP BY account_id
        ON CONFLICT (account_id, month) DO UPDATE
          SET debits = debits + excluded.debits, credits = credits + excluded.credits;
      END;

      CREATE TRIGGER account_month_balances_no_delete BEFORE DELETE ON account_month_balances
      BEGIN SELECT RAISE(ABORT, 'snapshot.derived'); END;
      CREATE TRIGGER account_month_balances_only_add BEFORE UPDATE ON account_month_balances
      WHEN NEW.debits < OLD.debits OR NEW.credits < OLD.credits OR NEW.account_id IS NOT OLD.account_id
        OR NEW.month IS NOT OLD.month OR NEW.association_id IS NOT OLD.association_id
      BEGIN SELECT RAISE(ABORT, 'snapshot.derived'); END;
    `);
  },
};
