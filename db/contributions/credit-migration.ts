import type { Migration } from '../storage/migrations';

/**
 * Version 10: credit in favour of its own, refunds of it, and members' work days.
 *
 * - Two accounts every association gets (new ones from the chart template): 4418 "Saldo a favor de
 *   socios (adelantos)" (role member_credit) under 441, and 6598 "Faenas y trabajo de los socios"
 *   (role member_work_expense) under 659.
 * - member_credits.account_id: the account each credit sits in. Credit recorded before this version
 *   sat in 4419 (payable_members) and stays there: nothing already posted moves, and a migration
 *   posts no entry. Applying or refunding such credit debits 4419, where it is; new credit goes to
 *   4418. The member's position reads member_credits, whatever the account.
 * - receipts.owed_after: what the member still owed right after the receipt, stored when it is
 *   recorded so every reprint shows the same figure (NULL for older receipts: computed on reading).
 * - credit_refunds: "Devolución de saldo a favor", numbered per association and series without gaps,
 *   voided only once, by its own reversal. credit_refund_uses: which credits each refund drew on,
 *   so no credit is ever applied and refunded beyond its amount.
 * - credit_refund_drawn: for each refund, the running total of its uses after each one (written only
 *   by the uses' trigger). A refund's (id, amount) must be one of them by commit (deferred foreign
 *   key): its uses are written after it, one by one, and must add up to its amount exactly.
 * - A refund is inserted with its own posted entry ('credit_refund', this id, same association and
 *   date) and a postable cash or bank account (code 10…) of its association; it is voided only with
 *   the posted 'credit_refund_void' entry that reverses its own, dated on the void date.
 */
export const memberCreditMigration: Migration = {
  version: 10,
  description: 'credit in favour in its own account; credit refunds; members work days account',
  up: (db) => {
    const addAccount = db.prepare(`
      INSERT INTO accounts (association_id, code, name, pcge_name, type, parent_id, postable, role)
      SELECT a.id, @code, @name, @name, @type, p.id, 1, @role
        FROM associations a JOIN accounts p ON p.association_id = a.id AND p.code = @parent
       WHERE NOT EXISTS (SELECT 1 FROM accounts x WHERE x.association_id = a.id AND (x.code = @code OR x.role = @role))`);
    addAccount.run({ code: '4418', name: 'Saldo a favor de socios (adelantos)', type: 'liability', parent: '441', role: 'member_credit' });
    addAccount.run({ code: '6598', name: 'Faenas y trabajo de los socios', type: 'expense', parent: '659', role: 'member_work_expense' });

    db.exec(`
      ALTER TABLE member_credits ADD COLUMN account_id INTEGER REFERENCES accounts(id);
      -- Where older credit sits: the liability its receipt's entry credited for the member (what the
      -- books say), else the association's payable_members account (where receipts put it), else its
      -- new member_credit account. A credit Khipu recorded always has the first (its receipt posted it
      -- there, member named); the others are for one a tool wrote by hand.
      UPDATE member_credits SET account_id = COALESCE(
        (SELECT l.account_id FROM receipts r JOIN journal_lines l ON l.entry_id = r.entry_id
                             JOIN accounts a ON a.id = l.account_id
          WHERE r.id = member_credits.receipt_id AND l.member_id = member_credits.member_id AND l.amount < 0
            AND a.type = 'liability' AND a.association_id = member_credits.association_id
          ORDER BY l.line_no LIMIT 1),
        (SELECT id FROM accounts a WHERE a.association_id = member_credits.association_id AND a.role = 'payable_members'),
        (SELECT id FROM accounts a WHERE a.association_id = member_credits.association_id AND a.role = 'member_credit'));

      -- A credit names an account of its own association; neither ever changes (below, and version 3).
      CREATE TRIGGER member_credits_account_required BEFORE INSERT ON member_credits
      BEGIN
        SELECT RAISE(ABORT, 'credit.accountRequired') WHERE NEW.account_id IS NULL;
        SELECT RAISE(ABORT, 'credit.accountOtherAssociation')
          WHERE (SELECT association_id FROM accounts WHERE id = NEW.account_id) IS NOT NEW.association_id;
      END;
      CREATE TRIGGER member_credits_account_fixed BEFORE UPDATE OF account_id ON member_credits
      WHEN NEW.account_id IS NOT OLD.account_id
      BEGIN SELECT RAISE(ABORT, 'receipt.immutable'); END;

      -- What the member still owed right after the receipt, kept as printed; NULL for older receipts.
      ALTER TABLE receipts ADD COLUMN owed_after INTEGER CHECK (owed_after IS NULL OR owed_after >= 0);
      CREATE TRIGGER receipts_owed_after_fixed BEFORE UPDATE OF owed_after ON receipts
      WHEN NEW.owed_after IS NOT OLD.owed_after
      BEGIN SELECT RAISE(ABORT, 'receipt.immutable'); END;

      CREATE TABLE credit_refunds (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        series TEXT NOT NULL DEFAULT '001' CHECK (length(series) = 3 AND series NOT GLOB '*[^0-9]*'),
        number INTEGER NOT NULL CHECK (number > 0),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        member_id INTEGER NOT NULL REFERENCES members(id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        reason TEXT NOT NULL CHECK (reason <> ''),
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (association_id, series, number),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL)),
        -- By commit its uses add up to its amount: one of their running totals is it.
        FOREIGN KEY (id, amount) REFERENCES credit_refund_drawn (refund_id, drawn) DEFERRABLE INITIALLY DEFERRED
      ) STRICT;
      CREATE INDEX credit_refunds_member ON credit_refunds(member_id, date);

      CREATE TABLE credit_refund_uses (
        id INTEGER PRIMARY KEY,
        refund_id INTEGER NOT NULL REFERENCES credit_refunds(id),
        credit_id INTEGER NOT NULL REFERENCES member_credits(id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        UNIQUE (refund_id, credit_id)
      ) STRICT;
      CREATE INDEX credit_refund_uses_credit ON credit_refund_uses(credit_id);

      -- After each use, what the refund has drawn so far; only the trigger below writes it.
      CREATE TABLE credit_refund_drawn (
        refund_id INTEGER NOT NULL REFERENCES credit_refunds(id),
        drawn INTEGER NOT NULL CHECK (drawn > 0),
        PRIMARY KEY (refund_id, drawn)
      ) STRICT;
      CREATE TRIGGER credit_refund_uses_running_total AFTER INSERT ON credit_refund_uses
      BEGIN
        INSERT INTO credit_refund_drawn (refund_id, drawn)
        SELECT NEW.refund_id, SUM(amount) FROM credit_refund_uses WHERE refund_id = NEW.refund_id;
      END;
      -- A total is the sum of the refund's uses when it is written: by hand it can only repeat one
      -- (the key refuses it), so no hand-written total can stand in for uses that are not there.
      CREATE TRIGGER credit_refund_drawn_derived BEFORE INSERT ON credit_refund_drawn
      WHEN NEW.drawn IS NOT (SELECT SUM(amount) FROM credit_refund_uses WHERE refund_id = NEW.refund_id)
      BEGIN SELECT RAISE(ABORT, 'creditRefund.drawnDerived'); END;
      CREATE TRIGGER credit_refund_drawn_no_update BEFORE UPDATE ON credit_refund_drawn
      BEGIN SELECT RAISE(ABORT, 'creditRefund.drawnDerived'); END;
      CREATE TRIGGER credit_refund_drawn_no_delete BEFORE DELETE ON credit_refund_drawn
      BEGIN SELECT RAISE(ABORT, 'creditRefund.drawnDerived'); END;

      CREATE TRIGGER credit_refunds_number_gapless BEFORE INSERT ON credit_refunds
      WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM credit_refunds
                          WHERE association_id = NEW.association_id AND series = NEW.series)
      BEGIN SELECT RAISE(ABORT, 'creditRefund.numberGap'); END;
      -- A refund is inserted live, with its own posted entry, paid from a cash or bank account of its association.
      CREATE TRIGGER credit_refunds_insert_valid BEFORE INSERT ON credit_refunds
      BEGIN
        SELECT RAISE(ABORT, 'creditRefund.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL;
        SELECT RAISE(ABORT, 'creditRefund.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'credit_refund'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'creditRefund.accountNotCash')
          WHERE NOT EXISTS (SELECT 1 FROM accounts a
                             WHERE a.id = NEW.account_id AND a.association_id = NEW.association_id AND a.postable = 1
                               AND substr(a.code, 1, 2) = '10');
      END;
      -- The one change a refund admits: being voided, once, by the posted entry that reverses its own,
      -- dated on the void date.
      CREATE TRIGGER credit_refunds_immutable BEFORE UPDATE ON credit_refunds
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.series IS NOT OLD.series
        OR NEW.number IS NOT OLD.number OR NEW.date IS NOT OLD.date OR NEW.member_id IS NOT OLD.member_id
        OR NEW.amount IS NOT OLD.amount OR NEW.account_id IS NOT OLD.account_id OR NEW.reason IS NOT OLD.reason
        OR NEW.entry_id IS NOT OLD.entry_id OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR OLD.voided_on IS NOT NULL OR NEW.voided_on IS NULL
        OR NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                         AND e.source_type = 'credit_refund_void' AND e.source_id = OLD.id
                         AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on)
      BEGIN SELECT RAISE(ABORT, 'creditRefund.immutable'); END;
      CREATE TRIGGER credit_refunds_no_delete BEFORE DELETE ON credit_refunds
      BEGIN SELECT RAISE(ABORT, 'creditRefund.immutable'); END;

      -- A refund draws only on live credit of its member, never beyond what is left of it after what
      -- was applied to charges and what earlier refunds took, and its uses never pass its amount.
      CREATE TRIGGER credit_refund_uses_insert BEFORE INSERT ON credit_refund_uses
      BEGIN
        SELECT RAISE(ABORT, 'creditRefund.immutable')
          WHERE (SELECT voided_on FROM credit_refunds WHERE id = NEW.refund_id) IS NOT NULL;
        SELECT RAISE(ABORT, 'creditRefund.usesExceedAmount')
          WHERE (SELECT COALESCE(SUM(amount), 0) FROM credit_refund_uses WHERE refund_id = NEW.refund_id) + NEW.amount
                > (SELECT amount FROM credit_refunds WHERE id = NEW.refund_id);
        SELECT RAISE(ABORT, 'creditRefund.exceedsCredit')
          WHERE (SELECT voided_on FROM member_credits WHERE id = NEW.credit_id) IS NOT NULL
             OR (SELECT member_id FROM member_credits WHERE id = NEW.credit_id)
                IS NOT (SELECT member_id FROM credit_refunds WHERE id = NEW.refund_id)
             OR (SELECT COALESCE(SUM(amount), 0) FROM allocations WHERE credit_id = NEW.credit_id AND voided_on IS NULL)
                + (SELECT COALESCE(SUM(u.amount), 0) FROM credit_refund_uses u JOIN credit_refunds r ON r.id = u.refund_id
                    WHERE u.credit_id = NEW.credit_id AND r.voided_on IS NULL)
                + NEW.amount > (SELECT amount FROM member_credits WHERE id = NEW.credit_id);
      END;
      CREATE TRIGGER credit_refund_uses_no_update BEFORE UPDATE ON credit_refund_uses
      BEGIN SELECT RAISE(ABORT, 'creditRefund.immutable'); END;
      CREATE TRIGGER credit_refund_uses_no_delete BEFORE DELETE ON credit_refund_uses
      BEGIN SELECT RAISE(ABORT, 'creditRefund.immutable'); END;

      -- Credit applied to charges counts what was refunded of it too.
      CREATE TRIGGER allocations_credit_after_refunds BEFORE INSERT ON allocations
      WHEN NEW.credit_id IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'allocation.exceedsCredit')
          WHERE (SELECT COALESCE(SUM(amount), 0) FROM allocations WHERE credit_id = NEW.credit_id AND voided_on IS NULL)
                + (SELECT COALESCE(SUM(u.amount), 0) FROM credit_refund_uses u JOIN credit_refunds r ON r.id = u.refund_id
                    WHERE u.credit_id = NEW.credit_id AND r.voided_on IS NULL)
                + NEW.amount > (SELECT amount FROM member_credits WHERE id = NEW.credit_id);
      END;

      -- Credit that was refunded cannot disappear with its receipt: void the refund first.
      CREATE TRIGGER member_credits_refunded BEFORE UPDATE OF voided_on ON member_credits
      WHEN NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM credit_refund_uses u JOIN credit_refunds r ON r.id = u.refund_id
                     WHERE u.credit_id = OLD.id AND r.voided_on IS NULL)
      BEGIN SELECT RAISE(ABORT, 'credit.alreadyRefunded'); END;

      -- Allocations of credit applied ahead and taken back ('credit_release') are admitted by
      -- version 9's allocations_released_by_a_void.

      -- A refund's entry is reversed only by its 'credit_refund_void' (version 9's rule for every document).
    `);
  },
};
