import type { Migration } from '../storage/migrations';

/**
 * Version 14: products, their stock and its movements at weighted average cost, stock adjustments.
 *
 * - products: what the association buys, makes and sells, in a unit ('l', 'kg', 'head', 'unit'), with
 *   a category that chooses its inventory, sales and cost-of-sales accounts, an optional product line
 *   and sale price (céntimos per whole unit). Unit and category are fixed once the product has moved
 *   (its inventory account holds its value); a product that moved is archived, never deleted.
 * - stock_movements: every entry into (+) and exit from (−) the store, quantity in thousandths and
 *   value at cost in céntimos with the same sign, each with the posted entry of its document
 *   ('<source_type>', source_id, same association and date). Never changed, never deleted.
 * - product_stock: on hand and its value, one row per product that moved, written ONLY by the trigger
 *   on stock_movements (a guard refuses any other write, as for account_month_balances). Neither ever
 *   goes below zero, and nothing is left in value once nothing is left on hand.
 * - stock_adjustments: losses, samples, own use and count differences; inserted live with their own
 *   posted 'stock_adjustment' entry, voided once by the posted 'stock_adjustment_void' entry that
 *   reverses it, dated on the void date; never deleted.
 */
export const stockMigration: Migration = {
  version: 14,
  description: 'products, stock movements at weighted average cost, product stock, stock adjustments',
  up: (db) => {
    db.exec(`
      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        name TEXT NOT NULL CHECK (name <> '' AND length(name) <= 120),
        unit TEXT NOT NULL CHECK (unit IN ('l','kg','head','unit')),
        category TEXT NOT NULL CHECK (category IN ('goods','product','raw_material','supply')),
        product_line_id INTEGER REFERENCES product_lines(id),
        sale_price INTEGER CHECK (sale_price IS NULL OR sale_price > 0),
        archived_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (association_id, name)
      ) STRICT;

      CREATE TABLE stock_movements (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        quantity INTEGER NOT NULL CHECK (quantity <> 0),
        value INTEGER NOT NULL,
        source_type TEXT NOT NULL CHECK (source_type <> ''),
        source_id INTEGER NOT NULL,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        CHECK ((quantity > 0 AND value >= 0) OR (quantity < 0 AND value <= 0))
      ) STRICT;
      CREATE INDEX stock_movements_product ON stock_movements(product_id, id);
      CREATE INDEX stock_movements_association_date ON stock_movements(association_id, date);
      CREATE INDEX stock_movements_source ON stock_movements(source_type, source_id);

      CREATE TABLE product_stock (
        product_id INTEGER PRIMARY KEY REFERENCES products(id),
        association_id INTEGER NOT NULL REFERENCES associations(id),
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        value INTEGER NOT NULL CHECK (value >= 0),
        CHECK (quantity > 0 OR value = 0)
      ) STRICT;
      -- Raised by the movement trigger around its write to product_stock; empty otherwise.
      CREATE TABLE stock_move_in_progress (movement_id INTEGER PRIMARY KEY) STRICT;

      CREATE TABLE stock_adjustments (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        quantity INTEGER NOT NULL CHECK (quantity <> 0),
        reason TEXT NOT NULL CHECK (reason IN ('loss','sample','own_use','count')),
        note TEXT CHECK (note IS NULL OR (note <> '' AND length(note) <= 500)),
        value INTEGER NOT NULL,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK ((quantity > 0 AND value > 0) OR (quantity < 0 AND value < 0)),
        CHECK (quantity < 0 OR reason = 'count'),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      CREATE INDEX stock_adjustments_product ON stock_adjustments(product_id, date);
      CREATE INDEX stock_adjustments_association_date ON stock_adjustments(association_id, date);

      -- ---------------------------------------------------------------- products

      CREATE TRIGGER products_insert_valid BEFORE INSERT ON products
      WHEN NEW.product_line_id IS NOT NULL
        AND (SELECT association_id FROM product_lines WHERE id = NEW.product_line_id) IS NOT NEW.association_id
      BEGIN SELECT RAISE(ABORT, 'product.lineOtherAssociation'); END;
      CREATE TRIGGER products_update_valid BEFORE UPDATE ON products
      WHEN NEW.product_line_id IS NOT NULL
        AND (SELECT association_id FROM product_lines WHERE id = NEW.product_line_id) IS NOT NEW.association_id
      BEGIN SELECT RAISE(ABORT, 'product.lineOtherAssociation'); END;
      CREATE TRIGGER products_fixed BEFORE UPDATE ON products
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
      BEGIN SELECT RAISE(ABORT, 'product.immutable'); END;
      -- Its inventory account holds the value of what moved: unit and category stay.
      CREATE TRIGGER products_used_fixed BEFORE UPDATE OF unit, category ON products
      WHEN (NEW.unit IS NOT OLD.unit OR NEW.category IS NOT OLD.category)
        AND EXISTS (SELECT 1 FROM stock_movements WHERE product_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'product.used'); END;
      CREATE TRIGGER products_no_delete_used BEFORE DELETE ON products
      WHEN EXISTS (SELECT 1 FROM stock_movements WHERE product_id = OLD.id)
        OR EXISTS (SELECT 1 FROM stock_adjustments WHERE product_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'product.used'); END;

      -- ---------------------------------------------------------------- movements

      -- A movement names a product of its association and the posted entry of its document, and never
      -- takes out more than is on hand, nor more value than is in the store, nor leaves value behind
      -- when it takes the last of it.
      CREATE TRIGGER stock_movements_insert_valid BEFORE INSERT ON stock_movements
      BEGIN
        SELECT RAISE(ABORT, 'stock.productOtherAssociation')
          WHERE (SELECT association_id FROM products WHERE id = NEW.product_id) IS NOT NEW.association_id;
        SELECT RAISE(ABORT, 'stock.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = NEW.source_type
                               AND e.source_id = NEW.source_id AND e.association_id = NEW.association_id
                               AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'stock.belowZero')
          WHERE COALESCE((SELECT quantity FROM product_stock WHERE product_id = NEW.product_id), 0) + NEW.quantity < 0;
        SELECT RAISE(ABORT, 'stock.valueBelowZero')
          WHERE COALESCE((SELECT value FROM product_stock WHERE product_id = NEW.product_id), 0) + NEW.value < 0
             OR (COALESCE((SELECT quantity FROM product_stock WHERE product_id = NEW.product_id), 0) + NEW.quantity = 0
                 AND COALESCE((SELECT value FROM product_stock WHERE product_id = NEW.product_id), 0) + NEW.value <> 0);
      END;
      CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock.immutable'); END;
      CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock.immutable'); END;

      CREATE TRIGGER stock_movements_keep_stock AFTER INSERT ON stock_movements
      BEGIN
        INSERT INTO stock_move_in_progress (movement_id) VALUES (NEW.id);
        -- Update, else insert (an upsert would check the out's negative figures against the CHECKs first).
        UPDATE product_stock SET quantity = quantity + NEW.quantity, value = value + NEW.value
         WHERE product_id = NEW.product_id;
        INSERT INTO product_stock (product_id, association_id, quantity, value)
        SELECT NEW.product_id, NEW.association_id, NEW.quantity, NEW.value
         WHERE NOT EXISTS (SELECT 1 FROM product_stock WHERE product_id = NEW.product_id);
        DELETE FROM stock_move_in_progress;
      END;

      -- product_stock is the sum of the movements: written only by the trigger above, by exactly the
      -- movement it is adding; never deleted.
      CREATE TRIGGER stock_move_in_progress_last_only BEFORE INSERT ON stock_move_in_progress
      WHEN NEW.movement_id IS NOT (SELECT MAX(id) FROM stock_movements)
      BEGIN SELECT RAISE(ABORT, 'stock.derived'); END;
      CREATE TRIGGER product_stock_insert_by_movement BEFORE INSERT ON product_stock
      WHEN NOT EXISTS (SELECT 1 FROM stock_move_in_progress f JOIN stock_movements m ON m.id = f.movement_id
                        WHERE m.product_id = NEW.product_id AND m.association_id = NEW.association_id
                          AND m.quantity = NEW.quantity AND m.value = NEW.value)
      BEGIN SELECT RAISE(ABORT, 'stock.derived'); END;
      CREATE TRIGGER product_stock_update_by_movement BEFORE UPDATE ON product_stock
      WHEN NEW.product_id IS NOT OLD.product_id OR NEW.association_id IS NOT OLD.association_id
        OR NOT EXISTS (SELECT 1 FROM stock_move_in_progress f JOIN stock_movements m ON m.id = f.movement_id
                        WHERE m.product_id = OLD.product_id AND NEW.quantity = OLD.quantity + m.quantity
                          AND NEW.value = OLD.value + m.value)
      BEGIN SELECT RAISE(ABORT, 'stock.derived'); END;
      CREATE TRIGGER product_stock_no_delete BEFORE DELETE ON product_stock
      BEGIN SELECT RAISE(ABORT, 'stock.derived'); END;

      -- ---------------------------------------------------------------- adjustments

      CREATE TRIGGER stock_adjustments_insert_valid BEFORE INSERT ON stock_adjustments
      BEGIN
        SELECT RAISE(ABORT, 'stockAdjustment.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL;
        SELECT RAISE(ABORT, 'stockAdjustment.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'stock_adjustment'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'stock.productOtherAssociation')
          WHERE (SELECT association_id FROM products WHERE id = NEW.product_id) IS NOT NEW.association_id;
      END;
      -- The one change an adjustment admits: being voided, once, by the posted entry that reverses its
      -- own, dated on the void date.
      CREATE TRIGGER stock_adjustments_immutable BEFORE UPDATE ON stock_adjustments
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.product_id IS NOT OLD.product_id
        OR NEW.date IS NOT OLD.date OR NEW.quantity IS NOT OLD.quantity OR NEW.reason IS NOT OLD.reason
        OR NEW.note IS NOT OLD.note OR NEW.value IS NOT OLD.value OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR OLD.voided_on IS NOT NULL OR NEW.voided_on IS NULL
        OR NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                         AND e.source_type = 'stock_adjustment_void' AND e.source_id = OLD.id
                         AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on)
      BEGIN SELECT RAISE(ABORT, 'stockAdjustment.immutable'); END;
      CREATE TRIGGER stock_adjustments_no_delete BEFORE DELETE ON stock_adjustments
      BEGIN SELECT RAISE(ABORT, 'stockAdjustment.immutable'); END;
    `);
  },
};
