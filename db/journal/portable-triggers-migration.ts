import type { Migration } from '../storage/migrations';

// The file must outlive Khipu: Debian 12's sqlite3 (SQLite 3.40) and Python's sqlite3 module must
// open it. SQLite before 3.41 parses RAISE only with a literal message, and it parses the whole
// schema on open, so version 6's RAISE(ABORT, CASE ... END) made every file "malformed" there.
// These are the same two triggers, the same checks in the same order with the same codes, and the
// same single read of the entry and the account: a CASE whose branches each RAISE a literal code
// (CASE stops at the first rule broken, as before).
//
// Version 9 rebuilds journal_lines and recreates journal_lines_insert with this text, so it lives
// here once. Landed text: never edit it; a later change is a new migration.
export const journalLinesInsertTrigger = `
  CREATE TRIGGER journal_lines_insert BEFORE INSERT ON journal_lines
  BEGIN
    SELECT CASE
             WHEN e.posted <> 0 THEN RAISE(ABORT, 'entry.immutable')
             WHEN NEW.date IS NOT e.date THEN RAISE(ABORT, 'entry.lineDate')
             WHEN a.association_id IS NOT e.association_id THEN RAISE(ABORT, 'account.otherAssociation')
             WHEN a.postable <> 1 THEN RAISE(ABORT, 'account.notPostable')
             WHEN (NEW.member_id IS NOT NULL AND (SELECT association_id FROM members WHERE id = NEW.member_id) IS NOT e.association_id)
               OR (NEW.party_id IS NOT NULL AND (SELECT association_id FROM parties WHERE id = NEW.party_id) IS NOT e.association_id)
               OR (NEW.contract_id IS NOT NULL AND (SELECT association_id FROM contracts WHERE id = NEW.contract_id) IS NOT e.association_id)
               OR (NEW.product_line_id IS NOT NULL
                   AND (SELECT association_id FROM product_lines WHERE id = NEW.product_line_id) IS NOT e.association_id)
               THEN RAISE(ABORT, 'entry.dimensionOtherAssociation')
           END
      FROM (SELECT 1) LEFT JOIN journal_entries e ON e.id = NEW.entry_id LEFT JOIN accounts a ON a.id = NEW.account_id;
  END;`;

export const journalEntriesPostTrigger = `
  CREATE TRIGGER journal_entries_post BEFORE UPDATE ON journal_entries
  WHEN OLD.posted = 0 AND NEW.posted = 1
  BEGIN
    SELECT CASE WHEN total <> 0 THEN RAISE(ABORT, 'entry.unbalanced') WHEN lines < 2 THEN RAISE(ABORT, 'entry.tooFewLines') END
      FROM (SELECT COALESCE(SUM(amount), 0) AS total, COUNT(*) AS lines FROM journal_lines WHERE entry_id = NEW.id);
  END;`;

export const portableTriggersMigration: Migration = {
  version: 8,
  description: 'posting triggers SQLite 3.40 can parse: RAISE only with a literal message',
  up: (db) => {
    db.exec(`
      DROP TRIGGER journal_lines_insert;
      ${journalLinesInsertTrigger}
      DROP TRIGGER journal_entries_post;
      ${journalEntriesPostTrigger}
    `);
  },
};
