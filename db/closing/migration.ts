import type { Migration } from '../storage/migrations';

/**
 * Version 11: closing a fiscal year (cierre del ejercicio).
 *
 * fiscal_year_closings is the closing document: one live row per association and fiscal year
 * (partial unique index), pointing to its closing entry (source_type 'closing', source_id = the row).
 * Reopening sets the void fields once, together, pointing to the reversal of that entry
 * (source_type 'closing_void', same source_id). A year with nothing to close has no entry.
 *
 * The triggers make the database keep these rules whoever writes to it (RAISE with literals only,
 * so the file parses in SQLite 3.40):
 *   - closings go in order: none while a later year is closed, and a year reopens only when no later
 *     year is closed;
 *   - a closing is dated within its fiscal year (which follows associations.fiscal_year_start_month);
 *   - the row changes only by getting its entry (dated on the closing) once, or by being voided once by its entry's reversal,
 *     dated on the reopening date, with a reason, between the closing date and the year's end;
 *     it is never deleted;
 *   - nothing is posted into a closed year except its closing entry and that entry's reversal;
 *   - a 'closing' entry belongs to a closing of its association and fiscal year being written that has
 *     no entry yet, is the only 'closing' entry of that closing, and is reversed only by reopening it.
 */
export const closingMigration: Migration = {
  version: 11,
  description: 'fiscal-year closings: closing document, closed years refuse entries',
  up: (db) => {
    db.exec(`
      CREATE TABLE fiscal_year_closings (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        fiscal_year INTEGER NOT NULL,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        entry_id INTEGER UNIQUE REFERENCES journal_entries(id),
        closed_at TEXT NOT NULL,
        closed_by TEXT NOT NULL,
        voided_on TEXT,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT,
        void_entry_id INTEGER UNIQUE REFERENCES journal_entries(id)
      ) STRICT;
      CREATE UNIQUE INDEX fiscal_year_closings_live ON fiscal_year_closings(association_id, fiscal_year)
        WHERE voided_on IS NULL;
      CREATE INDEX fiscal_year_closings_year ON fiscal_year_closings(association_id, fiscal_year);

      CREATE TRIGGER fiscal_year_closings_insert BEFORE INSERT ON fiscal_year_closings
      BEGIN
        SELECT RAISE(ABORT, 'closing.immutable')
          WHERE NEW.entry_id IS NOT NULL OR NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL
             OR NEW.voided_by IS NOT NULL OR NEW.void_reason IS NOT NULL OR NEW.void_entry_id IS NOT NULL;
        SELECT RAISE(ABORT, 'closing.laterYearClosed')
          WHERE EXISTS (SELECT 1 FROM fiscal_year_closings
                         WHERE association_id = NEW.association_id AND fiscal_year > NEW.fiscal_year AND voided_on IS NULL);
        -- Fiscal year Y runs from the first day of the start month in Y to the day before it in Y + 1.
        SELECT RAISE(ABORT, 'closing.dateNotInYear')
          WHERE EXISTS (SELECT 1 FROM associations a WHERE a.id = NEW.association_id
                          AND (NEW.date < printf('%04d-%02d-01', NEW.fiscal_year, a.fiscal_year_start_month)
                               OR NEW.date >= printf('%04d-%02d-01', NEW.fiscal_year + 1, a.fiscal_year_start_month)));
      END;

      CREATE TRIGGER fiscal_year_closings_update BEFORE UPDATE ON fiscal_year_closings
      BEGIN
        SELECT RAISE(ABORT, 'closing.immutable')
          WHERE NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id
             OR NEW.fiscal_year IS NOT OLD.fiscal_year OR NEW.date IS NOT OLD.date
             OR NEW.closed_at IS NOT OLD.closed_at OR NEW.closed_by IS NOT OLD.closed_by
             OR NOT (
               -- its entry, once: the posted closing entry of this very row
               (OLD.entry_id IS NULL AND NEW.entry_id IS NOT NULL AND OLD.voided_on IS NULL AND NEW.voided_on IS NULL
                AND NEW.voided_at IS NULL AND NEW.voided_by IS NULL AND NEW.void_reason IS NULL AND NEW.void_entry_id IS NULL
                AND EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'closing' AND e.source_id = OLD.id
                               AND e.date = OLD.date))
               -- voided, once, every void field together, by the reversal of its entry
               OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL AND NEW.voided_at IS NOT NULL
                   AND NEW.voided_by IS NOT NULL AND NEW.void_reason IS NOT NULL AND NEW.entry_id IS OLD.entry_id
                   AND ((OLD.entry_id IS NULL AND NEW.void_entry_id IS NULL)
                        OR (NEW.void_entry_id IS NOT NULL
                            AND NEW.void_entry_id IS (SELECT reversed_by_entry_id FROM journal_entries WHERE id = OLD.entry_id)
                            AND NEW.voided_on IS (SELECT date FROM journal_entries WHERE id = NEW.void_entry_id))))
             );
        SELECT RAISE(ABORT, 'closing.laterYearClosed')
          WHERE OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND EXISTS (SELECT 1 FROM fiscal_year_closings
                         WHERE association_id = OLD.association_id AND fiscal_year > OLD.fiscal_year AND voided_on IS NULL);
        SELECT RAISE(ABORT, 'closing.reopenReasonRequired')
          WHERE OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL AND trim(NEW.void_reason) = '';
        -- Reopened within the closed year, on or after its closing.
        SELECT RAISE(ABORT, 'closing.reopenNotInYear')
          WHERE OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND (NEW.voided_on < OLD.date
                 OR NEW.voided_on >= (SELECT printf('%04d-%02d-01', OLD.fiscal_year + 1, a.fiscal_year_start_month)
                                        FROM associations a WHERE a.id = OLD.association_id));
      END;

      CREATE TRIGGER fiscal_year_closings_no_delete BEFORE DELETE ON fiscal_year_closings
      BEGIN SELECT RAISE(ABORT, 'closing.immutable'); END;

      -- A closed year takes no entry but its own closing entry (while the closing is being written)
      -- and that entry's reversal (reopening).
      CREATE TRIGGER journal_entries_closed_year BEFORE INSERT ON journal_entries
      WHEN EXISTS (SELECT 1 FROM fiscal_year_closings c
                    WHERE c.association_id = NEW.association_id AND c.fiscal_year = NEW.fiscal_year AND c.voided_on IS NULL
                      AND NOT (NEW.source_type IS 'closing' AND NEW.source_id IS c.id AND c.entry_id IS NULL
                               AND NEW.reverses_entry_id IS NULL)
                      AND NOT (NEW.source_type IS 'closing_void' AND NEW.source_id IS c.id AND c.entry_id IS NOT NULL
                               AND NEW.reverses_entry_id IS c.entry_id))
      BEGIN SELECT RAISE(ABORT, 'entry.yearClosed'); END;

      -- Closing entries exist only as part of a closing, and are undone only by reopening it. A closing
      -- has one closing entry: none is written for a closing that has one, nor beside another.
      CREATE TRIGGER journal_entries_closing_source BEFORE INSERT ON journal_entries
      WHEN (NEW.source_type IS 'closing' OR NEW.source_type IS 'closing_void')
        AND (NOT EXISTS (SELECT 1 FROM fiscal_year_closings c
                          WHERE c.id = NEW.source_id AND c.association_id = NEW.association_id
                            AND c.fiscal_year = NEW.fiscal_year AND c.voided_on IS NULL
                            AND (NEW.source_type IS 'closing_void' OR c.entry_id IS NULL))
             OR (NEW.source_type IS 'closing'
                 AND EXISTS (SELECT 1 FROM journal_entries o WHERE o.source_type = 'closing' AND o.source_id = NEW.source_id)))
      BEGIN SELECT RAISE(ABORT, 'closing.entryMismatch'); END;

      CREATE TRIGGER journal_entries_closing_reversed_by_reopening BEFORE INSERT ON journal_entries
      WHEN NEW.reverses_entry_id IS NOT NULL
        AND (SELECT source_type FROM journal_entries WHERE id = NEW.reverses_entry_id) IS 'closing'
        AND NOT (NEW.source_type IS 'closing_void'
                 AND NEW.source_id IS (SELECT source_id FROM journal_entries WHERE id = NEW.reverses_entry_id))
      BEGIN SELECT RAISE(ABORT, 'entry.ownedByDocument'); END;
    `);
  },
};
