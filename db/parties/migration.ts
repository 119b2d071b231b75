import type { Migration } from '../storage/migrations';

/**
 * Version 13: the register of parties (suppliers, buyers, lenders, public entities, funders).
 *
 * - parties is rebuilt with its full register: document (RUC of 11 digits, DNI of 8, or none),
 *   phone, district, the member it stands for when a socio sells to or buys from the association
 *   (linked, never copied), a note, archived_at and who created it. SQLite cannot add CHECKs to a
 *   table, so the table is rebuilt in this migration's transaction with the same ids; journal_lines
 *   and contracts keep pointing at them (foreign keys deferred to the commit). The triggers that read
 *   parties go first (a table rename re-checks them) and come back unchanged.
 * - A document number is recorded once per association; a member stands for one party per association.
 * - A party keeps its association and is never deleted once a journal line or a contract names it
 *   (the service only archives). The documents of later versions (purchases, sales, vouchers,
 *   collections) name it through foreign keys, and each adds its own "no delete" trigger.
 * - Parties recorded before this version keep their kind; their creation time and author are unknown ('').
 */
export const partiesMigration: Migration = {
  version: 13,
  description: 'parties register: RUC/DNI, phone, district, linked member, archive; never deleted once used',
  up: (db) => {
    // The lines and contracts that name a party wait, deferred, for their party to be back by commit:
    // the rows are kept aside, the old table dropped and the new one filled under the same name (a
    // rename would leave the deferred violations of the drop counted).
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TABLE parties_before_v13 AS SELECT id, association_id, name, kind FROM parties;
      DROP TABLE parties;
      CREATE TABLE parties (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        name TEXT NOT NULL CHECK (name <> ''),
        kind TEXT NOT NULL CHECK (kind IN ('supplier','buyer','lender','public_entity','funder','other')),
        document_type TEXT NOT NULL DEFAULT 'none' CHECK (document_type IN ('ruc','dni','none')),
        document_number TEXT,
        phone TEXT CHECK (phone IS NULL OR (phone <> '' AND length(phone) <= 30)),
        district TEXT CHECK (district IS NULL OR (district <> '' AND length(district) <= 100)),
        member_id INTEGER REFERENCES members(id),
        note TEXT CHECK (note IS NULL OR (note <> '' AND length(note) <= 500)),
        archived_at TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL DEFAULT '',
        CHECK ((document_type = 'none' AND document_number IS NULL)
            OR (document_type = 'ruc' AND length(document_number) = 11 AND document_number NOT GLOB '*[^0-9]*')
            OR (document_type = 'dni' AND length(document_number) = 8 AND document_number NOT GLOB '*[^0-9]*'))
      ) STRICT;
      INSERT INTO parties (id, association_id, name, kind)
      SELECT id, association_id, name, kind FROM parties_before_v13 ORDER BY id;
      DROP TABLE parties_before_v13;
      CREATE UNIQUE INDEX parties_document ON parties(association_id, document_number) WHERE document_number IS NOT NULL;
      CREATE UNIQUE INDEX parties_member ON parties(association_id, member_id) WHERE member_id IS NOT NULL;
      CREATE INDEX parties_association_name ON parties(association_id, name);

      -- A party stays in its association; the member it stands for is a member of that association.
      CREATE TRIGGER parties_member_same_association BEFORE INSERT ON parties
      WHEN NEW.member_id IS NOT NULL
        AND (SELECT association_id FROM members WHERE id = NEW.member_id) IS NOT NEW.association_id
      BEGIN SELECT RAISE(ABORT, 'party.memberOtherAssociation'); END;
      CREATE TRIGGER parties_member_same_association_update BEFORE UPDATE OF member_id ON parties
      WHEN NEW.member_id IS NOT NULL
        AND (SELECT association_id FROM members WHERE id = NEW.member_id) IS NOT NEW.association_id
      BEGIN SELECT RAISE(ABORT, 'party.memberOtherAssociation'); END;
      CREATE TRIGGER parties_association_fixed BEFORE UPDATE ON parties
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
      BEGIN SELECT RAISE(ABORT, 'party.immutable'); END;
      -- History points at a party once a line or a contract names it: it is archived, never deleted.
      CREATE TRIGGER parties_no_delete_used BEFORE DELETE ON parties
      WHEN EXISTS (SELECT 1 FROM journal_lines WHERE party_id = OLD.id)
        OR EXISTS (SELECT 1 FROM contracts WHERE party_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'party.used'); END;
    `);
  },
};
