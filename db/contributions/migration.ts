import type { Migration } from '../storage/migrations';

// Contributions (aportes): their types, the charges members owe, the receipts
// that pay them (gapless per association and series), how payments, credit in
// favour and in-kind contributions settle charges, and in-kind contributions.
// Documents point at the journal entries they posted; they are never deleted,
// and only their void fields may be set, once.
export const contributionsMigration: Migration = {
  version: 3,
  description: 'contributions: types, charges, receipts, allocations, credit in favour, in-kind',
  up: (db) => {
    db.exec(`
      CREATE TABLE contribution_types (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        kind TEXT NOT NULL CHECK (kind IN ('ordinary_due','extraordinary','capital','fine','in_kind','levy_per_unit')),
        name TEXT NOT NULL CHECK (name <> ''),
        default_amount INTEGER CHECK (default_amount IS NULL OR default_amount > 0),
        frequency TEXT CHECK (frequency IS NULL OR frequency IN ('monthly','yearly')),
        unit TEXT,
        amount_per_unit INTEGER CHECK (amount_per_unit IS NULL OR amount_per_unit > 0),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        archived_at TEXT,
        created_at TEXT NOT NULL,
        CHECK ((kind = 'ordinary_due') = (frequency IS NOT NULL)),
        CHECK (kind <> 'levy_per_unit' OR (unit IS NOT NULL AND amount_per_unit IS NOT NULL)),
        UNIQUE (association_id, name)
      ) STRICT;

      CREATE TABLE charges (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        contribution_type_id INTEGER NOT NULL REFERENCES contribution_types(id),
        period TEXT CHECK (period IS NULL OR period GLOB '[0-9][0-9][0-9][0-9]'
                           OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        due_date TEXT NOT NULL CHECK (due_date >= date),
        description TEXT NOT NULL CHECK (description <> ''),
        amount INTEGER NOT NULL CHECK (amount > 0),
        receivable_account_id INTEGER NOT NULL REFERENCES accounts(id),
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        voided_on TEXT,
        void_reason TEXT,
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL))
      ) STRICT;
      -- Generating a period twice creates nothing: one live charge per member, type and period.
      CREATE UNIQUE INDEX charges_one_per_period ON charges(association_id, contribution_type_id, period, member_id)
        WHERE period IS NOT NULL AND voided_on IS NULL;
      -- Open charges of a member, oldest first (payments, statements); overdue ones (arrears).
      CREATE INDEX charges_member_due ON charges(member_id, due_date, date, id);
      CREATE INDEX charges_association_due ON charges(association_id, due_date);

      CREATE TABLE receipts (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        series TEXT NOT NULL DEFAULT '001' CHECK (length(series) = 3 AND series NOT GLOB '*[^0-9]*'),
        number INTEGER NOT NULL CHECK (number > 0),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        member_id INTEGER NOT NULL REFERENCES members(id),
        total INTEGER NOT NULL CHECK (total > 0),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        note TEXT,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (association_id, series, number),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      CREATE INDEX receipts_member_date ON receipts(member_id, date);
      CREATE INDEX receipts_association_date ON receipts(association_id, date);

      CREATE TABLE receipt_lines (
        id INTEGER PRIMARY KEY,
        receipt_id INTEGER NOT NULL REFERENCES receipts(id),
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        charge_id INTEGER REFERENCES charges(id),
        description TEXT NOT NULL CHECK (description <> ''),
        amount INTEGER NOT NULL CHECK (amount > 0),
        UNIQUE (receipt_id, line_no)
      ) STRICT;

      -- Credit in favour (an advance): what a receipt paid beyond the member's open charges.
      CREATE TABLE member_credits (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        receipt_id INTEGER NOT NULL UNIQUE REFERENCES receipts(id),
        date TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        voided_on TEXT
      ) STRICT;
      CREATE INDEX member_credits_member ON member_credits(member_id, date, id);

      CREATE TABLE in_kind_contributions (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        contribution_type_id INTEGER NOT NULL REFERENCES contribution_types(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        description TEXT NOT NULL CHECK (description <> ''),
        quantity INTEGER CHECK (quantity IS NULL OR quantity > 0),
        unit TEXT,
        value INTEGER NOT NULL CHECK (value > 0),
        charge_id INTEGER REFERENCES charges(id),
        debit_account_id INTEGER NOT NULL REFERENCES accounts(id),
        credit_account_id INTEGER NOT NULL REFERENCES accounts(id),
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX in_kind_contributions_member ON in_kind_contributions(member_id, date);

      -- What settled each charge: a receipt, credit in favour, or an in-kind contribution.
      CREATE TABLE allocations (
        id INTEGER PRIMARY KEY,
        charge_id INTEGER NOT NULL REFERENCES charges(id),
        source TEXT NOT NULL CHECK (source IN ('receipt','credit','in_kind')),
        receipt_id INTEGER REFERENCES receipts(id),
        credit_id INTEGER REFERENCES member_credits(id),
        in_kind_id INTEGER REFERENCES in_kind_contributions(id),
        date TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        voided_on TEXT,
        CHECK ((source = 'receipt') = (receipt_id IS NOT NULL)
           AND (source = 'credit') = (credit_id IS NOT NULL)
           AND (source = 'in_kind') = (in_kind_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX allocations_charge ON allocations(charge_id);
      CREATE INDEX allocations_receipt ON allocations(receipt_id) WHERE receipt_id IS NOT NULL;
      CREATE INDEX allocations_credit ON allocations(credit_id) WHERE credit_id IS NOT NULL;

      -- ---------------------------------------------------------------- invariants

      -- Gapless receipt numbers per association and series.
      CREATE TRIGGER receipts_number_gapless BEFORE INSERT ON receipts
      WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM receipts
                          WHERE association_id = NEW.association_id AND series = NEW.series)
      BEGIN SELECT RAISE(ABORT, 'receipt.numberGap'); END;

      CREATE TRIGGER receipts_insert_valid BEFORE INSERT ON receipts
      WHEN NEW.voided_on IS NOT NULL OR NEW.print_count <> 0
      BEGIN SELECT RAISE(ABORT, 'receipt.immutable'); END;

      -- A receipt changes only by counting a print (one at a time) or by being voided, once.
      CREATE TRIGGER receipts_immutable BEFORE UPDATE ON receipts
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.series IS NOT OLD.series
        OR NEW.number IS NOT OLD.number OR NEW.date IS NOT OLD.date OR NEW.member_id IS NOT OLD.member_id
        OR NEW.total IS NOT OLD.total OR NEW.account_id IS NOT OLD.account_id OR NEW.note IS NOT OLD.note
        OR NEW.entry_id IS NOT OLD.entry_id OR NEW.created_at IS NOT OLD.created_at
        OR NEW.created_by IS NOT OLD.created_by
        OR NEW.print_count NOT IN (OLD.print_count, OLD.print_count + 1)
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
      BEGIN SELECT RAISE(ABORT, 'receipt.immutable'); END;
      CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
      BEGIN SELECT RAISE(ABORT, 'receipt.immutable'); END;

      -- Lines are written with their receipt and never add up to more than its total.
      CREATE TRIGGER receipt_lines_insert BEFORE INSERT ON receipt_lines
      BEGIN
        SELECT RAISE(ABORT, 'receipt.immutable')
          WHERE (SELECT voided_on FROM receipts WHERE id = NEW.receipt_id) IS NOT NULL;
        SELECT RAISE(ABORT, 'receipt.linesExceedTotal')
          WHERE (SELECT COALESCE(SUM(amount), 0) FROM receipt_lines WHERE receipt_id = NEW.receipt_id) + NEW.amount
                > (SELECT total FROM receipts WHERE id = NEW.receipt_id);
      END;
      CREATE TRIGGER receipt_lines_no_update BEFORE UPDATE ON receipt_lines
      BEGIN SELECT RAISE(ABORT, 'receipt.immutable'); END;
      CREATE TRIGGER receipt_lines_no_delete BEFORE DELETE ON receipt_lines
      BEGIN SELECT RAISE(ABORT, 'receipt.immutable'); END;

      -- A charge changes only by being voided, once.
      CREATE TRIGGER charges_immutable BEFORE UPDATE ON charges
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.member_id IS NOT OLD.member_id
        OR NEW.contribution_type_id IS NOT OLD.contribution_type_id OR NEW.period IS NOT OLD.period
        OR NEW.date IS NOT OLD.date OR NEW.due_date IS NOT OLD.due_date OR NEW.description IS NOT OLD.description
        OR NEW.amount IS NOT OLD.amount OR NEW.receivable_account_id IS NOT OLD.receivable_account_id
        OR NEW.entry_id IS NOT OLD.entry_id OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.void_reason IS NOT OLD.void_reason
            OR NEW.void_entry_id IS NOT OLD.void_entry_id))
      BEGIN SELECT RAISE(ABORT, 'charge.immutable'); END;
      CREATE TRIGGER charges_no_delete BEFORE DELETE ON charges
      BEGIN SELECT RAISE(ABORT, 'charge.immutable'); END;

      -- A charge is never settled beyond its amount; credit is never applied beyond what was paid in advance.
      CREATE TRIGGER allocations_insert BEFORE INSERT ON allocations
      BEGIN
        SELECT RAISE(ABORT, 'allocation.voidedAtInsert') WHERE NEW.voided_on IS NOT NULL;
        SELECT RAISE(ABORT, 'allocation.exceedsCharge')
          WHERE (SELECT COALESCE(SUM(amount), 0) FROM allocations WHERE charge_id = NEW.charge_id AND voided_on IS NULL)
                + NEW.amount > (SELECT amount FROM charges WHERE id = NEW.charge_id);
        SELECT RAISE(ABORT, 'allocation.exceedsCredit')
          WHERE NEW.credit_id IS NOT NULL
            AND (SELECT COALESCE(SUM(amount), 0) FROM allocations WHERE credit_id = NEW.credit_id AND voided_on IS NULL)
                + NEW.amount > (SELECT amount FROM member_credits WHERE id = NEW.credit_id AND voided_on IS NULL);
        SELECT RAISE(ABORT, 'allocation.exceedsCredit')
          WHERE NEW.credit_id IS NOT NULL
            AND (SELECT voided_on FROM member_credits WHERE id = NEW.credit_id) IS NOT NULL;
      END;
      CREATE TRIGGER allocations_immutable BEFORE UPDATE ON allocations
      WHEN NEW.id IS NOT OLD.id OR NEW.charge_id IS NOT OLD.charge_id OR NEW.source IS NOT OLD.source
        OR NEW.receipt_id IS NOT OLD.receipt_id OR NEW.credit_id IS NOT OLD.credit_id
        OR NEW.in_kind_id IS NOT OLD.in_kind_id OR NEW.date IS NOT OLD.date OR NEW.amount IS NOT OLD.amount
        OR NEW.entry_id IS NOT OLD.entry_id OR (OLD.voided_on IS NOT NULL AND NEW.voided_on IS NOT OLD.voided_on)
      BEGIN SELECT RAISE(ABORT, 'allocation.immutable'); END;
      CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
      BEGIN SELECT RAISE(ABORT, 'allocation.immutable'); END;

      -- Credit that was already applied cannot disappear (voiding its receipt is refused first).
      CREATE TRIGGER member_credits_immutable BEFORE UPDATE ON member_credits
      BEGIN
        SELECT RAISE(ABORT, 'receipt.immutable')
          WHERE NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.member_id IS NOT OLD.member_id
            OR NEW.receipt_id IS NOT OLD.receipt_id OR NEW.date IS NOT OLD.date OR NEW.amount IS NOT OLD.amount
            OR (OLD.voided_on IS NOT NULL AND NEW.voided_on IS NOT OLD.voided_on);
        SELECT RAISE(ABORT, 'credit.alreadyApplied')
          WHERE NEW.voided_on IS NOT NULL
            AND EXISTS (SELECT 1 FROM allocations WHERE credit_id = OLD.id AND voided_on IS NULL);
      END;
      CREATE TRIGGER member_credits_no_delete BEFORE DELETE ON member_credits
      BEGIN SELECT RAISE(ABORT, 'receipt.immutable'); END;

      CREATE TRIGGER in_kind_contributions_no_update BEFORE UPDATE ON in_kind_contributions
      BEGIN SELECT RAISE(ABORT, 'inKind.immutable'); END;
      CREATE TRIGGER in_kind_contributions_no_delete BEFORE DELETE ON in_kind_contributions
      BEGIN SELECT RAISE(ABORT, 'inKind.immutable'); END;

      -- An entry a contribution document posted is reversed only by voiding that document, never by
      -- the generic reversal, so receipts, charges and in-kind records never disagree with the journal.
      CREATE TRIGGER documents_reversed_by_their_void BEFORE INSERT ON journal_entries
      WHEN NEW.reverses_entry_id IS NOT NULL
        AND (SELECT source_type FROM journal_entries WHERE id = NEW.reverses_entry_id) IN ('receipt', 'dues', 'charge', 'in_kind')
        AND NOT (NEW.source_type = 'receipt_void'
                 AND (SELECT source_type FROM journal_entries WHERE id = NEW.reverses_entry_id) = 'receipt'
                 AND NEW.source_id IS (SELECT source_id FROM journal_entries WHERE id = NEW.reverses_entry_id))
      BEGIN SELECT RAISE(ABORT, 'entry.ownedByDocument'); END;

      CREATE TRIGGER contribution_types_fixed BEFORE UPDATE ON contribution_types
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.kind IS NOT OLD.kind
      BEGIN SELECT RAISE(ABORT, 'contributionType.kindFixed'); END;
      CREATE TRIGGER contribution_types_no_delete BEFORE DELETE ON contribution_types
      BEGIN SELECT RAISE(ABORT, 'contributionType.noDelete'); END;
    `);
  },
};
