import type Database from 'better-sqlite3';
import { membersMigration } from '../members/migration';
import { contributionsMigration } from '../contributions/migration';
import { reportsMigration } from '../reports/migration';
import { snapshotsMigration } from '../reports/snapshot-migration';
import { postingTriggersMigration } from '../journal/posting-migration';
import { settledChargesMigration } from '../contributions/settled-migration';
import { portableTriggersMigration } from '../journal/portable-triggers-migration';
import { selfDefenceMigration } from './self-defence-migration';
import { correctionsMigration } from '../contributions/corrections-migration';
import { closingMigration } from '../closing/migration';
import { memberCreditMigration } from '../contributions/credit-migration';
import { partiesMigration } from '../parties/migration';
import { stockMigration } from '../stock/migration';
import { purchasesMigration } from '../purchases/migration';
import { paymentsMigration } from '../payments/migration';
import { salesMigration } from '../sales/migration';
import { stockLookupMigration } from '../stock/lookup-migration';
import { partiesDocumentsGuardMigration } from '../parties/documents-guard-migration';
import { partyBalanceIndexMigration } from '../trade/party-balance-migration';
import { contractsMigration } from '../contracts/migration';
import { acopioMigration } from '../acopio/migration';

export interface Migration {
  version: number;
  description: string;
  up: (db: Database.Database) => void;
}

// Bundled in code, applied in order; PRAGMA user_version records the last one.
const ledgerMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'associations, accounts, line dimensions, journal, audit log',
    up: (db) => {
      db.exec(`
        CREATE TABLE associations (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          ruc TEXT UNIQUE CHECK (ruc IS NULL OR (length(ruc) = 11 AND ruc NOT GLOB '*[^0-9]*')),
          legal_form TEXT NOT NULL,
          registry_entry TEXT,
          ubigeo TEXT NOT NULL CHECK (length(ubigeo) = 6 AND ubigeo NOT GLOB '*[^0-9]*'),
          address TEXT,
          main_products TEXT NOT NULL DEFAULT '[]',
          fiscal_year_start_month INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
          lock_date TEXT,
          created_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE accounts (
          id INTEGER PRIMARY KEY,
          association_id INTEGER NOT NULL REFERENCES associations(id),
          code TEXT NOT NULL CHECK (code <> '' AND code NOT GLOB '*[^0-9]*'),
          name TEXT NOT NULL CHECK (name <> ''),
          pcge_name TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('asset','liability','equity','income','expense')),
          parent_id INTEGER REFERENCES accounts(id),
          postable INTEGER NOT NULL CHECK (postable IN (0,1)),
          role TEXT,
          archived_at TEXT,
          UNIQUE (association_id, code),
          UNIQUE (association_id, role)
        ) STRICT;
        CREATE INDEX accounts_parent ON accounts(parent_id);

        -- Dimensions a journal line may carry. Later migrations add their full registers
        -- (padrón de socios, buyers and suppliers, contracts, cost centres).
        CREATE TABLE members (
          id INTEGER PRIMARY KEY,
          association_id INTEGER NOT NULL REFERENCES associations(id),
          full_name TEXT NOT NULL CHECK (full_name <> ''),
          dni TEXT CHECK (dni IS NULL OR (length(dni) = 8 AND dni NOT GLOB '*[^0-9]*')),
          UNIQUE (association_id, dni)
        ) STRICT;
        CREATE TABLE parties (
          id INTEGER PRIMARY KEY,
          association_id INTEGER NOT NULL REFERENCES associations(id),
          name TEXT NOT NULL CHECK (name <> ''),
          kind TEXT NOT NULL CHECK (kind IN ('buyer','supplier','lender','funder','other'))
        ) STRICT;
        CREATE TABLE contracts (
          id INTEGER PRIMARY KEY,
          association_id INTEGER NOT NULL REFERENCES associations(id),
          party_id INTEGER NOT NULL REFERENCES parties(id),
          number TEXT NOT NULL CHECK (number <> ''),
          UNIQUE (association_id, number)
        ) STRICT;
        CREATE TABLE product_lines (
          id INTEGER PRIMARY KEY,
          association_id INTEGER NOT NULL REFERENCES associations(id),
          name TEXT NOT NULL CHECK (name <> ''),
          UNIQUE (association_id, name)
        ) STRICT;

        CREATE TABLE journal_entries (
          id INTEGER PRIMARY KEY,
          association_id INTEGER NOT NULL REFERENCES associations(id),
          fiscal_year INTEGER NOT NULL,
          number INTEGER NOT NULL CHECK (number > 0),
          date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
          description TEXT NOT NULL CHECK (description <> ''),
          source_type TEXT,
          source_id INTEGER,
          reverses_entry_id INTEGER UNIQUE REFERENCES journal_entries(id),
          reversed_by_entry_id INTEGER UNIQUE REFERENCES journal_entries(id),
          posted INTEGER NOT NULL DEFAULT 0 CHECK (posted IN (0,1)),
          created_at TEXT NOT NULL,
          created_by TEXT NOT NULL,
          UNIQUE (association_id, fiscal_year, number)
        ) STRICT;
        CREATE INDEX journal_entries_date ON journal_entries(association_id, date);

        CREATE TABLE journal_lines (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
          line_no INTEGER NOT NULL,
          account_id INTEGER NOT NULL REFERENCES accounts(id),
          date TEXT NOT NULL,
          amount INTEGER NOT NULL CHECK (amount <> 0),
          memo TEXT,
          member_id INTEGER REFERENCES members(id),
          party_id INTEGER REFERENCES parties(id),
          contract_id INTEGER REFERENCES contracts(id),
          product_line_id INTEGER REFERENCES product_lines(id),
          UNIQUE (entry_id, line_no)
        ) STRICT;
        CREATE INDEX journal_lines_account_date ON journal_lines(account_id, date, amount);
        CREATE INDEX journal_lines_member ON journal_lines(member_id) WHERE member_id IS NOT NULL;
        CREATE INDEX journal_lines_party ON journal_lines(party_id) WHERE party_id IS NOT NULL;
        CREATE INDEX journal_lines_contract ON journal_lines(contract_id) WHERE contract_id IS NOT NULL;
        CREATE INDEX journal_lines_product_line ON journal_lines(product_line_id) WHERE product_line_id IS NOT NULL;

        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          association_id INTEGER,
          operation TEXT NOT NULL,
          details TEXT NOT NULL
        ) STRICT;

        -- Invariants the database enforces itself, whoever writes to it.
        CREATE TRIGGER journal_entries_number_gapless BEFORE INSERT ON journal_entries
        WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM journal_entries
                            WHERE association_id = NEW.association_id AND fiscal_year = NEW.fiscal_year)
        BEGIN SELECT RAISE(ABORT, 'entry.numberGap'); END;

        CREATE TRIGGER journal_entries_lock_date BEFORE INSERT ON journal_entries
        WHEN NEW.date <= COALESCE((SELECT lock_date FROM associations WHERE id = NEW.association_id), '')
        BEGIN SELECT RAISE(ABORT, 'entry.locked'); END;

        CREATE TRIGGER journal_entries_insert_draft BEFORE INSERT ON journal_entries
        WHEN NEW.posted <> 0 OR NEW.reversed_by_entry_id IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'entry.insertAsDraft'); END;

        -- Posting checks the balance; afterwards only the reversal link may be set, once.
        CREATE TRIGGER journal_entries_post BEFORE UPDATE ON journal_entries
        WHEN OLD.posted = 0 AND NEW.posted = 1
        BEGIN
          SELECT RAISE(ABORT, 'entry.unbalanced')
            WHERE (SELECT COALESCE(SUM(amount), 0) FROM journal_lines WHERE entry_id = NEW.id) <> 0;
          SELECT RAISE(ABORT, 'entry.tooFewLines')
            WHERE (SELECT COUNT(*) FROM journal_lines WHERE entry_id = NEW.id) < 2;
        END;

        CREATE TRIGGER journal_entries_immutable BEFORE UPDATE ON journal_entries
        WHEN NOT (
          (OLD.posted = 0 AND NEW.posted = 1 AND OLD.reversed_by_entry_id IS NULL AND NEW.reversed_by_entry_id IS NULL)
          OR (OLD.posted = 1 AND NEW.posted = 1 AND OLD.reversed_by_entry_id IS NULL AND NEW.reversed_by_entry_id IS NOT NULL)
        ) OR NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id
          OR NEW.fiscal_year IS NOT OLD.fiscal_year OR NEW.number IS NOT OLD.number
          OR NEW.date IS NOT OLD.date OR NEW.description IS NOT OLD.description
          OR NEW.source_type IS NOT OLD.source_type OR NEW.source_id IS NOT OLD.source_id
          OR NEW.reverses_entry_id IS NOT OLD.reverses_entry_id
          OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        BEGIN SELECT RAISE(ABORT, 'entry.immutable'); END;

        CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
        BEGIN SELECT RAISE(ABORT, 'entry.immutable'); END;

        CREATE TRIGGER journal_lines_insert BEFORE INSERT ON journal_lines
        BEGIN
          SELECT RAISE(ABORT, 'entry.immutable')
            WHERE (SELECT posted FROM journal_entries WHERE id = NEW.entry_id) <> 0;
          SELECT RAISE(ABORT, 'entry.lineDate')
            WHERE NEW.date IS NOT (SELECT date FROM journal_entries WHERE id = NEW.entry_id);
          SELECT RAISE(ABORT, 'account.otherAssociation')
            WHERE (SELECT association_id FROM accounts WHERE id = NEW.account_id)
              IS NOT (SELECT association_id FROM journal_entries WHERE id = NEW.entry_id);
          SELECT RAISE(ABORT, 'account.notPostable')
            WHERE (SELECT postable FROM accounts WHERE id = NEW.account_id) <> 1;
          SELECT RAISE(ABORT, 'entry.dimensionOtherAssociation')
            WHERE (NEW.member_id IS NOT NULL AND (SELECT association_id FROM members WHERE id = NEW.member_id)
                     IS NOT (SELECT association_id FROM journal_entries WHERE id = NEW.entry_id))
               OR (NEW.party_id IS NOT NULL AND (SELECT association_id FROM parties WHERE id = NEW.party_id)
                     IS NOT (SELECT association_id FROM journal_entries WHERE id = NEW.entry_id))
               OR (NEW.contract_id IS NOT NULL AND (SELECT association_id FROM contracts WHERE id = NEW.contract_id)
                     IS NOT (SELECT association_id FROM journal_entries WHERE id = NEW.entry_id))
               OR (NEW.product_line_id IS NOT NULL AND (SELECT association_id FROM product_lines WHERE id = NEW.product_line_id)
                     IS NOT (SELECT association_id FROM journal_entries WHERE id = NEW.entry_id));
        END;

        CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines
        BEGIN SELECT RAISE(ABORT, 'entry.immutable'); END;
        CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines
        BEGIN SELECT RAISE(ABORT, 'entry.immutable'); END;

        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit.appendOnly'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit.appendOnly'); END;

        -- An account that has lines keeps them: it cannot become a heading or change type.
        CREATE TRIGGER accounts_used_fixed BEFORE UPDATE ON accounts
        WHEN (NEW.postable <> OLD.postable OR NEW.type <> OLD.type OR NEW.code <> OLD.code
              OR NEW.association_id <> OLD.association_id)
          AND EXISTS (SELECT 1 FROM journal_lines WHERE account_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'account.used'); END;
        CREATE TRIGGER accounts_no_delete_used BEFORE DELETE ON accounts
        WHEN EXISTS (SELECT 1 FROM journal_lines WHERE account_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'account.used'); END;
      `);
    },
  },
];

// Later versions live with their domain (db/<domain>/migration.ts); the order here is the order of upgrade.
export const migrations: readonly Migration[] = [...ledgerMigrations, membersMigration, contributionsMigration, reportsMigration, snapshotsMigration,
  postingTriggersMigration, settledChargesMigration, portableTriggersMigration, selfDefenceMigration, memberCreditMigration,
  closingMigration, correctionsMigration, partiesMigration, stockMigration, purchasesMigration, paymentsMigration, salesMigration,
  stockLookupMigration, partiesDocumentsGuardMigration, partyBalanceIndexMigration, contractsMigration, acopioMigration];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
