import type { Migration } from '../storage/migrations';

/**
 * Version 21: contracts with public entities (issue 13).
 *
 * - contracts (version 1's table) gains its terms' head: programme, process number, dates, term,
 *   status, the penalty cap and who recorded it. Rows from before (bare association, party, number)
 *   keep working: every new column has a default or admits NULL; Khipu's own contracts always carry
 *   signed_on, start_date and end_date. Only status and end_date (an adenda's) ever change.
 * - contract_items / contract_schedule: the full set of each version (0 = the original terms,
 *   n = adenda n), written before their version's row (the contract for 0, contract_amendments for n)
 *   and never after it nor changed. The terms in force on a date are the latest version dated on or
 *   before it.
 * - contract_deliveries (+ lines): numbered delivery notes (series 001, gapless per association), each
 *   pointing to its posted 'contract_delivery' entry (Dr 692 / Cr inventory at weighted average cost).
 * - contract_acceptances (+ lines): the acta de conformidad; one live per delivery, its number unique
 *   per contract among live ones; an entry ('contract_acceptance') only when rejected product came back
 *   into the store.
 * - contract_invoices (+ invoice_deliveries): the SUNAT invoice as typed, unique per entity among live
 *   ones; a delivery in at most one live invoice; subtotal ≤ the accepted value of its deliveries.
 * - contract_collections: received + deductions ≤ the invoice's pending.
 * - Like every document: inserted live with its own posted entry, the one change admitted is counting
 *   a print (deliveries) or being voided once by the posted '<type>_void' entry that reverses its own;
 *   never deleted. A delivery is not voided while a live acceptance covers it, an acceptance while a
 *   live invoice covers its delivery, an invoice while a live collection paid it.
 */
export const contractsMigration: Migration = {
  version: 21,
  description: 'contracts with public entities: items, schedule, amendments, deliveries, acceptances, invoices, collections',
  up: (db) => {
    db.exec(`
      ALTER TABLE contracts ADD COLUMN programme TEXT;
      ALTER TABLE contracts ADD COLUMN process_number TEXT;
      ALTER TABLE contracts ADD COLUMN signed_on TEXT;
      ALTER TABLE contracts ADD COLUMN start_date TEXT;
      ALTER TABLE contracts ADD COLUMN end_date TEXT;
      ALTER TABLE contracts ADD COLUMN term_days INTEGER CHECK (term_days IS NULL OR term_days > 0);
      ALTER TABLE contracts ADD COLUMN status TEXT NOT NULL DEFAULT 'in_force'
        CHECK (status IN ('in_force','completed','terminated'));
      ALTER TABLE contracts ADD COLUMN penalty_cap_bp INTEGER NOT NULL DEFAULT 1000 CHECK (penalty_cap_bp BETWEEN 0 AND 10000);
      ALTER TABLE contracts ADD COLUMN note TEXT;
      ALTER TABLE contracts ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE contracts ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
      CREATE INDEX contracts_party ON contracts(party_id);

      CREATE TABLE contract_amendments (
        id INTEGER PRIMARY KEY,
        contract_id INTEGER NOT NULL REFERENCES contracts(id),
        version INTEGER NOT NULL CHECK (version > 0),
        number TEXT NOT NULL CHECK (number <> ''),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        reason TEXT NOT NULL CHECK (reason <> ''),
        end_date TEXT NOT NULL CHECK (end_date >= date),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (contract_id, version),
        UNIQUE (contract_id, number)
      ) STRICT;

      CREATE TABLE contract_items (
        id INTEGER PRIMARY KEY,
        contract_id INTEGER NOT NULL REFERENCES contracts(id) DEFERRABLE INITIALLY DEFERRED,
        version INTEGER NOT NULL CHECK (version >= 0),
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        product_id INTEGER NOT NULL REFERENCES products(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL CHECK (unit_price > 0),
        amount INTEGER NOT NULL CHECK (amount > 0),
        UNIQUE (contract_id, version, line_no),
        UNIQUE (contract_id, version, product_id)
      ) STRICT;

      CREATE TABLE contract_schedule (
        id INTEGER PRIMARY KEY,
        contract_id INTEGER NOT NULL REFERENCES contracts(id) DEFERRABLE INITIALLY DEFERRED,
        version INTEGER NOT NULL CHECK (version >= 0),
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        product_id INTEGER NOT NULL REFERENCES products(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        UNIQUE (contract_id, version, line_no)
      ) STRICT;

      CREATE TABLE contract_deliveries (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        contract_id INTEGER NOT NULL REFERENCES contracts(id),
        series TEXT NOT NULL DEFAULT '001' CHECK (length(series) = 3 AND series NOT GLOB '*[^0-9]*'),
        number INTEGER NOT NULL CHECK (number > 0),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        version INTEGER NOT NULL CHECK (version >= 0),
        amount INTEGER NOT NULL CHECK (amount > 0),
        cost INTEGER NOT NULL CHECK (cost >= 0),
        note TEXT,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (association_id, series, number),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      CREATE INDEX contract_deliveries_contract ON contract_deliveries(contract_id, date, id);

      CREATE TABLE contract_delivery_lines (
        id INTEGER PRIMARY KEY,
        delivery_id INTEGER NOT NULL REFERENCES contract_deliveries(id) DEFERRABLE INITIALLY DEFERRED,
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        product_id INTEGER NOT NULL REFERENCES products(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL CHECK (unit_price > 0),
        amount INTEGER NOT NULL CHECK (amount > 0),
        cost INTEGER NOT NULL CHECK (cost >= 0),
        schedule_line_no INTEGER NOT NULL CHECK (schedule_line_no > 0),
        due_date TEXT NOT NULL,
        UNIQUE (delivery_id, line_no)
      ) STRICT;

      CREATE TABLE contract_acceptances (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        contract_id INTEGER NOT NULL REFERENCES contracts(id),
        delivery_id INTEGER NOT NULL REFERENCES contract_deliveries(id),
        acta_number TEXT NOT NULL CHECK (acta_number <> '' AND length(acta_number) <= 40),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        accepted_amount INTEGER NOT NULL CHECK (accepted_amount >= 0),
        returned INTEGER NOT NULL CHECK (returned IN (0,1)),
        returned_cost INTEGER NOT NULL CHECK (returned_cost >= 0),
        note TEXT,
        entry_id INTEGER REFERENCES journal_entries(id),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (voided_at IS NULL)),
        CHECK (void_entry_id IS NULL OR (voided_on IS NOT NULL AND entry_id IS NOT NULL)),
        CHECK (voided_on IS NULL OR entry_id IS NULL OR void_entry_id IS NOT NULL),
        CHECK ((entry_id IS NULL) = (returned_cost = 0))
      ) STRICT;
      CREATE UNIQUE INDEX contract_acceptances_live ON contract_acceptances(delivery_id) WHERE voided_on IS NULL;
      CREATE UNIQUE INDEX contract_acceptances_acta ON contract_acceptances(contract_id, acta_number) WHERE voided_on IS NULL;
      CREATE INDEX contract_acceptances_contract ON contract_acceptances(contract_id);

      CREATE TABLE contract_acceptance_lines (
        id INTEGER PRIMARY KEY,
        acceptance_id INTEGER NOT NULL REFERENCES contract_acceptances(id) DEFERRABLE INITIALLY DEFERRED,
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        accepted_quantity INTEGER NOT NULL CHECK (accepted_quantity >= 0),
        rejected_quantity INTEGER NOT NULL CHECK (rejected_quantity >= 0),
        accepted_amount INTEGER NOT NULL CHECK (accepted_amount >= 0),
        returned_cost INTEGER NOT NULL CHECK (returned_cost >= 0),
        UNIQUE (acceptance_id, line_no)
      ) STRICT;

      CREATE TABLE contract_invoices (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        contract_id INTEGER NOT NULL REFERENCES contracts(id),
        party_id INTEGER NOT NULL REFERENCES parties(id),
        number TEXT NOT NULL CHECK (number <> '' AND length(number) <= 30 AND number NOT GLOB '* *'),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        subtotal INTEGER NOT NULL CHECK (subtotal > 0),
        igv INTEGER NOT NULL CHECK (igv >= 0),
        total INTEGER NOT NULL,
        note TEXT,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (total = subtotal + igv),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX contract_invoices_number_per_entity ON contract_invoices(party_id, number) WHERE voided_on IS NULL;
      CREATE INDEX contract_invoices_contract ON contract_invoices(contract_id, date, id);

      CREATE TABLE contract_invoice_deliveries (
        id INTEGER PRIMARY KEY,
        invoice_id INTEGER NOT NULL REFERENCES contract_invoices(id) DEFERRABLE INITIALLY DEFERRED,
        delivery_id INTEGER NOT NULL REFERENCES contract_deliveries(id),
        UNIQUE (invoice_id, delivery_id)
      ) STRICT;
      CREATE INDEX contract_invoice_deliveries_delivery ON contract_invoice_deliveries(delivery_id);

      CREATE TABLE contract_collections (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        contract_id INTEGER NOT NULL REFERENCES contracts(id),
        invoice_id INTEGER NOT NULL REFERENCES contract_invoices(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        received INTEGER NOT NULL CHECK (received >= 0),
        igv_withheld INTEGER NOT NULL CHECK (igv_withheld >= 0),
        withholding_voucher TEXT,
        detraction INTEGER NOT NULL CHECK (detraction >= 0),
        detraction_constancia TEXT,
        penalty INTEGER NOT NULL CHECK (penalty >= 0),
        other_deductions INTEGER NOT NULL CHECK (other_deductions >= 0),
        other_description TEXT,
        total INTEGER NOT NULL CHECK (total > 0),
        pending_after INTEGER NOT NULL CHECK (pending_after >= 0),
        note TEXT,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (total = received + igv_withheld + detraction + penalty + other_deductions),
        CHECK (igv_withheld = 0 OR detraction = 0),
        CHECK ((igv_withheld > 0) = (withholding_voucher IS NOT NULL)),
        CHECK ((detraction > 0) = (detraction_constancia IS NOT NULL)),
        CHECK ((other_deductions > 0) = (other_description IS NOT NULL)),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      CREATE INDEX contract_collections_invoice ON contract_collections(invoice_id);
      CREATE INDEX contract_collections_contract ON contract_collections(contract_id, date, id);

      -- ---------------------------------------------------------------- contracts

      -- Khipu's contracts (signed_on given) name a public entity of their association, with dates in
      -- order and their version-0 items already written.
      CREATE TRIGGER contracts_insert_valid BEFORE INSERT ON contracts
      BEGIN
        SELECT RAISE(ABORT, 'contract.partyOtherAssociation')
          WHERE (SELECT association_id FROM parties WHERE id = NEW.party_id) IS NOT NEW.association_id;
        SELECT RAISE(ABORT, 'contract.termsInvalid')
          WHERE NEW.signed_on IS NOT NULL
            AND (NEW.start_date IS NULL OR NEW.end_date IS NULL OR NEW.start_date < NEW.signed_on
                 OR NEW.end_date < NEW.start_date
                 OR (SELECT kind FROM parties WHERE id = NEW.party_id) IS NOT 'public_entity'
                 OR NOT EXISTS (SELECT 1 FROM contract_items WHERE contract_id = NEW.id AND version = 0));
      END;
      CREATE TRIGGER contracts_immutable BEFORE UPDATE ON contracts
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.party_id IS NOT OLD.party_id
        OR NEW.number IS NOT OLD.number OR NEW.programme IS NOT OLD.programme OR NEW.process_number IS NOT OLD.process_number
        OR NEW.signed_on IS NOT OLD.signed_on OR NEW.start_date IS NOT OLD.start_date OR NEW.term_days IS NOT OLD.term_days
        OR NEW.penalty_cap_bp IS NOT OLD.penalty_cap_bp OR NEW.note IS NOT OLD.note
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR (NEW.end_date IS NOT OLD.end_date
            AND NOT EXISTS (SELECT 1 FROM contract_amendments a WHERE a.contract_id = OLD.id AND a.end_date IS NEW.end_date
                              AND a.version = (SELECT MAX(version) FROM contract_amendments WHERE contract_id = OLD.id)))
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;
      CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts
      WHEN OLD.signed_on IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;

      -- An adenda is the next version, dated on or after the one before, its items already written.
      CREATE TRIGGER contract_amendments_insert_valid BEFORE INSERT ON contract_amendments
      BEGIN
        SELECT RAISE(ABORT, 'contract.amendmentInvalid')
          WHERE NEW.version <> COALESCE((SELECT MAX(version) FROM contract_amendments WHERE contract_id = NEW.contract_id), 0) + 1
             OR NEW.date < (SELECT signed_on FROM contracts WHERE id = NEW.contract_id)
             OR NEW.date < COALESCE((SELECT MAX(date) FROM contract_amendments WHERE contract_id = NEW.contract_id), '')
             OR NOT EXISTS (SELECT 1 FROM contract_items WHERE contract_id = NEW.contract_id AND version = NEW.version);
      END;
      CREATE TRIGGER contract_amendments_no_update BEFORE UPDATE ON contract_amendments
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;
      CREATE TRIGGER contract_amendments_no_delete BEFORE DELETE ON contract_amendments
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;

      -- A version's items and schedule are written before its row, never after it, never changed.
      CREATE TRIGGER contract_items_before_their_version BEFORE INSERT ON contract_items
      WHEN (NEW.version = 0 AND EXISTS (SELECT 1 FROM contracts WHERE id = NEW.contract_id))
        OR (NEW.version > 0 AND EXISTS (SELECT 1 FROM contract_amendments WHERE contract_id = NEW.contract_id AND version = NEW.version))
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;
      CREATE TRIGGER contract_items_no_update BEFORE UPDATE ON contract_items
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;
      CREATE TRIGGER contract_items_no_delete BEFORE DELETE ON contract_items
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;
      CREATE TRIGGER contract_schedule_before_their_version BEFORE INSERT ON contract_schedule
      WHEN (NEW.version = 0 AND EXISTS (SELECT 1 FROM contracts WHERE id = NEW.contract_id))
        OR (NEW.version > 0 AND EXISTS (SELECT 1 FROM contract_amendments WHERE contract_id = NEW.contract_id AND version = NEW.version))
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;
      CREATE TRIGGER contract_schedule_no_update BEFORE UPDATE ON contract_schedule
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;
      CREATE TRIGGER contract_schedule_no_delete BEFORE DELETE ON contract_schedule
      BEGIN SELECT RAISE(ABORT, 'contract.immutable'); END;

      -- ---------------------------------------------------------------- deliveries

      CREATE TRIGGER contract_deliveries_number_gapless BEFORE INSERT ON contract_deliveries
      WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM contract_deliveries
                          WHERE association_id = NEW.association_id AND series = NEW.series)
      BEGIN SELECT RAISE(ABORT, 'contractDelivery.numberGap'); END;
      CREATE TRIGGER contract_deliveries_insert_valid BEFORE INSERT ON contract_deliveries
      BEGIN
        SELECT RAISE(ABORT, 'contractDelivery.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL OR NEW.print_count <> 0;
        SELECT RAISE(ABORT, 'contractDelivery.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'contract_delivery'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'contractDelivery.contractInvalid')
          WHERE NOT EXISTS (SELECT 1 FROM contracts c WHERE c.id = NEW.contract_id AND c.association_id = NEW.association_id
                              AND c.signed_on IS NOT NULL AND c.signed_on <= NEW.date AND c.status = 'in_force');
        SELECT RAISE(ABORT, 'contractDelivery.linesMismatch')
          WHERE (SELECT SUM(amount) FROM contract_delivery_lines WHERE delivery_id = NEW.id) IS NOT NEW.amount
             OR (SELECT SUM(cost) FROM contract_delivery_lines WHERE delivery_id = NEW.id) IS NOT NEW.cost;
      END;
      CREATE TRIGGER contract_deliveries_immutable BEFORE UPDATE ON contract_deliveries
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.contract_id IS NOT OLD.contract_id
        OR NEW.series IS NOT OLD.series OR NEW.number IS NOT OLD.number OR NEW.date IS NOT OLD.date
        OR NEW.version IS NOT OLD.version OR NEW.amount IS NOT OLD.amount OR NEW.cost IS NOT OLD.cost
        OR NEW.note IS NOT OLD.note OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR NEW.print_count NOT IN (OLD.print_count, OLD.print_count + 1)
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'contract_delivery_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'contractDelivery.immutable'); END;
      CREATE TRIGGER contract_deliveries_void_after_acceptance BEFORE UPDATE OF voided_on ON contract_deliveries
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM contract_acceptances WHERE delivery_id = OLD.id AND voided_on IS NULL)
      BEGIN SELECT RAISE(ABORT, 'contractDelivery.accepted'); END;
      CREATE TRIGGER contract_deliveries_no_delete BEFORE DELETE ON contract_deliveries
      BEGIN SELECT RAISE(ABORT, 'contractDelivery.immutable'); END;
      CREATE TRIGGER contract_delivery_lines_before_their_delivery BEFORE INSERT ON contract_delivery_lines
      WHEN EXISTS (SELECT 1 FROM contract_deliveries WHERE id = NEW.delivery_id)
      BEGIN SELECT RAISE(ABORT, 'contractDelivery.immutable'); END;
      CREATE TRIGGER contract_delivery_lines_no_update BEFORE UPDATE ON contract_delivery_lines
      BEGIN SELECT RAISE(ABORT, 'contractDelivery.immutable'); END;
      CREATE TRIGGER contract_delivery_lines_no_delete BEFORE DELETE ON contract_delivery_lines
      BEGIN SELECT RAISE(ABORT, 'contractDelivery.immutable'); END;

      -- ---------------------------------------------------------------- acceptances

      CREATE TRIGGER contract_acceptances_insert_valid BEFORE INSERT ON contract_acceptances
      BEGIN
        SELECT RAISE(ABORT, 'contractAcceptance.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL;
        SELECT RAISE(ABORT, 'contractAcceptance.deliveryInvalid')
          WHERE NOT EXISTS (SELECT 1 FROM contract_deliveries d WHERE d.id = NEW.delivery_id AND d.voided_on IS NULL
                              AND d.contract_id = NEW.contract_id AND d.association_id = NEW.association_id
                              AND d.date <= NEW.date);
        SELECT RAISE(ABORT, 'contractAcceptance.entryMismatch')
          WHERE NEW.entry_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'contract_acceptance'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'contractAcceptance.linesMismatch')
          WHERE (SELECT SUM(accepted_amount) FROM contract_acceptance_lines WHERE acceptance_id = NEW.id) IS NOT NEW.accepted_amount
             OR (SELECT SUM(returned_cost) FROM contract_acceptance_lines WHERE acceptance_id = NEW.id) IS NOT NEW.returned_cost
             OR (SELECT COUNT(*) FROM contract_acceptance_lines WHERE acceptance_id = NEW.id)
                  <> (SELECT COUNT(*) FROM contract_delivery_lines WHERE delivery_id = NEW.delivery_id)
             OR EXISTS (SELECT 1 FROM contract_acceptance_lines a
                          LEFT JOIN contract_delivery_lines l ON l.delivery_id = NEW.delivery_id AND l.line_no = a.line_no
                         WHERE a.acceptance_id = NEW.id
                           AND (l.id IS NULL OR a.accepted_quantity + a.rejected_quantity <> l.quantity
                                OR a.accepted_amount > l.amount OR a.returned_cost > l.cost));
      END;
      CREATE TRIGGER contract_acceptances_immutable BEFORE UPDATE ON contract_acceptances
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.contract_id IS NOT OLD.contract_id
        OR NEW.delivery_id IS NOT OLD.delivery_id OR NEW.acta_number IS NOT OLD.acta_number OR NEW.date IS NOT OLD.date
        OR NEW.accepted_amount IS NOT OLD.accepted_amount OR NEW.returned IS NOT OLD.returned
        OR NEW.returned_cost IS NOT OLD.returned_cost OR NEW.note IS NOT OLD.note OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL AND OLD.entry_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'contract_acceptance_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'contractAcceptance.immutable'); END;
      CREATE TRIGGER contract_acceptances_void_after_invoice BEFORE UPDATE OF voided_on ON contract_acceptances
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM contract_invoice_deliveries x JOIN contract_invoices i ON i.id = x.invoice_id
                     WHERE x.delivery_id = OLD.delivery_id AND i.voided_on IS NULL)
      BEGIN SELECT RAISE(ABORT, 'contractAcceptance.invoiced'); END;
      CREATE TRIGGER contract_acceptances_no_delete BEFORE DELETE ON contract_acceptances
      BEGIN SELECT RAISE(ABORT, 'contractAcceptance.immutable'); END;
      CREATE TRIGGER contract_acceptance_lines_before_their_acceptance BEFORE INSERT ON contract_acceptance_lines
      WHEN EXISTS (SELECT 1 FROM contract_acceptances WHERE id = NEW.acceptance_id)
      BEGIN SELECT RAISE(ABORT, 'contractAcceptance.immutable'); END;
      CREATE TRIGGER contract_acceptance_lines_no_update BEFORE UPDATE ON contract_acceptance_lines
      BEGIN SELECT RAISE(ABORT, 'contractAcceptance.immutable'); END;
      CREATE TRIGGER contract_acceptance_lines_no_delete BEFORE DELETE ON contract_acceptance_lines
      BEGIN SELECT RAISE(ABORT, 'contractAcceptance.immutable'); END;

      -- ---------------------------------------------------------------- invoices

      CREATE TRIGGER contract_invoices_insert_valid BEFORE INSERT ON contract_invoices
      BEGIN
        SELECT RAISE(ABORT, 'contractInvoice.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL;
        SELECT RAISE(ABORT, 'contractInvoice.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'contract_invoice'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'contractInvoice.contractInvalid')
          WHERE NOT EXISTS (SELECT 1 FROM contracts c WHERE c.id = NEW.contract_id AND c.association_id = NEW.association_id
                              AND c.party_id = NEW.party_id);
        SELECT RAISE(ABORT, 'contractInvoice.deliveryInvalid')
          WHERE NOT EXISTS (SELECT 1 FROM contract_invoice_deliveries WHERE invoice_id = NEW.id)
             OR EXISTS (SELECT 1 FROM contract_invoice_deliveries x JOIN contract_deliveries d ON d.id = x.delivery_id
                         WHERE x.invoice_id = NEW.id
                           AND (d.contract_id IS NOT NEW.contract_id OR d.voided_on IS NOT NULL
                                OR NOT EXISTS (SELECT 1 FROM contract_acceptances a WHERE a.delivery_id = d.id
                                                 AND a.voided_on IS NULL AND a.date <= NEW.date)
                                OR EXISTS (SELECT 1 FROM contract_invoice_deliveries y JOIN contract_invoices i ON i.id = y.invoice_id
                                            WHERE y.delivery_id = d.id AND i.voided_on IS NULL)));
        SELECT RAISE(ABORT, 'contractInvoice.aboveAccepted')
          WHERE NEW.subtotal > (SELECT SUM(a.accepted_amount) FROM contract_invoice_deliveries x
                                  JOIN contract_acceptances a ON a.delivery_id = x.delivery_id AND a.voided_on IS NULL
                                 WHERE x.invoice_id = NEW.id);
      END;
      CREATE TRIGGER contract_invoices_immutable BEFORE UPDATE ON contract_invoices
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.contract_id IS NOT OLD.contract_id
        OR NEW.party_id IS NOT OLD.party_id OR NEW.number IS NOT OLD.number OR NEW.date IS NOT OLD.date
        OR NEW.subtotal IS NOT OLD.subtotal OR NEW.igv IS NOT OLD.igv OR NEW.total IS NOT OLD.total
        OR NEW.note IS NOT OLD.note OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'contract_invoice_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'contractInvoice.immutable'); END;
      CREATE TRIGGER contract_invoices_void_after_collections BEFORE UPDATE OF voided_on ON contract_invoices
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM contract_collections WHERE invoice_id = OLD.id AND voided_on IS NULL)
      BEGIN SELECT RAISE(ABORT, 'contractInvoice.hasCollections'); END;
      CREATE TRIGGER contract_invoices_no_delete BEFORE DELETE ON contract_invoices
      BEGIN SELECT RAISE(ABORT, 'contractInvoice.immutable'); END;
      CREATE TRIGGER contract_invoice_deliveries_before_their_invoice BEFORE INSERT ON contract_invoice_deliveries
      WHEN EXISTS (SELECT 1 FROM contract_invoices WHERE id = NEW.invoice_id)
      BEGIN SELECT RAISE(ABORT, 'contractInvoice.immutable'); END;
      CREATE TRIGGER contract_invoice_deliveries_no_update BEFORE UPDATE ON contract_invoice_deliveries
      BEGIN SELECT RAISE(ABORT, 'contractInvoice.immutable'); END;
      CREATE TRIGGER contract_invoice_deliveries_no_delete BEFORE DELETE ON contract_invoice_deliveries
      BEGIN SELECT RAISE(ABORT, 'contractInvoice.immutable'); END;

      -- ---------------------------------------------------------------- collections

      CREATE TRIGGER contract_collections_insert_valid BEFORE INSERT ON contract_collections
      BEGIN
        SELECT RAISE(ABORT, 'contractCollection.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL;
        SELECT RAISE(ABORT, 'contractCollection.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'contract_collection'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'contractCollection.accountNotCash')
          WHERE NOT EXISTS (SELECT 1 FROM accounts a
                             WHERE a.id = NEW.account_id AND a.association_id = NEW.association_id AND a.postable = 1
                               AND substr(a.code, 1, 2) = '10');
        SELECT RAISE(ABORT, 'contractCollection.invoiceInvalid')
          WHERE NOT EXISTS (SELECT 1 FROM contract_invoices i WHERE i.id = NEW.invoice_id AND i.voided_on IS NULL
                              AND i.contract_id = NEW.contract_id AND i.association_id = NEW.association_id
                              AND i.date <= NEW.date);
        SELECT RAISE(ABORT, 'contractCollection.abovePending')
          WHERE NEW.total > (SELECT i.total FROM contract_invoices i WHERE i.id = NEW.invoice_id)
                             - COALESCE((SELECT SUM(total) FROM contract_collections
                                          WHERE invoice_id = NEW.invoice_id AND voided_on IS NULL), 0);
      END;
      CREATE TRIGGER contract_collections_immutable BEFORE UPDATE ON contract_collections
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.contract_id IS NOT OLD.contract_id
        OR NEW.invoice_id IS NOT OLD.invoice_id OR NEW.date IS NOT OLD.date OR NEW.account_id IS NOT OLD.account_id
        OR NEW.received IS NOT OLD.received OR NEW.igv_withheld IS NOT OLD.igv_withheld
        OR NEW.withholding_voucher IS NOT OLD.withholding_voucher OR NEW.detraction IS NOT OLD.detraction
        OR NEW.detraction_constancia IS NOT OLD.detraction_constancia OR NEW.penalty IS NOT OLD.penalty
        OR NEW.other_deductions IS NOT OLD.other_deductions OR NEW.other_description IS NOT OLD.other_description
        OR NEW.total IS NOT OLD.total OR NEW.pending_after IS NOT OLD.pending_after
        OR NEW.note IS NOT OLD.note OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'contract_collection_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'contractCollection.immutable'); END;
      CREATE TRIGGER contract_collections_no_delete BEFORE DELETE ON contract_collections
      BEGIN SELECT RAISE(ABORT, 'contractCollection.immutable'); END;
    `);
  },
};
