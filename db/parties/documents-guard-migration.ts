import type { Migration } from '../storage/migrations';

/**
 * Version 19: a party any document names is never deleted.
 *
 * Version 13 kept a party once a journal line or a contract named it. A cash sale to a named buyer
 * posts no line with the party, and Debian's sqlite3 opens files with foreign keys off, so a raw
 * DELETE could have left that sale pointing at nobody. Every table that names a party now counts.
 */
export const partiesDocumentsGuardMigration: Migration = {
  version: 19,
  description: 'parties named by a purchase, payment voucher, sale or collection are never deleted',
  up: (db) => {
    db.exec(`
      DROP TRIGGER parties_no_delete_used;
      CREATE TRIGGER parties_no_delete_used BEFORE DELETE ON parties
      WHEN EXISTS (SELECT 1 FROM journal_lines WHERE party_id = OLD.id)
        OR EXISTS (SELECT 1 FROM contracts WHERE party_id = OLD.id)
        OR EXISTS (SELECT 1 FROM purchases WHERE party_id = OLD.id)
        OR EXISTS (SELECT 1 FROM payment_vouchers WHERE party_id = OLD.id)
        OR EXISTS (SELECT 1 FROM sales WHERE party_id = OLD.id)
        OR EXISTS (SELECT 1 FROM sale_collections WHERE party_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'party.used'); END;
    `);
  },
};
