import type { Migration } from '../storage/migrations';

/**
 * Version 16: payment vouchers ("recibos de egreso"): money out to a supplier, to a day labourer, or
 * back to a member (her credit in favour refunded).
 *
 * - payment_vouchers: one row per payment out, numbered per association and series (001) without
 *   gaps, its own series apart from receipts. The payee is copied at issue as printed: name, and DNI
 *   or RUC. kind 'supplier' names the party (Dr 421/424 with the party / Cr caja or bank); 'labour'
 *   and 'other' name the expense account they debit (days: thousandths of a day, optional); kind
 *   'member_refund' names the credit refund it prints and SHARES that refund's entry (source
 *   'credit_refund'), so the money leaves the books once.
 * - voucher_allocations: which purchases a supplier payment settled and when (its own date, or the
 *   day an advance was applied to a later purchase). Live exactly while their voucher is; never
 *   changed; a purchase is never settled beyond its total, nor a voucher beyond its amount; a purchase
 *   a live voucher settles is not voided (purchase.hasPayments: void the voucher first).
 * - Like every document: inserted live with its own posted entry ('payment_voucher', this id, same
 *   association and date); the one change admitted is counting a print or being voided once by the
 *   posted 'payment_voucher_void' entry that reverses its own, dated on the void date; never deleted.
 *   A member-refund voucher is voided with its refund, by the refund's 'credit_refund_void' entry:
 *   the refund's void voids it (trigger), and it cannot be voided otherwise.
 * - Refunds recorded before this version get their voucher now, in the order they were recorded
 *   (voided ones voided as their refund is): every refund is a voucher. No entry is posted.
 */
export const paymentsMigration: Migration = {
  version: 16,
  description: 'payment vouchers (recibos de egreso) for suppliers, day labour and member refunds; their allocations to purchases',
  up: (db) => {
    db.exec(`
      CREATE TABLE payment_vouchers (
        id INTEGER PRIMARY KEY,
        association_id INTEGER NOT NULL REFERENCES associations(id),
        series TEXT NOT NULL DEFAULT '001' CHECK (length(series) = 3 AND series NOT GLOB '*[^0-9]*'),
        number INTEGER NOT NULL CHECK (number > 0),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('supplier','labour','member_refund','other')),
        party_id INTEGER REFERENCES parties(id),
        member_id INTEGER REFERENCES members(id),
        payee_name TEXT NOT NULL CHECK (payee_name <> ''),
        payee_dni TEXT CHECK (payee_dni IS NULL OR (length(payee_dni) = 8 AND payee_dni NOT GLOB '*[^0-9]*')),
        payee_ruc TEXT CHECK (payee_ruc IS NULL OR (length(payee_ruc) = 11 AND payee_ruc NOT GLOB '*[^0-9]*')),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        concept TEXT NOT NULL CHECK (concept <> ''),
        product_line_id INTEGER REFERENCES product_lines(id),
        expense_account_id INTEGER REFERENCES accounts(id),
        days INTEGER CHECK (days IS NULL OR days > 0),
        credit_refund_id INTEGER UNIQUE REFERENCES credit_refunds(id),
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
        voided_on TEXT CHECK (voided_on IS NULL OR voided_on >= date),
        voided_at TEXT,
        void_reason TEXT CHECK (void_reason IS NULL OR void_reason <> ''),
        void_entry_id INTEGER REFERENCES journal_entries(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (association_id, series, number),
        CHECK (payee_dni IS NULL OR payee_ruc IS NULL),
        CHECK (kind <> 'supplier' OR party_id IS NOT NULL),
        CHECK ((kind = 'member_refund') = (credit_refund_id IS NOT NULL)),
        CHECK (kind <> 'member_refund' OR member_id IS NOT NULL),
        CHECK ((kind IN ('labour','other')) = (expense_account_id IS NOT NULL)),
        CHECK (days IS NULL OR kind = 'labour'),
        CHECK ((voided_on IS NULL) = (void_reason IS NULL) AND (voided_on IS NULL) = (void_entry_id IS NULL)
               AND (voided_on IS NULL) = (voided_at IS NULL))
      ) STRICT;
      CREATE INDEX payment_vouchers_association_date ON payment_vouchers(association_id, date, id);
      CREATE INDEX payment_vouchers_party ON payment_vouchers(party_id, date) WHERE party_id IS NOT NULL;

      CREATE TABLE voucher_allocations (
        id INTEGER PRIMARY KEY,
        voucher_id INTEGER NOT NULL REFERENCES payment_vouchers(id),
        purchase_id INTEGER NOT NULL REFERENCES purchases(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        amount INTEGER NOT NULL CHECK (amount > 0)
      ) STRICT;
      CREATE INDEX voucher_allocations_voucher ON voucher_allocations(voucher_id);
      CREATE INDEX voucher_allocations_purchase ON voucher_allocations(purchase_id);

      -- Every refund already recorded is a voucher, numbered in the order refunds were recorded.
      INSERT INTO payment_vouchers (association_id, series, number, date, kind, member_id, payee_name, payee_dni,
             account_id, amount, concept, credit_refund_id, entry_id, voided_on, voided_at, void_reason, void_entry_id,
             created_at, created_by)
      SELECT r.association_id, '001',
             (SELECT COUNT(*) FROM credit_refunds o WHERE o.association_id = r.association_id AND o.id <= r.id),
             r.date, 'member_refund', r.member_id, m.full_name, m.dni, r.account_id, r.amount,
             'Devolución de saldo a favor: ' || r.reason, r.id, r.entry_id, r.voided_on, r.voided_at, r.void_reason,
             r.void_entry_id, r.created_at, r.created_by
        FROM credit_refunds r JOIN members m ON m.id = r.member_id
       ORDER BY r.id;

      CREATE TRIGGER payment_vouchers_number_gapless BEFORE INSERT ON payment_vouchers
      WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM payment_vouchers
                          WHERE association_id = NEW.association_id AND series = NEW.series)
      BEGIN SELECT RAISE(ABORT, 'paymentVoucher.numberGap'); END;

      -- A voucher is inserted live, with its own posted entry (a member refund's: the refund's, which
      -- pays the same member the same amount from the same account on the same day), paid from a caja
      -- or bank account of its association to a payee of its association.
      CREATE TRIGGER payment_vouchers_insert_valid BEFORE INSERT ON payment_vouchers
      BEGIN
        SELECT RAISE(ABORT, 'paymentVoucher.immutable')
          WHERE NEW.voided_on IS NOT NULL OR NEW.voided_at IS NOT NULL OR NEW.void_reason IS NOT NULL
             OR NEW.void_entry_id IS NOT NULL OR NEW.print_count <> 0;
        SELECT RAISE(ABORT, 'paymentVoucher.entryMismatch')
          WHERE NOT EXISTS (SELECT 1 FROM journal_entries e
                             WHERE e.id = NEW.entry_id AND e.posted = 1 AND e.association_id = NEW.association_id
                               AND e.date = NEW.date
                               AND ((NEW.kind <> 'member_refund' AND e.source_type = 'payment_voucher' AND e.source_id = NEW.id)
                                 OR (NEW.kind = 'member_refund' AND e.source_type = 'credit_refund'
                                     AND e.source_id = NEW.credit_refund_id)));
        SELECT RAISE(ABORT, 'paymentVoucher.refundMismatch')
          WHERE NEW.kind = 'member_refund'
            AND NOT EXISTS (SELECT 1 FROM credit_refunds r
                             WHERE r.id = NEW.credit_refund_id AND r.entry_id = NEW.entry_id AND r.voided_on IS NULL
                               AND r.member_id = NEW.member_id AND r.amount = NEW.amount AND r.account_id = NEW.account_id
                               AND r.date = NEW.date AND r.association_id = NEW.association_id);
        SELECT RAISE(ABORT, 'paymentVoucher.accountNotCash')
          WHERE NOT EXISTS (SELECT 1 FROM accounts a
                             WHERE a.id = NEW.account_id AND a.association_id = NEW.association_id AND a.postable = 1
                               AND substr(a.code, 1, 2) = '10');
        SELECT RAISE(ABORT, 'paymentVoucher.otherAssociation')
          WHERE (NEW.party_id IS NOT NULL AND (SELECT association_id FROM parties WHERE id = NEW.party_id) IS NOT NEW.association_id)
             OR (NEW.member_id IS NOT NULL AND (SELECT association_id FROM members WHERE id = NEW.member_id) IS NOT NEW.association_id)
             OR (NEW.expense_account_id IS NOT NULL
                 AND (SELECT association_id FROM accounts WHERE id = NEW.expense_account_id) IS NOT NEW.association_id)
             OR (NEW.product_line_id IS NOT NULL
                 AND (SELECT association_id FROM product_lines WHERE id = NEW.product_line_id) IS NOT NEW.association_id);
      END;

      -- The one change a voucher admits besides counting a print (one at a time): being voided, once,
      -- by the posted entry that reverses its own, dated on the void date — for a member refund, the
      -- refund's void, and only together with it.
      CREATE TRIGGER payment_vouchers_immutable BEFORE UPDATE ON payment_vouchers
      WHEN NEW.id IS NOT OLD.id OR NEW.association_id IS NOT OLD.association_id OR NEW.series IS NOT OLD.series
        OR NEW.number IS NOT OLD.number OR NEW.date IS NOT OLD.date OR NEW.kind IS NOT OLD.kind
        OR NEW.party_id IS NOT OLD.party_id OR NEW.member_id IS NOT OLD.member_id OR NEW.payee_name IS NOT OLD.payee_name
        OR NEW.payee_dni IS NOT OLD.payee_dni OR NEW.payee_ruc IS NOT OLD.payee_ruc OR NEW.account_id IS NOT OLD.account_id
        OR NEW.amount IS NOT OLD.amount OR NEW.concept IS NOT OLD.concept OR NEW.product_line_id IS NOT OLD.product_line_id
        OR NEW.expense_account_id IS NOT OLD.expense_account_id OR NEW.days IS NOT OLD.days
        OR NEW.credit_refund_id IS NOT OLD.credit_refund_id OR NEW.entry_id IS NOT OLD.entry_id
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        OR NEW.print_count NOT IN (OLD.print_count, OLD.print_count + 1)
        OR (OLD.voided_on IS NOT NULL AND (NEW.voided_on IS NOT OLD.voided_on OR NEW.voided_at IS NOT OLD.voided_at
            OR NEW.void_reason IS NOT OLD.void_reason OR NEW.void_entry_id IS NOT OLD.void_entry_id))
        OR (OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.posted = 1
                              AND e.reverses_entry_id = OLD.entry_id AND e.date = NEW.voided_on
                              AND ((OLD.kind <> 'member_refund' AND e.source_type = 'payment_voucher_void'
                                    AND e.source_id = OLD.id)
                                OR (OLD.kind = 'member_refund' AND e.source_type = 'credit_refund_void'
                                    AND e.source_id = OLD.credit_refund_id
                                    AND (SELECT voided_on FROM credit_refunds WHERE id = OLD.credit_refund_id) IS NEW.voided_on))))
      BEGIN SELECT RAISE(ABORT, 'paymentVoucher.immutable'); END;
      CREATE TRIGGER payment_vouchers_no_delete BEFORE DELETE ON payment_vouchers
      BEGIN SELECT RAISE(ABORT, 'paymentVoucher.immutable'); END;

      -- Voiding a refund (by its own void entry, as version 10 demands) voids the voucher that printed it,
      -- whoever voids it.
      CREATE TRIGGER credit_refunds_void_their_voucher AFTER UPDATE OF voided_on ON credit_refunds
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.void_entry_id AND e.source_type = 'credit_refund_void'
                      AND e.source_id = NEW.id AND e.reverses_entry_id = NEW.entry_id AND e.date = NEW.voided_on)
      BEGIN
        UPDATE payment_vouchers
           SET voided_on = NEW.voided_on, voided_at = NEW.voided_at, void_reason = NEW.void_reason,
               void_entry_id = NEW.void_entry_id
         WHERE credit_refund_id = NEW.id AND voided_on IS NULL;
      END;

      -- An allocation settles a live purchase of the voucher's supplier, on or after the purchase's
      -- date and the voucher's; never a purchase beyond its total (live allocations counted) nor a
      -- voucher beyond its amount. Written after its voucher, never changed: it is live exactly while
      -- its voucher is.
      CREATE TRIGGER voucher_allocations_insert BEFORE INSERT ON voucher_allocations
      BEGIN
        SELECT RAISE(ABORT, 'paymentVoucher.allocationNotSupplier')
          WHERE NOT EXISTS (SELECT 1 FROM payment_vouchers v
                             WHERE v.id = NEW.voucher_id AND v.kind = 'supplier' AND v.voided_on IS NULL AND v.date <= NEW.date);
        SELECT RAISE(ABORT, 'paymentVoucher.allocationsExceedAmount')
          WHERE (SELECT COALESCE(SUM(amount), 0) FROM voucher_allocations WHERE voucher_id = NEW.voucher_id) + NEW.amount
                > (SELECT amount FROM payment_vouchers WHERE id = NEW.voucher_id);
        SELECT RAISE(ABORT, 'paymentVoucher.purchaseNotOpen')
          WHERE NOT EXISTS (SELECT 1 FROM purchases p JOIN payment_vouchers v ON v.id = NEW.voucher_id
                             WHERE p.id = NEW.purchase_id AND p.party_id = v.party_id AND p.association_id = v.association_id
                               AND p.voided_on IS NULL AND p.date <= NEW.date
                               AND p.total >= NEW.amount + COALESCE((SELECT SUM(a.amount) FROM voucher_allocations a
                                                 JOIN payment_vouchers w ON w.id = a.voucher_id
                                                WHERE a.purchase_id = p.id AND w.voided_on IS NULL), 0));
      END;
      -- A purchase a live voucher settles is not voided: void the voucher first.
      CREATE TRIGGER purchases_void_after_vouchers BEFORE UPDATE OF voided_on ON purchases
      WHEN OLD.voided_on IS NULL AND NEW.voided_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM voucher_allocations a JOIN payment_vouchers v ON v.id = a.voucher_id
                     WHERE a.purchase_id = OLD.id AND v.voided_on IS NULL)
      BEGIN SELECT RAISE(ABORT, 'purchase.hasPayments'); END;

      CREATE TRIGGER voucher_allocations_no_update BEFORE UPDATE ON voucher_allocations
      BEGIN SELECT RAISE(ABORT, 'paymentVoucher.immutable'); END;
      CREATE TRIGGER voucher_allocations_no_delete BEFORE DELETE ON voucher_allocations
      BEGIN SELECT RAISE(ABORT, 'paymentVoucher.immutable'); END;

      -- The entries of a voucher are reversed only by its void (version 9's documents_reversed_by_their_void
      -- covers every source type).
    `);
  },
};
