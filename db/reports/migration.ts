import type { Migration } from '../storage/migrations';

// Indexes for the reports over contribution documents: contributions by member
// and the dashboard read charges and in-kind contributions by association and date.
export const reportsMigration: Migration = {
  version: 4,
  description: 'report indexes on charges and in-kind contributions by date',
  up: (db) => {
    db.exec(`
      CREATE INDEX charges_association_date ON charges(association_id, date);
      CREATE INDEX in_kind_contributions_association_date ON in_kind_contributions(association_id, date);
    `);
  },
};
