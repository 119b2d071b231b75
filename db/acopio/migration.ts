import type { Migration } from '../storage/migrations';

/**
 * Version 22: acopio from members.
 *
 * - acopio_prices: what the association pays per WHOLE unit of a product and grade ('' = ungraded)
 *   from valid_from to valid_to (NULL: open). Periods of one product+grade never overlap. Removed
 *   only while no acopio row used it.
 * - acopio_levies: the levy per unit (a contribution type of kind 'levy_per_unit') charged on a
 *   product from a date; levy_type_id NULL stops it. The levy of a date is the latest row on or before it.
 * - acopio_days: one day's sheet for one product (live sheets unique per association, product, date),
 *   pointing to its ONE posted entry ('acopio_day': Dr inventory / Cr 4419 per member); acopio_rows
 *   are written BEFORE their sheet (deferred key) and never after it, adding up to its total.
 *   A correction voids the sheet and records a new one naming it (replaces_day_id).
 * - settlements: a member's liquidación for a period (series 001, gapless per association): gross,
 *   levy, deductions, net = gross − levy − deductions ≥ 0; its entry ('settlement': Dr 4419 / Cr
 *   levy income) when the levy is not zero; the member receipt that paid the deductions, if any.
 *   Live periods of one member never overlap. settlement_lines per product, grade and price.
 * - settlement_payments: the payment vouchers that paid a settlement (live while their voucher is).
 * - product_origins: the acopio days a sale or a contract delivery says its product came from.
 * - Like every document: inserted live with its own posted entry; the one change admitted is counting
 *   a print or being voided once by the '<type>_void' entry reversing its own; never deleted.
 */
export const acopioMigration: Migration = {
  version: 22,
  description: 'acopio from members: prices by grade and period, day sheets, settlements (liquidaciones) and their payments',
  up: (db) => {
    db.exec(`
      CREATE TABLE acopio_prices (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        grade TEXT NOT NULL DEFAULT '' CHECK (length(grade) <= 30),
        valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        valid_to TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
        price INTEGER NOT NULL CHECK (price > 0),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX acopio_prices_product ON acopio_prices(product_id, grade, valid_from);
      CREATE TRIGGER acopio_prices_no_overlap BEFORE INSERT ON acopio_prices
      WHEN EXISTS (SELECT 1 FROM acopio_prices p WHERE p.product_id = NEW.product_id AND p.grade = NEW.grade
                     AND p.valid_from <= COALESCE(NEW.valid_to, '9999-12-31')
                     AND COALESCE(p.valid_to, '9999-12-31') >= NEW.valid_from)
        OR (SELECT association_id FROM products WHERE id = NEW.product_id) IS NOT NEW.association_id
      BEGIN SELECT RAISE(ABORT, 'acopio.priceOverlap'); END;
      CREATE TRIGGER acopio_prices_no_update BEFORE UPDATE ON acopio_prices
      BEGIN SELECT RAISE(ABORT, 'acopio.immutable'); END;

      CREATE TABLE acopio_levies (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        levy_type_id INTEGER REFERENCES contribution_types(id),
        valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (product_id, valid_from)
      ) STRICT;
      CREATE TRIGGER acopio_levies_valid BEFORE INSERT ON acopio_levies
      WHEN (SELECT association_id FROM products WHERE id = NEW.product_id) IS NOT NEW.association_id
        OR (NEW.levy_type_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contribution_types t WHERE t.id = NEW.levy_type_id
              AND t.association_id = NEW.association_id AND t.kind = 'levy_per_unit'))
      BEGIN SELECT RAISE(ABORT, 'acopio.levyNotPerUnit'); END;
      CREATE TRIGGER acopio_levies_no_update BEFORE UPDATE ON acopio_levies
      BEGIN SELECT RAISE(ABORT, 'acopio.immutable'); END;
      CREATE TRIGGER acopio_levies_no_delete BEFORE DELETE ON acopio_levies
      BEGIN SELECT RAISE(ABORT, 'acopio.immutable'); END;

      CREATE TABLE acopio_days (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        total INTEGER NOT NULL CHECK (total > 0),
        total_quantity INTEGER NOT NULL CHECK (total_quantity > 0),
        member_count INTEGER NOT NULL CHECK (member_count > 0),
        note TEXT,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        replaces_day_id INTEGER REFERENCES acopio_days(id),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX acopio_days_live ON acopio_days(association_id, product_id, date) WHERE voided_on IS NULL;
      CREATE INDEX acopio_days_association_date ON acopio_days(association_id, date, id);
      CREATE INDEX acopio_days_product_date ON acopio_days(product_id, date);

      CREATE TABLE acopio_rows (
        id INTEGER PRIMARY KEY,
        day_id INTEGER NOT NULL REFERENCES acopio_days(id) DEFERRABLE INITIALLY DEFERRED,
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        member_id INTEGER NOT NULL REFERENCES members(id),
        grade TEXT NOT NULL DEFAULT '',
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL CHECK (unit_price > 0),
        amount INTEGER NOT NULL CHECK (amount > 0),
        price_id INTEGER NOT NULL REFERENCES acopio_prices(id),
        UNIQUE (day_id, line_no),
        UNIQUE (day_id, member_id)
      ) STRICT;
      CREATE INDEX acopio_rows_member ON acopio_rows(member_id, day_id);
      CREATE INDEX acopio_rows_price ON acopio_rows(price_id);

      CREATE TRIGGER acopio_prices_no_delete_used BEFORE DELETE ON acopio_prices
      WHEN EXISTS (SELECT 1 FROM acopio_rows WHERE price_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'acopio.priceInUse'); END;

      -- A sheet is inserted live with its own posted entry, its rows already written adding up to its total.
      CREATE TRIGGER acopio_days_insert_valid BEFORE INSERT ON acopio_days
      BEGIN
        SELECT RAISE(ABORT, 'acopio.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL;
        SELECT RAISE(ABORT, 'acopio.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'acopio_day'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'acopio.rowsMismatch')
          WHERE (SELECT SUM(amount) FROM acopio_rows WHERE day_id = NEW.id) IS NOT NEW.total
             OR (SELECT SUM(quantity) FROM acopio_rows WHERE day_id = NEW.id) IS NOT NEW.total_quantity
             OR (SELECT COUNT(*) FROM acopio_rows WHERE day_id = NEW.id) IS NOT NEW.member_count;
        SELECT RAISE(ABORT, 'acopio.otherAssociation')
          WHERE (SELECT association_id FROM products WHERE id = NEW.product_id) IS NOT NEW.association_id
             OR EXISTS (SELECT 1 FROM acopio_rows r JOIN members m ON m.id = r.member_id
                         WHERE r.day_id = NEW.id AND m.association_id IS NOT NEW.association_id);
      END;
      CREATE TRIGGER acopio_days_immutable BEFORE UPDATE ON acopio_days
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.product_id IS NOT OLD.product_id
        OR NEW.date IS NOT OLD.date OR NEW.total IS NOT OLD.total OR NEW.total_quantity IS NOT OLD.total_quantity
        OR NEW.member_count IS NOT OLD.member_count OR NEW.note IS NOT OLD.note OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.replaces_day_id IS NOT OLD.replaces_day_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'acopio_day_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'acopio.immutable'); END;
      CREATE TRIGGER acopio_days_no_delete BEFORE DELETE ON acopio_days
      BEGIN SELECT RAISE(ABORT, 'acopio.immutable'); END;
      CREATE TRIGGER acopio_rows_before_their_day BEFORE INSERT ON acopio_rows
      WHEN EXISTS (SELECT 1 FROM acopio_days WHERE id = NEW.day_id)
      BEGIN SELECT RAISE(ABORT, 'acopio.immutable'); END;
      CREATE TRIGGER acopio_rows_no_update BEFORE UPDATE ON acopio_rows
      BEGIN SELECT RAISE(ABORT, 'acopio.immutable'); END;
      CREATE TRIGGER acopio_rows_no_delete BEFORE DELETE ON acopio_rows
      BEGIN SELECT RAISE(ABORT, 'acopio.immutable'); END;

      CREATE TABLE settlements (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        series TEXT NOT NULL DEFAULT '001' CHECK (length(series) = 3 AND series NOT GLOB '*[^0-9]*'),
        number INTEGER NOT NULL CHECK (number > 0),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        member_id INTEGER NOT NULL REFERENCES members(id),
        period_from TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        period_to TEXT NOT NULL CHECK (period_to >= period_from),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        gross INTEGER NOT NULL CHECK (gross > 0),
        levy INTEGER NOT NULL CHECK (levy >= 0),
        deductions INTEGER NOT NULL CHECK (deductions >= 0),
        net INTEGER NOT NULL CHECK (net >= 0),
        receipt_id INTEGER UNIQUE REFERENCES receipts(id),
        entry_id INTEGER REFERENCES journal_entries(id),
        note TEXT,
        print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (association_id, series, number),
        CHECK (net = gross - levy - deductions),
        CHECK ((levy = 0) = (entry_id IS NULL)),
        CHECK ((deductions = 0) = (receipt_id IS NULL)),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (voided_at IS NULL)
               AND (voided_on IS NULL OR entry_id IS NULL OR void_entry_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX settlements_member_period ON settlements(member_id, period_from, period_to);
      CREATE INDEX settlements_association_period ON settlements(association_id, period_from, period_to, id);

      CREATE TABLE settlement_lines (
        id INTEGER PRIMARY KEY,
        settlement_id INTEGER NOT NULL REFERENCES settlements(id) DEFERRABLE INITIALLY DEFERRED,
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        product_id INTEGER NOT NULL REFERENCES products(id),
        grade TEXT NOT NULL DEFAULT '',
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL CHECK (unit_price > 0),
        amount INTEGER NOT NULL CHECK (amount > 0),
        levy INTEGER NOT NULL CHECK (levy >= 0),
        UNIQUE (settlement_id, line_no)
      ) STRICT;

      CREATE TRIGGER settlements_number_gapless BEFORE INSERT ON settlements
      WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM settlements
                          WHERE association_id = NEW.association_id AND series = NEW.series)
      BEGIN SELECT RAISE(ABORT, 'settlement.numberGap'); END;
      -- Inserted live, with its entry and lines, never overlapping a live settlement of the member.
      CREATE TRIGGER settlements_insert_valid BEFORE INSERT ON settlements
      BEGIN
        SELECT RAISE(ABORT, 'settlement.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.void_entry_id IS NOT NULL OR NEW.print_count <> 0;
        SELECT RAISE(ABORT, 'settlement.entryMismatch')
          WHERE NEW.entry_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'settlement'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'acopio.settlementOverlap')
          WHERE EXISTS (SELECT 1 FROM settlements s WHERE s.member_id = NEW.member_id AND s.voided_on IS NULL
                          AND s.period_from <= NEW.period_to AND s.period_to >= NEW.period_from);
        SELECT RAISE(ABORT, 'settlement.linesMismatch')
          WHERE (SELECT SUM(amount) FROM settlement_lines WHERE settlement_id = NEW.id) IS NOT NEW.gross
             OR (SELECT SUM(levy) FROM settlement_lines WHERE settlement_id = NEW.id) IS NOT NEW.levy;
        SELECT RAISE(ABORT, 'acopio.otherAssociation')
          WHERE (SELECT association_id FROM members WHERE id = NEW.member_id) IS NOT NEW.association_id;
      END;
      CREATE TRIGGER settlements_immutable BEFORE UPDATE ON settlements
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.series IS NOT OLD.series
        OR NEW.number IS NOT OLD.number OR NEW.date IS NOT OLD.date OR NEW.member_id IS NOT OLD.member_id
        OR NEW.period_from IS NOT OLD.period_from OR NEW.period_to IS NOT OLD.period_to OR NEW.quantity IS NOT OLD.quantity
        OR NEW.gross IS NOT OLD.gross OR NEW.levy IS NOT OLD.levy OR NEW.deductions IS NOT OLD.deductions
        OR NEW.net IS NOT OLD.net OR NEW.receipt_id IS NOT OLD.receipt_id OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.note IS NOT OLD.note OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR NEW.print_count NOT IN (OLD.print_count, OLD.print_count + 1)
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL AND OLD.entry_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'settlement_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'settlement.immutable'); END;
      CREATE TRIGGER settlements_no_delete BEFORE DELETE ON settlements
      BEGIN SELECT RAISE(ABORT, 'settlement.immutable'); END;
      CREATE TRIGGER settlement_lines_before_their_settlement BEFORE INSERT ON settlement_lines
      WHEN EXISTS (SELECT 1 FROM settlements WHERE id = NEW.settlement_id)
      BEGIN SELECT RAISE(ABORT, 'settlement.immutable'); END;
      CREATE TRIGGER settlement_lines_no_update BEFORE UPDATE ON settlement_lines
      BEGIN SELECT RAISE(ABORT, 'settlement.immutable'); END;
      CREATE TRIGGER settlement_lines_no_delete BEFORE DELETE ON settlement_lines
      BEGIN SELECT RAISE(ABORT, 'settlement.immutable'); END;

      CREATE TABLE settlement_payments (
        id INTEGER PRIMARY KEY,
        voucher_id INTEGER NOT NULL REFERENCES payment_vouchers(id),
        settlement_id INTEGER NOT NULL REFERENCES settlements(id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        UNIQUE (voucher_id, settlement_id)
      ) STRICT;
      CREATE INDEX settlement_payments_settlement ON settlement_payments(settlement_id);
      -- Never beyond what is unpaid of a live settlement; written with its voucher, never changed.
      CREATE TRIGGER settlement_payments_insert BEFORE INSERT ON settlement_payments
      BEGIN
        SELECT RAISE(ABORT, 'acopio.paymentExceedsNet')
          WHERE (SELECT COALESCE(SUM(p.amount), 0) FROM settlement_payments p JOIN payment_vouchers v ON v.id = p.voucher_id
                  WHERE p.settlement_id = NEW.settlement_id AND v.voided_on IS NULL) + NEW.amount
                > (SELECT net FROM settlements WHERE id = NEW.settlement_id AND voided_on IS NULL);
        SELECT RAISE(ABORT, 'acopio.paymentExceedsNet')
          WHERE (SELECT voided_on FROM settlements WHERE id = NEW.settlement_id) IS NOT NULL;
      END;
      CREATE TRIGGER settlement_payments_no_update BEFORE UPDATE ON settlement_payments
      BEGIN SELECT RAISE(ABORT, 'settlement.immutable'); END;
      CREATE TRIGGER settlement_payments_no_delete BEFORE DELETE ON settlement_payments
      BEGIN SELECT RAISE(ABORT, 'settlement.immutable'); END;
      -- A settlement is voided only while no live voucher pays it.
      CREATE TRIGGER settlements_void_after_payments BEFORE UPDATE OF voided_on ON settlements
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM settlement_payments p JOIN payment_vouchers v ON v.id = p.voucher_id
                     WHERE p.settlement_id = OLD.id AND v.voided_on IS NULL)
      BEGIN SELECT RAISE(ABORT, 'acopio.settlementPaid'); END;

      CREATE TABLE product_origins (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        document_kind TEXT NOT NULL CHECK (document_kind IN ('sale','contract_delivery')),
        document_id INTEGER NOT NULL,
        day_id INTEGER NOT NULL REFERENCES acopio_days(id),
        created_at TEXT NOT NULL,
        UNIQUE (document_kind, document_id, day_id)
      ) STRICT;
      CREATE INDEX product_origins_day ON product_origins(day_id);
    `);
  },
};
