import type { Migration } from '../storage/migrations';

// The padrón de socios: members with their DNI, membership periods (leaving and
// rejoining keep history; nobody is deleted) and officer posts with terms.
export const membersMigration: Migration = {
  version: 2,
  description: 'padrón de socios: member details, membership periods, officer posts',
  up: (db) => {
    db.exec(`
      ALTER TABLE members ADD COLUMN given_names TEXT NOT NULL DEFAULT '';
      ALTER TABLE members ADD COLUMN surnames TEXT NOT NULL DEFAULT '';
      ALTER TABLE members ADD COLUMN sex TEXT CHECK (sex IS NULL OR sex IN ('F', 'M'));
      ALTER TABLE members ADD COLUMN birth_date TEXT;
      ALTER TABLE members ADD COLUMN community TEXT;
      ALTER TABLE members ADD COLUMN phone TEXT;
      ALTER TABLE members ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
      CREATE INDEX members_association_surnames ON members(association_id, surnames, given_names);

      -- One row per period of membership; an open period has no left_on.
      CREATE TABLE member_memberships (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        joined_on TEXT NOT NULL,
        left_on TEXT CHECK (left_on IS NULL OR left_on >= joined_on),
        leave_reason TEXT
      ) STRICT;
      CREATE INDEX member_memberships_member ON member_memberships(member_id, joined_on);
      CREATE UNIQUE INDEX member_memberships_one_open ON member_memberships(member_id) WHERE left_on IS NULL;

      CREATE TABLE officer_posts (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        post TEXT NOT NULL CHECK (post IN ('presidente', 'vicepresidente', 'tesorero', 'secretario', 'fiscal', 'vocal')),
        term_start TEXT NOT NULL,
        term_end TEXT CHECK (term_end IS NULL OR term_end >= term_start)
      ) STRICT;
      CREATE INDEX officer_posts_member ON officer_posts(member_id);

      -- Members are never deleted: history (charges, receipts, lines) points at them.
      CREATE TRIGGER members_no_delete BEFORE DELETE ON members
      BEGIN SELECT RAISE(ABORT, 'member.noDelete'); END;
      CREATE TRIGGER member_memberships_no_delete BEFORE DELETE ON member_memberships
      BEGIN SELECT RAISE(ABORT, 'member.noDelete'); END;
      -- A term ends by setting term_end; the record of who held a post stays.
      CREATE TRIGGER officer_posts_no_delete BEFORE DELETE ON officer_posts
      BEGIN SELECT RAISE(ABORT, 'member.noDelete'); END;
      -- Overlap checks look a post up by its terms.
      CREATE INDEX officer_posts_post ON officer_posts(post, term_start);

      -- Members recorded before the padrón (a name only) list under their full name until edited.
      UPDATE members SET given_names = full_name WHERE given_names = '';
    `);
  },
};
