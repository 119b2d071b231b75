import type { Migration } from '../storage/migrations';

// A payment looks for the member's open charges, oldest first. Without a mark of which charges are
// settled it read every charge the member ever had (and summed its allocations): after ten years of
// monthly dues, 120 charges for each receipt, and recordPayment slowed as the file aged. The mark is
// derived, never typed: triggers on allocations set it when a charge is fully paid and clear it when
// an allocation is voided, and a guard refuses any other value. The partial index then holds only
// the open, live charges, so finding them costs the same in year one and in year ten.
export const settledChargesMigration: Migration = {
  version: 7,
  description: 'charges marked settled by triggers on allocations; index of open charges per member',
  up: (db) => {
    db.exec(`
      ALTER TABLE charges ADD COLUMN settled INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1));
      UPDATE charges SET settled = 1
       WHERE amount <= (SELECT COALESCE(SUM(a.amount), 0) FROM allocations a WHERE a.charge_id = charges.id AND a.voided_on IS NULL);
      CREATE INDEX charges_member_open ON charges(member_id, due_date, date, id) WHERE settled = 0 AND voided_on IS NULL;

      CREATE TRIGGER allocations_settle AFTER INSERT ON allocations
      BEGIN
        UPDATE charges SET settled = 1
         WHERE id = NEW.charge_id AND settled = 0
           AND amount <= (SELECT SUM(amount) FROM allocations WHERE charge_id = NEW.charge_id AND voided_on IS NULL);
      END;
      CREATE TRIGGER allocations_unsettle AFTER UPDATE OF voided_on ON allocations
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
      BEGIN
        UPDATE charges SET settled = 0 WHERE id = NEW.charge_id AND settled = 1;
      END;
      CREATE TRIGGER charges_settled_derived BEFORE UPDATE OF settled ON charges
      WHEN NEW.settled IS NOT (NEW.amount <= (SELECT COALESCE(SUM(amount), 0) FROM allocations
                                               WHERE charge_id = NEW.id AND voided_on IS NULL))
      BEGIN SELECT RAISE(ABORT, 'charge.settledDerived'); END;
    `);
  },
};
