import type { Migration } from '../storage/migrations';

/**
 * Version 18: the guards on product_stock read the movement being added first.
 *
 * Version 14's guards joined stock_move_in_progress to stock_movements with a plain JOIN, and SQLite
 * chose to walk every movement of the product through stock_movements_product and look each one up
 * in the one-row flag table: a purchase of cheese in a ten-year file read 3,800 movements. CROSS JOIN
 * fixes the order (the flag row, then its movement by rowid); the conditions are the same.
 * A product named by a purchase or sale line is also kept from deletion, as one that moved was
 * (a line may name a product without moving stock; Debian's sqlite3 runs without foreign keys).
 */
export const stockLookupMigration: Migration = {
  version: 18,
  description: 'product stock guards read the movement in progress by its id; products on document lines are never deleted',
  up: (db) => {
    db.exec(`
      DROP TRIGGER product_stock_insert_by_movement;
      DROP TRIGGER product_stock_update_by_movement;
      DROP TRIGGER products_no_delete_used;

      CREATE TRIGGER product_stock_insert_by_movement BEFORE INSERT ON product_stock
      WHEN NOT EXISTS (SELECT 1 FROM stock_move_in_progress f CROSS JOIN stock_movements m ON m.id = f.movement_id
                        WHERE m.product_id = NEW.product_id AND m.association_id = NEW.association_id
                          AND m.quantity = NEW.quantity AND m.value = NEW.value)
      BEGIN SELECT RAISE(ABORT, 'stock.derived'); END;
      CREATE TRIGGER product_stock_update_by_movement BEFORE UPDATE ON product_stock
      WHEN NEW.product_id IS NOT OLD.product_id OR NEW.association_id IS NOT OLD.association_id
        OR NOT EXISTS (SELECT 1 FROM stock_move_in_progress f CROSS JOIN stock_movements m ON m.id = f.movement_id
                        WHERE m.product_id = OLD.product_id AND NEW.quantity = OLD.quantity + m.quantity
                          AND NEW.value = OLD.value + m.value)
      BEGIN SELECT RAISE(ABORT, 'stock.derived'); END;
      CREATE TRIGGER products_no_delete_used BEFORE DELETE ON products
      WHEN EXISTS (SELECT 1 FROM stock_movements WHERE product_id = OLD.id)
        OR EXISTS (SELECT 1 FROM stock_adjustments WHERE product_id = OLD.id)
        OR EXISTS (SELECT 1 FROM purchase_lines WHERE product_id = OLD.id)
        OR EXISTS (SELECT 1 FROM sale_lines WHERE product_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'product.used'); END;
    `);
  },
};
