import type { Migration } from './migrations';
import { journalEntriesPostTrigger, journalLinesInsertTrigger } from '../journal/portable-triggers-migration';

/**
 * Version 9: the database defends its books itself, whoever writes to it (Khipu, sqlite3, Python).
 * Every RAISE carries a literal code, so the file still parses in SQLite 3.40.
 *
 * 1. No line outlives an unposted entry. journal_lines gets entry_posted (always 1) and a DEFERRED
 *    foreign key (entry_id, entry_posted) -> journal_entries (id, posted): a line may be written into
 *    its draft, but the transaction commits only once that entry is posted. So no report can ever
 *    count a line of a draft written by Khipu. (A tool that leaves foreign keys off can still leave
 *    a draft behind: checkIntegrity reports it, and while one exists the reports join each line to
 *    its entry; the partial index journal_entries_drafts tells them so in one probe.) SQLite cannot add a table-level
 *    foreign key to a table, so journal_lines is rebuilt, its rows, indexes and triggers unchanged.
 *    Its UNIQUE (entry_id, entry_posted, line_no) is the old (entry_id, line_no) (entry_posted is
 *    always 1) and covers the key, so posting re-checks an entry's lines from the index alone.
 * 2. Monthly snapshots are written only by the posting trigger. It raises a flag in the one-row
 *    table posting_in_progress around its upsert, and guards refuse any insert or update of
 *    account_month_balances while the flag is down (deletes always). This costs two writes to a
 *    one-row table per posted entry, against re-summing a month of lines per account to prove each
 *    new total. A writer who raises the flag by hand could as well drop the trigger: checkIntegrity
 *    compares the snapshots with the lines.
 * 3. Reversal links: an entry reverses only a posted entry of its association, dated on or before
 *    it, that is not itself a reversal; reversed_by_entry_id is set once, to the entry that reverses
 *    this one.
 * 4. Every document's entry is reversed only by voiding the document: an entry with a source type
 *    (other than the generic 'reversal') is reversed only by an entry of source type
 *    '<type>_void' for the same source id. One rule for receipts, charges, dues runs, in-kind
 *    contributions, closings and every document type added later (a dues run or a void is never
 *    reversed: nothing writes 'dues_void' or '<x>_void_void').
 * 5. Void fields change only by voiding: a receipt by its reversal ('receipt_void'), a charge by its
 *    'charge_void' entry, both dated on the void date; an allocation or a credit only when the
 *    document whose void releases it is voided on the same date (clearing a void was already refused).
 * 6. The lock date changes only through setLockDate, whose audit row (written first, in the same
 *    transaction) must be the latest and name the same association, old and new date, and a reason
 *    when the date moves back or is cleared. The fiscal-year start is fixed once the association
 *    has an entry (its entries' fiscal years and numbers depend on it).
 */
export const selfDefenceMigration: Migration = {
  version: 9,
  description: 'database defends itself: no line outlives a draft, snapshots only by posting, links, voids, lock date',
  up: (db) => {
    db.exec(`
      -- 1. journal_lines rebuilt with the deferred "entry is posted" key. The triggers that read
      -- journal_lines go first (a table rename re-checks them) and come back unchanged.
      CREATE UNIQUE INDEX journal_entries_posted_key ON journal_entries(id, posted);
      DROP TRIGGER journal_entries_post;
      DROP TRIGGER journal_entries_month_balance;
      DROP TRIGGER accounts_used_fixed;
      DROP TRIGGER accounts_no_delete_used;
      CREATE TABLE journal_lines_rebuilt (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL, -- its foreign key is the (entry_id, entry_posted) one below
        line_no INTEGER NOT NULL,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        date TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount <> 0),
        memo TEXT,
        member_id INTEGER REFERENCES members(id),
        party_id INTEGER REFERENCES parties(id),
        contract_id INTEGER REFERENCES contracts(id),
        product_line_id INTEGER REFERENCES product_lines(id),
        entry_posted INTEGER NOT NULL DEFAULT 1 CHECK (entry_posted = 1),
        UNIQUE (entry_id, entry_posted, line_no),
        FOREIGN KEY (entry_id, entry_posted) REFERENCES journal_entries (id, posted) DEFERRABLE INITIALLY DEFERRED
      ) STRICT;
      INSERT INTO journal_lines_rebuilt (id, entry_id, line_no, account_id, date, amount, memo, member_id, party_id,
                                         contract_id, product_line_id)
      SELECT id, entry_id, line_no, account_id, date, amount, memo, member_id, party_id, contract_id, product_line_id
        FROM journal_lines ORDER BY id;
      DROP TABLE journal_lines;
      ALTER TABLE journal_lines_rebuilt RENAME TO journal_lines;
      CREATE INDEX journal_lines_account_date ON journal_lines(account_id, date, amount);
      CREATE INDEX journal_lines_member ON journal_lines(member_id) WHERE member_id IS NOT NULL;
      CREATE INDEX journal_lines_party ON journal_lines(party_id) WHERE party_id IS NOT NULL;
      CREATE INDEX journal_lines_contract ON journal_lines(contract_id) WHERE contract_id IS NOT NULL;
      CREATE INDEX journal_lines_product_line ON journal_lines(product_line_id) WHERE product_line_id IS NOT NULL;
      ${journalLinesInsertTrigger}
      CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines
      BEGIN SELECT RAISE(ABORT, 'entry.immutable'); END;
      CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines
      BEGIN SELECT RAISE(ABORT, 'entry.immutable'); END;
      ${journalEntriesPostTrigger}
      CREATE TRIGGER accounts_used_fixed BEFORE UPDATE ON accounts
      WHEN (NEW.postable <> OLD.postable OR NEW.type <> OLD.type OR NEW.code <> OLD.code
            OR NEW.association_id <> OLD.association_id)
        AND EXISTS (SELECT 1 FROM journal_lines WHERE account_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'account.used'); END;
      CREATE TRIGGER accounts_no_delete_used BEFORE DELETE ON accounts
      WHEN EXISTS (SELECT 1 FROM journal_lines WHERE account_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'account.used'); END;

      -- 2. Snapshots only by posting.
      CREATE TABLE posting_in_progress (entry_id INTEGER PRIMARY KEY) STRICT;
      CREATE TRIGGER journal_entries_month_balance AFTER UPDATE OF posted ON journal_entries
      WHEN OLD.posted = 0 AND NEW.posted = 1
      BEGIN
        INSERT INTO posting_in_progress (entry_id) VALUES (NEW.id);
        INSERT INTO account_month_balances (association_id, account_id, month, debits, credits)
        SELECT NEW.association_id, account_id, substr(NEW.date, 1, 7),
               SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END), SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END)
          FROM journal_lines WHERE entry_id = NEW.id GROUP BY account_id
        ON CONFLICT (account_id, month) DO UPDATE
          SET debits = debits + excluded.debits, credits = credits + excluded.credits;
        DELETE FROM posting_in_progress;
      END;
      CREATE TRIGGER account_month_balances_insert_by_posting BEFORE INSERT ON account_month_balances
      WHEN NOT EXISTS (SELECT 1 FROM posting_in_progress)
      BEGIN SELECT RAISE(ABORT, 'snapshot.derived'); END;
      DROP TRIGGER account_month_balances_only_add;
      CREATE TRIGGER account_month_balances_update_by_posting BEFORE UPDATE ON account_month_balances
      WHEN NOT EXISTS (SELECT 1 FROM posting_in_progress)
        OR NEW.debits < OLD.debits OR NEW.credits < OLD.credits OR NEW.account_id IS NOT OLD.account_id
        OR NEW.month IS NOT OLD.month OR NEW.association_id IS NOT OLD.association_id
      BEGIN SELECT RAISE(ABORT, 'snapshot.derived'); END;

      -- 3. Reversal links.
      CREATE TRIGGER journal_entries_reversal_target BEFORE INSERT ON journal_entries
      WHEN NEW.reverses_entry_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM journal_entries o
                         WHERE o.id = NEW.reverses_entry_id AND o.posted = 1 AND o.association_id = NEW.association_id
                           AND o.reverses_entry_id IS NULL AND o.reversed_by_entry_id IS NULL AND o.date <= NEW.date)
      BEGIN SELECT RAISE(ABORT, 'entry.reversalLink'); END;
      CREATE TRIGGER journal_entries_reversed_by_its_reversal BEFORE UPDATE ON journal_entries
      WHEN OLD.reversed_by_entry_id IS NULL AND NEW.reversed_by_entry_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM journal_entries r
                         WHERE r.id = NEW.reversed_by_entry_id AND r.reverses_entry_id = OLD.id AND r.posted = 1)
      BEGIN SELECT RAISE(ABORT, 'entry.reversalLink'); END;

      -- 4. A document's entry is reversed only by its document's void.
      DROP TRIGGER documents_reversed_by_their_void;
      CREATE TRIGGER documents_reversed_by_their_void BEFORE INSERT ON journal_entries
      WHEN NEW.reverses_entry_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM journal_entries o
                     WHERE o.id = NEW.reverses_entry_id AND o.source_type IS NOT NULL AND o.source_type <> 'reversal'
                       AND NOT (NEW.source_type IS o.source_type || '_void' AND NEW.source_id IS o.source_id))
      BEGIN SELECT RAISE(ABORT, 'entry.ownedByDocument'); END;

      -- 5. Void fields only by voiding.
      CREATE TRIGGER receipts_voided_by_their_reversal BEFORE UPDATE ON receipts
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM journal_entries v
                         WHERE v.id = NEW.void_entry_id AND v.posted = 1 AND v.source_type = 'receipt_void'
                           AND v.source_id = OLD.id AND v.reverses_entry_id = OLD.entry_id AND v.date = NEW.voided_on)
      BEGIN SELECT RAISE(ABORT, 'document.voidWithoutEntry'); END;
      CREATE TRIGGER charges_voided_by_their_void_entry BEFORE UPDATE ON charges
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM journal_entries v
                         WHERE v.id = NEW.void_entry_id AND v.posted = 1 AND v.source_type = 'charge_void'
                           AND v.source_id = OLD.id AND v.date = NEW.voided_on)
      BEGIN SELECT RAISE(ABORT, 'document.voidWithoutEntry'); END;
      -- What releases an allocation: voiding the receipt that paid it; for credit, voiding the charge it
      -- settled or the receipt that created the credit; for an in-kind contribution, voiding it
      -- (its entry reversed by its 'in_kind_void' entry, read through the entries' primary keys).
      CREATE TRIGGER allocations_released_by_a_void BEFORE UPDATE ON allocations
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND NOT (
          (OLD.source = 'receipt'
           AND EXISTS (SELECT 1 FROM receipts r WHERE r.id = OLD.receipt_id AND r.voided_on = NEW.voided_on))
          OR (OLD.source = 'credit'
              AND (EXISTS (SELECT 1 FROM charges c WHERE c.id = OLD.charge_id AND c.voided_on = NEW.voided_on)
                   OR EXISTS (SELECT 1 FROM member_credits m JOIN receipts r ON r.id = m.receipt_id
                               WHERE m.id = OLD.credit_id AND r.voided_on = NEW.voided_on)
                   -- credit applied ahead (to a charge dated later) taken back when an older charge
                   -- appears: an entry 'credit_release' of that credit on the use's own date
                   OR (OLD.date > NEW.voided_on
                       AND EXISTS (SELECT 1 FROM journal_entries e
                                    WHERE e.source_type = 'credit_release' AND e.source_id = OLD.credit_id
                                      AND e.date = OLD.date))))
          OR (OLD.source = 'in_kind'
              AND EXISTS (SELECT 1 FROM in_kind_contributions k JOIN journal_entries o ON o.id = k.entry_id
                            JOIN journal_entries v ON v.id = o.reversed_by_entry_id
                           WHERE k.id = OLD.in_kind_id AND v.source_type = 'in_kind_void' AND v.source_id = k.id
                             AND v.date = NEW.voided_on))
        )
      BEGIN SELECT RAISE(ABORT, 'document.voidWithoutEntry'); END;
      -- Version 3's rules for credit first (same codes, same order), then: only its receipt's void.
      DROP TRIGGER member_credits_immutable;
      CREATE TRIGGER member_credits_immutable BEFORE UPDATE ON member_credits
      BEGIN
        SELECT RAISE(ABORT, 'receipt.immutable')
          WHERE NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.member_id IS NOT OLD.member_id
            OR NEW.receipt_id IS NOT OLD.receipt_id OR NEW.date IS NOT OLD.date OR NEW.amount IS NOT OLD.amount
            OR (OLD.voided_on IS NOT NULL AND NEW.voided_on IS NOT OLD.voided_on);
        SELECT RAISE(ABORT, 'credit.alreadyApplied')
          WHERE NEW.voided_on IS NOT NULL
            AND EXISTS (SELECT 1 FROM allocations WHERE credit_id = OLD.id AND voided_on IS NULL);
        SELECT RAISE(ABORT, 'document.voidWithoutEntry')
          WHERE OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.id = OLD.receipt_id AND r.voided_on = NEW.voided_on);
      END;

      -- 6. Lock date through its audited operation; fiscal-year start fixed once there are entries.
      CREATE TRIGGER associations_lock_date_audited BEFORE UPDATE ON associations
      WHEN NEW.lock_date IS NOT OLD.lock_date
        AND NOT EXISTS (SELECT 1 FROM (SELECT operation, association_id, details FROM audit_log ORDER BY id DESC LIMIT 1) latest
                         WHERE latest.operation = 'setLockDate' AND latest.association_id IS OLD.id
                           AND json_extract(latest.details, '$.from') IS OLD.lock_date
                           AND json_extract(latest.details, '$.to') IS NEW.lock_date
                           AND (OLD.lock_date IS NULL OR NEW.lock_date >= OLD.lock_date
                                OR trim(COALESCE(json_extract(latest.details, '$.reason'), '')) <> ''))
      BEGIN SELECT RAISE(ABORT, 'lock.unaudited'); END;
      CREATE TRIGGER associations_fiscal_year_fixed BEFORE UPDATE ON associations
      WHEN NEW.fiscal_year_start_month IS NOT OLD.fiscal_year_start_month
        AND EXISTS (SELECT 1 FROM journal_entries WHERE association_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'association.fiscalYearFixed'); END;

      -- The void guards find a document's void entry by its source; without this they read every entry.
      CREATE INDEX journal_entries_source ON journal_entries(source_type, source_id);
      -- Empty in a healthy file: reports ask it whether a draft was left by a tool with foreign keys off.
      CREATE INDEX journal_entries_drafts ON journal_entries(id) WHERE posted = 0;
    `);
  },
};
