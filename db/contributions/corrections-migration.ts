import type { Migration } from '../storage/migrations';

/**
 * Version 12: when dues fall due, and voiding an in-kind contribution.
 *
 * - contribution_types.due_rule / due_value: how a dues period's charges fall due, counted from the
 *   period's first day ('period_end': its last day, the default and the old behaviour;
 *   'day_of_month': that day of the period's month, or of its last day when the month is shorter;
 *   'days_after_start': so many days after the first day).
 * - in_kind_contributions gains void fields; they are set once, together, pointing to the
 *   posted entry that voided it ('in_kind_void' for this contribution, reversing its entry, dated on
 *   the void date). Nothing else of the row changes.
 */
export const correctionsMigration: Migration = {
  version: 12,
  description: 'dues due rule per contribution type; voiding in-kind contributions',
  up: (db) => {
    db.exec(`
      ALTER TABLE contribution_types ADD COLUMN due_rule TEXT NOT NULL DEFAULT 'period_end'
        CHECK (due_rule IN ('period_end', 'day_of_month', 'days_after_start'));
      ALTER TABLE contribution_types ADD COLUMN due_value INTEGER
        CHECK ((due_rule = 'period_end' AND due_value IS NULL)
            OR (due_rule = 'day_of_month' AND due_value BETWEEN 1 AND 31)
            OR (due_rule = 'days_after_start' AND due_value BETWEEN 0 AND 365));

      ALTER TABLE in_kind_contributions ADD COLUMN voided_on TEXT;
      ALTER TABLE in_kind_contributions ADD COLUMN voided_at TEXT;
      ALTER TABLE in_kind_contributions ADD COLUMN void_reason TEXT;
      ALTER TABLE in_kind_contributions ADD COLUMN void_entry_id INTEGER REFERENCES journal_entries(id);

      CREATE TRIGGER in_kind_contributions_insert_valid BEFORE INSERT ON in_kind_contributions
      WHEN NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
        OR NEW.void_entry_id IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'inKind.immutable'); END;

      -- The one change an in-kind contribution admits: being voided, once, by its own posted void entry,
      -- dated on the void date.
      DROP TRIGGER IF EXISTS in_kind_contributions_no_update;
      CREATE TRIGGER in_kind_contributions_no_update BEFORE UPDATE ON in_kind_contributions
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.member_id IS NOT OLD.member_id
        OR NEW.contribution_type_id IS NOT OLD.contribution_type_id OR NEW.date IS NOT OLD.date
        OR NEW.description IS NOT OLD.description OR NEW.quantity IS NOT OLD.quantity OR NEW.unit IS NOT OLD.unit
        OR NEW.value IS NOT OLD.value OR NEW.charge_id IS NOT OLD.charge_id
        OR NEW.debit_account_id IS NOT OLD.debit_account_id OR NEW.credit_account_id IS NOT OLD.credit_account_id
        OR NEW.entry_id IS NOT OLD.entry_id OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR OLD.voided_on IS NOT NULL
        OR NEW.voided_on IS NULL OR NEW.voided_at IS NULL OR NEW.void_reason IS NULL OR NEW.void_reason = ''
        OR NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                         AND e.source_type = 'in_kind_void' AND e.source_id = OLD.id
                         AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on)
      BEGIN SELECT RAISE(ABORT, 'inKind.immutable'); END;
    `);
  },
};
