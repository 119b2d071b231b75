import type { Migration } from '../storage/migrations';

/**
 * Version 17: direct sales and collections from buyers.
 *
 * - sales: one row per sale, to a buyer (party) or to the público (party NULL), paid in cash into a
 *   caja or bank account, or on credit to a buyer with a due date. The document the buyer got:
 *   Khipu's own nota de venta (nota_series/nota_number, gapless per association and series), a boleta
 *   or factura issued outside Khipu (document_number as typed, unique per buyer among live sales — a
 *   voided sale frees its number so the corrected one can carry it), or none. print_count counts
 *   prints of the nota de venta (DUPLICADO after the first).
 * - sale_lines: product, quantity (thousandths), price per whole unit, amount (before IGV) and the cost
 *   that left the store at weighted average cost. Written BEFORE their sale (deferred key) and never
 *   after it: a sale is inserted only when its lines add up to its subtotal.
 * - sale_collections: money from a buyer, printed as "Recibo de ingreso 002-000001" (series 002,
 *   gapless per association and series; members' receipts keep their own table). owed_after keeps what
 *   the buyer still owed right after it, as printed.
 * - collection_allocations: which credit sales each collection paid. Written before their collection
 *   and never after it; live while their collection is. What a collection pays beyond them is the
 *   buyer's advance (it stays on 121 with the party).
 * - Like every document: inserted live with its own posted entry ('sale' / 'sale_collection', this id,
 *   same association and date); the one change admitted is counting a print or being voided once by the
 *   posted '<type>_void' entry that reverses its own, dated on the void date; never deleted. A sale is
 *   not voided while a live collection paid it (void the collection first).
 * - The entries of both are reversed only by their void (version 9's documents_reversed_by_their_void
 *   covers every source type).
 */
export const salesMigration: Migration = {
  version: 17,
  description: 'direct sales with notas de venta, collections from buyers (recibo de ingreso series 002)',
  up: (db) => {
    db.exec(`
      CREATE TABLE sales (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        party_id INTEGER REFERENCES parties(id),
        document_kind TEXT NOT NULL CHECK (document_kind IN ('nota_venta','boleta','factura','none')),
        document_number TEXT CHECK (document_number IS NULL OR (document_number <> '' AND length(document_number) <= 30)),
        nota_series TEXT CHECK (nota_series IS NULL OR (length(nota_series) = 3 AND nota_series NOT GLOB '*[^0-9]*')),
        nota_number INTEGER CHECK (nota_number IS NULL OR nota_number > 0),
        subtotal INTEGER NOT NULL CHECK (subtotal > 0),
        igv INTEGER NOT NULL DEFAULT 0 CHECK (igv >= 0),
        total INTEGER NOT NULL,
        payment TEXT NOT NULL CHECK (payment IN ('cash','credit')),
        account_id INTEGER REFERENCES accounts(id),
        due_date TEXT CHECK (due_date IS NULL OR due_date >= date),
        note TEXT,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (association_id, nota_series, nota_number),
        CHECK (total = subtotal + igv),
        CHECK ((document_kind = 'nota_venta') = (nota_number IS NOT NULL)
               AND (nota_number IS NULL) = (nota_series IS NULL)
               AND (document_kind IN ('boleta','factura')) = (document_number IS NOT NULL)),
        CHECK (document_kind <> 'factura' OR party_id IS NOT NULL),
        CHECK ((payment = 'cash' AND account_id IS NOT NULL AND due_date IS NULL)
            OR (payment = 'credit' AND account_id IS NULL AND due_date IS NOT NULL AND party_id IS NOT NULL)),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      -- A buyer's boleta or factura number is recorded once among live sales; so is one to the público.
      CREATE UNIQUE INDEX sales_document_per_buyer ON sales(party_id, document_kind, document_number)
        WHERE document_number IS NOT NULL AND party_id IS NOT NULL AND voided_on IS NULL;
      CREATE UNIQUE INDEX sales_document_public ON sales(association_id, document_kind, document_number)
        WHERE document_number IS NOT NULL AND party_id IS NULL AND voided_on IS NULL;
      -- The list (keyset by date, id), a buyer's credit sales oldest due first, the books by period.
      CREATE INDEX sales_association_date ON sales(association_id, date, id);
      CREATE INDEX sales_party_due ON sales(party_id, due_date, date, id) WHERE party_id IS NOT NULL;

      CREATE TABLE sale_lines (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales(id) DEFERRABLE INITIALLY DEFERRED,
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        product_id INTEGER NOT NULL REFERENCES products(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL CHECK (unit_price > 0),
        amount INTEGER NOT NULL CHECK (amount > 0),
        cost INTEGER NOT NULL CHECK (cost >= 0),
        product_line_id INTEGER REFERENCES product_lines(id),
        UNIQUE (sale_id, line_no)
      ) STRICT;
      CREATE INDEX sale_lines_product ON sale_lines(product_id, sale_id);

      CREATE TABLE sale_collections (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        series TEXT NOT NULL DEFAULT '002' CHECK (length(series) = 3 AND series NOT GLOB '*[^0-9]*'),
        number INTEGER NOT NULL CHECK (number > 0),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        party_id INTEGER NOT NULL REFERENCES parties(id),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        owed_after INTEGER NOT NULL CHECK (owed_after >= 0),
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
      CREATE INDEX sale_collections_party ON sale_collections(party_id, date);
      CREATE INDEX sale_collections_association_date ON sale_collections(association_id, date);

      CREATE TABLE collection_allocations (
        id INTEGER PRIMARY KEY,
        collection_id INTEGER NOT NULL REFERENCES sale_collections(id) DEFERRABLE INITIALLY DEFERRED,
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        UNIQUE (collection_id, sale_id)
      ) STRICT;
      CREATE INDEX collection_allocations_sale ON collection_allocations(sale_id);

      -- ---------------------------------------------------------------- sales

      CREATE TRIGGER sales_nota_number_gapless BEFORE INSERT ON sales
      WHEN NEW.nota_number IS NOT NULL
        AND NEW.nota_number <> (SELECT COALESCE(MAX(nota_number), 0) + 1 FROM sales
                                WHERE association_id = NEW.association_id AND nota_series = NEW.nota_series)
      BEGIN SELECT RAISE(ABORT, 'sale.numberGap'); END;

      -- A sale is inserted live, with its own posted entry, its lines already written and adding up to
      -- its subtotal, naming a buyer and products of its association and, when cash, a caja or bank account.
      CREATE TRIGGER sales_insert_valid BEFORE INSERT ON sales
      BEGIN
        SELECT RAISE(ABORT, 'sale.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL OR NEW.print_count <> 0;
        SELECT RAISE(ABORT, 'sale.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'sale'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'sale.accountNotCash')
          WHERE NEW.account_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM accounts a
                             WHERE a.id = NEW.account_id AND a.association_id = NEW.association_id AND a.postable = 1
                               AND substr(a.code, 1, 2) = '10');
        SELECT RAISE(ABORT, 'sale.partyOtherAssociation')
          WHERE NEW.party_id IS NOT NULL
            AND (SELECT association_id FROM parties WHERE id = NEW.party_id) IS NOT NEW.association_id;
        SELECT RAISE(ABORT, 'sale.linesMismatch')
          WHERE (SELECT SUM(amount) FROM sale_lines WHERE sale_id = NEW.id) IS NOT NEW.subtotal;
        SELECT RAISE(ABORT, 'sale.productOtherAssociation')
          WHERE EXISTS (SELECT 1 FROM sale_lines l JOIN products p ON p.id = l.product_id
                         WHERE l.sale_id = NEW.id AND p.association_id IS NOT NEW.association_id);
      END;

      -- The one change a sale admits besides counting a print (one at a time): being voided, once, by
      -- the posted entry that reverses its own, dated on the void date.
      CREATE TRIGGER sales_immutable BEFORE UPDATE ON sales
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.date IS NOT OLD.date
        OR NEW.party_id IS NOT OLD.party_id OR NEW.document_kind IS NOT OLD.document_kind
        OR NEW.document_number IS NOT OLD.document_number OR NEW.nota_series IS NOT OLD.nota_series
        OR NEW.nota_number IS NOT OLD.nota_number OR NEW.subtotal IS NOT OLD.subtotal OR NEW.igv IS NOT OLD.igv
        OR NEW.total IS NOT OLD.total OR NEW.payment IS NOT OLD.payment OR NEW.account_id IS NOT OLD.account_id
        OR NEW.due_date IS NOT OLD.due_date OR NEW.note IS NOT OLD.note OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR NEW.print_count NOT IN (OLD.print_count, OLD.print_count + 1)
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'sale_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'sale.immutable'); END;
      CREATE TRIGGER sales_void_after_collections BEFORE UPDATE OF voided_on ON sales
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM collection_allocations a JOIN sale_collections c ON c.id = a.collection_id
                     WHERE a.sale_id = OLD.id AND c.voided_on IS NULL)
      BEGIN SELECT RAISE(ABORT, 'sale.hasCollections'); END;
      CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
      BEGIN SELECT RAISE(ABORT, 'sale.immutable'); END;

      -- Lines are written before their sale, never after it, never changed.
      CREATE TRIGGER sale_lines_before_their_sale BEFORE INSERT ON sale_lines
      WHEN EXISTS (SELECT 1 FROM sales WHERE id = NEW.sale_id)
      BEGIN SELECT RAISE(ABORT, 'sale.immutable'); END;
      CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines
      BEGIN SELECT RAISE(ABORT, 'sale.immutable'); END;
      CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines
      BEGIN SELECT RAISE(ABORT, 'sale.immutable'); END;

      -- ---------------------------------------------------------------- collections

      CREATE TRIGGER sale_collections_number_gapless BEFORE INSERT ON sale_collections
      WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM sale_collections
                          WHERE association_id = NEW.association_id AND series = NEW.series)
      BEGIN SELECT RAISE(ABORT, 'saleCollection.numberGap'); END;

      -- A collection is inserted live, with its own posted entry, into a caja or bank account, from a
      -- buyer of its association; what it pays are live credit sales of that buyer, none beyond its
      -- total, and together no more than the collection's amount.
      CREATE TRIGGER sale_collections_insert_valid BEFORE INSERT ON sale_collections
      BEGIN
        SELECT RAISE(ABORT, 'saleCollection.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL OR NEW.print_count <> 0;
        SELECT RAISE(ABORT, 'saleCollection.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'sale_collection'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'saleCollection.accountNotCash')
          WHERE NOT EXISTS (SELECT 1 FROM accounts a
                             WHERE a.id = NEW.account_id AND a.association_id = NEW.association_id AND a.postable = 1
                               AND substr(a.code, 1, 2) = '10');
        SELECT RAISE(ABORT, 'saleCollection.partyOtherAssociation')
          WHERE (SELECT association_id FROM parties WHERE id = NEW.party_id) IS NOT NEW.association_id;
        SELECT RAISE(ABORT, 'saleCollection.allocationsExceedAmount')
          WHERE COALESCE((SELECT SUM(amount) FROM collection_allocations WHERE collection_id = NEW.id), 0) > NEW.amount;
        SELECT RAISE(ABORT, 'saleCollection.saleNotOpen')
          WHERE EXISTS (SELECT 1 FROM collection_allocations a JOIN sales s ON s.id = a.sale_id
                         WHERE a.collection_id = NEW.id
                           AND (s.party_id IS NOT NEW.party_id OR s.payment <> 'credit' OR s.voided_on IS NOT NULL
                                OR s.date > NEW.date
                                OR s.total < COALESCE((SELECT SUM(b.amount) FROM collection_allocations b
                                                         JOIN sale_collections c ON c.id = b.collection_id
                                                        WHERE b.sale_id = s.id AND c.voided_on IS NULL), 0) + a.amount));
      END;

      CREATE TRIGGER sale_collections_immutable BEFORE UPDATE ON sale_collections
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.series IS NOT OLD.series
        OR NEW.number IS NOT OLD.number OR NEW.date IS NOT OLD.date OR NEW.party_id IS NOT OLD.party_id
        OR NEW.account_id IS NOT OLD.account_id OR NEW.amount IS NOT OLD.amount OR NEW.owed_after IS NOT OLD.owed_after
        OR NEW.note IS NOT OLD.note OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR NEW.print_count NOT IN (OLD.print_count, OLD.print_count + 1)
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'sale_collection_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'saleCollection.immutable'); END;
      CREATE TRIGGER sale_collections_no_delete BEFORE DELETE ON sale_collections
      BEGIN SELECT RAISE(ABORT, 'saleCollection.immutable'); END;

      -- Allocations are written before their collection, never after it, never changed: they are live
      -- exactly while their collection is.
      CREATE TRIGGER collection_allocations_before_their_collection BEFORE INSERT ON collection_allocations
      WHEN EXISTS (SELECT 1 FROM sale_collections WHERE id = NEW.collection_id)
      BEGIN SELECT RAISE(ABORT, 'saleCollection.immutable'); END;
      CREATE TRIGGER collection_allocations_no_update BEFORE UPDATE ON collection_allocations
      BEGIN SELECT RAISE(ABORT, 'saleCollection.immutable'); END;
      CREATE TRIGGER collection_allocations_no_delete BEFORE DELETE ON collection_allocations
      BEGIN SELECT RAISE(ABORT, 'saleCollection.immutable'); END;
    `);
  },
};
