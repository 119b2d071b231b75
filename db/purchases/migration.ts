import type { Migration } from '../storage/migrations';

/**
 * Version 15: purchases from suppliers, and joint purchases recharged to members.
 *
 * - purchases: one row per supplier's document (factura, boleta, recibo por honorarios, ticket, or
 *   none), always a payable to the supplier: on credit with its due date, or "paid now" (payment
 *   'cash', due the same day, settled in the same transaction by a payment voucher, db/payments).
 *   The document's series-number is stored upper-case without spaces, once per supplier among live
 *   purchases (a voided purchase frees it so the corrected one can carry it). A joint purchase
 *   (joint = 1, shares_by 'quantity'|'amount') is one bought for members and recharged to them.
 * - purchase_lines: a product (stock or not) or a concept, with quantity (thousandths) and price per
 *   whole unit, or a plain amount; the amount before IGV, its category in plain words and the account
 *   the category (or the accountant) chose. Written BEFORE their purchase (deferred key), never after.
 * - joint_purchase_shares: each member's part of a joint purchase, as a charge on the member
 *   (db/contributions/charges.ts, type "Compras conjuntas"). Written before their purchase too; they
 *   add up to the joint lines exactly, and each names a live charge of that member for that amount.
 * - Like every document: inserted live with its own posted entry ('purchase', this id, same
 *   association and date); the one change admitted is being voided once by the posted
 *   'purchase_void' entry that reverses its own, dated on the void date, and only after every share's
 *   charge was voided; never deleted. (The refusal while a live payment voucher settles it is version
 *   16's, which brings the vouchers.)
 */
export const purchasesMigration: Migration = {
  version: 15,
  description: 'purchases from suppliers, their lines, joint purchases recharged to members',
  up: (db) => {
    db.exec(`
      CREATE TABLE purchases (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        party_id INTEGER NOT NULL REFERENCES parties(id),
        document_kind TEXT NOT NULL CHECK (document_kind IN ('factura','boleta','recibo_honorarios','ticket','none')),
        document_number TEXT CHECK (document_number IS NULL OR (document_number <> '' AND length(document_number) <= 30)),
        subtotal INTEGER NOT NULL CHECK (subtotal > 0),
        igv INTEGER NOT NULL DEFAULT 0 CHECK (igv >= 0),
        total INTEGER NOT NULL,
        payment TEXT NOT NULL CHECK (payment IN ('cash','credit')),
        due_date TEXT NOT NULL CHECK (due_date >= date),
        product_line_id INTEGER REFERENCES product_lines(id),
        joint INTEGER NOT NULL DEFAULT 0 CHECK (joint IN (0,1)),
        shares_by TEXT CHECK (shares_by IS NULL OR shares_by IN ('quantity','amount')),
        note TEXT,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (total = subtotal + igv),
        CHECK ((document_kind = 'none') = (document_number IS NULL)),
        CHECK (payment = 'credit' OR due_date = date),
        CHECK ((joint = 1) = (shares_by IS NOT NULL)),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      -- A supplier's document is recorded once among live purchases.
      CREATE UNIQUE INDEX purchases_document_per_supplier ON purchases(party_id, document_number)
        WHERE document_number IS NOT NULL AND voided_on IS NULL;
      -- The list and the books (keyset by date, id); a supplier's purchases oldest due first.
      CREATE INDEX purchases_association_date ON purchases(association_id, date, id);
      CREATE INDEX purchases_party_due ON purchases(party_id, due_date, date, id);

      CREATE TABLE purchase_lines (
        id INTEGER PRIMARY KEY,
        purchase_id INTEGER NOT NULL REFERENCES purchases(id) DEFERRABLE INITIALLY DEFERRED,
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        product_id INTEGER REFERENCES products(id),
        description TEXT CHECK (description IS NULL OR (description <> '' AND length(description) <= 200)),
        quantity INTEGER CHECK (quantity IS NULL OR quantity > 0),
        unit_price INTEGER CHECK (unit_price IS NULL OR unit_price > 0),
        amount INTEGER NOT NULL CHECK (amount > 0),
        category TEXT NOT NULL CHECK (category IN ('stock','supplies_consumed','services','transport','day_labour',
                                                   'equipment','animals','other','joint')),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        product_line_id INTEGER REFERENCES product_lines(id),
        UNIQUE (purchase_id, line_no),
        CHECK (product_id IS NOT NULL OR description IS NOT NULL),
        CHECK (unit_price IS NULL OR quantity IS NOT NULL),
        CHECK (category <> 'stock' OR (product_id IS NOT NULL AND quantity IS NOT NULL))
      ) STRICT;
      CREATE INDEX purchase_lines_product ON purchase_lines(product_id, purchase_id) WHERE product_id IS NOT NULL;

      CREATE TABLE joint_purchase_shares (
        id INTEGER PRIMARY KEY,
        purchase_id INTEGER NOT NULL REFERENCES purchases(id) DEFERRABLE INITIALLY DEFERRED,
        member_id INTEGER NOT NULL REFERENCES members(id),
        quantity INTEGER CHECK (quantity IS NULL OR quantity > 0),
        amount INTEGER NOT NULL CHECK (amount > 0),
        charge_id INTEGER NOT NULL UNIQUE REFERENCES charges(id),
        UNIQUE (purchase_id, member_id)
      ) STRICT;
      CREATE INDEX joint_purchase_shares_member ON joint_purchase_shares(member_id);

      -- A purchase is inserted live, with its own posted entry, from a supplier of its association, its
      -- lines already written and adding up to its subtotal; a joint purchase with its members' shares
      -- adding up to its joint lines, none on a joint purchase's absence.
      CREATE TRIGGER purchases_insert_valid BEFORE INSERT ON purchases
      BEGIN
        SELECT RAISE(ABORT, 'purchase.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL;
        SELECT RAISE(ABORT, 'purchase.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.source_type = 'purchase'
                               AND e.source_id = NEW.id AND e.association_id = NEW.association_id AND e.date = NEW.date);
        SELECT RAISE(ABORT, 'purchase.partyOtherAssociation')
          WHERE (SELECT association_id FROM parties WHERE id = NEW.party_id) IS NOT NEW.association_id;
        SELECT RAISE(ABORT, 'purchase.linesMismatch')
          WHERE (SELECT SUM(amount) FROM purchase_lines WHERE purchase_id = NEW.id) IS NOT NEW.subtotal;
        SELECT RAISE(ABORT, 'purchase.productOtherAssociation')
          WHERE EXISTS (SELECT 1 FROM purchase_lines l JOIN products p ON p.id = l.product_id
                         WHERE l.purchase_id = NEW.id AND p.association_id IS NOT NEW.association_id);
        SELECT RAISE(ABORT, 'purchase.accountOtherAssociation')
          WHERE EXISTS (SELECT 1 FROM purchase_lines l JOIN accounts a ON a.id = l.account_id
                         WHERE l.purchase_id = NEW.id AND (a.association_id IS NOT NEW.association_id OR a.postable <> 1));
        SELECT RAISE(ABORT, 'purchase.sharesMismatch')
          WHERE (NEW.joint = 1
                 AND (SELECT SUM(amount) FROM joint_purchase_shares WHERE purchase_id = NEW.id)
                     IS NOT (SELECT SUM(amount) FROM purchase_lines WHERE purchase_id = NEW.id AND category = 'joint'))
             OR (NEW.joint = 0 AND EXISTS (SELECT 1 FROM joint_purchase_shares WHERE purchase_id = NEW.id));
        SELECT RAISE(ABORT, 'purchase.shareChargeMismatch')
          WHERE EXISTS (SELECT 1 FROM joint_purchase_shares s JOIN charges c ON c.id = s.charge_id
                         WHERE s.purchase_id = NEW.id
                           AND (c.member_id IS NOT s.member_id OR c.amount IS NOT s.amount OR c.voided_on IS NOT NULL
                                OR c.association_id IS NOT NEW.association_id));
      END;

      -- The one change a purchase admits: being voided, once, by the posted entry that reverses its
      -- own, dated on the void date.
      CREATE TRIGGER purchases_immutable BEFORE UPDATE ON purchases
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.date IS NOT OLD.date
        OR NEW.party_id IS NOT OLD.party_id OR NEW.document_kind IS NOT OLD.document_kind
        OR NEW.document_number IS NOT OLD.document_number OR NEW.subtotal IS NOT OLD.subtotal OR NEW.igv IS NOT OLD.igv
        OR NEW.total IS NOT OLD.total OR NEW.payment IS NOT OLD.payment OR NEW.due_date IS NOT OLD.due_date
        OR NEW.product_line_id IS NOT OLD.product_line_id OR NEW.joint IS NOT OLD.joint
        OR NEW.shares_by IS NOT OLD.shares_by OR NEW.note IS NOT OLD.note OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR OLD.voided_on IS NOT NULL
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.source_type = 'purchase_void' AND e.source_id = OLD.id
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on))
      BEGIN SELECT RAISE(ABORT, 'purchase.immutable'); END;
      -- Its members' shares are cancelled first: a share's charge still live keeps the purchase.
      CREATE TRIGGER purchases_void_after_shares BEFORE UPDATE OF voided_on ON purchases
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM joint_purchase_shares s JOIN charges c ON c.id = s.charge_id
                     WHERE s.purchase_id = OLD.id AND c.voided_on IS NULL)
      BEGIN SELECT RAISE(ABORT, 'purchase.sharesLive'); END;
      CREATE TRIGGER purchases_no_delete BEFORE DELETE ON purchases
      BEGIN SELECT RAISE(ABORT, 'purchase.immutable'); END;

      -- Lines and shares are written before their purchase, never after it, never changed.
      CREATE TRIGGER purchase_lines_before_their_purchase BEFORE INSERT ON purchase_lines
      WHEN EXISTS (SELECT 1 FROM purchases WHERE id = NEW.purchase_id)
      BEGIN SELECT RAISE(ABORT, 'purchase.immutable'); END;
      CREATE TRIGGER purchase_lines_no_update BEFORE UPDATE ON purchase_lines
      BEGIN SELECT RAISE(ABORT, 'purchase.immutable'); END;
      CREATE TRIGGER purchase_lines_no_delete BEFORE DELETE ON purchase_lines
      BEGIN SELECT RAISE(ABORT, 'purchase.immutable'); END;

      CREATE TRIGGER joint_purchase_shares_before_their_purchase BEFORE INSERT ON joint_purchase_shares
      WHEN EXISTS (SELECT 1 FROM purchases WHERE id = NEW.purchase_id)
      BEGIN SELECT RAISE(ABORT, 'purchase.immutable'); END;
      CREATE TRIGGER joint_purchase_shares_no_update BEFORE UPDATE ON joint_purchase_shares
      BEGIN SELECT RAISE(ABORT, 'purchase.immutable'); END;
      CREATE TRIGGER joint_purchase_shares_no_delete BEFORE DELETE ON joint_purchase_shares
      BEGIN SELECT RAISE(ABORT, 'purchase.immutable'); END;
    `);
  },
};
