import type { Migration } from '../storage/migrations';

/**
 * Version 20: a party's balance on an account is read from one index.
 *
 * The ODEL summary sums every supplier's and buyer's balance (421, 424, 121) of every association;
 * through journal_lines_account_date each of those lines cost a lookup in the table for its party,
 * 55 ms at 1M lines. This partial index holds only the lines that carry a party (a few percent of
 * the journal), in (account, party) order, with the date and amount, so the sum never leaves it.
 */
export const partyBalanceIndexMigration: Migration = {
  version: 20,
  description: 'index of the journal lines that carry a party, by account and party, with date and amount',
  up: (db) => {
    db.exec(`
      CREATE INDEX journal_lines_account_party ON journal_lines(account_id, party_id, date, amount)
        WHERE party_id IS NOT NULL;
    `);
  },
};
